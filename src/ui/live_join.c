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

#define LIVE_TITLE "termquiz live"

struct pscreen {
	struct app a;
	struct join_player *p;
	enum view v;
	char status[400];         /* one line under the body */
	struct wire_msg qm;       /* the host's last ready or question */
	struct wire_msg m;        /* its last result, board or podium */
	struct question_layout lay;
	struct countdown cd;
	int sel;
	struct text_field f;      /* a typed answer: the solo field */
	bool locked;
	char sent[TEXT_MAX];       /* the answer taken, as shown; "" */
	int score, streak;
	int scroll, more;         /* the verdict's explanation */
	int final_rank;           /* from the podium; 0 before */
	bool refused;             /* an error before we were in */
	bool small;               /* the question did not fit: keys wait */
	char nick[WIRE_NICK_BYTES];
};

static void
keep(struct wire_msg *slot, struct wire_msg *m)
{
	wire_msg_fini(slot);
	*slot = *m;               /* the strings move over */
	memset(m, 0, sizeof *m);
}

/* The wire's question types are pack.h's, in the same order. */
static enum qtype
qtype_of(const struct wire_msg *m)
{
	return m->qtype == WQ_CHOICE ? Q_CHOICE : m->qtype == WQ_TRUEFALSE ?
	    Q_TRUEFALSE : Q_TEXT;
}

static bool
time_is_up(const struct pscreen *u, int64_t now)
{
	return u->qm.limit_ms > 0 && countdown_expired(&u->cd, now);
}

/* The single-player question view of what the host sent: the countdown
 * from the line's arrival, for the eye only (the host decides). */
static void
view_of(const struct pscreen *u, int64_t now, struct question_view *v)
{
	bool up = time_is_up(u, now);

	*v = (struct question_view){ .text = u->qm.text ? u->qm.text : "",
	    .type = qtype_of(&u->qm),
	    .choices = (const char *const *)u->qm.choices,
	    .nchoices = u->qm.qtype == WQ_CHOICE ? u->qm.nchoices : 0,
	    .selected = u->sel, .field = u->f.text,
	    .field_len = u->f.len, .cursor = u->f.cursor, .show_cursor = !u->locked && !up,
	    .cd = u->v == V_QUESTION ? &u->cd : NULL,
	    .text_only = u->v == V_READY,
	    .note = u->locked ? "Answer locked in" : up ?
	    "Time's up: waiting for the host" : u->status[0] != '\0' ?
	    u->status : NULL };
}

static const char *
question_help(const struct pscreen *u, char *buf, size_t size)
{
	const char *move = u->a.utf8 ? "\u2191\u2193" : "j/k";

	if (u->locked || time_is_up(u, clock_now()))
		return "waiting for the host · q leave";
	if (u->qm.qtype == WQ_TEXT)
		return "type the answer · Enter submit · Esc leave";
	snprintf(buf, size, "%s1-%d answer · %s move · Enter choose · q leave",
	    u->qm.qtype == WQ_TRUEFALSE ? "t/f " : "",
	    u->qm.qtype == WQ_TRUEFALSE ? 2 : u->qm.nchoices, move);
	return buf;
}

/* The solo game's header for question q; a player back in the game at a
 * reveal or a board has not been told how many questions there are. */
static void
header(struct pscreen *u, int q)
{
	char right[96];

	if (u->qm.of > 0 && q > 0) {
		draw_play_header(&u->a, LIVE_TITLE, q, u->qm.of, u->score,
		    u->streak);
		return;
	}
	snprintf(right, sizeof right, "Score %d   Streak %d", u->score,
	    u->streak);
	draw_header(&u->a, LIVE_TITLE, right);
}

/* Get ready, the open question, "Answer locked in": the solo screen's
 * drawing. Returns the footer's text. */
