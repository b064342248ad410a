#include <assert.h>
#include <curses.h>
#include <string.h>

#include "core/utf8.h"
#include "ui.h"

#define KEY_ESC 27
#define CTRL(c) ((c) & 0x1f)

static const char *const tf_labels[2] = { "True", "False" };

static struct outcome *
current(struct app *a)
{
	return quiz_current(a->s->z);
}

/* The question's countdown: the core's, the screen only reads it. */
static const struct countdown *
clock_of(const struct app *a)
{
	return &a->s->z->clock;
}

static bool
paused(const struct app *a)
{
	return countdown_paused(clock_of(a));
}

static int
option_count(const struct outcome *o)
{
	return o->q->type == Q_CHOICE ? o->q->nchoices :
	    o->q->type == Q_TRUEFALSE ? 2 : 0;
}

/* The screen's own state: the choice under the cursor, the text typed. */
struct question_state {
	int selected;
	struct text_field f;   /* a typed answer */
	bool more_time_used;
	struct question_layout lay;
};

static void
question_enter(struct app *a, void *st, int64_t now)
{
	struct question_state *qs = st;

	qs->selected = 0;
	text_field_clear(&qs->f, 0);
	qs->more_time_used = false;
	question_layout_reset(&qs->lay);
	/* Keys typed during the feedback must not answer this question. */
	flushinp();
	quiz_start_clock(a->s->z, now);
}

/* The answer is in (o, the outcome recorded): the feedback shows it. */
static enum ui_next
answered(const struct outcome *o)
{
	assert(o->done);
	return SCR_FEEDBACK;
}

static enum ui_next
question_tick(struct app *a, void *st, int64_t now)
{
	const struct question_state *qs = st;

	if (!countdown_expired(clock_of(a), now))
		return SCR_SAME;
	if (a->s->cfg.bell)
		beep();
	/* Not an answer (it stays null), but the feedback shows it. */
	snprintf(a->unsent, sizeof a->unsent, "%s",
	    quiz_current(a->s->z)->q->type == Q_TEXT ? qs->f.text : "");
	return answered(quiz_time_out(a->s->z));
}

static int
question_wait(struct app *a, void *st, int64_t now)
{
	(void)st;
	return countdown_wait_ms(clock_of(a), now, bar_steps(a), FRAME_MS);
}

/* --- the one-line editor for text answers --- */

void
text_field_clear(struct text_field *f, size_t max)
{
	f->text[0] = '\0';
	f->len = f->cursor = 0;
	f->max = max > 0 && max < TEXT_MAX ? max : TEXT_MAX - 1;
}

static void
text_insert(struct text_field *f, wint_t ch)
{
	char enc[4];
	size_t n = utf8_encode((uint32_t)ch, enc);

	if (f->len + n > f->max)
		return;
	memmove(f->text + f->cursor + n, f->text + f->cursor,
	    f->len - f->cursor + 1);
	memcpy(f->text + f->cursor, enc, n);
	f->len += n;
	f->cursor += n;
}

static void
text_delete(struct text_field *f, size_t from, size_t to)
{
	memmove(f->text + from, f->text + to, f->len - to + 1);
	f->len -= to - from;
	f->cursor = from;
}

/* Where the word before the cursor starts (spaces before it included),
 * for Ctrl-W. */
static size_t
word_start(const struct text_field *f)
{
	size_t i = f->cursor;

	while (i > 0 && f->text[i - 1] == ' ')
		i--;
	while (i > 0 && f->text[i - 1] != ' ')
		i--;
	return i;
}

static bool
field_code(struct text_field *f, wint_t ch)
{
	switch (ch) {
	case KEY_ENTER: return true;
	case KEY_BACKSPACE:
		if (f->cursor > 0)
			text_delete(f, utf8_prev(f->text, f->cursor), f->cursor);
		break;
	case KEY_DC:
		if (f->cursor < f->len)
			text_delete(f, f->cursor, utf8_next(f->text, f->cursor));
		break;
	case KEY_LEFT: f->cursor = utf8_prev(f->text, f->cursor); break;
	case KEY_RIGHT: f->cursor = utf8_next(f->text, f->cursor); break;
	case KEY_HOME: f->cursor = 0; break;
	case KEY_END: f->cursor = f->len; break;
	default: break;
	}
	return false;
}

