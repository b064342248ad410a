/* The Open Trivia Database screen: the categories with their question
 * counts, a difficulty, then the fetch with a spinner (Esc cancels); the
 * fetched game starts from here. Offline it offers the cached questions. */

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/util.h"
#include "online.h"
#include "ui.h"

enum phase { PH_CATEGORIES, PH_DIFFICULTY, PH_FETCH, PH_NOTE, PH_OFFER,
	PH_ERROR };

/* The screen's own state (the loop allocates it zeroed); what it holds is
 * freed whenever the screen moves on (leave), and again on entering. */
struct online_state {
	enum phase ph;
	bool from_cli;             /* --opentdb: leaving ends termquiz */
	struct fetch f;
	bool fetching;
	struct otdb_categories cats;
	int sel;                   /* in the list shown */
	struct otdb_query q;
	int cached_first, cached_n;
	char msg[1024];
};

static void
stop_fetch(struct online_state *st)
{
	if (st->fetching)
		fetch_fini(&st->f);
	st->fetching = false;
}

/* Leave the screen: everything it made goes. */
static enum ui_next
leave(struct online_state *st, enum ui_next next)
{
	stop_fetch(st);
	otdb_categories_fini(&st->cats);
	return next;
}

/* The questions are chosen: play them, or leave for the live host to. */
static enum ui_next
play(struct app *a, struct online_state *st)
{
	return leave(st, a->s->online_for_host ? SCR_EXIT : ACT_PLAY);
}

static enum ui_next
back_out(struct online_state *st)
{
	return leave(st, st->from_cli ? SCR_EXIT : SCR_MENU);
}

static void
start_questions(struct app *a, struct online_state *st)
{
	stop_fetch(st);
	online_fetch(a->s, &st->f, &st->q);
	st->fetching = true;
	st->ph = PH_FETCH;
}

static void
online_enter(struct app *a, void *p, int64_t now)
{
	struct online_state *st = p;
	struct session *s = a->s;

	(void)now;
	curs_set(0);
	stop_fetch(st);
	otdb_categories_fini(&st->cats);
	memset(st, 0, sizeof *st);
	st->q.amount = s->opts.count > 0 ? s->opts.count :
	    s->cfg.questions_per_game > 0 ? s->cfg.questions_per_game : 10;
	if (s->online != NULL) {
		st->from_cli = true;
		st->q = *s->online;
		s->online = NULL;   /* "m menu" later shows the menu */
		start_questions(a, st);
		return;
	}
	st->ph = PH_CATEGORIES;
	fetch_categories(&st->f, online_base(s), s->paths.state);
	st->fetching = true;
}

/* Offline: offer what is cached for the query, or say there is nothing. */
static void
offline(struct app *a, struct online_state *st)
{
	st->cached_n = online_load_cached(a->s, &st->q, &st->cached_first);
	if (st->cached_n > 0) {
		online_offer(&st->f, st->cached_n, st->msg, sizeof st->msg);
		st->ph = PH_OFFER;
	} else {
		snprintf(st->msg, sizeof st->msg, "No connection: %s. No "
		    "questions are cached for this choice yet.", st->f.error);
		st->ph = PH_ERROR;
	}
}

static void
categories_done(struct online_state *st)
{
	char err[256];

	if (otdb_categories_parse(&st->cats, st->f.body, st->f.len, err,
	    sizeof err) < 0) {
		snprintf(st->msg, sizeof st->msg, "The category list from %s "
		    "cannot be used: %s.", st->f.host, err);
		st->ph = PH_ERROR;
	}
	st->sel = 0;
}

/* A fetch ended in phase ph: what comes next. */
static enum ui_next
fetch_ended(struct app *a, struct online_state *st, enum fetch_status r)
{
	char err[256];

	if (r == FETCH_FAILED && st->f.unreachable && st->ph != PH_DIFFICULTY) {
		offline(a, st);
	} else if (r == FETCH_FAILED && st->ph != PH_DIFFICULTY) {
		snprintf(st->msg, sizeof st->msg, "%s.", st->f.error);
		st->ph = PH_ERROR;
	} else if (st->ph == PH_CATEGORIES) {
		categories_done(st);
	} else if (st->ph == PH_DIFFICULTY && r == FETCH_DONE) {
		/* Counts are a help, not a need: a bad reply leaves "?". */
		(void)otdb_count_parse(&st->cats, st->f.body, st->f.len, err,
		    sizeof err);
	} else if (st->ph == PH_FETCH) {
		online_choose_fetched(a->s, &st->f);
		if (st->f.note[0] == '\0')
			return play(a, st);
		snprintf(st->msg, sizeof st->msg, "%s", st->f.note);
		st->ph = PH_NOTE;
	}
	stop_fetch(st);
	return SCR_SAME;
}

