/* The player in line mode: for screen readers and scripts. */

#include "net/join.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/live.h"
#include "core/util.h"
#include "net/conn.h"
#include "signals.h"

#define CONNECT_MS 5000
#define RECONNECT_US (3 * (int64_t)CLOCK_US)

enum step { GO_ON, END_OK, END_FAIL, ASK_PIN, ASK_NICK, LOST };


void
join_send(struct join_player *p, const struct wire_msg *m)
{
	char *line = wire_encode(m);

	net_out_add(&p->out, line, strlen(line));
	free(line);
	net_out_flush(&p->out, p->fd);
}

/* A line from the keyboard, waiting as long as it takes; false at EOF or
 * on a signal. */
static bool
ask(struct join_player *p, const char *prompt, char *buf, size_t size)
{
	char line[WIRE_LINE_MAX];
	size_t len;

	fputs(prompt, stdout);
	fflush(stdout);
	for (;;) {
		struct pollfd f = { .fd = STDIN_FILENO, .events = POLLIN };

		if (net_in_take(&p->kbd, line, &len) > 0) {
			if (len > 0 && line[len - 1] == '\r')
				line[--len] = '\0';
			if (len >= size)
				len = size - 1;   /* cut, never overflow */
			memcpy(buf, line, len);
			buf[len] = '\0';
			return true;
		}
		if (p->kbd_eof || signals_caught())
			return false;
		if (poll(&f, 1, -1) < 0 && errno == EINTR)
			continue;
		if (net_in_read(&p->kbd, STDIN_FILENO) <= 0 && errno != EAGAIN)
			p->kbd_eof = true;
	}
}

static bool
ask_pin(struct join_player *p)
{
	return ask(p, "PIN: ", p->pin, sizeof p->pin);
}

static bool
ask_nick(struct join_player *p, const char *dflt)
{
	char buf[256], prompt[128];
	const char *why;

	if (dflt != NULL)
		snprintf(prompt, sizeof prompt, "Nickname [%s]: ", dflt);
	else
		snprintf(prompt, sizeof prompt, "Nickname: ");
	for (;;) {
		if (!ask(p, prompt, buf, sizeof buf))
			return false;
		if (buf[0] == '\0' && dflt != NULL)
			snprintf(buf, sizeof buf, "%s", dflt);
		why = live_nick_error(buf);
		if (why == NULL && strlen(buf) < sizeof p->nick) {
			strcpy(p->nick, buf);
			return true;
		}
		printf("%s.\n", why ? why : "that nickname is too long");
	}
}

int
join_connect(struct join_player *p, bool resume, char *err, size_t errlen)
{
	struct wire_msg m = { .v = WIRE_VERSION };

	p->fd = net_connect(p->host, p->port, CONNECT_MS, err, errlen);
	if (p->fd < 0)
		return -1;
	memset(&p->in, 0, sizeof p->in);
	net_out_fini(&p->out);
	if (resume) {
		m.t = W_RESUME;
		memcpy(m.token, p->token, sizeof m.token);
	} else {
		m.t = W_JOIN;
		snprintf(m.pin, sizeof m.pin, "%s", p->pin);
		snprintf(m.nick, sizeof m.nick, "%s", p->nick);
	}
	join_send(p, &m);
	return 0;
}

static const char *
ordinal(int n)
{
	static char buf[16];
	const char *suf = "th";

	if (n % 100 < 11 || n % 100 > 13)
		suf = n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ?
		    "rd" : "th";
	snprintf(buf, sizeof buf, "%d%s", n, suf);
	return buf;
}

static void
show_question(struct join_player *p, const struct wire_msg *m, int64_t now)
{
	int k;

	p->open = true;
	p->q = m->q;
	p->qtype = (int)m->qtype;
	p->nchoices = m->nchoices;
	p->answered = p->timeup_said = false;
	/* The countdown runs from the line's arrival, whatever our clock. */
	p->deadline = m->limit_ms > 0 ? now + (int64_t)m->left_ms * 1000 :
	    CLOCK_NEVER;
	printf("Question %d of %d: %s\n", m->q, m->of, m->text);
	for (k = 0; k < m->nchoices; k++)
		printf("  %d) %s\n", k + 1, m->choices[k]);
	if (m->qtype == WQ_CHOICE)
		printf("Answer with 1-%d", m->nchoices);
	else if (m->qtype == WQ_TRUEFALSE)
		printf("Answer with t (true) or f (false)");
	else
		printf("Type your answer");
	if (m->limit_ms > 0)
		printf(" (%d s)", (m->left_ms + 999) / 1000);
	printf(":\n");
}

