#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "ui.h"

/* After the packs: "All packs together" when more than one can be played,
 * then "Review due (N)" when any can, then "Open Trivia DB (online)". */
static bool
has_all(const struct app *a)
{
	return catalog_playable(&a->s->catalog) > 1;
}

/* A live host's menu has no review (a host picks packs, not due cards). */
static bool
has_review(const struct app *a)
{
	return !a->pick_only && catalog_playable(&a->s->catalog) > 0;
}

static int
review_entry(const struct app *a)
{
	return has_review(a) ? a->s->catalog.n + has_all(a) : -1;
}

static int
online_entry(const struct app *a)
{
	return a->s->catalog.n + has_all(a) + has_review(a);
}

static int
entries(const struct app *a)
{
	return online_entry(a) + 1;
}

/* The screen's own state, kept between visits: the entry under the
 * cursor. */
struct menu_state {
	int sel;
	int broken;    /* 1 + the pack just asked for that cannot load; 0 */
};

static void
menu_enter(struct app *a, void *st, int64_t now)
{
	struct menu_state *ms = st;

	(void)now;
	session_count_due(a->s);   /* a game may have changed them */
	curs_set(0);
	if (ms->sel >= entries(a))
		ms->sel = 0;
}

/* Choose entry sel (or, past the packs, every playable pack) to play, or
 * to review. */
static enum ui_next
choose_for(struct app *a, int sel, bool review)
{
	struct session *s = a->s;
	struct catalog *c = &s->catalog;
	struct pack **v;
	int i, n = 0;

	if (sel < c->n && c->v[sel].pack == NULL)
		return SCR_SAME;
	v = xcalloc((size_t)c->n + 1, sizeof *v);
	for (i = 0; i < c->n; i++)
		if (c->v[i].pack != NULL && (sel >= c->n || i == sel))
			v[n++] = c->v[i].pack;
	session_choose_packs(s, v, n);
	free(v);
	return review ? ACT_REVIEW : ACT_PLAY;
}

static enum ui_next
choose(struct app *a, int sel)
{
	if (sel == online_entry(a))
		return SCR_ONLINE;
	return choose_for(a, sel, sel == review_entry(a));
}

static enum ui_next
menu_key(struct app *a, void *st, wint_t ch, bool is_key, int64_t now)
{
	struct menu_state *ms = st;
	int n = entries(a);

	(void)now;
	if (n == 0)
		return is_key ? SCR_SAME : SCR_EXIT;
	if (is_key) {
		if (ch == KEY_UP)
			ms->sel = (ms->sel + n - 1) % n;
		else if (ch == KEY_DOWN)
			ms->sel = (ms->sel + 1) % n;
		else if (ch == KEY_ENTER)
			return choose(a, ms->sel);
		return SCR_SAME;
	}
	ms->broken = 0;
	if (ch >= '1' && ch <= '9' && (int)(ch - '1') < n) {
		int k = (int)(ch - '1');

		/* A pack that did not load: say so (the detail below says
		 * why), rather than do nothing. */
		if (k < a->s->catalog.n && a->s->catalog.v[k].pack == NULL) {
			ms->sel = k;
			ms->broken = k + 1;
			return SCR_SAME;
		}
		return choose(a, k);
	}
	switch (ch) {
	case 'k': ms->sel = (ms->sel + n - 1) % n; break;
	case 'j': ms->sel = (ms->sel + 1) % n; break;
	case '\r': case '\n': case ' ': return choose(a, ms->sel);
	case 'a': case 'A':
		return catalog_playable(&a->s->catalog) > 0 ? choose_for(a,
		    a->s->catalog.n, false) : SCR_SAME;
	case 'r': case 'R':
		return review_entry(a) >= 0 ? choose_for(a, a->s->catalog.n,
		    true) : SCR_SAME;
	case 'o': case 'O': return SCR_ONLINE;
	case 'q': case 'Q': case 27: return SCR_EXIT;
	default: break;
	}
	return SCR_SAME;
}

static void
draw_entry(struct app *a, int y, int i, bool sel)
{
	const struct catalog_entry *e = &a->s->catalog.v[i];
	char count[32], num[16];
	const char *name = e->pack ? e->pack->title : e->path;
	int due;
	/* A pack read from another format says which (GIFT, Anki...). */
	bool other = e->format != FORMAT_JSON && e->format != FORMAT_OPENTDB;

	snprintf(num, sizeof num, "%d", i + 1);
	if (sel)
		mvaddstr(ROW(a, y), COL(a, 2), a->utf8 ? "\u25b8" : ">");
	attrset(ui_attr(a, C_ACCENT) & ~A_REVERSE);
	if (i < 9)
		mvaddstr(ROW(a, y), COL(a, 4), num);
	attrset(e->pack ? (sel ? (int)A_BOLD : (int)A_NORMAL) :
	    ui_attr(a, C_DIM));
	due = e->pack != NULL && a->s->due != NULL ? a->s->due[i] : 0;
	text_put(ROW(a, y), COL(a, 7), name, strlen(name),
	    a->cols - (other ? 46 : due > 0 ? 33 : 24));
	if (other) {
		attrset(ui_attr(a, C_DIM));
		mvaddstr(ROW(a, y), COL(a, a->cols - 38),
		    format_name(e->format));
		attrset(e->pack ? (sel ? (int)A_BOLD : (int)A_NORMAL) :
		    ui_attr(a, C_DIM));
	}
	if (due > 0) {
		snprintf(count, sizeof count, "%4d due", due);
		attrset(ui_attr(a, C_WARN) & ~A_REVERSE);
		mvaddstr(ROW(a, y), COL(a, a->cols - 25), count);
		attrset(sel ? (int)A_BOLD : (int)A_NORMAL);
	}
	if (e->pack != NULL) {
		snprintf(count, sizeof count, "%4d question%s", e->pack->nq,
		    e->pack->nq == 1 ? " " : "s");
		mvaddstr(ROW(a, y), COL(a, a->cols - 16), count);
	} else {
		mvaddstr(ROW(a, y), COL(a, a->cols - 16), "   cannot load");
	}
	attrset(A_NORMAL);
}

