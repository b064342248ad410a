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
	char text[TEXT_MAX];
	size_t text_len;
	size_t cursor;         /* byte offset in text */
	bool more_time_used;
	struct question_layout lay;
};

static void
question_enter(struct app *a, void *st, int64_t now)
{
	struct question_state *qs = st;

	qs->selected = 0;
	qs->text[0] = '\0';
	qs->text_len = qs->cursor = 0;
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
	    quiz_current(a->s->z)->q->type == Q_TEXT ? qs->text : "");
	return answered(quiz_time_out(a->s->z));
}

static int
question_wait(struct app *a, void *st, int64_t now)
{
	(void)st;
	return countdown_wait_ms(clock_of(a), now, bar_steps(a), FRAME_MS);
}

/* --- the one-line editor for text answers --- */

static void
text_insert(struct question_state *qs, wint_t ch)
{
	char enc[4];
	size_t n = utf8_encode((uint32_t)ch, enc);

	if (qs->text_len + n >= TEXT_MAX)
		return;
	memmove(qs->text + qs->cursor + n, qs->text + qs->cursor,
	    qs->text_len - qs->cursor + 1);
	memcpy(qs->text + qs->cursor, enc, n);
	qs->text_len += n;
	qs->cursor += n;
}

static void
text_delete(struct question_state *qs, size_t from, size_t to)
{
	memmove(qs->text + from, qs->text + to, qs->text_len - to + 1);
	qs->text_len -= to - from;
	qs->cursor = from;
}

/* Where the word before the cursor starts (spaces before it included),
 * for Ctrl-W. */
static size_t
word_start(const struct question_state *qs)
{
	size_t i = qs->cursor;

	while (i > 0 && qs->text[i - 1] == ' ')
		i--;
	while (i > 0 && qs->text[i - 1] != ' ')
		i--;
	return i;
}

static enum ui_next
text_submit(struct app *a, struct question_state *qs, int64_t now)
{
	if (qs->text[strspn(qs->text, " ")] == '\0')
		return SCR_SAME;
	return answered(quiz_answer_text(a->s->z, qs->text,
	    quiz_elapsed(a->s->z, now)));
}

