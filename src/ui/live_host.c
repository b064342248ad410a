/* The live host's big screen: what the class sees. Drawn from the host's
 * state (core/live.c) after every event; keys: Enter moves on, q ends. */

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/otdb.h"
#include "core/util.h"
#include "net/host.h"
#include "ui.h"

struct live_screen {
	struct app a;
	bool open;
	bool dirty;
	int64_t next_frame;
	struct countdown cd;      /* the open question's bar, from its opening */
	int q_shown;
};

static struct live_screen *
ls_of(struct host *h)
{
	return h->view_data;
}

static void
center(int y, const char *s, int cols)
{
	int w = text_width(s, strlen(s));

	text_put(y, w < cols ? (cols - w) / 2 : 0, s, strlen(s), cols);
}

static void
draw_lobby(struct live_screen *v, struct host *h)
{
	const struct live *L = h->L;
	char line[400];
	int i, y = 4, x = 2, cols = v->a.cols;

	snprintf(line, sizeof line, "Join: termquiz --join %s", h->shown_addr);
	center(y, line, cols);
	snprintf(line, sizeof line, "PIN  %.3s %.3s", L->pin, L->pin + 3);
	attrset(ui_attr(&v->a, C_ACCENT) | A_BOLD);
	center(y + 2, line, cols);
	attrset(A_NORMAL);
	snprintf(line, sizeof line, "%d player%s in", live_connected(L),
	    live_connected(L) == 1 ? "" : "s");
	center(y + 4, line, cols);
	/* The names, in columns of 18, as many rows as fit. */
	y += 6;
	for (i = 0; i < L->np && y < v->a.rows - 2; i++) {
		if (!L->p[i].connected)
			continue;
		text_put(y, x, L->p[i].nick, strlen(L->p[i].nick), 17);
		x += 18;
		if (x + 18 > cols) {
			x = 2;
			y++;
		}
	}
	draw_footer(&v->a, "Enter start   q end the game");
}

static void
draw_choices(struct live_screen *v, const struct live *L, int y,
    bool reveal)
{
	const struct outcome *o = &L->master->o[L->q];
	const struct question *q = o->q;
	int k, n = q->type == Q_CHOICE ? q->nchoices : 2, most = 1;
	int barw = v->a.cols / 3;

	if (q->type == Q_TEXT)
		return;
	for (k = 0; k < n; k++)
		if (L->counts[k] > most)
			most = L->counts[k];
	for (k = 0; k < n && y + k < v->a.rows - 2; k++) {
		const char *label = q->type == Q_CHOICE ?
		    q->choices[o->order[k]] : (k == 0 ? "True" : "False");
		bool right = q->type == Q_CHOICE ? o->order[k] == q->answer :
		    (k == 0) == q->truth;
		char num[16];
		int i, w;

		snprintf(num, sizeof num, "%d ", k + 1);
		mvaddstr(y + k, 2, num);
		if (reveal && right)
			attrset(ui_attr(&v->a, C_GOOD) | A_BOLD);
		text_put(y + k, 5, label, strlen(label), v->a.cols - barw - 14);
		attrset(A_NORMAL);
		if (!reveal)
			continue;
		/* A bar per choice: how many chose it. */
		w = L->counts[k] * barw / most;
		move(y + k, v->a.cols - barw - 8);
		attrset(ui_attr(&v->a, right ? C_GOOD : C_DIM));
		for (i = 0; i < w; i++)
			addch(v->a.utf8 ? ACS_CKBOARD : '#');
		attrset(A_NORMAL);
		printw(" %d", L->counts[k]);
	}
}

static void
draw_question(struct live_screen *v, struct host *h, int64_t now)
{
	const struct live *L = h->L;
	const struct question *q = L->master->o[L->q].q;
	char line[128];
	int y = 3;

	y += text_block(y, 2, v->a.cols - 4, q->text, 6) + 1;
	if (L->phase == LIVE_READY) {
		center(y + 1, "Get ready...", v->a.cols);
		return;
	}
	draw_choices(v, L, y, L->phase == LIVE_REVEAL);
	if (L->phase == LIVE_OPEN) {
		draw_bar(&v->a, v->a.rows - 4, &v->cd, now);
		snprintf(line, sizeof line, "answered %d/%d", L->answered,
		    L->in_q);
		attrset(A_BOLD);
		mvaddstr(v->a.rows - 3, 2, line);
		attrset(A_NORMAL);
		draw_footer(&v->a, "Enter close the question   q end the game");
	} else {
		snprintf(line, sizeof line, "Answer: %s   answered %d/%d",
		    q->type == Q_TRUEFALSE ? (q->truth ? "True" : "False") :
		    question_answer_text(q), L->answered, L->in_q);
		attrset(ui_attr(&v->a, C_GOOD) | A_BOLD);
		text_put(v->a.rows - 3, 2, line, strlen(line), v->a.cols - 4);
		attrset(A_NORMAL);
		draw_footer(&v->a, "Enter go on   q end the game");
	}
}