bool
text_field_key(struct text_field *f, wint_t ch, bool is_key)
{
	if (is_key)
		return field_code(f, ch);
	switch (ch) {
	case '\r': case '\n': return true;
	case 127: case CTRL('H'):
		if (f->cursor > 0)
			text_delete(f, utf8_prev(f->text, f->cursor), f->cursor);
		break;
	case CTRL('A'): f->cursor = 0; break;
	case CTRL('E'): f->cursor = f->len; break;
	case CTRL('U'): text_delete(f, 0, f->len); break;
	case CTRL('K'): text_delete(f, f->cursor, f->len); break;
	case CTRL('W'): text_delete(f, word_start(f), f->cursor); break;
	default:
		if (ch >= 0x20 && ch != 0x7F && (ch < 0x80 || ch >= 0xA0) &&
		    ch <= 0x10FFFF)
			text_insert(f, ch);
		break;
	}
	return false;
}

static enum ui_next
text_submit(struct app *a, struct question_state *qs, int64_t now)
{
	if (qs->f.text[strspn(qs->f.text, " ")] == '\0')
		return SCR_SAME;
	return answered(quiz_answer_text(a->s->z, qs->f.text,
	    quiz_elapsed(a->s->z, now)));
}

static enum ui_next
text_key(struct app *a, struct question_state *qs, wint_t ch, bool is_key,
    int64_t now)
{
	/* A question too long for the screen scrolls (the field stays). */
	if (is_key && (ch == KEY_UP || ch == KEY_DOWN)) {
		qs->lay.scroll += ch == KEY_DOWN ? 1 : -1;
		return SCR_SAME;
	}
	return text_field_key(&qs->f, ch, is_key) ? text_submit(a, qs, now) :
	    SCR_SAME;
}

/* --- choices and true/false --- */

static enum ui_next
pick(struct app *a, int k, int64_t now)
{
	const struct outcome *o = current(a);
	double t = quiz_elapsed(a->s->z, now);

	if (o->q->type == Q_TRUEFALSE)
		return answered(quiz_answer_truefalse(a->s->z, k == 0, t));
	return answered(quiz_answer_choice(a->s->z, k, t));
}

static enum ui_next
choice_key(struct app *a, struct question_state *qs, wint_t ch, bool is_key,
    int64_t now)
{
	const struct outcome *o = current(a);
	int n = option_count(o);

	if (is_key) {
		if (ch == KEY_UP)
			qs->selected = (qs->selected + n - 1) % n;
		else if (ch == KEY_DOWN)
			qs->selected = (qs->selected + 1) % n;
		else if (ch == KEY_ENTER)
			return pick(a, qs->selected, now);
		return SCR_SAME;
	}
	if (ch >= '1' && ch < (wint_t)('1' + n))
		return pick(a, (int)(ch - '1'), now);
	if (o->q->type == Q_TRUEFALSE && (ch == 't' || ch == 'T'))
		return pick(a, 0, now);
	if (o->q->type == Q_TRUEFALSE && (ch == 'f' || ch == 'F'))
		return pick(a, 1, now);
	switch (ch) {
	case 'k': qs->selected = (qs->selected + n - 1) % n; break;
	case 'j': qs->selected = (qs->selected + 1) % n; break;
	case '\r': case '\n': case ' ': return pick(a, qs->selected, now);
	case 'q': case 'Q': return SCR_QUIT;
	default: break;
	}
	return SCR_SAME;
}

/* The player's aids, when config allows them: more time once, and pause. */
static bool
aid_key(struct app *a, struct question_state *qs, wint_t ch, bool in_text,
    int64_t now)
{
	const struct config *c = &a->s->cfg;

	/* Going on always works: Ctrl-Z pauses even where pausing is not
	 * allowed. */
	if ((paused(a) || (c->allow_pause && !countdown_untimed(clock_of(a))))
	    && (ch == CTRL('P') || (!in_text && (ch == 'p' || ch == 'P')))) {
		if (paused(a))
			quiz_resume(a->s->z, now);
		else
			quiz_pause(a->s->z, now);
		return true;
	}
	if (paused(a))
		return true;   /* nothing else while paused */
	if (c->more_time_seconds > 0 && !qs->more_time_used &&
	    !countdown_untimed(clock_of(a)) &&
	    (ch == CTRL('T') || (!in_text && ch == '+'))) {
		qs->more_time_used = true;
		quiz_extend(a->s->z, c->more_time_seconds);
		return true;
	}
	return false;
}

