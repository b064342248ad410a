#include <curses.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "ui.h"

/* The screen's own state. */
struct feedback_state {
	int64_t shown_at;      /* when it appeared, for the automatic next */
	int scroll;            /* first row of the explanation shown */
	int more;              /* rows of it below the screen */
};

static void
feedback_enter(struct app *a, void *st, int64_t now)
{
	struct feedback_state *fs = st;

	(void)a;
	fs->shown_at = now;
	fs->scroll = fs->more = 0;
	flushinp();
}

/* When the next question comes by itself (config feedback_seconds). */
static int64_t
auto_at(const struct app *a, const struct feedback_state *fs)
{
	double s = a->s->cfg.feedback_seconds;

	return s > 0 ? fs->shown_at + (int64_t)(s * CLOCK_US) : CLOCK_NEVER;
}

static enum ui_next
feedback_tick(struct app *a, void *st, int64_t now)
{
	return now >= auto_at(a, st) ? ACT_NEXT : SCR_SAME;
}

static int
feedback_wait(struct app *a, void *st, int64_t now)
{
	int64_t at = auto_at(a, st);

	if (at == CLOCK_NEVER)
		return -1;
	/* Wake each tenth to count down the "next in" seconds. */
	return at - now > CLOCK_US / 10 ? 100 : (int)((at - now + 999) / 1000);
}

static enum ui_next
feedback_key(struct app *a, void *st, wint_t ch, bool is_key, int64_t now)
{
	(void)a;
	(void)st;
	(void)now;
	struct feedback_state *fs = st;

	if (is_key && (ch == KEY_DOWN || ch == KEY_UP))
		ch = ch == KEY_DOWN ? 'j' : 'k';
	else if (is_key)
		return ch == KEY_ENTER ? ACT_NEXT : SCR_SAME;
	switch (ch) {
	case 'j': if (fs->more > 0) fs->scroll++; break;
	case 'k': if (fs->scroll > 0) fs->scroll--; break;
	case '\r': case '\n': case ' ': return ACT_NEXT;
	case 27: case 'q': case 'Q': return SCR_QUIT;
	default: break;
	}
	return SCR_SAME;
}

static const char *
verdict(const struct app *a, const struct verdict_view *v, enum ui_color *c)
{
	if (v->correct) {
		*c = C_GOOD;
		return a->utf8 ? "\u2714 Correct!" : "Correct!";
	}
	*c = C_BAD;
	if (v->timed_out)
		return a->utf8 ? "\u231b Time's up" : "Time's up";
	return a->utf8 ? "\u2718 Wrong" : "Wrong";
}

/* label and text from row y, in at most 3 rows and never past the row
 * above the footer. Returns the rows used. */
static int
labelled(struct app *a, int y, const char *label, const char *text)
{
	int w = (int)strlen(label), room = a->rows - 1 - y;

	if (room <= 0)
		return 0;
	attrset(ui_attr(a, C_DIM));
	mvaddstr(y, 3, label);
	attrset(A_NORMAL);
	return text_block(y, 3 + w, a->cols - 6 - w, text, room < 3 ? room : 3);
}

/* The explanation from row y to the footer, from its row *scroll on;
 * when it does not fit, the last row says "more ↓ j" (j/k scroll). */
static void
draw_explanation(struct app *a, int *scroll, int *more, const char *text,
    int y)
{
	size_t spans[64][2];
	int n = text_wrap(text, a->cols - 6, spans, 64), room = a->rows - 1 - y;

	if (room <= 0) {
		*more = n;
		return;
	}
	if (n > room)
		room--;    /* the last row says "more ↓" */
	if (*scroll > n - room)
		*scroll = n - room > 0 ? n - room : 0;
	*more = n - *scroll - room > 0 ? n - *scroll - room : 0;
	if (room > 0)
		text_lines(y, 3, a->cols - 6, text, spans + *scroll,
		    n - *scroll < room ? n - *scroll : room);
	if (n > room + 1 || *more > 0 || *scroll > 0) {
		attrset(ui_attr(a, C_DIM));
		mvaddstr(a->rows - 2, 3, *more > 0 ? (a->utf8 ?
		    "more \u2193 j" : "more: j") : "k up");
		attrset(A_NORMAL);
	}
}

