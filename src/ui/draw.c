#include <curses.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "core/utf8.h"
#include "ui.h"

void
ui_colors_init(struct app *a)
{
	static const short fg[C_COUNT] = {
		-1, COLOR_CYAN, COLOR_GREEN, COLOR_YELLOW, COLOR_RED, -1,
		COLOR_CYAN
	};
	short i;

	if (!a->color)
		return;
	start_color();
	use_default_colors();
	for (i = 1; i < C_COUNT; i++)
		init_pair(i, fg[i], -1);
}

void
ui_set_size(struct app *a, int rows, int cols)
{
	a->term_rows = rows;
	a->term_cols = cols;
	a->rows = rows < FRAME_ROWS ? rows : FRAME_ROWS;
	a->cols = cols < FRAME_COLS ? cols : FRAME_COLS;
	a->top = (rows - a->rows) / 2;
	a->left = (cols - a->cols) / 2;
}

int
ui_attr(const struct app *a, enum ui_color c)
{
	static const int mono[C_COUNT] = {
		A_NORMAL, A_BOLD, A_BOLD, A_BOLD, A_BOLD | A_UNDERLINE, A_DIM,
		A_REVERSE
	};
	int at;

	if (!a->color)
		return mono[c];
	at = c == C_NORMAL ? A_NORMAL : (int)COLOR_PAIR(c);
	if (c == C_TITLE || c == C_ACCENT || a->s->cfg.theme ==
	    THEME_HIGH_CONTRAST)
		at |= A_BOLD;
	if (c == C_DIM && a->s->cfg.theme != THEME_HIGH_CONTRAST)
		at = A_DIM;
	return at;
}

/* What to show for a code point the locale cannot (a non-UTF-8 terminal). */
static wchar_t
ascii_stand_in(uint32_t cp)
{
	switch (cp) {
	case 0xB7: case 0x2013: case 0x2014: case 0x2212: return L'-';
	case 0x2018: case 0x2019: return L'\'';
	case 0x201C: case 0x201D: return L'"';
	case 0x2191: return L'^';
	case 0x2193: return L'v';
	case 0x25B8: return L'>';
	case 0x2026: return L'~';
	default: return L'?';
	}
}

/* Width of one code point as drawn: control characters become spaces, and
 * what the locale cannot show becomes '?'. */
static int
cp_width(uint32_t cp, wchar_t *out)
{
	int w;

	if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
		*out = L' ';
		return 1;
	}
	w = wcwidth((wchar_t)cp);
	if (w < 0) {
		*out = ascii_stand_in(cp);
		return 1;
	}
	*out = (wchar_t)cp;
	return w;
}

int
text_width(const char *s, size_t n)
{
	size_t i = 0, k;
	int w = 0;
	uint32_t cp;
	wchar_t wc;

	while (i < n) {
		k = utf8_decode(s + i, n - i, &cp);
		i += k ? k : 1;
		w += cp_width(cp, &wc);
	}
	return w;
}

int
text_put(int y, int x, const char *s, size_t n, int maxw)
{
	wchar_t buf[512];
	size_t i = 0, k;
	int used = 0, nb = 0, total = text_width(s, n), room = maxw;
	uint32_t cp;

	if (maxw <= 0)
		return 0;
	if (total > maxw)
		room = maxw - 1;    /* leave a column for the ellipsis */
	while (i < n && nb < (int)(sizeof buf / sizeof buf[0]) - 2) {
		wchar_t wc;
		int w;

		k = utf8_decode(s + i, n - i, &cp);
		i += k ? k : 1;
		w = cp_width(cp, &wc);
		if (used + w > room)
			break;
		if (w == 0 && nb == 0)
			continue;
		buf[nb++] = wc;
		used += w;
	}
	if (total > maxw) {
		buf[nb++] = wcwidth(0x2026) == 1 ? (wchar_t)0x2026 : L'~';
		used++;
	}
	buf[nb] = L'\0';
	mvaddnwstr(y, x, buf, nb);
	return used;
}

int
text_wrap(const char *s, int width, size_t (*spans)[2], int max)
{
	size_t n = strlen(s), start = 0, i, brk, k;
	int lines = 0, w;
	uint32_t cp;
	wchar_t wc;

	if (width < 1)
		width = 1;
	while (start < n && lines < max) {
		while (start < n && s[start] == ' ')
			start++;
		if (start >= n)
			break;
		w = 0;
		brk = 0;
		for (i = start; i < n && s[i] != '\n'; i += k ? k : 1) {
			k = utf8_decode(s + i, n - i, &cp);
			if (w + cp_width(cp, &wc) > width)
				break;
			w += cp_width(cp, &wc);
			if (s[i] == ' ')
				brk = i;
		}
		if (i < n && s[i] != '\n' && brk > start)
			i = brk;
		else if (i == start)
			i = utf8_next(s, start);   /* one glyph wider than width */
		spans[lines][0] = start;
		spans[lines][1] = i;
		lines++;
		start = i < n && s[i] == '\n' ? i + 1 : i;
	}
	return lines;
}

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

