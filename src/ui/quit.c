/* "Quit the game? y/n": a prompt over the screen it was called from, like
 * ncdu's quit.c. That screen is drawn first, then the box; its clock and
 * its timer keep running underneath. */

#include <curses.h>

#include "ui.h"

static void
quit_draw(struct app *a, void *st, int64_t now)
{
	/* Over the bar and what is below it, never over the question or
	 * its choices (the bar goes on beneath it): three rows from the
	 * bar's, or two when the bar is right above the footer. */
	int top, y, x = (a->cols - 22) / 2;

	(void)st;
	ui_behind_draw(a, now);
	if (a->rows < 3 || a->cols < 24)
		return;
	top = a->free_y > 0 && a->free_y < a->rows - 1 ? a->free_y :
	    a->rows - 3;
	if (top > a->rows - 3)
		top = a->rows - 2;
	attrset(ui_attr(a, C_ACCENT));
	for (y = top; y < a->rows && y < top + 3; y++)
		mvaddstr(ROW(a, y), COL(a, x), y == top + (top < a->rows - 2) ?
		    "  Quit the game? y/n  " : "                      ");
	attrset(A_NORMAL);
	curs_set(0);
}

static enum ui_next
quit_key(struct app *a, void *st, wint_t ch, bool is_key, int64_t now)
{
	(void)a;
	(void)st;
	(void)now;
	if (is_key)
		return SCR_SAME;
	switch (ch) {
	case 'y': case 'Y': return SCR_EXIT;
	case 'n': case 'N': case 27: case 'q': return ACT_BACK;
	default: return SCR_SAME;
	}
}

/* The question behind may time out, the feedback move on: the prompt then
 * goes with it. */
static enum ui_next
quit_tick(struct app *a, void *st, int64_t now)
{
	(void)st;
	return ui_behind_tick(a, now);
}

static int
quit_wait(struct app *a, void *st, int64_t now)
{
	(void)st;
	return ui_behind_wait_ms(a, now);
}

const struct screen quit_screen = {
	.draw = quit_draw,
	.key = quit_key,
	.tick = quit_tick,
	.wait_ms = quit_wait,
	.prompt = true,
};