static const char *
draw_question(struct pscreen *u, int64_t now, char *buf, size_t size)
{
	struct question_view v;
	int need;

	view_of(u, now, &v);
	need = question_view_rows(&u->a, &v, &u->lay);
	u->small = u->a.cols < MIN_COLS || u->a.rows < need;
	if (u->small) {
		draw_too_small(&u->a, MIN_COLS, need, u->v == V_QUESTION ?
		    "The clock is still running." : NULL);
		return NULL;
	}
	header(u, u->qm.q);
	if (u->v == V_READY) {
		/* The question alone; the row its bar will take says why. */
		question_view_draw(&u->a, &v, &u->lay, now);
		if (u->a.free_y > 0 && u->a.free_y < u->a.rows - 1) {
			attrset(ui_attr(&u->a, C_DIM));
			mvaddstr(ROW(&u->a, u->a.free_y), COL(&u->a, 3),
			    "Get ready...");
			attrset(A_NORMAL);
		}
		return "q leave";
	}
	if (!question_view_draw(&u->a, &v, &u->lay, now) && v.note != NULL)
		return v.note;    /* no row for it: the footer says it */
	return question_help(u, buf, size);
}

/* The verdict as the solo feedback shows it, with the rank and the gap to
 * the player ahead under it. */
static void
draw_result(struct pscreen *u)
{
	const struct wire_msg *m = &u->m;
	char extra[160], unsent[TEXT_MAX] = "";
	bool text = u->qm.qtype == WQ_TEXT;
	struct verdict_view v = { .correct = m->correct,
	    .timed_out = m->timed_out, .points = m->points, .extra = extra,
	    .question = u->qm.text, .show_given = !m->correct || text,
	    .given = u->sent[0] != '\0' ? u->sent : NULL, .unsent = unsent,
	    .answer = m->answer, .bonus = m->bonus,
	    .explanation = m->explanation };

	if (m->gap > 0)
		snprintf(extra, sizeof extra, "Rank %d \u00b7 %d behind the "
		    "player ahead", m->rank, m->gap);
	else
		snprintf(extra, sizeof extra, "Rank %d", m->rank);
	if (v.given == NULL && text)
		snprintf(unsent, sizeof unsent, "%s", u->f.text);
	header(u, m->q);
	verdict_view_draw(&u->a, &v, &u->scroll, &u->more);
}

static void
draw_board(struct pscreen *u)
{
	const struct wire_msg *m = &u->m;
	char line[128];
	int i, y = 3;

	header(u, u->qm.q);
	attrset(ui_attr(&u->a, C_TITLE));
	mvaddstr(ROW(&u->a, y), COL(&u->a, 3), u->v == V_PODIUM ?
	    "Final standings" : "Top 5");
	attrset(A_NORMAL);
	for (i = 0; i < m->ntop && y + 2 + i < u->a.rows - 3; i++) {
		snprintf(line, sizeof line, "%3d. %-16s %7d", m->top[i].rank,
		    m->top[i].nick, m->top[i].score);
		text_put(ROW(&u->a, y + 2 + i), COL(&u->a, 3), line,
		    strlen(line), u->a.cols - 6);
	}
	snprintf(line, sizeof line, u->v == V_PODIUM ?
	    "You finished #%d with %d points" : "You are #%d with %d points",
	    m->rank, m->score);
	attrset(A_BOLD);
	text_put(ROW(&u->a, y + 3 + i), COL(&u->a, 3), line, strlen(line),
	    u->a.cols - 6);
	attrset(A_NORMAL);
}

/* The lobby: "You're in", and how to come back if cut off (a full screen
 * has no scrollback to find the token in later). */
static void
draw_lobby(struct pscreen *u)
{
	char line[400];
	int y = 3;

	y += text_block(ROW(&u->a, y), COL(&u->a, 3), u->a.cols - 6, u->status,
	    u->a.rows - 5) + 1;
	if (!u->p->welcomed || y >= u->a.rows - 2)
		return;
	snprintf(line, sizeof line, "If you are cut off, rejoin with: "
	    "termquiz --join %s:%s --resume %s", u->p->host, u->p->port,
	    u->p->token);
	attrset(ui_attr(&u->a, C_DIM));
	text_block(ROW(&u->a, y), COL(&u->a, 3), u->a.cols - 6, line,
	    u->a.rows - 2 - y);
	attrset(A_NORMAL);
}