int
text_wrap_cut(const char *s, int width, size_t (*spans)[2], int max)
{
	int n = text_wrap(s, width, spans, max);
	size_t end;

	if (n < max)
		return n;
	end = spans[n - 1][1];
	while (s[end] == ' ' || s[end] == '\n')
		end++;
	if (s[end] != '\0')
		spans[n - 1][1] = spans[n - 1][0] + fit_bytes(s +
		    spans[n - 1][0], strlen(s + spans[n - 1][0]), width);
	return n;
}

void
text_lines(int y, int x, int width, const char *s, size_t (*spans)[2], int n)
{
	int i;

	for (i = 0; i < n; i++)
		text_put(y + i, x, s + spans[i][0], spans[i][1] - spans[i][0],
		    width);
}

int
text_block(int y, int x, int width, const char *s, int maxrows)
{
	size_t spans[64][2];
	int n;

	if (maxrows > 64)
		maxrows = 64;
	n = text_wrap_cut(s, width, spans, maxrows);
	text_lines(y, x, width, s, spans, n);
	return n;
}

void
draw_header(struct app *a, const char *title, const char *right)
{
	int rw = text_width(right, strlen(right));

	attrset(ui_attr(a, C_TITLE));
	text_put(ROW(a, 0), COL(a, 1), title, strlen(title), a->cols - rw - 4);
	attrset(A_NORMAL);
	text_put(ROW(a, 0), COL(a, a->cols - rw - 1), right, strlen(right), rw);
	attrset(ui_attr(a, C_DIM));
	mvhline(ROW(a, 1), COL(a, 0), a->utf8 ? ACS_HLINE : '-', a->cols);
	attrset(A_NORMAL);
}

void
draw_game_header(struct app *a)
{
	const struct quiz *z = a->s->z;

	draw_play_header(a, z->title, z->cur + 1, z->n, quiz_score(z),
	    z->streak);
}

void
draw_play_header(struct app *a, const char *title, int q, int n,
    int64_t score_now, int streak_now)
{
	char right[160], score[48], streak[32];
	int room;

	/* Shortened by priority: the question number, then the score, then
	 * the streak, and the title in what is left (or not at all). */
	snprintf(score, sizeof score, "   Score %" PRId64, score_now);
	snprintf(streak, sizeof streak, "   Streak %d", streak_now);
	snprintf(right, sizeof right, "Question %d/%d%s%s", q, n, score,
	    streak);
	room = a->cols - 2 - text_width(right, strlen(right));
	if (room < 12)
		snprintf(right, sizeof right, "Question %d/%d%s", q, n, score);
	room = a->cols - 2 - text_width(right, strlen(right));
	if (room < 12)
		snprintf(right, sizeof right, "Q %d/%d%s", q, n, score);
	room = a->cols - 2 - text_width(right, strlen(right));
	draw_header(a, room >= 8 ? title : "", right);
}

#define FOOTER_SEP " \u00b7 "
#define FOOTER_ITEMS 16

/* One " · "-separated item of a footer: "long|short", or the same text
 * both ways. */
struct footer_item {
	const char *s;
	size_t full, brief;    /* bytes of each form; brief starts at
	                        * s + full + 1 when it differs */
	int wfull, wbrief;
	bool use_full, keep;
};

static const char *
item_text(const struct footer_item *it, size_t *len)
{
	if (it->use_full || it->brief == it->full) {
		*len = it->full;
		return it->s;
	}
	*len = it->brief;
	return it->s + it->full + 1;
}

/* Columns the kept items take, as they are now. */
static int
items_width(const struct footer_item *it, int n)
{
	int i, w = 0, shown = 0;

	for (i = 0; i < n; i++)
		if (it[i].keep) {
			w += (shown++ > 0 ? 3 : 0) + (it[i].use_full ?
			    it[i].wfull : it[i].wbrief);
		}
	return w;
}

static int
parse_items(const char *help, struct footer_item *it)
{
	const char *p = help, *q, *bar;
	size_t sep = strlen(FOOTER_SEP), len;
	int n = 0;

	while (n < FOOTER_ITEMS) {
		q = n < FOOTER_ITEMS - 1 ? strstr(p, FOOTER_SEP) : NULL;
		len = q != NULL ? (size_t)(q - p) : strlen(p);
		bar = memchr(p, '|', len);
		it[n].s = p;
		it[n].full = bar != NULL ? (size_t)(bar - p) : len;
		it[n].brief = bar != NULL ? len - it[n].full - 1 : len;
		it[n].wfull = text_width(p, it[n].full);
		it[n].wbrief = bar != NULL ? text_width(bar + 1, it[n].brief) :
		    it[n].wfull;
		it[n].use_full = it[n].keep = true;
		n++;
		if (q == NULL)
			break;
		p = q + sep;
	}
	return n;
}

