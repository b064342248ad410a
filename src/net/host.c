#define _GNU_SOURCE   /* accept4 */
#include "net/host.h"

#include <errno.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/util.h"
#include "signals.h"

#define ACCEPT_BURST 32    /* a turn of the loop accepts at most this many */
#define LOBBY_EVERY_US (200 * 1000)

/* --- peers ----------------------------------------------------------------- */

static void
trace(struct host *h, const char *what, int q, int id, int64_t t)
{
	if (h->trace != NULL)
		fprintf(h->trace, "%s %d %d %lld\n", what, q, id, (long long)t);
}

static void
peer_close(struct host *h, int k)
{
	struct peer *p = &h->pe[k];
	int id = p->id;

	if (p->fd < 0)
		return;
	close(p->fd);
	p->fd = -1;
	net_out_fini(&p->out);
	if (id >= 0 && h->peer_of[id] == k) {
		h->peer_of[id] = -1;
		if (!h->L->p[id].left)
			live_drop(h->L, id);
		h->lobby_dirty = true;
		if (h->view->event)
			h->view->event(h, HOST_EV_GONE, id, clock_now());
	}
}

/* Write what the kernel takes; stamp the question's t0 when its line is
 * all in. */
static void
peer_flush(struct host *h, int k)
{
	struct peer *p = &h->pe[k];

	if (p->fd < 0)
		return;
	if (net_out_flush(&p->out, p->fd) < 0) {
		peer_close(h, k);
		return;
	}
	if (p->q_mark != 0 && p->out.written >= p->q_mark) {
		int64_t t0 = clock_now();

		p->q_mark = 0;
		if (p->id >= 0) {
			live_delivered(h->L, p->id, t0);
			trace(h, "t0", h->L->q + 1, p->id, t0);
		}
	}
	if (p->closing && net_out_pending(&p->out) == 0)
		peer_close(h, k);
}

/* Queue an encoded line for peer k and write what the kernel takes. */
static void
peer_send_line(struct host *h, int k, const char *line, bool question)
{
	struct peer *p = &h->pe[k];

	if (p->fd < 0)
		return;
	net_out_add(&p->out, line, strlen(line));
	if (question)
		p->q_mark = p->out.queued;
	/* One who does not read is dropped; nobody waits for them. */
	if (net_out_pending(&p->out) > HOST_OUT_CAP) {
		peer_close(h, k);
		return;
	}
	if (!h->batching)
		peer_flush(h, k);
}

static void
peer_send(struct host *h, int k, const struct wire_msg *m)
{
	char *line;

	if (h->pe[k].fd < 0)
		return;
	line = wire_encode(m);
	peer_send_line(h, k, line, m->t == W_QUESTION);
	free(line);
}

static void
send_error(struct host *h, int k, const char *code, const char *text,
    bool close_after)
{
	struct wire_msg m = { .t = W_ERROR };

	snprintf(m.code, sizeof m.code, "%s", code);
	m.text = (char *)text;
	peer_send(h, k, &m);
	if (close_after && h->pe[k].fd >= 0) {
		h->pe[k].closing = true;
		peer_flush(h, k);
	}
}

static void
send_bye(struct host *h, int k, const char *why)
{
	struct wire_msg m = { .t = W_BYE, .why = (char *)why };

	peer_send(h, k, &m);
	if (h->pe[k].fd >= 0) {
		h->pe[k].closing = true;
		peer_flush(h, k);
	}
}

/* The line the current phase owes player id, or NULL. Caller frees. */
static char *
phase_line(struct host *h, int id, int64_t now)
{
	struct live *L = h->L;
	struct wire_msg m;
	char *line;

	switch (L->phase) {
	case LIVE_LOBBY:
		memset(&m, 0, sizeof m);
		m.t = W_LOBBY;
		m.players = live_connected(L);
		break;
	case LIVE_READY: live_msg_ready(L, &m); break;
	case LIVE_OPEN:
		if (!L->p[id].in_q || L->p[id].answered)
			return NULL;
		live_msg_question(L, id, now, &m);
		break;
	case LIVE_REVEAL:
		if (!L->p[id].z->o[L->q].done)
			return NULL;
		live_msg_result(L, id, &m);
		break;
	case LIVE_BOARD: live_msg_board(L, id, false, &m); break;
	case LIVE_PODIUM: live_msg_board(L, id, true, &m); break;
	default: return NULL;
	}
	line = wire_encode(&m);
	wire_msg_fini(&m);
	return line;
}