static bool too_small(struct app *a, struct question_state *qs,
    const struct outcome *o);

static enum ui_next
question_key(struct app *a, void *st, wint_t ch, bool is_key, int64_t now)
{
	struct question_state *qs = st;
	const struct outcome *o = current(a);
	bool in_text = o->q->type == Q_TEXT;

	/* Past the deadline nothing counts: the next tick times it out. */
	if (countdown_expired(clock_of(a), now))
		return SCR_SAME;
	/* A question the player cannot see cannot be answered ("3" picked a
	 * hidden choice): while the terminal is too small only Esc counts. */
	if (too_small(a, qs, o))
		return !is_key && ch == KEY_ESC ? SCR_QUIT : SCR_SAME;
	if (!is_key && aid_key(a, qs, ch, in_text, now))
		return SCR_SAME;
	if (paused(a))
		return SCR_SAME;
	if (!is_key && ch == KEY_ESC)
		return SCR_QUIT;
	return in_text ? text_key(a, qs, ch, is_key, now) :
	    choice_key(a, qs, ch, is_key, now);
}

/* --- drawing --- */

static int
view_options(const struct question_view *v)
{
	return v->type == Q_CHOICE ? v->nchoices :
	    v->type == Q_TRUEFALSE ? 2 : 0;
}

static const char *
option_label(const struct question_view *v, int k)
{
	return v->type == Q_TRUEFALSE ? tf_labels[k] : v->choices[k];
}

void
question_layout_reset(struct question_layout *l)
{
	l->cols = 0;
	l->scroll = 0;
	l->followed = 0;
}

/* Wrap the question and the choices, unless already done for this
 * question at this width. */
static void
lay_out(struct app *a, const struct question_view *v,
    struct question_layout *l)
{
	int k;

	if (l->cols == a->cols)
		return;
	l->cols = a->cols;
	l->qlines = text_wrap_cut(v->text, a->cols - 6, l->spans, QLINES_MAX);
	for (k = 0; k < view_options(v); k++)
		l->clines[k] = text_wrap_cut(option_label(v, k), a->cols - 10,
		    l->cspans[k], CHOICE_ROWS);
}

/* Where the parts go at the frame's height: the body (the question, a
 * blank row, the choices) scrolls in rows [top, top + view) when it does
 * not fit; the field of a text question stays below it. The blank rows
 * go first when rows are few: the one before the bar, row 2 (unless the
 * question's origin is there), the one before the choices. */
struct plan {
	int top;       /* the body's first row */
	int gap;       /* 1: a blank row between question and choices */
	int body;      /* the body's rows */
	int view;      /* rows it is shown in (body when all fits) */
	bool scrolls;  /* view < body: its last row says "more ↓" */
	int field;     /* rows below the body: the text field, 0 or 2 */
	bool note;     /* v->note has a row */
	int bar;       /* the bar's row */
};

static int
options_rows(const struct question_view *v, const struct question_layout *l)
{
	int k, n = 0;

	for (k = 0; k < view_options(v); k++)
		n += l->clines[k];
	return n;
}

/* The rows p's parts take, opts the choices' and after the blank row
 * before the bar. */
static int
plan_need(const struct question_layout *l, const struct plan *p, int opts,
    int after)
{
	return l->qlines + p->gap + opts + p->field + p->note + after;
}