static void
draw_detail(struct app *a, const struct menu_state *ms, int y)
{
	const struct catalog *c = &a->s->catalog;
	const char *text;

	if (ms->sel == online_entry(a))
		text = "Fetch questions from the Open Trivia Database "
		    "(opentdb.com, CC BY-SA 4.0): choose a category and a "
		    "difficulty.";
	else if (ms->sel == review_entry(a))
		text = "Spaced review: the questions due first, the most "
		    "overdue first, then the weakest others.";
	else if (ms->sel >= c->n)
		text = "Every pack above in one game, shuffled together.";
	else if (c->v[ms->sel].pack == NULL)
		text = c->v[ms->sel].problem ? c->v[ms->sel].problem :
		    "This pack did not load; run termquiz --check on it.";
	else
		text = c->v[ms->sel].pack->description;
	attrset(ui_attr(a, C_DIM));
	text_block(ROW(a, y), COL(a, 4), a->cols - 8, text, a->rows - 1 - y);
	attrset(A_NORMAL);
}

/* An entry after the packs, at row y. */
static void
draw_extra(struct app *a, const struct menu_state *ms, int y, int entry,
    const char *label)
{
	bool sel = ms->sel == entry;

	if (sel)
		mvaddstr(ROW(a, y), COL(a, 2), a->utf8 ? "\u25b8" : ">");
	attrset(sel ? A_BOLD : A_NORMAL);
	mvaddstr(ROW(a, y), COL(a, 7), label);
	attrset(A_NORMAL);
}

static void
menu_draw(struct app *a, void *st, int64_t now)
{
	const struct menu_state *ms = st;
	const struct catalog *c = &a->s->catalog;
	int i, y = 3, first = 0, room = a->rows - 8;
	char label[48];

	(void)now;
	if (a->cols < MIN_COLS || a->rows < 10) {
		draw_too_small(a, MIN_COLS, 10, NULL);
		return;
	}
	draw_header(a, "termquiz", a->pick_only ? "choose the packs to host" :
	    "choose a pack");
	if (c->n == 0) {
		mvaddstr(ROW(a, 3), COL(a, 3), "No packs found. Looked in:");
		for (i = 0; i < a->s->ndirs && 4 + i < a->rows - 1; i++)
			mvaddnstr(ROW(a, 4 + i), COL(a, 5), a->s->dirs[i],
			    a->cols - 6);
		draw_footer(a, "o Open Trivia DB (online) · q quit");
		return;
	}
	if (ms->sel >= room)
		first = ms->sel - room + 1;
	for (i = first; i < c->n && y < 3 + room; i++, y++)
		draw_entry(a, y, i, i == ms->sel);
	if (has_all(a) && y < 3 + room) {
		int total = 0;

		for (i = 0; i < c->n; i++)
			total += c->v[i].pack != NULL ? c->v[i].pack->nq : 0;
		draw_extra(a, ms, y, c->n, "All packs together");
		snprintf(label, sizeof label, "%4d questions", total);
		mvaddstr(ROW(a, y++), COL(a, a->cols - 16), label);
	}
	if (review_entry(a) >= 0 && y < 3 + room) {
		snprintf(label, sizeof label, "Review due (%d)",
		    a->s->due_total);
		draw_extra(a, ms, y++, review_entry(a), label);
	}
	if (y < 3 + room)
		draw_extra(a, ms, y++, online_entry(a),
		    "Open Trivia DB (online)");
	if (ms->broken > 0) {
		snprintf(label, sizeof label, "Pack %d cannot be played:",
		    ms->broken);
		attrset(ui_attr(a, C_WARN) & ~A_REVERSE);
		mvaddnstr(ROW(a, y + 1), COL(a, 4), label, a->cols - 8);
		attrset(A_NORMAL);
		y++;
	}
	draw_detail(a, ms, y + 1);
	draw_footer(a, a->pick_only ? "1-9 or Enter host|1-9 host · a all "
	    "packs|a all · o online · \u2191\u2193 move|\u2191\u2193 · q quit" :
	    "1-9 or Enter play|1-9 play · a all packs|a all · r review · "
	    "o online · \u2191\u2193 move|\u2191\u2193 · q quit");
}

const struct screen menu_screen = {
	.state_size = sizeof(struct menu_state),
	.enter = menu_enter,
	.draw = menu_draw,
	.key = menu_key,
};