/* The message the current phase owes player id, sent to peer k. */
static void
send_phase(struct host *h, int k, int id, int64_t now)
{
	char *line = phase_line(h, id, now);

	if (line != NULL)
		peer_send_line(h, k, line, h->L->phase == LIVE_OPEN);
	free(line);
}

/* The line everyone gets alike in this phase (ready; a question whose
 * clock has not started for anyone yet), encoded once; NULL when each
 * player's differs. Caller frees. */
static char *
common_line(struct host *h, int64_t now)
{
	struct live *L = h->L;
	struct wire_msg m;
	char *line;
	int id;

	if (L->phase == LIVE_LOBBY) {
		memset(&m, 0, sizeof m);
		m.t = W_LOBBY;
		m.players = live_connected(L);
	} else if (L->phase == LIVE_READY) {
		live_msg_ready(L, &m);
	} else if (L->phase == LIVE_OPEN) {
		for (id = 0; id < L->np && !L->p[id].in_q; id++)
			;
		if (id == L->np)
			return NULL;
		live_msg_question(L, id, now, &m);
	} else {
		return NULL;
	}
	line = wire_encode(&m);
	wire_msg_fini(&m);
	return line;
}

/* Whether the host's terminal can still say Enter or q. */
static bool
can_press(const struct host *h)
{
	return h->view->input != NULL && !h->stdin_eof;
}

/*
 * Each player's own lines (results, boards, the podium) go out over several
 * turns of the loop: each turn encodes and sends for at most FAN_SLICE_US,
 * then polls (without waiting) and goes on, so that a fan-out to hundreds
 * of players never holds up an answer or a key for long. Owed: the players from fan_next on whose peer has not had this
 * phase's line (pe[k].fan_gen != fan_gen); a joiner gets it in its welcome.
 * Every player's t0 is still stamped when its own line is written.
 */
#define FAN_SLICE_US 2000
#define READ_SLICE_US 3000
#define FAN_BATCH 16

/* Send owed lines for budget_us (0: all of them): a batch of per-player
 * lines is encoded before its sends, which go out back to back. True when
 * nothing is owed any more. */
static bool
fanout(struct host *h, int64_t budget_us)
{
	struct live *L = h->L;
	int64_t start = clock_now();

	while (h->fan_next < L->np) {
		char *lines[FAN_BATCH];
		int ids[FAN_BATCH], n = 0, i, id;

		for (id = h->fan_next; id < L->np && n < FAN_BATCH; id++) {
			int k = h->peer_of[id];

			if (k < 0 || h->pe[k].fan_gen == h->fan_gen)
				continue;
			lines[n] = NULL;
			if (h->fan_line == NULL)
				lines[n] = phase_line(h, id, clock_now());
			else if (L->phase != LIVE_OPEN || (L->p[id].in_q &&
			    !L->p[id].answered))
				/* At the opening nobody's clock has started:
				 * the same line, the whole limit left, for
				 * all. */
				lines[n] = h->fan_line;
			if (lines[n] == NULL) {
				h->pe[k].fan_gen = h->fan_gen;   /* owes none */
				continue;
			}
			ids[n++] = id;
		}
		h->fan_next = id;
		for (i = 0; i < n; i++) {
			int k = h->peer_of[ids[i]];

			if (k >= 0 && h->pe[k].fan_gen != h->fan_gen) {
				h->pe[k].fan_gen = h->fan_gen;
				peer_send_line(h, k, lines[i],
				    L->phase == LIVE_OPEN);
			}
			if (lines[i] != h->fan_line)
				free(lines[i]);
		}
		if (budget_us > 0 && h->fan_next < L->np &&
		    clock_now() - start >= budget_us)
			return false;
	}
	free(h->fan_line);
	h->fan_line = NULL;
	return true;
}

