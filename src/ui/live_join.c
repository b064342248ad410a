/* The live player full screen: what the host says, drawn like the
 * single-player game (header, question, choices, countdown bar, verdict),
 * and the keys pressed sent back. It decides nothing: the countdown runs
 * from the question's arrival for the eye only; the host's verdict counts. */

#include <curses.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/utf8.h"
#include "core/util.h"
#include "net/join.h"
#include "signals.h"
#include "ui.h"

enum view { V_WAIT, V_READY, V_QUESTION, V_RESULT, V_BOARD, V_PODIUM };

struct pscreen {
	struct app a;
	struct join_player *p;
	enum view v;
	char status[400];         /* one line under the body */
	struct wire_msg m;        /* the host's last ready/question/result/board */
	struct countdown cd;
	int sel;
	char text[WIRE_TEXT_MAX + 1];
	size_t tlen;
	bool locked;
	int score;
	int final_rank;           /* from the podium; 0 before */
	bool refused;             /* an error before we were in */
	char nick[WIRE_NICK_BYTES];
};

static void
keep(struct pscreen *u, const struct wire_msg *m)
{
	wire_msg_fini(&u->m);
	u->m = *m;                /* the strings move over */
}

static void
draw_question(struct pscreen *u, int64_t now)
{
	const struct wire_msg *m = &u->m;
	int y = 3, k;

	y += text_block(y, 2, u->a.cols - 4, m->text, 8) + 1;
	if (u->v == V_READY) {
		mvaddstr(y + 1, 2, "Get ready...");
		return;
	}
	if (m->qtype == WQ_CHOICE) {
		for (k = 0; k < m->nchoices && y < u->a.rows - 5; k++, y++) {
			char num[16];

			snprintf(num, sizeof num, "%d  ", k + 1);
			if (k == u->sel && !u->locked)
				attrset(A_REVERSE);
			mvaddstr(y, 2, num);
			text_put(y, 5, m->choices[k], strlen(m->choices[k]),
			    u->a.cols - 8);
			attrset(A_NORMAL);
		}
	} else if (m->qtype == WQ_TRUEFALSE) {
		mvaddstr(y, 2, "t  True");
		mvaddstr(y + 1, 2, "f  False");
	} else {
		mvaddstr(y, 2, "> ");
		text_put(y, 4, u->text, u->tlen, u->a.cols - 6);
	}
	draw_bar(&u->a, u->a.rows - 4, &u->cd, now);
	if (u->locked)
		mvaddstr(u->a.rows - 3, 2, "Answer locked in");
	else if (countdown_expired(&u->cd, now))
		mvaddstr(u->a.rows - 3, 2, "Time's up: waiting for the host");
}

static void
draw_result(struct pscreen *u)
{
	const struct wire_msg *m = &u->m;
	char line[200];

	attrset(ui_attr(&u->a, m->correct ? C_GOOD : C_BAD) | A_BOLD);
	mvaddstr(4, 2, m->correct ? "Correct!" : m->timed_out ? "Time's up" :
	    "Wrong");
	attrset(A_NORMAL);
	snprintf(line, sizeof line, "The answer: %s", m->answer);
	text_put(6, 2, line, strlen(line), u->a.cols - 4);
	snprintf(line, sizeof line, "+%d points   streak %d   score %d",
	    m->points, m->streak, m->score);
	mvaddstr(8, 2, line);
	if (m->gap > 0)
		snprintf(line, sizeof line, "rank %d, %d behind the player ahead",
		    m->rank, m->gap);
	else
		snprintf(line, sizeof line, "rank %d", m->rank);
	mvaddstr(9, 2, line);
}

static void
draw_board(struct pscreen *u)
{
	const struct wire_msg *m = &u->m;
	char line[128];
	int i;

	mvaddstr(3, 2, u->v == V_PODIUM ? "Final standings" : "Top 5");
	for (i = 0; i < m->ntop; i++) {
		snprintf(line, sizeof line, "%3d. %-16s %7d", m->top[i].rank,
		    m->top[i].nick, m->top[i].score);
		text_put(5 + i, 2, line, strlen(line), u->a.cols - 4);
	}
	snprintf(line, sizeof line, u->v == V_PODIUM ?
	    "You finished #%d with %d points" : "You are #%d with %d points",
	    m->rank, m->score);
	attrset(A_BOLD);
	mvaddstr(6 + m->ntop, 2, line);
	attrset(A_NORMAL);
}