static void
plan_of(struct app *a, const struct question_view *v,
    const struct question_layout *l, struct plan *p)
{
	bool text = v->type == Q_TEXT && !v->text_only;
	int opts = v->text_only ? 0 : options_rows(v, l), after = 1, avail;

	p->top = 3;
	p->gap = opts > 0 ? 1 : 0;
	p->field = text ? 2 : 0;
	p->note = v->note != NULL && !v->text_only;
	/* Rows between the header and the footer, less the bar's. */
	avail = a->rows - 1 - 1 - p->top;
	if (plan_need(l, p, opts, after) > avail)
		after = 0;
	if (plan_need(l, p, opts, after) > avail && v->origin == NULL)
		p->top = 2, avail++;
	if (plan_need(l, p, opts, after) > avail && p->gap)
		p->gap = 0;
	if (plan_need(l, p, opts, after) > avail && p->field)
		p->field = 1;     /* the field right under the question */
	if (plan_need(l, p, opts, after) > avail && p->note)
		p->note = false;
	p->body = l->qlines + p->gap + opts;
	p->view = avail - p->field - p->note;
	p->scrolls = p->body > p->view;
	if (!p->scrolls)
		p->view = p->body;
	p->bar = p->top + p->view + p->field + p->note + after;
}

/* The body's first row of option k. */
static int
option_start(const struct question_layout *l, const struct plan *p, int k)
{
	int i, y = l->qlines + p->gap;

	for (i = 0; i < k; i++)
		y += l->clines[i];
	return y;
}

/* Keep the scroll in range and, when the selection moved, on it: all of
 * its rows in view, and the question too when the first is chosen. */
static void
follow(const struct question_view *v, struct question_layout *l,
    const struct plan *p)
{
	int shown = p->scrolls ? p->view - 1 : p->view, max = p->body - shown;

	if (p->scrolls && view_options(v) > 0 && v->selected >= 0 &&
	    v->selected != l->followed) {
		int st = option_start(l, p, v->selected);
		int en = st + l->clines[v->selected];

		if (en <= shown && v->selected == 0)
			l->scroll = 0;
		else if (st < l->scroll)
			l->scroll = st;
		else if (en > l->scroll + shown)
			l->scroll = en - shown;
		l->followed = v->selected;
	}
	if (l->scroll > max)
		l->scroll = max;
	if (l->scroll < 0 || !p->scrolls)
		l->scroll = 0;
}

/* Row i of the body (question lines, the blank, the choices' rows) at
 * frame row y. */
static void
draw_body_row(struct app *a, const struct question_view *v,
    const struct question_layout *l, const struct plan *p, int i, int y)
{
	int k = 0, j;
	char num[16];
	const char *label;
	bool sel;

	if (i < l->qlines) {
		attrset(A_BOLD);
		text_put(ROW(a, y), COL(a, 3), v->text + l->spans[i][0],
		    l->spans[i][1] - l->spans[i][0], a->cols - 6);
		attrset(A_NORMAL);
		return;
	}
	j = i - l->qlines - p->gap;
	if (j < 0)
		return;
	while (k < view_options(v) - 1 && j >= l->clines[k])
		j -= l->clines[k++];
	label = option_label(v, k);
	sel = k == v->selected;
	/* The choice's number on its first row; the selection marks each
	 * of its rows. */
	if (sel)
		mvaddstr(ROW(a, y), COL(a, 3), j == 0 ? (a->utf8 ? "\u25b8" :
		    ">") : (a->utf8 ? "\u2502" : "|"));
	if (j == 0) {
		snprintf(num, sizeof num, "%d", k + 1);
		attrset(ui_attr(a, C_ACCENT) & ~A_REVERSE);
		mvaddstr(ROW(a, y), COL(a, 5), num);
	}
	attrset(sel ? A_BOLD : A_NORMAL);
	text_put(ROW(a, y), COL(a, 8), label + l->cspans[k][j][0],
	    l->cspans[k][j][1] - l->cspans[k][j][0], a->cols - 10);
	attrset(A_NORMAL);
}