static void
draw_table(struct live_screen *v, struct host *h, int y, int max)
{
	const struct live *L = h->L;
	int *ids = xcalloc((size_t)L->np + 1, sizeof *ids), n, i;

	n = live_ranking(L, ids, max);
	for (i = 0; i < n && y + i < v->a.rows - 2; i++) {
		const struct live_player *p = &L->p[ids[i]];
		char line[128];

		if (i < 3 && max <= WIRE_TOP_MAX)
			attrset(A_BOLD);
		snprintf(line, sizeof line, "%3d. %-16s %7lld", p->rank,
		    p->nick, (long long)quiz_score(p->z));
		text_put(y + i, 4, line, strlen(line), v->a.cols - 6);
		attrset(A_NORMAL);
	}
	free(ids);
}

static void
live_draw(struct host *h, int64_t now)
{
	struct live_screen *v = ls_of(h);
	const struct live *L = h->L;
	char right[64];

	if (!v->open || (!v->dirty && now < v->next_frame))
		return;
	v->dirty = false;
	v->next_frame = L->phase == LIVE_OPEN ? now + FRAME_MS * 1000 :
	    CLOCK_NEVER;
	erase();
	if (L->q >= 0)
		snprintf(right, sizeof right, "Question %d/%d   %d players",
		    L->q + 1, L->master->n, live_connected(L));
	else
		snprintf(right, sizeof right, "live game");
	draw_header(&v->a, L->master->title, right);
	if (v->a.cols < MIN_COLS || v->a.rows < 12) {
		draw_too_small(&v->a, MIN_COLS, 12, NULL);
	} else if (L->phase == LIVE_LOBBY) {
		draw_lobby(v, h);
	} else if (L->phase == LIVE_BOARD) {
		center(3, "Top 5", v->a.cols);
		draw_table(v, h, 5, WIRE_TOP_MAX);
		draw_footer(&v->a, "Enter next question   q end the game");
	} else if (L->phase == LIVE_PODIUM) {
		center(3, "Podium", v->a.cols);
		draw_table(v, h, 5, L->np);
		if (otdb_attribution(L->master) != NULL) {
			attrset(ui_attr(&v->a, C_DIM));
			center(v->a.rows - 2, otdb_attribution(L->master),
			    v->a.cols);
			attrset(A_NORMAL);
		}
		draw_footer(&v->a, host_can_again(h) ?
		    "Enter play again   q end the game" : "q leave");
	} else {
		draw_question(v, h, now);
	}
	wnoutrefresh(stdscr);
	doupdate();
}

static void
live_event(struct host *h, enum host_event ev, int id, int64_t now)
{
	struct live_screen *v = ls_of(h);

	(void)id;
	if (!v->open) {
		ui_open(&v->a);
		nodelay(stdscr, TRUE);
		v->open = true;
	}
	if (ev == HOST_EV_PHASE && h->L->phase == LIVE_OPEN)
		countdown_start(&v->cd, now, (double)live_limit_us(h->L) /
		    CLOCK_US);
	v->dirty = true;
}

static enum host_action
live_input(struct host *h, int64_t now)
{
	struct live_screen *v = ls_of(h);
	enum host_action a = HOST_NONE;
	wint_t ch;
	int r;

	(void)now;
	while ((r = wget_wch(stdscr, &ch)) != ERR) {
		if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
			getmaxyx(stdscr, v->a.rows, v->a.cols);
			v->dirty = true;
		} else if (r == KEY_CODE_YES && ch == KEY_ENTER) {
			a = HOST_NEXT;
		} else if (r == OK && (ch == '\r' || ch == '\n' || ch == ' ')) {
			a = HOST_NEXT;
		} else if (r == OK && (ch == 'q' || ch == 'Q')) {
			return HOST_QUIT;
		}
	}
	return a;
}

static int
live_wait_ms(struct host *h, int64_t now)
{
	struct live_screen *v = ls_of(h);
	int64_t d;

	if (h->L->phase != LIVE_OPEN)
		return -1;
	d = v->next_frame - now;
	return d <= 0 ? 0 : (int)((d + 999) / 1000);
}

const struct host_view live_host_view = {
	.event = live_event,
	.input = live_input,
	.wait_ms = live_wait_ms,
	.draw = live_draw,
	.input_on_signal = true,
};

void *
live_screen_new(struct session *s)
{
	struct live_screen *v = xcalloc(1, sizeof *v);

	v->a.s = s;
	v->next_frame = CLOCK_NEVER;
	return v;
}