/* live_tick and live_next, once the phase's lines are all out: they are
 * made from the phase as it is, so the phase must not change before. */
static bool
tick(struct host *h, int64_t now)
{
	if (h->L->phase == LIVE_PODIUM || now < live_wake(h->L))
		return false;
	fanout(h, 0);
	return live_tick(h->L, now);
}

static bool
move_on(struct host *h, int64_t now)
{
	fanout(h, 0);
	return live_next(h->L, now);
}

/* Whether a fan-out is still going. */
static bool
fanning(const struct host *h)
{
	return h->fan_next < h->L->np;
}

/* The phase changed: tell every player, then the view. */
static void
announce(struct host *h, int64_t now)
{
	struct live *L = h->L;

	fanout(h, 0);   /* the last phase's lines first: players see them in order */
	h->fan_gen++;
	h->fan_next = 0;
	h->fan_line = common_line(h, now);
	if (L->phase == LIVE_OPEN)
		trace(h, "open", L->q + 1, -1, now);
	/* One line for all (a question, get ready) goes out in one go: it
	 * costs its sends alone, and a question's spread is its fairness. */
	fanout(h, h->fan_line != NULL ? 0 : FAN_SLICE_US);
	if (h->view->event)
		h->view->event(h, HOST_EV_PHASE, -1, now);
	if (L->phase == LIVE_PODIUM && (h->o->end_at_podium ||
	    !can_press(h)))
		h->quit = true;
}

/* --- what players send --------------------------------------------------- */

static void
make_token(char out[WIRE_TOKEN_LEN + 1])
{
	unsigned char b[WIRE_TOKEN_LEN / 2];
	size_t i;

	if (net_random(b, sizeof b) < 0)
		die("getrandom failed: %s", strerror(errno));
	for (i = 0; i < sizeof b; i++)
		snprintf(out + 2 * i, 3, "%02x", b[i]);
}

static void
welcome(struct host *h, int k, int id, int64_t now)
{
	struct wire_msg m = { .t = W_WELCOME, .id = id };

	h->pe[k].id = id;
	h->peer_of[id] = k;
	snprintf(m.nick, sizeof m.nick, "%s", h->L->p[id].nick);
	memcpy(m.token, h->L->p[id].token, sizeof m.token);
	/* The welcome and what the phase owes, in one write. */
	h->batching = true;
	peer_send(h, k, &m);
	h->lobby_dirty = true;
	if (h->pe[k].fd >= 0 && h->L->phase != LIVE_LOBBY) {
		struct wire_msg lob = { .t = W_LOBBY,
		    .players = live_connected(h->L) };

		peer_send(h, k, &lob);
	}
	send_phase(h, k, id, now);
	h->pe[k].fan_gen = h->fan_gen;   /* the fan-out owes it nothing */
	h->batching = false;
	peer_flush(h, k);
	if (h->pe[k].fd < 0)
		return;
	if (h->view->event)
		h->view->event(h, HOST_EV_JOIN, id, now);
}

static void
on_join(struct host *h, int k, const struct wire_msg *m, int64_t now)
{
	struct peer *p = &h->pe[k];
	char token[WIRE_TOKEN_LEN + 1];
	enum live_why why;
	int id;

	if (!live_guard_allows(&h->guard, p->addr, now)) {
		send_error(h, k, "wait", "too many wrong PINs from your "
		    "address: wait 30 seconds", true);
		return;
	}
	if (m->v != WIRE_VERSION) {
		send_error(h, k, "version", "this host speaks version 1 of "
		    "the termquiz live protocol", true);
		return;
	}
	make_token(token);
	why = live_join(h->L, m->pin, m->nick, token, now, &id);
	if (why == LIVE_BAD_PIN)
		live_guard_fail(&h->guard, p->addr, now);
	if (why != LIVE_OK) {
		const char *codes[] = { [LIVE_BAD_PIN] = "bad_pin",
		    [LIVE_BAD_NICK] = "bad_nick", [LIVE_NICK_TAKEN] = "nick_taken",
		    [LIVE_FULL] = "full", [LIVE_LOCKED] = "locked",
		    [LIVE_OVER] = "over" };
		const char *text = why == LIVE_BAD_NICK ?
		    live_nick_error(m->nick) : NULL;

		send_error(h, k, why <= LIVE_OVER ? codes[why] : "refused",
		    text != NULL ? text : live_why_text(why), true);
		return;
	}
	welcome(h, k, id, now);
}