static void
draw_field(struct app *a, const struct question_view *v, int y)
{
	int w = a->cols - 18, before, x0 = 16;
	size_t start = 0;

	mvaddstr(ROW(a, y), COL(a, 3), "Your answer:");
	/* Scroll the field so the cursor stays in view; text scrolled off
	 * the left leaves a "…" in the first column. */
	if (text_width(v->field, v->cursor) > w - 1) {
		while (text_width(v->field + start, v->cursor - start) > w - 2)
			start = utf8_next(v->field, start);
	}
	attrset(A_UNDERLINE);
	mvhline(ROW(a, y), COL(a, x0), ' ', w);
	if (start > 0) {
		mvaddstr(ROW(a, y), COL(a, x0), a->utf8 ? "\u2026" : "<");
		x0++;
		w--;
	}
	text_put(ROW(a, y), COL(a, x0), v->field + start,
	    v->field_len - start, w);
	attrset(A_NORMAL);
	before = text_width(v->field + start, v->cursor - start);
	/* A drawn cursor: the terminal's stays hidden and parked, so a bar
	 * step does not cost a move back to the field. */
	if (v->show_cursor) {
		size_t end = utf8_next(v->field, v->cursor);

		attrset(A_REVERSE | A_UNDERLINE);
		if (v->cursor < v->field_len)
			text_put(ROW(a, y), COL(a, x0 + before),
			    v->field + v->cursor, end - v->cursor, 2);
		else
			mvaddch(ROW(a, y), COL(a, x0 + before), ' ');
		attrset(A_NORMAL);
	}
}

int
question_view_rows(struct app *a, const struct question_view *v,
    struct question_layout *l)
{
	int k, tallest = 1;

	lay_out(a, v, l);
	for (k = 0; !v->text_only && k < view_options(v); k++)
		if (l->clines[k] > tallest)
			tallest = l->clines[k];
	/* The header, a choice whole (or a row of the question and the
	 * field), "more ↓", the bar, the footer. */
	return 2 + (v->origin != NULL) + (v->type == Q_TEXT &&
	    !v->text_only ? 2 : tallest) + 1 + 2;
}

/* The last row of a body that scrolls: which way the rest is, and for a
 * text question the keys that scroll it (its choices, if any, follow the
 * selection). */
static void
draw_more(struct app *a, const struct plan *p, int scroll, int y, bool keys)
{
	bool above = scroll > 0, below = scroll + p->view - 1 < p->body;
	char line[64];

	snprintf(line, sizeof line, "%s%s", above && below ? (a->utf8 ?
	    "more \u2191\u2193" : "more above and below") : below ?
	    (a->utf8 ? "more \u2193" : "more below") : (a->utf8 ?
	    "more \u2191" : "more above"), !keys ? "" : a->utf8 ?
	    " \u00b7 \u2191\u2193 scroll" : " - up/down scroll");
	attrset(ui_attr(a, C_DIM));
	text_put(ROW(a, y), COL(a, 3), line, strlen(line), a->cols - 6);
	attrset(A_NORMAL);
}

bool
question_view_draw(struct app *a, const struct question_view *v,
    struct question_layout *l, int64_t now)
{
	struct plan p;
	int i, shown;

	lay_out(a, v, l);
	plan_of(a, v, l, &p);
	follow(v, l, &p);
	a->free_y = p.bar;
	if (v->cd != NULL)
		draw_bar(a, p.bar, v->cd, now);
	if (v->hidden)
		return false;
	/* Open Trivia Database questions say where they come from, dimmed,
	 * on the row between the header and the question. */
	if (v->origin != NULL) {
		attrset(ui_attr(a, C_DIM));
		text_put(ROW(a, 2), COL(a, 3), v->origin, strlen(v->origin),
		    a->cols - 6);
		attrset(A_NORMAL);
	}
	shown = p.scrolls ? p.view - 1 : p.view;
	for (i = 0; i < shown && l->scroll + i < p.body; i++)
		draw_body_row(a, v, l, &p, l->scroll + i, p.top + i);
	if (p.scrolls)
		draw_more(a, &p, l->scroll, p.top + shown,
		    v->type == Q_TEXT);
	if (p.field > 0)
		draw_field(a, v, p.top + p.view + p.field - 1);
	if (!p.note)
		return false;
	attrset(A_BOLD);
	text_put(ROW(a, p.top + p.view + p.field), COL(a, 3), v->note,
	    strlen(v->note), a->cols - 6);
	attrset(A_NORMAL);
	return true;
}

/* The view of the question shown: choices in the order shown, into
 * choices[CHOICES_MAX]; the origin line into origin when not NULL. */