static void
show_result(struct join_player *p, const struct wire_msg *m)
{
	p->open = false;
	p->score = m->score;
	if (m->correct)
		printf("Correct! +%d points\n", m->points);
	else if (m->timed_out)
		printf("Time's up. The answer: %s\n", m->answer);
	else
		printf("Wrong. The answer: %s\n", m->answer);
	printf("Score %d, streak %d, rank %s", m->score, m->streak,
	    ordinal(m->rank));
	if (m->gap > 0)
		printf(", %d behind the player ahead", m->gap);
	printf("\n");
	if (m->explanation != NULL)
		printf("%s\n", m->explanation);
}

static void
show_board(struct join_player *p, const struct wire_msg *m)
{
	int i;

	p->score = m->score;
	printf(m->t == W_PODIUM ? "Final standings:\n" : "Top %d:\n", m->ntop);
	for (i = 0; i < m->ntop; i++)
		printf("  %d. %s %d\n", m->top[i].rank, m->top[i].nick,
		    m->top[i].score);
	p->podium = m->t == W_PODIUM;
	if (m->t == W_PODIUM)
		printf("You finished %s with %d points.\n", ordinal(m->rank),
		    m->score);
	else
		printf("You are %s with %d points.\n", ordinal(m->rank),
		    m->score);
}

static enum step
on_error(struct join_player *p, const struct wire_msg *m)
{
	printf("The host says: %s\n", m->text);
	if (strcmp(m->code, "bad_pin") == 0)
		return p->o->pin == NULL ? ASK_PIN : END_FAIL;
	if (strcmp(m->code, "nick_taken") == 0 ||
	    strcmp(m->code, "bad_nick") == 0)
		return p->o->nick == NULL ? ASK_NICK : END_FAIL;
	/* Other errors (a message it could not read) leave us in the game. */
	return p->welcomed ? GO_ON : END_FAIL;
}

static enum step
on_message(struct join_player *p, const struct wire_msg *m, int64_t now)
{
	struct wire_msg pong = { .t = W_PONG };

	switch (m->t) {
	case W_WELCOME:
		if (p->welcomed) {
			printf("Back in the game, %s.\n", m->nick);
		} else {
			printf("You're in, %s — waiting for the host.\n",
			    m->nick);
			printf("If you are cut off, rejoin with:\n"
			    "  termquiz --join %s:%s --resume %s\n", p->host,
			    p->port, m->token);
		}
		p->welcomed = true;
		snprintf(p->nick, sizeof p->nick, "%s", m->nick);
		memcpy(p->token, m->token, sizeof p->token);
		break;
	case W_LOBBY:
		/* After a podium the host plays again: a game from zero. (A
		 * resume gets a lobby line before the game's phase.) */
		if (p->podium) {
			p->podium = false;
			p->score = 0;
			printf("Another game: you're in, %s — waiting for the "
			    "host.\n", p->nick);
		}
		if (m->players != p->players)
			printf("%d player%s in the game\n", m->players,
			    m->players == 1 ? "" : "s");
		p->players = m->players;
		break;
	case W_READY:
		p->open = false;
		printf("Get ready: question %d of %d\n%s\n", m->q, m->of,
		    m->text);
		break;
	case W_QUESTION: show_question(p, m, now); break;
	case W_ACK:
		if (m->ok) {
			p->answered = true;
			printf("Answer locked in.\n");
		} else {
			printf("Not taken: %s\n", m->why ? m->why : "refused");
		}
		break;
	case W_RESULT: show_result(p, m); break;
	case W_BOARD:
	case W_PODIUM: show_board(p, m); break;
	case W_PING:
		pong.n = m->n;
		join_send(p, &pong);
		break;
	case W_ERROR: return on_error(p, m);
	case W_BYE:
		printf("Goodbye: %s.\n", m->why);
		return END_OK;
	default: break;
	}
	return GO_ON;
}