static enum ui_next
text_key(struct app *a, struct question_state *qs, wint_t ch, bool is_key,
    int64_t now)
{
	if (is_key) {
		switch (ch) {
		case KEY_ENTER: return text_submit(a, qs, now);
		case KEY_BACKSPACE:
			if (qs->cursor > 0)
				text_delete(qs, utf8_prev(qs->text, qs->cursor),
				    qs->cursor);
			break;
		case KEY_DC:
			if (qs->cursor < qs->text_len)
				text_delete(qs, qs->cursor,
				    utf8_next(qs->text, qs->cursor));
			break;
		case KEY_LEFT: qs->cursor = utf8_prev(qs->text, qs->cursor); break;
		case KEY_RIGHT: qs->cursor = utf8_next(qs->text, qs->cursor); break;
		case KEY_HOME: qs->cursor = 0; break;
		case KEY_END: qs->cursor = qs->text_len; break;
		default: break;
		}
		return SCR_SAME;
	}
	switch (ch) {
	case '\r': case '\n': return text_submit(a, qs, now);
	case 127: case CTRL('H'):
		if (qs->cursor > 0)
			text_delete(qs, utf8_prev(qs->text, qs->cursor), qs->cursor);
		return SCR_SAME;
	case CTRL('A'): qs->cursor = 0; return SCR_SAME;
	case CTRL('E'): qs->cursor = qs->text_len; return SCR_SAME;
	case CTRL('U'): text_delete(qs, 0, qs->text_len); return SCR_SAME;
	case CTRL('K'): text_delete(qs, qs->cursor, qs->text_len);
		return SCR_SAME;
	case CTRL('W'): text_delete(qs, word_start(qs), qs->cursor);
		return SCR_SAME;
	default:
		if (ch >= 0x20 && ch != 0x7F && (ch < 0x80 || ch >= 0xA0) &&
		    ch <= 0x10FFFF)
			text_insert(qs, ch);
		return SCR_SAME;
	}
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

/* The bytes of s (n long) that text_put needs to draw it in w columns: up
 * to w + 1 columns' worth, so that it still sees the text go on. */
static size_t
fit_bytes(const char *s, size_t n, int w)
{
	size_t i = 0, next;
	int used = 0;

	while (i < n && used <= w) {
		next = utf8_next(s, i);
		used += text_width(s + i, next - i);
		i = next;
	}
	return i;
}

static int
view_options(const struct question_view *v)
{
	return v->type == Q_CHOICE ? v->nchoices :
	    v->type == Q_TRUEFALSE ? 2 : 0;
}

void
question_layout_reset(struct question_layout *l)
{
	l->cols = 0;
}

/* Wrap the question and measure the choices, unless already done for this
 * question at this width. */
static void
lay_out(struct app *a, const struct question_view *v,
    struct question_layout *l)
{
	int k;

	if (l->cols == a->cols)
		return;
	l->cols = a->cols;
	l->qlines = text_wrap(v->text, a->cols - 6, l->spans, QLINES_MAX);
	for (k = 0; v->type == Q_CHOICE && k < v->nchoices; k++)
		l->fit[k] = fit_bytes(v->choices[k], strlen(v->choices[k]),
		    a->cols - 10);
}

static void
draw_options(struct app *a, const struct question_view *v,
    const struct question_layout *l, int y)
{
	int k, n = view_options(v);
	char num[16];

	for (k = 0; k < n; k++) {
		const char *label = v->type == Q_TRUEFALSE ? tf_labels[k] :
		    v->choices[k];
		bool sel = k == v->selected;

		if (sel)
			mvaddstr(y + k, 3, a->utf8 ? "\u25b8" : ">");
		snprintf(num, sizeof num, "%d", k + 1);
		attrset(ui_attr(a, C_ACCENT) & ~A_REVERSE);
		mvaddstr(y + k, 5, num);
		attrset(sel ? A_BOLD : A_NORMAL);
		text_put(y + k, 8, label, v->type == Q_TRUEFALSE ?
		    strlen(label) : l->fit[k], a->cols - 10);
		attrset(A_NORMAL);
	}
}

static void
draw_field(struct app *a, const struct question_view *v, int y)
{
	int w = a->cols - 18, before, x0 = 16;
	size_t start = 0;

	mvaddstr(y, 3, "Your answer:");
	/* Scroll the field so the cursor stays in view; text scrolled off
	 * the left leaves a "…" in the first column. */
	if (text_width(v->field, v->cursor) > w - 1) {
		while (text_width(v->field + start, v->cursor - start) > w - 2)
			start = utf8_next(v->field, start);
	}
	attrset(A_UNDERLINE);
	mvhline(y, x0, ' ', w);
	if (start > 0) {
		mvaddstr(y, x0, a->utf8 ? "\u2026" : "<");
		x0++;
		w--;
	}
	text_put(y, x0, v->field + start, v->field_len - start, w);
	attrset(A_NORMAL);
	before = text_width(v->field + start, v->cursor - start);
	/* A drawn cursor: the terminal's stays hidden and parked, so a bar
	 * step does not cost a move back to the field. */
	if (v->show_cursor) {
		size_t end = utf8_next(v->field, v->cursor);

		attrset(A_REVERSE | A_UNDERLINE);
		if (v->cursor < v->field_len)
			text_put(y, x0 + before, v->field + v->cursor,
			    end - v->cursor, 2);
		else
			mvaddch(y, x0 + before, ' ');
		attrset(A_NORMAL);
	}
}

static int
rows_needed(const struct question_view *v, int qlines)
{
	int body = v->type == Q_TEXT ? 1 : view_options(v);

	/* Header, a blank row, the question, a blank row, the choices (or
	 * the field), the bar and the footer: a blank row before the bar
	 * would be nice, not needed (40x12 plays a four-choice question). */
	return 2 + 1 + qlines + 1 + body + 2;
}

int
question_view_rows(struct app *a, const struct question_view *v,
    struct question_layout *l)
{
	lay_out(a, v, l);
	return rows_needed(v, l->qlines);
}

bool
question_view_draw(struct app *a, const struct question_view *v,
    struct question_layout *l, int64_t now)
{
	int y, body;

	lay_out(a, v, l);
	if (v->cd != NULL)
		draw_bar(a, a->rows - 2, v->cd, now);
	if (v->hidden)
		return false;
	/* Open Trivia Database questions say where they come from, dimmed,
	 * on the row between the header and the question. */
	if (v->origin != NULL) {
		attrset(ui_attr(a, C_DIM));
		text_put(2, 3, v->origin, strlen(v->origin), a->cols - 6);
		attrset(A_NORMAL);
	}
	/* Wrapped once per question and width (lay_out). */
	attrset(A_BOLD);
	text_lines(3, 3, a->cols - 6, v->text, l->spans, l->qlines);
	y = 3 + l->qlines;
	attrset(A_NORMAL);
	if (v->text_only)
		return false;
	if (v->type == Q_TEXT)
		draw_field(a, v, y + 1);
	else
		draw_options(a, v, l, y + 1);
	body = v->type == Q_TEXT ? 1 : view_options(v);
	if (v->note == NULL || y + 1 + body >= a->rows - 2)
		return false;
	attrset(A_BOLD);
	text_put(y + 1 + body, 3, v->note, strlen(v->note), a->cols - 6);
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
	    q->nchoices : 0, .selected = qs->selected, .field = qs->text,
	    .field_len = qs->text_len, .cursor = qs->cursor,
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
		snprintf(help, sizeof help, "type the answer · Enter submit · "
		    "Esc quit%s%s", aids, c->more_time_seconds > 0 &&
		    !qs->more_time_used ? " · ^T more time" : "");
	else
		snprintf(help, sizeof help, "%s1-%d answer · %s move · Enter "
		    "choose · Esc quit%s%s", o->q->type == Q_TRUEFALSE ?
		    "t/f " : "", option_count(o), a->utf8 ? "\u2191\u2193" :
		    "j/k", aids, c->more_time_seconds > 0 && !qs->more_time_used ?
		    " · + more time" : "");
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
		mvaddstr(4, 3, "Paused: the question is hidden and the clock "
		    "stopped.");
		mvaddstr(5, 3, "Press p (or Ctrl-P) to go on.");
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
