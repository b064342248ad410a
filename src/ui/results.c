#include <curses.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/spark.h"
#include "ui.h"

#define RESULTS_MIN_ROWS 8

/* Where the summary and the table start: a row higher each, and no note
 * row, when rows are few (the table keeps some). */
static bool
short_screen(const struct app *a)
{
	return a->rows < 12;
}

static int
summary_top(const struct app *a)
{
	return short_screen(a) ? 2 : 3;
}

static int
table_top(const struct app *a)
{
	return short_screen(a) ? 5 : 7;
}

/* The screen's own state. */
struct results_state {
	int scroll;            /* first line of the table shown */
};

static void
results_enter(struct app *a, void *st, int64_t now)
{
	struct results_state *rs = st;

	(void)a;
	(void)now;
	rs->scroll = 0;
	curs_set(0);
}

#define BAR_CELLS 8

/* The scrolling part: a row per question, then the high-score table, then
 * the player's last scores on this pack (a sparkline and its mark). */
static int
top_lines(const struct app *a)
{
	return a->s->ntop > 0 ? 2 + a->s->ntop : 0;
}

static int
lines_total(const struct app *a)
{
	return a->s->z->n + top_lines(a) + (a->s->nseries > 0 ? 3 : 0);
}

static int
table_rows(const struct app *a)
{
	return a->rows - table_top(a) - 1;
}

static void
scroll_by(struct app *a, struct results_state *rs, int d)
{
	int max = lines_total(a) - table_rows(a);

	rs->scroll += d;
	if (rs->scroll > max)
		rs->scroll = max;
	if (rs->scroll < 0)
		rs->scroll = 0;
}

static enum ui_next
results_key(struct app *a, void *st, wint_t ch, bool is_key, int64_t now)
{
	(void)now;
	if (is_key) {
		switch (ch) {
		case KEY_DOWN: scroll_by(a, st, 1); break;
		case KEY_UP: scroll_by(a, st, -1); break;
		case KEY_NPAGE: scroll_by(a, st, table_rows(a)); break;
		case KEY_PPAGE: scroll_by(a, st, -table_rows(a)); break;
		case KEY_ENTER: return results_key(a, st, '\n', false, now);
		default: break;
		}
		return SCR_SAME;
	}
	switch (ch) {
	case 'q': case 'Q': case 27: return SCR_EXIT;
	case 'j': scroll_by(a, st, 1); break;
	case 'k': scroll_by(a, st, -1); break;
	case 'm': case 'M': return SCR_MENU;
	case 'r': case 'R': return ACT_RETRY;
	case '\r': case '\n': return ACT_PLAY;
	default: break;
	}
	return SCR_SAME;
}

/* Below 60 columns the table keeps the number, the mark, the question
 * and the points; the summary its first line. */
static bool
narrow(const struct app *a)
{
	return a->cols < 60;
}

static void
draw_note(struct app *a, int y, enum ui_color c, const char *text)
{
	attrset(ui_attr(a, c));
	text_put(ROW(a, y), COL(a, 3), text, strlen(text), a->cols - 6);
	attrset(A_NORMAL);
}

static void
draw_summary(struct app *a, const struct quiz *z, const struct quiz_tally *t)
{
	const struct session *s = a->s;
	char line[256];
	bool best = s->recorded && t->score > 0 && t->score > s->best_before;

	if (narrow(a))
		snprintf(line, sizeof line, "Score %" PRId64 " / %" PRId64
		    "   Accuracy %d%%", t->score, t->max_score, t->accuracy);
	else
		snprintf(line, sizeof line, "Score %" PRId64 " / %" PRId64
		    "   Accuracy %d%%   Best streak %d   Avg answer %.1f s",
		    t->score, t->max_score, t->accuracy, z->best_streak,
		    t->mean_answer_seconds);
	draw_note(a, summary_top(a), C_TITLE, line);
	/* Short of rows, a failed save takes the counts' row. */
	if (short_screen(a) && s->save_error != NULL) {
		draw_note(a, summary_top(a) + 1, C_BAD, s->save_error);
		return;
	}
	move(ROW(a, summary_top(a) + 1), COL(a, 3));
	attrset(ui_attr(a, C_GOOD));
	printw("Correct %d", t->correct);
	attrset(ui_attr(a, C_BAD));
	printw("   Wrong %d", t->wrong);
	attrset(ui_attr(a, C_WARN));
	printw("   Time's up %d", t->timed_out);
	if (best) {
		const char *b = s->best_before < 0 ?
		    "   First score on this pack!" : "   New best!";

		/* Only where it fits: printw would run onto the next row. */
		if (getcurx(stdscr) - a->left + (int)strlen(b) <
		    a->cols - 1) {
			attrset(ui_attr(a, C_GOOD) | A_BOLD);
			printw("%s", b);
		}
	}
	attrset(A_NORMAL);
	if (short_screen(a))
		return;
	if (s->save_error != NULL)
		draw_note(a, 5, C_BAD, s->save_error);
	else if (s->history_note != NULL)
		draw_note(a, 5, C_WARN, s->history_note);
	else if (s->saved) {
		snprintf(line, sizeof line, "results saved to %s",
		    s->saved_path);
		draw_note(a, 5, C_DIM, line);
	}
}