static void
on_resume(struct host *h, int k, const struct wire_msg *m, int64_t now)
{
	int id = live_resume(h->L, m->token), old;

	if (id < 0) {
		send_error(h, k, "bad_token", "no player of this game has that "
		    "token", true);
		return;
	}
	old = h->peer_of[id];
	if (old >= 0 && old != k) {
		/* A second connection with the token replaces the first. */
		h->peer_of[id] = -1;
		h->pe[old].id = -1;
		send_bye(h, old, "replaced by a newer connection");
	}
	welcome(h, k, id, now);
}

static void
on_answer(struct host *h, int k, const struct wire_msg *m, int64_t stamp)
{
	int id = h->pe[k].id;
	enum live_why why = live_answer(h->L, id, m->q, m, stamp);
	struct wire_msg ack = { .t = W_ACK, .q = m->q, .ok = why == LIVE_OK };

	trace(h, why == LIVE_OK ? "ans" : "rej", m->q, id, stamp);
	if (why != LIVE_OK)
		ack.why = (char *)live_why_text(why);
	peer_send(h, k, &ack);
	trace(h, "ack", m->q, id, clock_now());
	if (why == LIVE_OK && h->view->event)
		h->view->event(h, HOST_EV_ANSWER, id, stamp);
}

static void
on_line(struct host *h, int k, const char *line, size_t len, int64_t stamp)
{
	struct peer *p = &h->pe[k];
	struct wire_msg m;
	char err[32];

	p->heard = stamp;
	if (stamp - p->rate_at >= CLOCK_US) {
		p->rate_at = stamp;
		p->rate = 0;
	}
	if (++p->rate > HOST_RATE_MAX) {
		send_bye(h, k, "more than 20 messages a second");
		return;
	}
	if (wire_decode(line, len, &m, err, sizeof err) < 0) {
		send_error(h, k, err, strcmp(err, "bad_type") == 0 ?
		    "unknown message type" : "a message the host cannot read",
		    false);
		return;
	}
	if (p->id < 0 && m.t != W_JOIN && m.t != W_RESUME) {
		send_error(h, k, "not_joined", "join first", true);
	} else if (p->id >= 0 && (m.t == W_JOIN || m.t == W_RESUME)) {
		send_error(h, k, "joined", "already in the game", false);
	} else {
		switch (m.t) {
		case W_JOIN: on_join(h, k, &m, stamp); break;
		case W_RESUME: on_resume(h, k, &m, stamp); break;
		case W_ANSWER: on_answer(h, k, &m, stamp); break;
		case W_PONG: break;
		case W_LEAVE:
			live_leave(h->L, p->id);
			send_bye(h, k, "you left the game");
			break;
		default:
			send_error(h, k, "bad_type", "hosts do not take that "
			    "message", false);
		}
	}
	wire_msg_fini(&m);
}