static void
draw(struct pscreen *u, int64_t now)
{
	char right[96], buf[160];
	const char *help = "q leave";

	erase();
	u->a.free_y = 0;
	leaveok(stdscr, TRUE);
	curs_set(0);
	if (u->v == V_READY || u->v == V_QUESTION) {
		help = draw_question(u, now, buf, sizeof buf);
	} else if (u->a.cols < MIN_COLS || u->a.rows < VERDICT_MIN_ROWS) {
		draw_too_small(&u->a, MIN_COLS, VERDICT_MIN_ROWS, NULL);
		help = NULL;
	} else if (u->v == V_RESULT) {
		draw_result(u);
		help = "waiting for the host · q leave";
	} else if (u->v == V_BOARD || u->v == V_PODIUM) {
		draw_board(u);
		if (u->v == V_PODIUM)
			help = "waiting for the host: another game? · q leave";
	} else {
		snprintf(right, sizeof right, "%s   Score %d", u->nick,
		    u->score);
		draw_header(&u->a, LIVE_TITLE, right);
	}
	if (help != NULL) {
		/* The status ("Not taken: ...", the host's words) on the row
		 * above the footer, or in the lobby under the header. */
		if (u->v == V_WAIT)
			draw_lobby(u);
		else if (u->status[0] != '\0' && u->v != V_READY &&
		    u->v != V_QUESTION)
			text_put(ROW(&u->a, u->a.rows - 2), COL(&u->a, 1),
			    u->status, strlen(u->status), u->a.cols - 2);
		draw_footer(&u->a, help);
	}
	wnoutrefresh(stdscr);
	doupdate();
}

/* What the player's answer was, as the verdict shows it. */
static void
remember_sent(struct pscreen *u, enum wire_akind kind, int index,
    bool value)
{
	const char *s = kind == WA_TEXT ? u->f.text : kind == WA_BOOL ?
	    (value ? "True" : "False") : index >= 0 && index <
	    u->qm.nchoices ? u->qm.choices[index] : "";

	snprintf(u->sent, sizeof u->sent, "%s", s);
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
		/* After a podium: the host plays again, a new game from
		 * zero. (A resume gets a lobby line before the game's phase:
		 * nothing to change then.) */
		if (u->v == V_PODIUM) {
			u->v = V_WAIT;
			u->score = u->streak = u->final_rank = 0;
			wire_msg_fini(&u->m);
			wire_msg_fini(&u->qm);
		}
		if (u->v == V_WAIT)
			snprintf(u->status, sizeof u->status, "You're in, %s — "
			    "%d in the game, waiting for the host", u->nick,
			    m->players);
		break;
	case W_READY:
		u->v = V_READY;
		u->status[0] = '\0';
		keep(&u->qm, m);
		question_layout_reset(&u->lay);
		break;
	case W_QUESTION:
		u->v = V_QUESTION;
		u->sel = 0;
		text_field_clear(&u->f, WIRE_TEXT_MAX);
		u->sent[0] = '\0';
		u->locked = false;
		u->status[0] = '\0';
		countdown_start(&u->cd, now, m->limit_ms > 0 ?
		    m->left_ms / 1000.0 : 0);
		keep(&u->qm, m);
		question_layout_reset(&u->lay);
		flushinp();   /* keys pressed before it do not answer it */
		break;
	case W_ACK:
		u->locked = m->ok;
		if (!m->ok) {
			u->sent[0] = '\0';
			snprintf(u->status, sizeof u->status, "Not taken: %s",
			    m->why ? m->why : "refused");
		}
		break;
	case W_RESULT:
		u->v = V_RESULT;
		u->status[0] = '\0';
		u->score = m->score;
		u->streak = m->streak;
		u->scroll = u->more = 0;
		if (m->timed_out)
			u->sent[0] = '\0';
		keep(&u->m, m);
		break;
	case W_BOARD:
	case W_PODIUM:
		u->v = m->t == W_PODIUM ? V_PODIUM : V_BOARD;
		u->score = m->score;
		if (m->t == W_PODIUM)
			u->final_rank = m->rank;
		u->status[0] = '\0';
		keep(&u->m, m);
		break;
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
	struct wire_msg a = { .t = W_ANSWER, .q = u->qm.q, .akind = kind,
	    .a_index = index, .a_bool = value };

	if (kind == WA_TEXT)
		a.a_text = u->f.text;
	remember_sent(u, kind, index, value);
	join_send(u->p, &a);
}