void
verdict_view_draw(struct app *a, const struct verdict_view *v, int *scroll,
    int *more)
{
	enum ui_color c;
	const char *word = verdict(a, v, &c);
	char pts[64];
	int y = 3;

	attrset(ui_attr(a, c) | A_BOLD);
	mvaddstr(y, 3, word);
	attrset(A_NORMAL);
	if (v->bonus > 0)
		snprintf(pts, sizeof pts, "+%" PRId64 " points (%" PRId64
		    " streak bonus)", v->points, v->bonus);
	else
		snprintf(pts, sizeof pts, "+%" PRId64 " points", v->points);
	mvaddstr(y, 3 + text_width(word, strlen(word)) + 3, pts);
	if (v->extra != NULL)
		text_put(++y, 3, v->extra, strlen(v->extra), a->cols - 6);
	y += 2;
	/* The question again, when there is room for it and the rest. */
	if (v->question != NULL && a->rows >= 18)
		y += text_block(y, 3, a->cols - 6, v->question, 3) + 1;
	/* What was typed shows even when right ("Chornobyl" for
	 * "Chernobyl"), and what was typed but not sent when time ran out. */
	if (v->show_given) {
		char none[TEXT_MAX + 64];
		const char *unsent = v->unsent ? v->unsent : "";

		snprintf(none, sizeof none, unsent[0] != '\0' ?
		    "none (time ran out) \u00b7 you had typed: %s" :
		    "none (time ran out)%s", unsent);
		y += labelled(a, y, "Your answer:    ", v->given ? v->given :
		    none);
	}
	if (v->answer != NULL)
		y += labelled(a, y, "Correct answer: ", v->answer) + 1;
	*more = 0;
	if (v->explanation != NULL)
		draw_explanation(a, scroll, more, v->explanation, y);
}

static void
feedback_draw(struct app *a, void *st, int64_t now)
{
	const struct quiz *z = a->s->z;
	const struct outcome *o = &z->o[z->cur];   /* the one just answered */
	struct feedback_state *fs = st;
	int64_t next_at = auto_at(a, st);
	char help[128];
	struct verdict_view v = { .correct = o->correct,
	    .timed_out = outcome_timed_out(o), .points = o->points,
	    .bonus = o->bonus, .question = o->q->text,
	    .show_given = !o->correct || o->q->type == Q_TEXT,
	    .given = o->given ? shown_answer(o->q, o->given) : NULL,
	    .unsent = a->unsent,
	    .answer = shown_answer(o->q, question_answer_text(o->q)),
	    .explanation = o->q->explanation };

	if (a->cols < MIN_COLS || a->rows < VERDICT_MIN_ROWS) {
		draw_too_small(a, MIN_COLS, VERDICT_MIN_ROWS, NULL);
		return;
	}
	draw_game_header(a);
	verdict_view_draw(a, &v, &fs->scroll, &fs->more);
	if (next_at != CLOCK_NEVER)
		snprintf(help, sizeof help, "next in %.0f s · Enter now · "
		    "Esc quit", (double)(next_at - now) / CLOCK_US + 0.499);
	else
		snprintf(help, sizeof help, "Enter or Space: %s · Esc quit",
		    z->cur + 1 < z->n ? "next question" : "see the score");
	draw_footer(a, help);
}

const struct screen feedback_screen = {
	.state_size = sizeof(struct feedback_state),
	.enter = feedback_enter,
	.draw = feedback_draw,
	.key = feedback_key,
	.tick = feedback_tick,
	.wait_ms = feedback_wait,
};