static void
peer_read(struct host *h, int k)
{
	struct peer *p = &h->pe[k];
	char line[WIRE_LINE_MAX];
	size_t len;
	long r;
	int got;

	r = net_in_read(&p->in, p->fd);
	if (r == 0 || (r < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) {
		peer_close(h, k);
		return;
	}
	/* Stamped when read, on the host's clock: the only time that counts. */
	{
		int64_t stamp = clock_now();

		while (p->fd >= 0 && !p->closing &&
		    (got = net_in_take(&p->in, line, &len)) != 0) {
			if (got < 0) {
				send_bye(h, k, "a line longer than 4 KiB");
				return;
			}
			on_line(h, k, line, len, stamp);
		}
	}
}

/* --- several games ----------------------------------------------------------- */

/* Encode and write the game's results now. 0, or 1 with a message. */
static int
results_now(struct host *h)
{
	struct report_info info = h->info;
	char err[512], *path;
	char *text;
	int r;

	info.finished = h->L->finished;
	text = live_report_json(h->L, &info);
	path = report_path_nth(h->o->results, h->L->game);
	r = report_write_text(text, path, err, sizeof err);
	free(text);
	free(path);
	if (r < 0)
		fprintf(stderr, "termquiz: %s\n", err);
	return r < 0 ? 1 : 0;
}

/* The child writing a game's results, if any: reaped (waiting for it when
 * wait), its failure kept for host_run's status. */
static void
writer_wait(struct host *h, bool wait)
{
	int st;

	if (h->writer <= 0 ||
	    waitpid(h->writer, &st, wait ? 0 : WNOHANG) != h->writer)
		return;
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
		h->results_failed = true;
	h->writer = 0;
}

/* The game's results, once: --results for the first game, FILE-2.EXT for
 * the second... (report_path_nth, as alone). A game after the first that
 * never started leaves no file. Aside: between games, a child writes them
 * (200 players' results are ~10 ms of encoding) while the next lobby
 * opens; host_run waits for it. */
static int
write_results(struct host *h, bool aside)
{
	if (h->o->results == NULL || h->saved ||
	    (h->L->game > 1 && h->L->phase == LIVE_LOBBY))
		return 0;
	h->saved = true;
	if (aside) {
		writer_wait(h, true);   /* one at a time */
		fflush(NULL);
		h->writer = fork();
		if (h->writer == 0)
			_exit(results_now(h));
		if (h->writer > 0)
			return 0;
		h->writer = 0;          /* no child: write it here */
	}
	return results_now(h);
}

bool
host_can_again(const struct host *h)
{
	return h->o->again != NULL && can_press(h) && h->again_told;
}

/* The podium has been shown long enough: tell the view Enter plays again. */
static void
again_due(struct host *h, int64_t now)
{
	if (h->L->phase != LIVE_PODIUM || h->again_told ||
	    h->o->again == NULL || !can_press(h) ||
	    now < h->L->phase_at + HOST_AGAIN_US)
		return;
	h->again_told = true;
	if (h->view->event)
		h->view->event(h, HOST_EV_AGAIN, -1, now);
}

/* Enter on the podium: this game's results, then the next game with the
 * same players, back in its lobby. */
static void
play_again(struct host *h, int64_t now)
{
	struct live *L = h->L;
	const struct quiz *next;
	int *moved, k;

	if (!host_can_again(h) || L->phase != LIVE_PODIUM)
		return;
	write_results(h, true);
	h->info = h->o->info;
	next = h->o->again(h->o->again_arg, &h->info);
	if (next == NULL)
		return;
	moved = xcalloc((size_t)L->np + 1, sizeof *moved);
	fanout(h, 0);   /* the podium reaches everyone first */
	live_again(L, next, now, moved);
	memset(h->peer_of, 0xff, (size_t)L->o.max_players * sizeof *h->peer_of);
	for (k = 0; k < h->npe; k++) {
		struct peer *p = &h->pe[k];

		if (p->id < 0)
			continue;
		p->id = moved[p->id];   /* -1: one who left, being closed */
		if (p->fd >= 0 && p->id >= 0)
			h->peer_of[p->id] = k;
	}
	free(moved);
	h->saved = false;
	h->again_told = false;
	h->lobby_dirty = false;   /* announce sends the lobby to all */
	trace(h, "game", L->game, -1, now);
	announce(h, now);
}

/* --- the loop --------------------------------------------------------------- */

static int
peer_new(struct host *h, int fd, int64_t now)
{
	int k;

	for (k = 0; k < h->npe; k++)
		if (h->pe[k].fd < 0)
			break;
	if (k == h->npe) {
		h->pe = xrealloc(h->pe, (size_t)(h->npe + 1) * sizeof *h->pe);
		h->npe++;
	}
	memset(&h->pe[k], 0, sizeof h->pe[k]);
	h->pe[k].fd = fd;
	h->pe[k].id = -1;
	h->pe[k].opened = now;
	h->pe[k].heard = now;
	h->pe[k].rate_at = now;
	net_nodelay(fd);
	net_peer_addr(fd, h->pe[k].addr, sizeof h->pe[k].addr);
	return k;
}

static void
accept_all(struct host *h, int64_t now)
{
	int i;

	for (i = 0; i < ACCEPT_BURST; i++) {
		/* Non-blocking and close-on-exec from the start. */
		int fd = accept4(h->lfd, NULL, NULL,
		    SOCK_NONBLOCK | SOCK_CLOEXEC);

		if (fd < 0)
			return;   /* EAGAIN, or out of fds: try next time */
		peer_new(h, fd, now);
	}
}

/* Close who never joined in 5 s, or went silent for 15 s. */
static void
reap(struct host *h, int64_t now)
{
	int k;

	for (k = 0; k < h->npe; k++) {
		struct peer *p = &h->pe[k];

		if (p->fd < 0)
			continue;
		if (p->id < 0 && now - p->opened >= HOST_JOIN_US)
			peer_close(h, k);
		else if (now - p->heard >= HOST_SILENCE_US)
			peer_close(h, k);
		else if (p->closing && now - p->heard >= CLOCK_US)
			peer_close(h, k);
	}
}

static void
ping_all(struct host *h, int64_t now)
{
	struct wire_msg m = { .t = W_PING };
	int64_t start = clock_now();

	if (h->ping_line == NULL) {
		if (now < h->next_ping)
			return;
		h->next_ping = now + HOST_PING_US;
		m.n = ++h->ping_n;
		h->ping_line = wire_encode(&m);   /* once for all */
		h->ping_next = 0;
	}
	/* In slices, as a fan-out: 200 sends are ~6 ms. */
	while (h->ping_next < h->npe) {
		int k = h->ping_next++;

		if (h->pe[k].fd >= 0 && h->pe[k].id >= 0)
			peer_send_line(h, k, h->ping_line, false);
		if (clock_now() - start >= FAN_SLICE_US)
			return;
	}
	free(h->ping_line);
	h->ping_line = NULL;
}

static void
lobby_all(struct host *h, int64_t now)
{
	if (h->L->phase != LIVE_LOBBY)
		h->lobby_dirty = false;   /* the count matters in the lobby only */
	if (!h->lobby_dirty || now - h->lobby_sent < LOBBY_EVERY_US ||
	    fanning(h))
		return;
	h->lobby_dirty = false;
	h->lobby_sent = now;
	/* The lobby's line is the count: sent again as the phase's, in
	 * slices like every fan-out. */
	h->fan_gen++;
	h->fan_next = 0;
	h->fan_line = common_line(h, now);
	fanout(h, FAN_SLICE_US);
}

static int
ms_until(int64_t t, int64_t now)
{
	int64_t d;

	if (t == CLOCK_NEVER)
		return -1;
	d = t - now;
	if (d <= 0)
		return 0;
	d = (d + 999) / 1000;
	return d > 1000000 ? 1000000 : (int)d;
}

static int
min_wait(int a, int b)
{
	if (a < 0)
		return b;
	if (b < 0)
		return a;
	return a < b ? a : b;
}

static int
poll_wait(struct host *h, int64_t now)
{
	int w = ms_until(live_wake(h->L), now);

	w = min_wait(w, ms_until(h->next_ping, now));
	w = min_wait(w, 1000);   /* join and silence timeouts */
	if (h->lobby_dirty)
		w = min_wait(w, ms_until(h->lobby_sent + LOBBY_EVERY_US, now));
	if (h->L->phase == LIVE_PODIUM && !h->again_told && h->o->again)
		w = min_wait(w, ms_until(h->L->phase_at + HOST_AGAIN_US, now));
	if (h->view->wait_ms)
		w = min_wait(w, h->view->wait_ms(h, now));
	return fanning(h) || h->ping_line != NULL ? 0 : w;
}

/* The process's CPU time in microseconds. */
static int64_t
cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (int64_t)ts.tv_sec * CLOCK_US + ts.tv_nsec / 1000;
}

