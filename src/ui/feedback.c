#include <curses.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "ui.h"

/* The screen's own state. */
struct feedback_state {
	int64_t shown_at;      /* when it appeared, for the automatic next */
	int scroll;            /* first row shown below the verdict */
	int more;              /* rows below the screen */
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

/* The feedback below its verdict, as rows: labels, answers and the
 * explanation wrapped to the width; what does not fit scrolls (j/k), its
 * last row saying "more ↓ j". */
#define VROWS_MAX 96

struct vrow {
	const char *label;     /* dim, at column 3; or NULL */
	const char *s;         /* text at column x: s[0..n) */
	size_t n;
	int x, attr;
};

struct vrows {
	struct vrow r[VROWS_MAX];
	int n;
};

static void
add_row(struct vrows *v, const char *label, const char *s, size_t n, int x,
    int attr)
{
	if (v->n < VROWS_MAX)
		v->r[v->n++] = (struct vrow){ label, s, n, x, attr };
}

/* text wrapped in at most max rows from column x, the first row beside
 * label (or NULL). */
static void
add_text(struct app *a, struct vrows *v, const char *label, const char *text,
    int x, int max, int attr)
{
	size_t spans[64][2];
	int n, i;

	if (max > 64)
		max = 64;
	n = text_wrap_cut(text, a->cols - 3 - x, spans, max);
	for (i = 0; i < n; i++)
		add_row(v, i == 0 ? label : NULL, text + spans[i][0],
		    spans[i][1] - spans[i][0], x, attr);
	if (n == 0 && label != NULL)
		add_row(v, label, "", 0, x, attr);
}

/* "Label: text": the text beside the label, or under it where that is
 * narrow (so that it keeps the width). */
static void
add_labelled(struct app *a, struct vrows *v, const char *label,
    const char *text)
{
	int w = (int)strlen(label);

	if (a->cols - 6 - w < 30 && text_width(text, strlen(text)) >
	    a->cols - 6 - w) {
		add_row(v, label, "", 0, 3, A_NORMAL);
		add_text(a, v, NULL, text, 5, 4, A_NORMAL);
	} else {
		add_text(a, v, label, text, 3 + w, 4, A_NORMAL);
	}
}

static void
add_blank(struct vrows *v)
{
	add_row(v, NULL, "", 0, 3, A_NORMAL);
}

static void
draw_rows(struct app *a, const struct vrows *v, int *scroll, int *more,
    int y)
{
	int room = a->rows - 1 - y, n = v->n, i;

	/* A blank row at the end is no reason to scroll. */
	while (n > 0 && v->r[n - 1].n == 0 && v->r[n - 1].label == NULL)
		n--;
	if (room <= 0)
		return;
	if (n > room)
		room--;    /* the last row says "more ↓" */
	if (*scroll > n - room)
		*scroll = n - room > 0 ? n - room : 0;
	if (*scroll < 0)
		*scroll = 0;
	*more = n - *scroll - room > 0 ? n - *scroll - room : 0;
	for (i = 0; i < room && *scroll + i < n; i++) {
		const struct vrow *r = &v->r[*scroll + i];

		if (r->label != NULL) {
			attrset(ui_attr(a, C_DIM));
			mvaddstr(ROW(a, y + i), COL(a, 3), r->label);
		}
		attrset(r->attr);
		text_put(ROW(a, y + i), COL(a, r->x), r->s, r->n,
		    a->cols - 3 - r->x);
		attrset(A_NORMAL);
	}
	if (n > room) {
		attrset(ui_attr(a, C_DIM));
		mvaddstr(ROW(a, y + room), COL(a, 3), *more > 0 ? (a->utf8 ?
		    (*scroll > 0 ? "more \u2191\u2193 j/k" : "more \u2193 j") :
		    "more: j") : (a->utf8 ? "more \u2191 k" : "more above: k"));
		attrset(A_NORMAL);
	}
}

/* The verdict's points, shorter where the row is narrow. */
static void
points_text(const struct verdict_view *v, int room, char *pts, size_t size)
{
	snprintf(pts, size, "+%" PRId64 " points", v->points);
	if (v->bonus <= 0)
		return;
	snprintf(pts, size, "+%" PRId64 " points (%" PRId64 " streak bonus)",
	    v->points, v->bonus);
	if ((int)strlen(pts) > room)
		snprintf(pts, size, "+%" PRId64 " (%" PRId64 " streak bonus)",
		    v->points, v->bonus);
	if ((int)strlen(pts) > room)
		snprintf(pts, size, "+%" PRId64 " (+%" PRId64 " streak)",
		    v->points, v->bonus);
}

void
verdict_view_draw(struct app *a, const struct verdict_view *v, int *scroll,
    int *more)
{
	enum ui_color c;
	const char *word = verdict(a, v, &c);
	char pts[96], none[TEXT_MAX + 64];
	int ww = text_width(word, strlen(word));
	struct vrows rows;

	attrset(ui_attr(a, c) | A_BOLD);
	mvaddstr(ROW(a, 3), COL(a, 3), word);
	attrset(A_NORMAL);
	points_text(v, a->cols - 6 - ww - 3, pts, sizeof pts);
	text_put(ROW(a, 3), COL(a, 3 + ww + 3), pts, strlen(pts),
	    a->cols - 6 - ww - 3);
	rows.n = 0;
	if (v->extra != NULL)
		add_text(a, &rows, NULL, v->extra, 3, 2, A_NORMAL);
	add_blank(&rows);
	/* The question again, when there is room for it and the rest. */
	if (v->question != NULL && a->rows >= 18) {
		add_text(a, &rows, NULL, v->question, 3, 3, A_NORMAL);
		add_blank(&rows);
	}
	/* What was typed shows even when right ("Chornobyl" for
	 * "Chernobyl"), and what was typed but not sent when time ran out. */
	if (v->show_given) {
		const char *unsent = v->unsent ? v->unsent : "";

		snprintf(none, sizeof none, unsent[0] != '\0' ?
		    "none (time ran out) \u00b7 you had typed: %s" :
		    "none (time ran out)%s", unsent);
		add_labelled(a, &rows, "Your answer:    ", v->given ? v->given :
		    none);
	}
	if (v->answer != NULL) {
		add_labelled(a, &rows, "Correct answer: ", v->answer);
		add_blank(&rows);
	}
	if (v->explanation != NULL)
		add_text(a, &rows, NULL, v->explanation, 3, 64, A_NORMAL);
	*more = 0;
	draw_rows(a, &rows, scroll, more, 4);
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
	    .given = o->given ? question_answer_shown(o->q, o->given) : NULL,
	    .unsent = a->unsent,
	    .answer = question_answer_shown(o->q, question_answer_text(o->q)),
	    .explanation = o->q->explanation };

	if (a->cols < MIN_COLS || a->rows < VERDICT_MIN_ROWS) {
		draw_too_small(a, MIN_COLS, VERDICT_MIN_ROWS, NULL);
		return;
	}
	draw_game_header(a);
	verdict_view_draw(a, &v, &fs->scroll, &fs->more);
	if (next_at != CLOCK_NEVER) {
		double left = (double)(next_at - now) / CLOCK_US + 0.499;

		snprintf(help, sizeof help, "next in %.0f s|%.0f s · Enter "
		    "now|Enter · Esc quit", left, left);
	} else
		snprintf(help, sizeof help, "Enter or Space: %s|Enter %s "
		    "· Esc quit", z->cur + 1 < z->n ? "next question" :
		    "see the score", z->cur + 1 < z->n ? "next" : "score");
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