/* The longest answer time of the game: the scale of untimed bars. */
static double
slowest(const struct quiz *z)
{
	double m = 0;
	int i;

	for (i = 0; i < z->n; i++)
		if (z->o[i].done && z->o[i].seconds > m)
			m = z->o[i].seconds;
	return m;
}

/* The answer time as a bar: the share of the limit used (of the slowest
 * answer when untimed); the seconds are printed beside it. */
static void
draw_time_bar(struct app *a, int y, int x, const struct outcome *o)
{
	double scale = o->limit > 0 ? o->limit : slowest(a->s->z);
	char bar[BAR_CELLS * 4 + 1];

	if (!o->done)
		return;
	spark_bar(scale > 0 ? o->seconds / scale : 0, BAR_CELLS, a->utf8, bar,
	    sizeof bar);
	attrset(ui_attr(a, C_DIM));
	mvaddstr(ROW(a, y), COL(a, x), bar);
	attrset(A_NORMAL);
}

/* A row's outcome at a glance: right, wrong, timed out (ASCII without
 * UTF-8). */
static const char *
row_mark(const struct app *a, const struct outcome *o)
{
	if (!o->done)
		return " ";
	if (o->correct)
		return a->utf8 ? "\u2714" : "+";
	if (outcome_timed_out(o))
		return a->utf8 ? "\u23f1" : "t";
	return a->utf8 ? "\u2718" : "x";
}

static void
draw_question(struct app *a, int y, int i, const struct outcome *o)
{
	int qw = a->cols - 46 - BAR_CELLS - 1, aw = 16;
	const char *given = outcome_timed_out(o) ? (a->utf8 ?
	    "\u2014  (time's up)" : "-  (time's up)") :
	    question_answer_shown(o->q, o->given);
	char num[16], tail[48];

	if (narrow(a)) {
		qw = a->cols - 7 - 8;
		aw = 0;
	}
	if (qw < 10)
		qw = 10;
	snprintf(num, sizeof num, "%3d", i + 1);
	mvaddstr(ROW(a, y), COL(a, 1), num);
	attrset(ui_attr(a, o->correct ? C_GOOD : outcome_timed_out(o) ?
	    C_WARN : C_BAD));
	mvaddstr(ROW(a, y), COL(a, 5), row_mark(a, o));
	attrset(A_NORMAL);
	text_put(ROW(a, y), COL(a, 7), o->q->text, strlen(o->q->text), qw - 1);
	if (narrow(a)) {
		snprintf(tail, sizeof tail, "%6" PRId64, o->points);
		mvaddstr(ROW(a, y), COL(a, a->cols - 7), tail);
		return;
	}
	attrset(ui_attr(a, o->correct ? C_GOOD : C_BAD));
	text_put(ROW(a, y), COL(a, 7 + qw), given, strlen(given), aw);
	attrset(A_NORMAL);
	snprintf(tail, sizeof tail, "%6" PRId64 " %6.1f s", o->points,
	    o->seconds);
	mvaddstr(ROW(a, y), COL(a, 8 + qw + aw), tail);
	draw_time_bar(a, y, 8 + qw + aw + 16, o);
}

static void
draw_top(struct app *a, int y, int k)
{
	const struct history_top *t = &a->s->top[k];
	bool mine = t->game == a->s->game_id;
	char when[32], line[160];
	time_t at = (time_t)t->started_at;
	struct tm tm;

	strftime(when, sizeof when, "%Y-%m-%d %H:%M", localtime_r(&at, &tm));
	snprintf(line, sizeof line, "%3d. %-20.20s %7lld   %s%s", k + 1,
	    t->player, (long long)t->score, when, mine ? "   <- this game" : "");
	attrset(mine ? ui_attr(a, C_GOOD) | A_BOLD : A_NORMAL);
	text_put(ROW(a, y), COL(a, 1), line, strlen(line), a->cols - 2);
	attrset(A_NORMAL);
}

