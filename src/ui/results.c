#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "ui.h"

#define TABLE_TOP 7

static void
results_enter(struct app *a, int64_t now)
{
	(void)now;
	a->scroll = 0;
	curs_set(0);
	session_save(a->s, true);
}

static int
table_rows(const struct app *a)
{
	return a->rows - TABLE_TOP - 2;
}

static enum screen_id
results_key(struct app *a, wint_t ch, bool is_key, int64_t now)
{
	int max = a->s->z->n - table_rows(a);

	(void)now;
	if (is_key) {
		if (ch == KEY_DOWN || ch == KEY_NPAGE)
			a->scroll += ch == KEY_DOWN ? 1 : table_rows(a);
		else if (ch == KEY_UP || ch == KEY_PPAGE)
			a->scroll -= ch == KEY_UP ? 1 : table_rows(a);
		else if (ch == KEY_ENTER)
			ch = '\n', is_key = false;
	}
	if (!is_key) {
		switch (ch) {
		case 'q': case 'Q': case 27: return SCR_EXIT;
		case 'j': a->scroll++; break;
		case 'k': a->scroll--; break;
		case 'm': case 'M': return SCR_MENU;
		case 'r': case 'R':
			return session_retry(a->s) ? SCR_QUESTION : SCR_SAME;
		case '\r': case '\n':
			session_new_game(a->s, a->s->game_packs,
			    a->s->ngame_packs);
			return SCR_QUESTION;
		default: break;
		}
	}
	if (a->scroll > max)
		a->scroll = max;
	if (a->scroll < 0)
		a->scroll = 0;
	return SCR_SAME;
}

static void
draw_summary(struct app *a, const struct quiz *z)
{
	char line[160];
	int done = quiz_answered(z);

	snprintf(line, sizeof line, "Score %d / %d      Accuracy %d%%      "
	    "Best streak %d      Avg answer %.1f s", z->score,
	    quiz_max_score(z), done ? (z->correct * 100 + done / 2) / done : 0,
	    z->best_streak, quiz_mean_seconds(z));
	attrset(A_BOLD);
	text_put(3, 3, line, strlen(line), a->cols - 6);
	attrset(A_NORMAL);
	move(4, 3);
	attrset(ui_attr(a, C_GOOD));
	printw("Correct %d", z->correct);
	attrset(ui_attr(a, C_BAD));
	printw("   Wrong %d", z->wrong);
	attrset(ui_attr(a, C_WARN));
	printw("   Time's up %d", z->timed_out);
	attrset(A_NORMAL);
	if (a->s->save_error != NULL) {
		attrset(ui_attr(a, C_BAD));
		text_put(5, 3, a->s->save_error, strlen(a->s->save_error),
		    a->cols - 6);
		attrset(A_NORMAL);
	} else if (a->s->saved) {
		attrset(ui_attr(a, C_DIM));
		printw("   (results saved to %s)", a->s->results_path);
		attrset(A_NORMAL);
	}
}

static void
draw_row(struct app *a, int y, int i, const struct outcome *o)
{
	int qw = a->cols - 46, aw = 16;
	const char *given = o->timed_out ? (a->utf8 ?
	    "\u2014  (time's up)" : "-  (time's up)") : o->given;
	char num[16], tail[48];

	if (qw < 10)
		qw = 10;
	snprintf(num, sizeof num, "%3d", i + 1);
	mvaddstr(y, 1, num);
	text_put(y, 6, o->q->text, strlen(o->q->text), qw);
	attrset(ui_attr(a, o->correct ? C_GOOD : C_BAD));
	text_put(y, 7 + qw, given, strlen(given), aw);
	attrset(A_NORMAL);
	snprintf(tail, sizeof tail, "%6d %6.1f s", o->points, o->seconds);
	mvaddstr(y, 8 + qw + aw, tail);
}

static void
results_draw(struct app *a, int64_t now)
{
	const struct quiz *z = a->s->z;
	char right[64];
	int i, y, qw = a->cols - 46 < 10 ? 10 : a->cols - 46;

	(void)now;
	if (a->cols < 60 || a->rows < 12) {
		draw_too_small(a, 60, 12);
		return;
	}
	snprintf(right, sizeof right, "%d of %d right", z->correct, z->n);
	draw_header(a, right);
	draw_summary(a, z);
	attrset(ui_attr(a, C_DIM));
	mvprintw(TABLE_TOP - 1, 1, "  #  %-*s %-16s %6s %8s", qw, "question",
	    "your answer", "points", "time");
	attrset(A_NORMAL);
	for (i = a->scroll, y = TABLE_TOP; i < z->n && y < a->rows - 2;
	    i++, y++)
		draw_row(a, y, i, &z->o[i]);
	draw_footer(a, z->correct < z->n ?
	    "Enter play again · r retry the missed ones · m menu · q quit" :
	    "Enter play again · m menu · q quit");
}

const struct screen results_screen = {
	.name = "results",
	.enter = results_enter,
	.draw = results_draw,
	.key = results_key,
};