static enum ui_next
online_tick(struct app *a, void *p, int64_t now)
{
	struct online_state *st = p;
	enum fetch_status r;

	(void)now;
	if (!st->fetching)
		return SCR_SAME;
	r = fetch_step(&st->f);
	return r == FETCH_RUNNING ? SCR_SAME : fetch_ended(a, st, r);
}

/* The fetch waits on its sockets and the terminal here, for at most a
 * spinner step; the loop's read then returns at once. */
static int
online_wait(struct app *a, void *p, int64_t now)
{
	struct online_state *st = p;

	(void)a;
	(void)now;
	if (!st->fetching)
		return -1;
	fetch_wait(&st->f, STDIN_FILENO, 100);
	return 0;
}

/* Rows of the list shown: "any" and the categories, or the difficulties. */
static int
rows(const struct online_state *st)
{
	return st->ph == PH_CATEGORIES ? st->cats.n + 1 : 4;
}

static void
choose(struct app *a, struct online_state *st)
{
	if (st->ph == PH_CATEGORIES) {
		st->q.category = st->sel == 0 ? 0 : st->cats.v[st->sel - 1].id;
		st->ph = PH_DIFFICULTY;
		st->sel = 0;
		if (st->q.category > 0) {
			fetch_count(&st->f, online_base(a->s), st->q.category,
			    a->s->paths.state);
			st->fetching = true;
		}
		return;
	}
	st->q.difficulty = (enum otdb_difficulty)st->sel;
	start_questions(a, st);
}

static enum ui_next
list_key(struct app *a, struct online_state *st, wint_t ch, bool is_key)
{
	int n = rows(st);

	if (n == 1 && st->ph == PH_CATEGORIES && st->fetching)
		n = 0;   /* the list is not there yet */
	if ((is_key && ch == KEY_UP) || (!is_key && ch == 'k'))
		st->sel = n > 0 ? (st->sel + n - 1) % n : 0;
	else if ((is_key && ch == KEY_DOWN) || (!is_key && ch == 'j'))
		st->sel = n > 0 ? (st->sel + 1) % n : 0;
	else if (n > 0 && ((is_key && ch == KEY_ENTER) ||
	    (!is_key && (ch == '\r' || ch == '\n' || ch == ' '))))
		choose(a, st);
	else if (!is_key && ch == 27 && st->ph == PH_DIFFICULTY) {
		stop_fetch(st);
		st->ph = PH_CATEGORIES;
		st->sel = 0;
	} else if (!is_key && (ch == 27 || ch == 'q'))
		return back_out(st);
	return SCR_SAME;
}

static enum ui_next
online_key(struct app *a, void *p, wint_t ch, bool is_key, int64_t now)
{
	struct online_state *st = p;

	(void)now;
	switch (st->ph) {
	case PH_CATEGORIES:
	case PH_DIFFICULTY:
		return list_key(a, st, ch, is_key);
	case PH_FETCH:
		if (!is_key && (ch == 27 || ch == 'q'))
			return back_out(st);   /* cancels the fetch */
		return SCR_SAME;
	case PH_NOTE:
		if (is_key ? ch == KEY_ENTER : ch == '\r' || ch == '\n' ||
		    ch == ' ')
			return play(a, st);
		return !is_key && (ch == 27 || ch == 'q') ? back_out(st) :
		    SCR_SAME;
	case PH_OFFER:
		if (!is_key && (ch == 'y' || ch == 'Y')) {
			online_choose_cached(a->s, st->cached_first);
			return play(a, st);
		}
		return !is_key && (ch == 'n' || ch == 'N' || ch == 27 ||
		    ch == 'q') ? back_out(st) : SCR_SAME;
	case PH_ERROR:
		if (is_key ? ch == KEY_ENTER : ch == '\r' || ch == '\n' ||
		    ch == 27 || ch == 'q')
			return back_out(st);
		return SCR_SAME;
	}
	return SCR_SAME;
}