static void
draw(struct pscreen *u, int64_t now)
{
	char right[96];

	erase();
	snprintf(right, sizeof right, "%s   Score %d", u->nick, u->score);
	draw_header(&u->a, "termquiz live", right);
	if (u->a.cols < MIN_COLS || u->a.rows < 12) {
		draw_too_small(&u->a, MIN_COLS, 12, NULL);
	} else {
		switch (u->v) {
		case V_WAIT: break;
		case V_READY:
		case V_QUESTION: draw_question(u, now); break;
		case V_RESULT: draw_result(u); break;
		case V_BOARD:
		case V_PODIUM: draw_board(u); break;
		}
		text_put(u->a.rows - 2, 2, u->status, strlen(u->status),
		    u->a.cols - 4);
		draw_footer(&u->a, u->v == V_QUESTION && u->m.qtype == WQ_TEXT ?
		    "Enter send   Ctrl-C leave" : "keys answer   q leave");
	}
	wnoutrefresh(stdscr);
	doupdate();
}

/* A message from the host: what to show. Returns false at bye. */
static bool
on_msg(struct pscreen *u, struct wire_msg *m, int64_t now)
{
	struct wire_msg pong = { .t = W_PONG };

	switch (m->t) {
	case W_WELCOME:
		snprintf(u->nick, sizeof u->nick, "%s", m->nick);
		memcpy(u->p->token, m->token, sizeof u->p->token);
		u->p->welcomed = true;
		snprintf(u->status, sizeof u->status, "You're in, %s — waiting "
		    "for the host", m->nick);
		break;
	case W_LOBBY:
		if (u->v == V_WAIT)
			snprintf(u->status, sizeof u->status, "You're in, %s — "
			    "%d in the game, waiting for the host", u->nick,
			    m->players);
		break;
	case W_READY:
		u->v = V_READY;
		u->status[0] = '\0';
		keep(u, m);
		return true;
	case W_QUESTION:
		u->v = V_QUESTION;
		u->sel = 0;
		u->tlen = 0;
		u->text[0] = '\0';
		u->locked = false;
		u->status[0] = '\0';
		countdown_start(&u->cd, now, m->limit_ms > 0 ?
		    m->left_ms / 1000.0 : 0);
		keep(u, m);
		flushinp();   /* keys pressed before it do not answer it */
		return true;
	case W_ACK:
		u->locked = m->ok;
		if (!m->ok)
			snprintf(u->status, sizeof u->status, "Not taken: %s",
			    m->why ? m->why : "refused");
		break;
	case W_RESULT:
		u->v = V_RESULT;
		u->score = m->score;
		keep(u, m);
		return true;
	case W_BOARD:
	case W_PODIUM:
		u->v = m->t == W_PODIUM ? V_PODIUM : V_BOARD;
		u->score = m->score;
		if (m->t == W_PODIUM)
			u->final_rank = m->rank;
		u->status[0] = '\0';
		keep(u, m);
		return true;
	case W_PING:
		pong.n = m->n;
		join_send(u->p, &pong);
		break;
	case W_ERROR:
		snprintf(u->status, sizeof u->status, "The host says: %s",
		    m->text);
		if (!u->p->welcomed) {
			/* A wrong PIN, a taken nickname: said after the screen
			 * is given back. */
			u->refused = true;
			wire_msg_fini(m);
			return false;
		}
		break;
	case W_BYE:
		snprintf(u->status, sizeof u->status, "Goodbye: %s.", m->why);
		wire_msg_fini(m);
		return false;
	default: break;
	}
	wire_msg_fini(m);
	return true;
}

static void
send_answer(struct pscreen *u, enum wire_akind kind, int index, bool value)
{
	struct wire_msg a = { .t = W_ANSWER, .q = u->m.q, .akind = kind,
	    .a_index = index, .a_bool = value };

	if (kind == WA_TEXT)
		a.a_text = u->text;
	join_send(u->p, &a);
}

/* A key. Returns false when the player leaves. */
static bool
on_key(struct pscreen *u, int r, wint_t ch)
{
	bool open = u->v == V_QUESTION && !u->locked;

	if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
		getmaxyx(stdscr, u->a.rows, u->a.cols);
		return true;
	}
	if (open && u->m.qtype == WQ_TEXT) {
		if (r == OK && (ch == '\r' || ch == '\n')) {
			if (u->tlen > 0)
				send_answer(u, WA_TEXT, 0, false);
		} else if ((r == KEY_CODE_YES && ch == KEY_BACKSPACE) ||
		    (r == OK && (ch == 127 || ch == 8))) {
			while (u->tlen > 0 && ((unsigned char)u->text[--u->tlen]
			    & 0xC0) == 0x80)
				;
			u->text[u->tlen] = '\0';
		} else if (r == OK && ch >= 0x20 && ch != 0x7f) {
			char buf[8];
			size_t n = utf8_encode((uint32_t)ch, buf);

			if (u->tlen + n <= WIRE_TEXT_MAX) {
				memcpy(u->text + u->tlen, buf, n);
				u->tlen += n;
				u->text[u->tlen] = '\0';
			}
		}
		return true;
	}
	if (r == OK && (ch == 'q' || ch == 'Q')) {
		struct wire_msg l = { .t = W_LEAVE };

		join_send(u->p, &l);
		return false;
	}
	if (!open)
		return true;
	if (u->m.qtype == WQ_CHOICE) {
		if (r == OK && ch >= '1' && ch < '1' + (wint_t)u->m.nchoices)
			send_answer(u, WA_INDEX, (int)(ch - '1'), false);
		else if (r == KEY_CODE_YES && ch == KEY_UP && u->sel > 0)
			u->sel--;
		else if (r == KEY_CODE_YES && ch == KEY_DOWN &&
		    u->sel + 1 < u->m.nchoices)
			u->sel++;
		else if ((r == OK && (ch == '\r' || ch == '\n')) ||
		    (r == KEY_CODE_YES && ch == KEY_ENTER))
			send_answer(u, WA_INDEX, u->sel, false);
	} else if (r == OK && (ch == 't' || ch == 'T' || ch == 'f' ||
	    ch == 'F')) {
		send_answer(u, WA_BOOL, 0, ch == 't' || ch == 'T');
	}
	return true;
}

