/* "Quit the game? y/n": a prompt over the screen it was called from, like
 * ncdu's quit.c. That screen is drawn first, then the box; its clock and
 * its timer keep running underneath. */

#include <curses.h>

#include "ui.h"

static void
quit_draw(struct app *a, void *st, int64_t now)
{
	/* Over the bar and the footer, never over the question or its
	 * choices (the bar goes on beneath it). */
	int y = a->rows - 2, x = (a->cols - 22) / 2;

	(void)st;
	ui_behind_draw(a, now);
	if (a->rows < 3 || a->cols < 24)
		return;
	attrset(ui_attr(a, C_ACCENT));
	mvaddstr(y - 1, x, "                      ");
	mvaddstr(y, x, "  Quit the game? y/n  ");
	mvaddstr(y + 1, x, "                      ");
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