/* A line typed while a question is open: the answer it means, if any. */
static void
on_typed(struct join_player *p, char *line)
{
	struct wire_msg m = { .t = W_ANSWER, .q = p->q };
	size_t n = strlen(line);
	char *end;
	long k;

	if (n > 0 && line[n - 1] == '\r')
		line[--n] = '\0';
	if (!p->open || n == 0)
		return;
	if (p->answered) {
		printf("Your answer is already locked in.\n");
		return;
	}
	if (p->qtype == WQ_CHOICE) {
		k = strtol(line, &end, 10);
		if (*end != '\0' || k < 1 || k > p->nchoices) {
			printf("Type a number from 1 to %d.\n", p->nchoices);
			return;
		}
		m.akind = WA_INDEX;
		m.a_index = (int)k - 1;
	} else if (p->qtype == WQ_TRUEFALSE) {
		m.akind = WA_BOOL;
		if (strchr("tTyY", line[0]) && (n == 1 ||
		    !strcasecmp(line, "true") || !strcasecmp(line, "yes")))
			m.a_bool = true;
		else if (strchr("fFnN", line[0]) && (n == 1 ||
		    !strcasecmp(line, "false") || !strcasecmp(line, "no")))
			m.a_bool = false;
		else {
			printf("Type t (true) or f (false).\n");
			return;
		}
	} else {
		if (n > WIRE_TEXT_MAX) {
			printf("At most %d bytes, please.\n", WIRE_TEXT_MAX);
			return;
		}
		m.akind = WA_TEXT;
		m.a_text = line;
	}
	join_send(p, &m);
}

static int
wait_ms(const struct join_player *p, int64_t now)
{
	int64_t d;

	if (!p->open || p->answered || p->timeup_said ||
	    p->deadline == CLOCK_NEVER)
		return -1;
	d = p->deadline - now;
	return d <= 0 ? 0 : (int)((d + 999) / 1000);
}

static enum step
read_host(struct join_player *p)
{
	char line[WIRE_LINE_MAX], err[32];
	size_t len;
	long r = net_in_read(&p->in, p->fd);
	int64_t now = clock_now();
	int got;

	if (r == 0 || (r < 0 && errno != EAGAIN && errno != EWOULDBLOCK))
		return LOST;
	while ((got = net_in_take(&p->in, line, &len)) > 0) {
		struct wire_msg m;
		enum step e;

		if (wire_decode(line, len, &m, err, sizeof err) < 0)
			continue;   /* what we cannot read is not shown */
		e = on_message(p, &m, now);
		wire_msg_fini(&m);
		if (e != GO_ON)
			return e;
	}
	return got < 0 ? LOST : GO_ON;
}

static void
read_keys(struct join_player *p)
{
	char line[WIRE_LINE_MAX];
	size_t len;
	long r = net_in_read(&p->kbd, STDIN_FILENO);

	/* End of input leaves the keyboard, not the game. */
	if (r == 0 || (r < 0 && errno != EAGAIN && errno != EINTR))
		p->kbd_eof = true;
	while (net_in_take(&p->kbd, line, &len) > 0)
		on_typed(p, line);
	if (p->kbd.len == sizeof p->kbd.buf)
		p->kbd.len = 0;   /* a line too long to be an answer */
}