/* "Fetching ... ⠹" on row y while a fetch runs. */
static void
draw_fetching(struct app *a, const struct online_state *st, int y,
    int64_t now)
{
	static const char *const spin_utf8[] = { "\u280b", "\u2819", "\u2839",
		"\u2838", "\u283c", "\u2834", "\u2826", "\u2827", "\u2807",
		"\u280f" };
	static const char spin_ascii[] = "|/-\\";
	char line[300], frame[2] = { 0 };
	int k = (int)((now / 100) % 10);

	fetch_line(&st->f, line, sizeof line);
	attrset(ui_attr(a, C_ACCENT) & ~A_REVERSE);
	if (a->utf8) {
		mvaddstr(y, 3, spin_utf8[k]);
	} else {
		frame[0] = spin_ascii[k % 4];
		mvaddstr(y, 3, frame);
	}
	attrset(A_NORMAL);
	text_put(y, 5, line, strlen(line), a->cols - 10);
	addstr(a->utf8 ? "\u2026" : "...");
}

static void
draw_count(int y, int x, int n)
{
	char buf[32];

	if (n < 0)
		return;
	snprintf(buf, sizeof buf, "%5d questions", n);
	mvaddstr(y, x, buf);
}

static void
draw_row(struct app *a, const struct online_state *st, int y, int i,
    const char *name, int count)
{
	if (i == st->sel)
		mvaddstr(y, 2, a->utf8 ? "\u25b8" : ">");
	attrset(i == st->sel ? A_BOLD : A_NORMAL);
	text_put(y, 4, name, strlen(name), a->cols - 26);
	attrset(A_NORMAL);
	draw_count(y, a->cols - 20, count);
}

static void
draw_categories(struct app *a, const struct online_state *st, int64_t now)
{
	int room = a->rows - 7, first = 0, i, y = 3;

	if (st->fetching) {
		draw_fetching(a, st, 3, now);
		return;
	}
	if (st->sel >= room)
		first = st->sel - room + 1;
	for (i = first; i <= st->cats.n && y < 3 + room; i++, y++)
		draw_row(a, st, y, i, i == 0 ? "Any category" :
		    st->cats.v[i - 1].name, -1);
}

static void
draw_difficulties(struct app *a, const struct online_state *st, int64_t now)
{
	static const char *const names[] = { "Any difficulty", "Easy",
		"Medium", "Hard" };
	const struct otdb_category *c = NULL;
	const char *cat = otdb_category_name(&st->cats, st->q.category);
	int i, n;

	for (i = 0; i < st->cats.n; i++)
		if (st->cats.v[i].id == st->q.category)
			c = &st->cats.v[i];
	mvaddstr(3, 3, cat != NULL ? cat : "Any category");
	for (i = 0; i < 4; i++) {
		n = c == NULL ? -1 : i == 0 ? c->total : i == 1 ? c->easy :
		    i == 2 ? c->medium : c->hard;
		draw_row(a, st, 5 + i, i, names[i], n);
	}
	if (st->fetching)
		draw_fetching(a, st, 10, now);
}

static void
online_draw(struct app *a, void *p, int64_t now)
{
	const struct online_state *st = p;

	if (a->cols < MIN_COLS || a->rows < 12) {
		draw_too_small(a, MIN_COLS, 12, NULL);
		return;
	}
	draw_header(a, "Open Trivia DB", "online");
	switch (st->ph) {
	case PH_CATEGORIES:
		draw_categories(a, st, now);
		draw_footer(a, "Enter choose \u00b7 \u2191\u2193 move \u00b7 "
		    "Esc back");
		break;
	case PH_DIFFICULTY:
		draw_difficulties(a, st, now);
		draw_footer(a, "Enter fetch and play \u00b7 \u2191\u2193 move "
		    "\u00b7 Esc categories");
		break;
	case PH_FETCH:
		draw_fetching(a, st, 3, now);
		draw_footer(a, "Esc cancel");
		break;
	case PH_NOTE:
	case PH_OFFER:
	case PH_ERROR:
		attrset(ui_attr(a, st->ph == PH_ERROR ? C_BAD : C_NORMAL) &
		    ~A_REVERSE);
		text_block(3, 3, a->cols - 6, st->msg, a->rows - 6);
		attrset(A_NORMAL);
		draw_footer(a, st->ph == PH_NOTE ? "Enter play \u00b7 Esc back" :
		    st->ph == PH_OFFER ? "y play them \u00b7 n no" :
		    "Enter back");
		break;
	}
}

const struct screen online_screen = {
	.state_size = sizeof(struct online_state),
	.enter = online_enter,
	.draw = online_draw,
	.key = online_key,
	.tick = online_tick,
	.wait_ms = online_wait,
};