/* The player's last scores on this pack as a sparkline (row k 1), and a
 * mark under this game's glyph (row k 2); the numbers beside them. */
static void
draw_progress(struct app *a, int y, int k)
{
	const struct session *s = a->s;
	double v[SESSION_SERIES];
	char spark[SESSION_SERIES * 4 + 1], line[256];
	int64_t lo = 0, hi = 0, mine = -1;
	int i, x = 3 + 21;

	for (i = 0; i < s->nseries; i++) {
		const struct history_point *p = &s->series[i];

		v[i] = p->max_score > 0 ? (double)p->score / p->max_score : 0;
		if (i == 0 || p->score < lo)
			lo = p->score;
		if (i == 0 || p->score > hi)
			hi = p->score;
		if (p->game == s->game_id)
			mine = i;
	}
	if (k == 1) {
		snprintf(line, sizeof line, "Your last %d score%s", s->nseries,
		    s->nseries == 1 ? "" : "s");
		draw_note(a, y, C_TITLE, line);
		spark_line(v, s->nseries, 0, 1, a->utf8, spark, sizeof spark);
		mvaddstr(ROW(a, y), COL(a, x), spark);
		snprintf(line, sizeof line, "low %" PRId64 ", high %" PRId64,
		    lo, hi);
		mvaddstr(ROW(a, y), COL(a, x + s->nseries + 2), line);
	} else if (k == 2 && mine >= 0) {
		snprintf(line, sizeof line, "%s this game: %" PRId64,
		    a->utf8 ? "\u2191" : "^", s->series[mine].score);
		attrset(ui_attr(a, C_GOOD) | A_BOLD);
		mvaddstr(ROW(a, y), COL(a, x + (int)mine), line);
		attrset(A_NORMAL);
	}
}

/* Line i of the scrolling part at row y. */
static void
draw_line(struct app *a, int y, int i)
{
	const struct quiz *z = a->s->z;
	int after = z->n + top_lines(a);

	if (i < z->n)
		draw_question(a, y, i, &z->o[i]);
	else if (i == z->n && otdb_attribution(z) != NULL)
		draw_note(a, y, C_DIM, otdb_attribution(z));
	else if (i == z->n + 1 && top_lines(a) > 0)
		draw_note(a, y, C_TITLE, "High scores");
	else if (i > z->n + 1 && i < after)
		draw_top(a, y, i - z->n - 2);
	else if (i > after)
		draw_progress(a, y, i - after);
}

static void
results_draw(struct app *a, void *st, int64_t now)
{
	const struct results_state *rs = st;
	const struct quiz *z = a->s->z;
	struct quiz_tally t;
	char right[64];
	int i, y, qw = a->cols - 46 - BAR_CELLS - 1;

	(void)now;
	if (a->cols < MIN_COLS || a->rows < RESULTS_MIN_ROWS) {
		draw_too_small(a, MIN_COLS, RESULTS_MIN_ROWS, NULL);
		return;
	}
	quiz_tally(z, &t);
	snprintf(right, sizeof right, "%d of %d right", t.correct, z->n);
	draw_header(a, z->title, right);
	draw_summary(a, z, &t);
	attrset(ui_attr(a, C_DIM));
	if (narrow(a))
		mvprintw(ROW(a, table_top(a) - 1), COL(a, 1), "  #   %-*s%6s",
		    a->cols - 14,
		    "question", "points");
	else
		mvprintw(ROW(a, table_top(a) - 1), COL(a, 1),
		    "  #  %-*s %-16s %6s %8s",
		    qw < 10 ? 10 : qw, "question", "your answer", "points",
		    "time");
	attrset(A_NORMAL);
	for (i = rs->scroll, y = table_top(a); i < lines_total(a) &&
	    y < a->rows - 1; i++, y++)
		draw_line(a, y, i);
	{
		bool below = i < lines_total(a), above = rs->scroll > 0;
		char foot[160];

		snprintf(foot, sizeof foot, "%s%s%s", below ? (a->utf8 ?
		    "more ↓ j|↓ j · " : "more below: j|j more · ") : "",
		    above ? "k up|k · " : "", t.correct < z->n ?
		    "Enter play again|Enter again · r retry the missed ones|"
		    "r retry · m menu · q quit" :
		    "Enter play again|Enter again · m menu · q quit");
		draw_footer(a, foot);
	}
}

const struct screen results_screen = {
	.state_size = sizeof(struct results_state),
	.enter = results_enter,
	.draw = results_draw,
	.key = results_key,
};