/* The game, until it ends or the connection is lost. */
static enum step
play(struct join_player *p)
{
	for (;;) {
		struct pollfd f[2] = {
			{ .fd = p->fd, .events = POLLIN |
			    (net_out_pending(&p->out) ? POLLOUT : 0) },
			{ .fd = p->kbd_eof ? -1 : STDIN_FILENO, .events = POLLIN },
		};
		int64_t now = clock_now();
		enum step e;

		if (signals_caught()) {
			/* Ctrl-C leaves the game; a hang-up or kill can
			 * still resume with the token. */
			if (signals_caught() == SIGINT) {
				struct wire_msg l = { .t = W_LEAVE };

				join_send(p, &l);
			}
			return END_OK;
		}
		if (p->open && !p->answered && !p->timeup_said &&
		    p->deadline != CLOCK_NEVER && now >= p->deadline) {
			p->timeup_said = true;
			printf("Time's up: waiting for the host.\n");
		}
		fflush(stdout);
		if (poll(f, 2, wait_ms(p, now)) < 0) {
			if (errno == EINTR)
				continue;
			return LOST;
		}
		if (f[0].revents & POLLOUT && net_out_flush(&p->out, p->fd) < 0)
			return LOST;
		if (f[0].revents & (POLLIN | POLLHUP | POLLERR)) {
			e = read_host(p);
			if (e != GO_ON)
				return e;
		}
		if (f[1].revents)
			read_keys(p);
	}
}

/* The connection dropped: try to resume for a few seconds. */
bool
join_reconnect(struct join_player *p, bool say)
{
	int64_t end = clock_now() + RECONNECT_US;
	char err[300];

	close(p->fd);
	p->fd = -1;
	if (!p->welcomed)
		return false;
	if (say) {
		printf("Connection lost: trying to get back in...\n");
		fflush(stdout);
	}
	while (clock_now() < end && !signals_caught()) {
		struct pollfd none = { .fd = -1 };

		if (join_connect(p, true, err, sizeof err) == 0)
			return true;
		poll(&none, 0, 300);
	}
	return false;
}

int
join_setup(struct join_player *p, const struct join_opts *o)
{
	char err[300];
	const char *user = getenv("USER");

	memset(p, 0, sizeof *p);
	p->o = o;
	p->fd = -1;
	if (net_split_addr(o->addr, "127.0.0.1", p->host, sizeof p->host,
	    p->port, sizeof p->port, err, sizeof err) < 0) {
		fprintf(stderr, "termquiz: --join %s\n", err);
		return -1;
	}
	if (o->token != NULL) {
		snprintf(p->token, sizeof p->token, "%s", o->token);
		p->welcomed = true;
		return 0;
	}
	if (o->pin != NULL)
		snprintf(p->pin, sizeof p->pin, "%s", o->pin);
	else if (!ask_pin(p))
		return -1;
	if (user != NULL && (live_nick_error(user) != NULL ||
	    strlen(user) >= sizeof p->nick))
		user = NULL;
	if (o->nick != NULL)
		snprintf(p->nick, sizeof p->nick, "%s", o->nick);
	else if (isatty(STDIN_FILENO) && !ask_nick(p, user))
		return -1;   /* asked, offering $USER (over SSH all are one user) */
	else if (!isatty(STDIN_FILENO) && user != NULL)
		snprintf(p->nick, sizeof p->nick, "%s", user);
	else if (!isatty(STDIN_FILENO) && !ask_nick(p, NULL))
		return -1;
	return 0;
}

int
join_run_plain(const struct join_opts *o)
{
	struct join_player p;
	char err[300];
	enum step e;
	bool resume;

	if (join_setup(&p, o) < 0)
		return 1;
	if (o->nick != NULL && live_nick_error(o->nick) != NULL) {
		fprintf(stderr, "termquiz: --name: %s\n", live_nick_error(o->nick));
		return 2;
	}
	resume = o->token != NULL;
	for (;;) {
		if (join_connect(&p, resume, err, sizeof err) < 0) {
			fprintf(stderr, "termquiz: %s\n", err);
			return 1;
		}
		do
			e = play(&p);
		while (e == LOST && join_reconnect(&p, true));
		if (p.fd >= 0)
			close(p.fd);
		p.fd = -1;
		if (e == ASK_PIN && ask_pin(&p))
			continue;
		if (e == ASK_NICK && ask_nick(&p, NULL))
			continue;
		break;
	}
	net_out_fini(&p.out);
	if (e == LOST) {
		printf("The host has gone away: the game ended without a "
		    "podium. Your score: %d.\n", p.score);
		fflush(stdout);
		return 1;
	}
	if (e == END_OK && signals_caught()) {
		printf("You left the game.\n");
	}
	fflush(stdout);
	return e == END_OK ? 0 : 1;
}