enum pend { P_ON, P_BYE, P_LEFT, P_LOST, P_SIGNAL };

static enum pend
read_host(struct pscreen *u, int64_t now)
{
	char line[WIRE_LINE_MAX], err[32];
	size_t len;
	long r = net_in_read(&u->p->in, u->p->fd);
	int got;

	if (r == 0 || (r < 0 && errno != EAGAIN && errno != EWOULDBLOCK))
		return P_LOST;
	while ((got = net_in_take(&u->p->in, line, &len)) > 0) {
		struct wire_msg m;

		if (wire_decode(line, len, &m, err, sizeof err) < 0)
			continue;
		if (!on_msg(u, &m, now))
			return P_BYE;
	}
	return got < 0 ? P_LOST : P_ON;
}

static enum pend
loop(struct pscreen *u)
{
	for (;;) {
		struct pollfd f[2] = {
			{ .fd = u->p->fd, .events = POLLIN |
			    (net_out_pending(&u->p->out) ? POLLOUT : 0) },
			{ .fd = STDIN_FILENO, .events = POLLIN },
		};
		int64_t now = clock_now();
		int wait = u->v == V_QUESTION && !u->locked &&
		    !countdown_expired(&u->cd, now) ? FRAME_MS : -1;
		enum pend e;
		wint_t ch;
		int r;

		if (signals_caught())
			return P_SIGNAL;
		draw(u, now);
		if (poll(f, 2, wait) < 0 && errno != EINTR)
			return P_LOST;
		now = clock_now();
		if ((f[0].revents & POLLOUT) &&
		    net_out_flush(&u->p->out, u->p->fd) < 0)
			return P_LOST;
		if (f[0].revents & (POLLIN | POLLHUP | POLLERR)) {
			e = read_host(u, now);
			if (e != P_ON)
				return e;
		}
		/* Keys, and a resize that cut the poll short. */
		while ((r = wget_wch(stdscr, &ch)) != ERR)
			if (!on_key(u, r, ch))
				return P_LEFT;
	}
}

int
ui_live_join(struct session *s, const struct join_opts *o)
{
	struct join_player p;
	struct pscreen u;
	char err[300];
	enum pend e;

	if (join_setup(&p, o) < 0)
		return 1;
	if (join_connect(&p, o->token != NULL, err, sizeof err) < 0) {
		fprintf(stderr, "termquiz: %s\n", err);
		return 1;
	}
	memset(&u, 0, sizeof u);
	u.a.s = s;
	u.p = &p;
	snprintf(u.nick, sizeof u.nick, "%s", p.nick);
	snprintf(u.status, sizeof u.status, "Joining %s:%s...", p.host, p.port);
	ui_open(&u.a);
	nodelay(stdscr, TRUE);
	do {
		e = loop(&u);
		if (e == P_LOST) {
			snprintf(u.status, sizeof u.status, "Connection lost: "
			    "trying to get back in...");
			draw(&u, clock_now());
		}
	} while (e == P_LOST && join_reconnect(&p, false));
	ui_restore();
	if (p.fd >= 0)
		close(p.fd);
	net_out_fini(&p.out);
	wire_msg_fini(&u.m);
	/* The last word goes to the restored terminal, where it stays. */
	if (u.refused) {
		printf("%s\n", u.status);
		return 1;
	}
	if (e == P_LOST)
		printf("The host has gone away: the game ended without a "
		    "podium. Your score: %d.\n", u.score);
	else if (e == P_LEFT || e == P_SIGNAL)
		printf("You left the game. Your score: %d.\n", u.score);
	else if (u.final_rank > 0)
		printf("%s You finished #%d with %d points.\n", u.status,
		    u.final_rank, u.score);
	else
		printf("%s Your score: %d.\n", u.status, u.score);
	if (p.welcomed && e != P_BYE && e != P_LEFT)
		printf("Rejoin with: termquiz --join %s:%s --resume %s\n",
		    p.host, p.port, p.token);
	return e == P_LOST ? 1 : 0;
}