/* The longest stretch of work (poll's waiting aside), in wall and CPU time:
 * the difference is time spent waiting for a core. */
static void
note_spent(struct host *h, int64_t since, int64_t cpu_since)
{
	int64_t wall = clock_now() - since, cpu = cpu_now() - cpu_since;

	/* For make bench: which phase the long stretches are in. */
	if (wall > 2000)
		trace(h, "slow", (int)h->L->phase, (int)cpu, wall);
	if (wall > h->longest_us)
		h->longest_us = wall;
	if (cpu > h->longest_cpu_us)
		h->longest_cpu_us = cpu;
}

/* One pass: phases due, then everyone's bytes; poll; then what came in. */
static void
iterate(struct host *h, struct pollfd **pfd, int *npfd)
{
	int64_t now = clock_now(), spent, cpu = cpu_now();
	int j, k, n = 0, r, base;

	while (tick(h, now))
		announce(h, now);
	if (fanning(h))
		fanout(h, FAN_SLICE_US);
	again_due(h, now);
	writer_wait(h, false);
	lobby_all(h, now);
	ping_all(h, now);
	reap(h, now);
	if (h->view->draw)
		h->view->draw(h, now);
	if (*npfd < h->npe + 2) {
		*npfd = h->npe + 2;
		*pfd = xrealloc(*pfd, (size_t)*npfd * sizeof **pfd);
	}
	(*pfd)[n++] = (struct pollfd){ .fd = h->lfd, .events = POLLIN };
	(*pfd)[n++] = (struct pollfd){ .fd = h->stdin_eof || !h->view->input ?
	    -1 : STDIN_FILENO, .events = POLLIN };
	base = n;
	for (k = 0; k < h->npe; k++) {
		struct peer *p = &h->pe[k];

		(*pfd)[n].fd = p->fd;
		(*pfd)[n].events = (short)(POLLIN |
		    (net_out_pending(&p->out) ? POLLOUT : 0));
		(*pfd)[n++].revents = 0;
	}
	note_spent(h, now, cpu);
	if (h->quit)
		return;
	r = poll(*pfd, (nfds_t)n, poll_wait(h, clock_now()));
	if (r < 0 && errno == EINTR && h->view->input_on_signal)
		r = 0, (*pfd)[1].revents = POLLIN;  /* a resize: let the view see */
	if (r < 0)
		return;
	now = clock_now();
	cpu = cpu_now();
	if ((*pfd)[0].revents & POLLIN)
		accept_all(h, now);
	if ((*pfd)[1].revents) {
		enum host_action a = h->view->input(h, now);

		if (a == HOST_QUIT)
			h->quit = true;
		else if (a == HOST_NEXT && h->L->phase == LIVE_PODIUM)
			play_again(h, now);
		else if (a == HOST_NEXT && move_on(h, now))
			announce(h, now);
		if (h->L->phase == LIVE_PODIUM && !can_press(h))
			h->quit = true;   /* a script's host: no one to ask */
	}
	/* What came in, for READ_SLICE_US at most (a burst of 200 joins
	 * is 10 ms of work): the rest is still ready at the next poll, which
	 * does not wait, and the turn after starts where this one stopped. */
	for (j = 0; j < n - base; j++) {
		short ev;

		k = (h->read_from + j) % (n - base);
		ev = (*pfd)[base + k].revents;
		if (h->pe[k].fd < 0 || ev == 0)
			continue;
		if (ev & (POLLIN | POLLHUP | POLLERR))
			peer_read(h, k);
		if (h->pe[k].fd >= 0 && (ev & POLLOUT))
			peer_flush(h, k);
		if (clock_now() - now >= READ_SLICE_US) {
			h->read_from = (k + 1) % (n - base);
			break;
		}
	}
	(void)spent;
	note_spent(h, now, cpu);
}

