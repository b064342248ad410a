/* The Open Trivia Database screen: the categories with their question
 * counts, a difficulty (with its count), then the fetch with a spinner (Esc
 * cancels); the fetched game starts from here. Offline it offers the cached
 * questions. The list and its counts are cached for a day, so that opening
 * it again asks nothing: each request costs the player the API's 5 s. */

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
	int64_t listed, counted;   /* when the list and its counts came, 0 */
	bool tried_list, tried_counts; /* asked for on this visit: a failure
	                            * is not asked again */
	int tried_detail;          /* the category whose difficulties were
	                            * last asked for */
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
	/* What is cached shows at once; what is stale is asked for (tick). */
	(void)fetch_list_load(s->paths.cache, online_base(s), &st->cats,
	    &st->listed, &st->counted);
}

/* The category chosen, or NULL (any). */
static const struct otdb_category *
chosen(const struct online_state *st)
{
	int i;

	for (i = 0; i < st->cats.n; i++)
		if (st->cats.v[i].id == st->q.category)
			return &st->cats.v[i];
	return NULL;
}

/* While the lists are shown and nothing is being fetched: ask for what is
 * missing or stale, one request at a time (the API's 5 s apart): the list,
 * the chosen category's difficulties, then every category's count. */
static void
next_fetch(struct app *a, struct online_state *st)
{
	struct session *s = a->s;
	const struct otdb_category *c = chosen(st);
	int64_t now = fetch_now();

	if (st->fetching || (st->ph != PH_CATEGORIES &&
	    st->ph != PH_DIFFICULTY))
		return;
	if (!st->tried_list && !otdb_list_fresh(st->listed, now)) {
		st->tried_list = true;
		fetch_categories(&st->f, online_base(s), s->paths.state);
	} else if (st->ph == PH_DIFFICULTY && c != NULL && c->easy < 0 &&
	    st->tried_detail != c->id) {
		st->tried_detail = c->id;
		fetch_count(&st->f, online_base(s), c->id, s->paths.state);
	} else if (!st->tried_counts && st->cats.n > 0 &&
	    !otdb_list_fresh(st->counted, now)) {
		st->tried_counts = true;
		fetch_count_global(&st->f, online_base(s), s->paths.state);
	} else {
		return;
	}
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

/* The category list came, or did not. A stale cached list stays when the
 * new one cannot be had. */
static void
list_done(struct app *a, struct online_state *st, enum fetch_status r)
{
	struct otdb_categories fresh = { 0 };
	char err[256];

	if (r == FETCH_DONE && otdb_categories_parse(&fresh, st->f.body,
	    st->f.len, err, sizeof err) == 0) {
		otdb_categories_fini(&st->cats);
		st->cats = fresh;
		st->listed = fetch_now();
		st->counted = 0;
		st->sel = 0;
		fetch_list_save(a->s->paths.cache, online_base(a->s), &st->cats,
		    st->listed, 0);
		return;
	}
	if (st->cats.n > 0)
		return;
	if (r != FETCH_DONE && st->f.unreachable) {
		offline(a, st);
		return;
	}
	if (r == FETCH_DONE)
		snprintf(st->msg, sizeof st->msg, "The category list from %s "
		    "cannot be used: %s.", st->f.host, err);
	else
		snprintf(st->msg, sizeof st->msg, "%s.", st->f.error);
	st->ph = PH_ERROR;
}

/* Counts came (all categories', or one's by difficulty): kept with the
 * list. They are a help, not a need: a failure leaves them unknown. */
static void
counts_done(struct app *a, struct online_state *st, enum fetch_status r)
{
	char err[256];

	if (r != FETCH_DONE)
		return;
	if (st->f.kind == FETCH_COUNT_GLOBAL) {
		if (otdb_count_global_parse(&st->cats, st->f.body, st->f.len,
		    err, sizeof err) < 0)
			return;
		st->counted = fetch_now();
	} else if (otdb_count_parse(&st->cats, st->f.body, st->f.len, err,
	    sizeof err) < 0) {
		return;
	}
	if (st->listed > 0)
		fetch_list_save(a->s->paths.cache, online_base(a->s), &st->cats,
		    st->listed, st->counted);
}

/* A fetch ended: what comes next. */
static enum ui_next
fetch_ended(struct app *a, struct online_state *st, enum fetch_status r)
{
	switch (st->f.kind) {
	case FETCH_CATEGORIES:
		list_done(a, st, r);
		break;
	case FETCH_COUNT:
	case FETCH_COUNT_GLOBAL:
		counts_done(a, st, r);
		break;
	case FETCH_QUESTIONS:
		if (r == FETCH_FAILED && st->f.unreachable) {
			offline(a, st);
		} else if (r == FETCH_FAILED) {
			snprintf(st->msg, sizeof st->msg, "%s.", st->f.error);
			st->ph = PH_ERROR;
		} else {
			online_choose_fetched(a->s, &st->f);
			if (st->f.note[0] == '\0')
				return play(a, st);
			snprintf(st->msg, sizeof st->msg, "%s", st->f.note);
			st->ph = PH_NOTE;
		}
		break;
	}
	stop_fetch(st);
	next_fetch(a, st);   /* now: the wait ahead is for keys only */
	return SCR_SAME;
}

static enum ui_next
online_tick(struct app *a, void *p, int64_t now)
{
	struct online_state *st = p;
	enum fetch_status r;

	(void)now;
	if (!st->fetching)
		next_fetch(a, st);
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

/* The questions of difficulty row i (0: any) in the category chosen; -1
 * while unknown. */
static int
difficulty_count(const struct online_state *st, int i)
{
	const struct otdb_category *c = chosen(st);

	if (c == NULL)
		return i == 0 ? st->cats.all : -1;
	return i == 0 ? c->total : i == 1 ? c->easy : i == 2 ? c->medium :
	    c->hard;
}

static void
choose(struct app *a, struct online_state *st)
{
	int n;

	if (st->ph == PH_CATEGORIES) {
		st->q.category = st->sel == 0 ? 0 : st->cats.v[st->sel - 1].id;
		st->ph = PH_DIFFICULTY;
		st->sel = 0;
		/* A count not sent yet (all of them, or another category's)
		 * gives way to this category's; next_fetch asks for what is
		 * still missing after. */
		if (st->fetching && !st->f.asked &&
		    st->f.kind != FETCH_CATEGORIES) {
			if (st->f.kind == FETCH_COUNT_GLOBAL)
				st->tried_counts = false;
			else
				st->tried_detail = 0;
			stop_fetch(st);
		}
		return;
	}
	st->q.difficulty = (enum otdb_difficulty)st->sel;
	n = difficulty_count(st, st->sel);
	/* More than there are gets none at all (code 1): ask for those. */
	if (n > 0 && n < st->q.amount)
		st->q.amount = n;
	start_questions(a, st);
}

static enum ui_next
list_key(struct app *a, struct online_state *st, wint_t ch, bool is_key)
{
	int n = rows(st);

	if (st->ph == PH_CATEGORIES && (st->cats.n == 0 || (st->fetching &&
	    st->f.kind == FETCH_CATEGORIES)))
		n = 0;   /* the list is not there yet */
	if ((is_key && ch == KEY_UP) || (!is_key && ch == 'k'))
		st->sel = n > 0 ? (st->sel + n - 1) % n : 0;
	else if ((is_key && ch == KEY_DOWN) || (!is_key && ch == 'j'))
		st->sel = n > 0 ? (st->sel + 1) % n : 0;
	else if (n > 0 && ((is_key && ch == KEY_ENTER) ||
	    (!is_key && (ch == '\r' || ch == '\n' || ch == ' '))))
		choose(a, st);
	else if (!is_key && ch == 27 && st->ph == PH_DIFFICULTY) {
		/* A count on its way is kept: it goes into the cache. */
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
		mvaddstr(ROW(a, y), COL(a, 3), spin_utf8[k]);
	} else {
		frame[0] = spin_ascii[k % 4];
		mvaddstr(ROW(a, y), COL(a, 3), frame);
	}
	attrset(A_NORMAL);
	text_put(ROW(a, y), COL(a, 5), line, strlen(line), a->cols - 10);
	addstr(a->utf8 ? "\u2026" : "...");
}

/* At terminal row y, column x. */
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
		mvaddstr(ROW(a, y), COL(a, 2), a->utf8 ? "\u25b8" : ">");
	attrset(i == st->sel ? A_BOLD : A_NORMAL);
	text_put(ROW(a, y), COL(a, 4), name, strlen(name), a->cols - 26);
	attrset(A_NORMAL);
	draw_count(ROW(a, y), COL(a, a->cols - 20), count);
}

static void
draw_categories(struct app *a, const struct online_state *st, int64_t now)
{
	int room = a->rows - 7, first = 0, i, y = 3;

	if (st->cats.n == 0 || (st->fetching &&
	    st->f.kind == FETCH_CATEGORIES)) {
		if (st->fetching)
			draw_fetching(a, st, 3, now);
		return;
	}
	if (st->sel >= room)
		first = st->sel - room + 1;
	for (i = first; i <= st->cats.n && y < 3 + room; i++, y++)
		draw_row(a, st, y, i, i == 0 ? "Any category" :
		    st->cats.v[i - 1].name, i == 0 ? st->cats.all :
		    st->cats.v[i - 1].total);
	if (st->fetching)   /* the counts: the list is usable meanwhile */
		draw_fetching(a, st, a->rows - 3, now);
}

static void
draw_difficulties(struct app *a, const struct online_state *st, int64_t now)
{
	static const char *const names[] = { "Any difficulty", "Easy",
		"Medium", "Hard" };
	const struct otdb_category *c = chosen(st);
	int i;

	mvaddstr(ROW(a, 3), COL(a, 3), c != NULL ? c->name : "Any category");
	for (i = 0; i < 4; i++)
		draw_row(a, st, 5 + i, i, names[i], difficulty_count(st, i));
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
	draw_header(a, "Open Trivia DB", a->s->online_for_host ?
	    "online, to host" : "online");
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
		text_block(ROW(a, 3), COL(a, 3), a->cols - 6, st->msg,
		    a->rows - 6);
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