/* A text question: the solo game's editor; Enter sends. */
static void
text_key(struct pscreen *u, int r, wint_t ch)
{
	/* A question too long for the screen scrolls (the field stays). */
	if (r == KEY_CODE_YES && (ch == KEY_UP || ch == KEY_DOWN)) {
		u->lay.scroll += ch == KEY_DOWN ? 1 : -1;
		return;
	}
	if (text_field_key(&u->f, ch, r == KEY_CODE_YES) &&
	    u->f.text[strspn(u->f.text, " ")] != '\0')
		send_answer(u, WA_TEXT, 0, false);
}

/* A choice or true/false: the solo keys (1-9, t/f, arrows or j/k, Enter). */
static void
choice_key(struct pscreen *u, int r, wint_t ch)
{
	bool tf = u->qm.qtype == WQ_TRUEFALSE;
	int n = tf ? 2 : u->qm.nchoices, pick = -1;

	if (n <= 0)
		return;
	if (r == OK && ch >= '1' && ch < '1' + (wint_t)n)
		pick = (int)(ch - '1');
	else if (tf && r == OK && (ch == 't' || ch == 'T'))
		pick = 0;
	else if (tf && r == OK && (ch == 'f' || ch == 'F'))
		pick = 1;
	else if ((r == KEY_CODE_YES && ch == KEY_UP) || (r == OK && ch == 'k'))
		u->sel = (u->sel + n - 1) % n;
	else if ((r == KEY_CODE_YES && ch == KEY_DOWN) ||
	    (r == OK && ch == 'j'))
		u->sel = (u->sel + 1) % n;
	else if ((r == OK && (ch == '\r' || ch == '\n' || ch == ' ')) ||
	    (r == KEY_CODE_YES && ch == KEY_ENTER))
		pick = u->sel;
	if (pick < 0)
		return;
	u->sel = pick;
	if (tf)
		send_answer(u, WA_BOOL, 0, pick == 0);
	else
		send_answer(u, WA_INDEX, pick, false);
}

/* A key. Returns false when the player leaves. */
static bool
on_key(struct pscreen *u, int r, wint_t ch)
{
	bool open = u->v == V_QUESTION && !u->locked;
	bool typing = open && u->qm.qtype == WQ_TEXT;

	if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
		ui_set_size(&u->a, getmaxy(stdscr), getmaxx(stdscr));
		return true;
	}
	if (r == OK && (ch == 27 || (!typing && (ch == 'q' || ch == 'Q')))) {
		struct wire_msg l = { .t = W_LEAVE };

		join_send(u->p, &l);
		return false;
	}
	/* The verdict's explanation scrolls as alone (j/k, arrows). */
	if (u->v == V_RESULT) {
		if (((r == KEY_CODE_YES && ch == KEY_DOWN) || (r == OK &&
		    ch == 'j')) && u->more > 0)
			u->scroll++;
		else if (((r == KEY_CODE_YES && ch == KEY_UP) || (r == OK &&
		    ch == 'k')) && u->scroll > 0)
			u->scroll--;
		return true;
	}
	/* A question the player cannot see cannot be answered. */
	if (!open || u->small)
		return true;
	if (typing)
		text_key(u, r, ch);
	else
		choice_key(u, r, ch);
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
		int wait = u->v == V_QUESTION && !countdown_expired(&u->cd,
		    now) ? countdown_wait_ms(&u->cd, now,
		    bar_steps(&u->a), FRAME_MS) : -1;
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
	ui_set_size(&u.a, u.a.rows, u.a.cols);
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
	wire_msg_fini(&u.qm);
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