static void
view_of(const struct app *a, const struct question_state *qs,
    const struct outcome *o, struct question_view *v, const char **choices,
    char *origin, size_t size)
{
	const struct question *q = o->q;
	int k;

	for (k = 0; q->type == Q_CHOICE && k < q->nchoices; k++)
		choices[k] = q->choices[o->order[k]];
	*v = (struct question_view){ .text = q->text, .type = q->type,
	    .choices = choices, .nchoices = q->type == Q_CHOICE ?
	    q->nchoices : 0, .selected = qs->selected, .field = qs->f.text,
	    .field_len = qs->f.len, .cursor = qs->f.cursor,
	    .show_cursor = !a->covered, .cd = clock_of(a),
	    .hidden = paused(a) };
	if (origin != NULL && (q->category != NULL || q->difficulty != NULL)) {
		snprintf(origin, size, "%s%s%s", q->category ? q->category : "",
		    q->category && q->difficulty ? " \u00b7 " : "",
		    q->difficulty ? q->difficulty : "");
		v->origin = origin;
	}
}

/* Whether the question does not fit: the screen then says so instead. */
static bool
too_small(struct app *a, struct question_state *qs, const struct outcome *o)
{
	struct question_view v;
	const char *choices[CHOICES_MAX];

	view_of(a, qs, o, &v, choices, NULL, 0);
	return a->cols < MIN_COLS || a->rows < question_view_rows(a, &v,
	    &qs->lay);
}

static void
draw_help(struct app *a, const struct question_state *qs,
    const struct outcome *o)
{
	const struct config *c = &a->s->cfg;
	char help[160];
	const char *aids = c->allow_pause ? (o->q->type == Q_TEXT ?
	    " · ^P pause" : " · p pause") : "";

	if (o->q->type == Q_TEXT)
		snprintf(help, sizeof help, "type the answer|type · "
		    "Enter submit|Enter · Esc quit%s%s", aids,
		    c->more_time_seconds > 0 && !qs->more_time_used ?
		    " · ^T more time|^T time" : "");
	else
		snprintf(help, sizeof help, "%s1-%d answer|%s1-%d · %s "
		    "move|%s · Enter choose|Enter · Esc quit%s%s",
		    o->q->type == Q_TRUEFALSE ? "t/f " : "", option_count(o),
		    o->q->type == Q_TRUEFALSE ? "t/f " : "", option_count(o),
		    a->utf8 ? "↑↓" : "j/k", a->utf8 ? "↑↓" :
		    "j/k", aids, c->more_time_seconds > 0 &&
		    !qs->more_time_used ? " · + more time|+ time" : "");
	draw_footer(a, help);
}

static void
question_draw(struct app *a, void *st, int64_t now)
{
	struct question_state *qs = st;
	const struct outcome *o = current(a);
	struct question_view v;
	const char *choices[CHOICES_MAX];
	char origin[160];

	bool small = too_small(a, qs, o);

	view_of(a, qs, o, &v, choices, origin, sizeof origin);
	/* With the cursor hidden, leave it where the last change put it:
	 * no move back to the window's cursor after every frame. */
	leaveok(stdscr, TRUE);
	if (small) {
		curs_set(0);
		draw_too_small(a, MIN_COLS, question_view_rows(a, &v, &qs->lay),
		    "The clock is still running.");
		return;
	}
	draw_game_header(a);
	draw_help(a, qs, o);
	/* Each curs_set() that changes the state is sent at once: hiding
	 * and showing it again every frame cost 18 bytes a frame. */
	curs_set(0);
	question_view_draw(a, &v, &qs->lay, now);
	if (paused(a)) {
		mvaddstr(ROW(a, 4), COL(a, 3), "Paused: the question is hidden "
		    "and the clock "
		    "stopped.");
		mvaddstr(ROW(a, 5), COL(a, 3), "Press p (or Ctrl-P) to go on.");
	}
}

const struct screen question_screen = {
	.state_size = sizeof(struct question_state),
	.enter = question_enter,
	.draw = question_draw,
	.key = question_key,
	.tick = question_tick,
	.wait_ms = question_wait,
};