int
host_players(const struct host *h)
{
	return live_connected(h->L);
}

/* The address to tell players: the one listened on, or for a wildcard the
 * first outside address this machine has. */
static void
shown_address(struct host *h, const char *host, int port)
{
	struct ifaddrs *ifa, *i;
	char buf[64] = "";

	if (strcmp(host, "0.0.0.0") == 0 && getifaddrs(&ifa) == 0) {
		for (i = ifa; i != NULL; i = i->ifa_next)
			if (i->ifa_addr && i->ifa_addr->sa_family == AF_INET &&
			    inet_ntop(AF_INET, &((struct sockaddr_in *)
			    i->ifa_addr)->sin_addr, buf, sizeof buf) &&
			    strncmp(buf, "127.", 4) != 0)
				break;
		if (i == NULL)
			buf[0] = '\0';
		freeifaddrs(ifa);
	}
	snprintf(h->shown_addr, sizeof h->shown_addr, strchr(buf[0] ? buf :
	    host, ':') ? "[%s]:%d" : "%s:%d", buf[0] ? buf : host, port);
}

static void
make_pin(char pin[WIRE_PIN_LEN + 1])
{
	uint32_t x;

	do {
		if (net_random(&x, sizeof x) < 0)
			die("getrandom failed: %s", strerror(errno));
	} while (x >= 4294000000u);  /* a multiple of 10^6: no bias */
	snprintf(pin, WIRE_PIN_LEN + 1, "%06u", (unsigned)(x % 1000000));
}