/* help's items that fit in w columns, into out. Shortened by priority,
 * keys before words: every item first in its short form ("Enter next"
 * for "Enter or Space: next question"), then the ones from the right
 * before the last (quit) dropped; then the long forms put back from the
 * first while they fit. Never cut mid-word. */
static void
footer_fit(const char *help, int w, char *out, size_t size)
{
	struct footer_item it[FOOTER_ITEMS];
	int n = parse_items(help, it), i, drop;
	size_t used = 0, len;

	if (items_width(it, n) > w) {
		for (i = 0; i < n; i++)
			it[i].use_full = false;
		for (drop = n - 2; drop >= 0 && items_width(it, n) > w; drop--)
			it[drop].keep = false;
		if (items_width(it, n) > w && n > 1) {
			/* Not even the last: the first, cut. */
			it[0].keep = true;
			it[n - 1].keep = false;
		}
		for (i = 0; i < n; i++)
			if (it[i].keep) {
				it[i].use_full = true;
				if (items_width(it, n) > w)
					it[i].use_full = false;
			}
	}
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		const char *t;

		if (!it[i].keep)
			continue;
		t = item_text(&it[i], &len);
		if (used > 0 && used + strlen(FOOTER_SEP) < size) {
			memcpy(out + used, FOOTER_SEP, strlen(FOOTER_SEP));
			used += strlen(FOOTER_SEP);
		}
		if (used + len < size) {
			memcpy(out + used, t, len);
			used += len;
		}
		out[used] = '\0';
	}
}

void
draw_footer(struct app *a, const char *help)
{
	char fit[512];

	footer_fit(help, a->cols - 2, fit, sizeof fit);
	attrset(ui_attr(a, C_DIM));
	text_put(ROW(a, a->rows - 1), COL(a, 1), fit, strlen(fit), a->cols - 2);
	attrset(A_NORMAL);
}

/* Width of the bar itself, leaving room for " 12.3 s !" on the right. */
static int
bar_cells(const struct app *a)
{
	return a->cols - 12 > 1 ? a->cols - 12 : 1;
}

int
bar_steps(const struct app *a)
{
	return bar_cells(a) * (a->utf8 ? 8 : 1);
}

/* Words as well as colour: a "!" marks the last stretch. */
static enum ui_color
bar_color(int64_t left, int64_t total, bool *low)
{
	*low = left * 4 <= total || (left <= 5 * CLOCK_US &&
	    total >= 15 * CLOCK_US);
	return left * 2 > total ? C_GOOD : left * 4 > total ? C_WARN : C_BAD;
}

void
draw_bar(struct app *a, int y, const struct countdown *cd, int64_t now)
{
	int cells = bar_cells(a), steps = bar_steps(a), tenths, filled, full, i;
	enum ui_color c;
	bool low;
	char label[32];

	if (countdown_untimed(cd)) {
		attrset(ui_attr(a, C_DIM));
		mvaddstr(ROW(a, y), COL(a, 1), "untimed");
		attrset(A_NORMAL);
		return;
	}
	c = bar_color(countdown_left(cd, now), countdown_limit(cd), &low);
	filled = countdown_filled(cd, now, steps);
	full = a->utf8 ? filled / 8 : filled;
	/* Only the full cells carry the colour: they change a cell at a time
	 * (and all at once twice, green to yellow to red). The tip and the
	 * time, which change every frame, are plain: no colour to set and
	 * reset each frame. */
	attrset(ui_attr(a, c) | (a->utf8 ? A_REVERSE : 0));
	move(ROW(a, y), COL(a, 1));
	for (i = 0; i < full; i++)
		addch(a->utf8 ? ' ' : '#');
	attrset(A_NORMAL);
	if (a->utf8 && filled % 8) {
		wchar_t part[2] = { (wchar_t)(0x2590 - filled % 8), 0 };

		addwstr(part);
		i++;
	}
	for (; i < cells; i++)
		addch(a->utf8 ? ' ' : '.');
	tenths = countdown_tenths(cd, now);
	if (tenths % 10 == 0 && tenths > CLOCK_TENTHS_LEFT / (CLOCK_US / 10))
		snprintf(label, sizeof label, "%5d s%s", tenths / 10,
		    low ? " !" : "  ");
	else
		snprintf(label, sizeof label, "%3d.%d s%s", tenths / 10,
		    tenths % 10, low ? " !" : "  ");
	mvaddstr(ROW(a, y), COL(a, cells + 2), label);
}

void
draw_too_small(struct app *a, int need_cols, int need_rows, const char *note)
{
	char msg[160];
	int y;

	erase();
	/* Wrapped: the size needed must show even in a tiny window. */
	snprintf(msg, sizeof msg, "Terminal too small: %dx%d, need %dx%d. "
	    "Make it larger to go on.", getmaxx(stdscr), getmaxy(stdscr),
	    need_cols, need_rows);
	y = text_block(ROW(a, 0), COL(a, 0), a->cols, msg, a->rows);
	if (note != NULL && y < a->rows)
		text_block(ROW(a, y), COL(a, 0), a->cols, note, a->rows - y);
}