/* Tell everyone the game is over and give their bytes a moment to go. */
static void
say_goodbye(struct host *h)
{
	int64_t end = clock_now() + 500 * 1000;
	int k, left;

	fanout(h, 0);   /* what the last phase owes goes before the bye */
	for (k = 0; k < h->npe; k++)
		if (h->pe[k].fd >= 0)
			send_bye(h, k, h->L->phase == LIVE_PODIUM ?
			    "the game is over" : "the host ended the game");
	do {
		struct pollfd p[64];
		int n = 0;

		left = 0;
		for (k = 0; k < h->npe; k++) {
			if (h->pe[k].fd < 0)
				continue;
			peer_flush(h, k);
			if (h->pe[k].fd >= 0 && n < 64)
				p[n++] = (struct pollfd){ h->pe[k].fd, POLLOUT, 0 };
			left += h->pe[k].fd >= 0;
		}
		if (left > 0)
			poll(p, (nfds_t)n, 20);
	} while (left > 0 && clock_now() < end);
}

int
host_run(const struct quiz *master, const struct host_opts *o,
    const struct host_view *view, void *view_data)
{
	char host[256], port[8], err[512], pin[WIRE_PIN_LEN + 1];
	const char *tpath = getenv("TERMQUIZ_LIVE_TRACE");
	struct host *h = xcalloc(1, sizeof *h);
	struct pollfd *pfd = NULL;
	int npfd = 0, k, r;

	h->o = o;
	h->info = o->info;
	h->view = view;
	h->view_data = view_data;
	if (net_split_addr(o->listen ? o->listen : "", "127.0.0.1", host,
	    sizeof host, port, sizeof port, err, sizeof err) < 0 ||
	    (h->lfd = net_listen(host, port, err, sizeof err)) < 0) {
		fprintf(stderr, "termquiz: --listen %s\n", err);
		free(h);
		return 1;
	}
	shown_address(h, host, net_local_port(h->lfd));
	make_pin(pin);
	h->L = live_new(master, &o->live, pin);
	h->peer_of = xmalloc((size_t)o->live.max_players * sizeof *h->peer_of);
	memset(h->peer_of, 0xff, (size_t)o->live.max_players * sizeof *h->peer_of);
	h->next_ping = clock_now() + HOST_PING_US;
	if (tpath != NULL && tpath[0] != '\0')
		h->trace = fopen(tpath, "w");
	if (view->event)
		view->event(h, HOST_EV_PHASE, -1, clock_now());
	while (!h->quit && !signals_caught())
		iterate(h, &pfd, &npfd);
	say_goodbye(h);
	r = write_results(h, false);
	writer_wait(h, true);
	if (h->results_failed)
		r = 1;
	if (h->trace != NULL) {
		fprintf(h->trace, "longest_us 0 -1 %lld\n",
		    (long long)h->longest_us);
		fprintf(h->trace, "longest_cpu_us 0 -1 %lld\n",
		    (long long)h->longest_cpu_us);
		fclose(h->trace);
	}
	for (k = 0; k < h->npe; k++)
		peer_close(h, k);
	close(h->lfd);
	free(pfd);
	free(h->fan_line);
	free(h->ping_line);
	free(h->pe);
	free(h->peer_of);
	live_free(h->L);
	free(h);
	return r;
}
