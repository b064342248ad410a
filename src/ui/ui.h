#ifndef TERMQUIZ_UI_H
#define TERMQUIZ_UI_H

/*
 * The full-screen game. Each screen is a struct of hooks in its own file; a
 * screen's key() and tick() say what happened by returning the next screen
 * or an action, and only the loop in ui.c switches screens, starts games
 * and ends them (session_end_game).
 */

#include <stdbool.h>
#include <stdint.h>
#include <wchar.h>

#include "core/clock.h"
#include "session.h"

/* What a screen's key() or tick() returns. */
enum ui_next {
	SCR_SAME = -1,     /* stay */
	SCR_MENU,          /* the screens, one file each */
	SCR_QUESTION,
	SCR_FEEDBACK,
	SCR_RESULTS,
	SCR_COUNT,
	SCR_EXIT = SCR_COUNT, /* leave termquiz */
	ACT_NEXT,          /* the next question, or the end of the game */
	ACT_PLAY,          /* a new game of the packs chosen (session) */
	ACT_RETRY,         /* a game of the last one's missed questions */
	ACT_REVIEW         /* a review game of the packs chosen (session) */
};

#define TEXT_MAX 256   /* bytes in a typed answer */
#define MIN_COLS 40
#define FRAME_MS 50    /* at most 20 wake-ups a second for the bar */

struct app;

struct screen {
	const char *name;
	void (*enter)(struct app *a, int64_t now);
	void (*draw)(struct app *a, int64_t now);
	/* ch is a character (is_key false) or a KEY_* code (is_key true). */
	enum ui_next (*key)(struct app *a, wint_t ch, bool is_key,
	    int64_t now);
	enum ui_next (*tick)(struct app *a, int64_t now);  /* may be NULL */
	int (*wait_ms)(struct app *a, int64_t now);          /* may be NULL */
};

/* The state of the screens: the session plus what each screen keeps. */
struct app {
	struct session *s;
	enum ui_next cur;
	bool utf8;
	bool color;
	bool confirm_quit;     /* the "Quit? y/n" box is up */
	int rows, cols;

	/* question */
	int selected;
	char text[TEXT_MAX];
	size_t text_len;
	size_t cursor;         /* byte offset in text */
	bool more_time_used;

	/* feedback */
	const struct outcome *last;
	int64_t feedback_at;

	/* results and menu */
	int scroll;
	int menu_sel;
};

extern const struct screen menu_screen, question_screen, feedback_screen,
    results_screen;

/* Run the full-screen game from the menu (no game in s) or straight into
 * play; a signal that stops it is stored in *signo. */
enum play_end ui_run(struct session *s, int *signo);

/* Restore the terminal if curses is active; safe to call twice. */
void ui_restore(void);

/* --- drawing helpers (draw.c) --- */

enum ui_color {
	C_NORMAL, C_TITLE, C_GOOD, C_WARN, C_BAD, C_DIM, C_ACCENT, C_COUNT
};

void ui_colors_init(struct app *a);
/* Attributes for a role, colour or not. */
int ui_attr(const struct app *a, enum ui_color c);

/* Display columns of UTF-8 text s[0..n). */
int text_width(const char *s, size_t n);
/* Draw s[0..n) at y,x in at most maxw columns ("…" when cut). Returns the
 * columns used. */
int text_put(int y, int x, const char *s, size_t n, int maxw);
/* Split s into lines of at most width columns at spaces; store up to max
 * [start, end) byte pairs in spans. Returns the number of lines. */
int text_wrap(const char *s, int width, size_t (*spans)[2], int max);
/* Draw the n lines of s that text_wrap found, from row y at column x. */
void text_lines(int y, int x, int width, const char *s, size_t (*spans)[2],
    int n);
/* Draw s wrapped from row y, indent x, at most maxrows. Returns rows used. */
int text_block(int y, int x, int width, const char *s, int maxrows);

/* An answer as the screens show it: true/false as "True"/"False". */
const char *shown_answer(const struct question *q, const char *text);

/* The top two rows: pack title on the left, right text on the right. */
void draw_header(struct app *a, const char *right);
/* The header during a game: progress, score and streak on the right. */
void draw_game_header(struct app *a);
/* The bottom row: key help. */
void draw_footer(struct app *a, const char *help);
/* The countdown bar of cd with seconds left on row y. */
void draw_bar(struct app *a, int y, const struct countdown *cd, int64_t now);
/* Cells of bar steps for the current width (eighths where UTF-8). */
int bar_steps(const struct app *a);
/* "Terminal too small" in place of a screen that does not fit. */
void draw_too_small(struct app *a, int need_cols, int need_rows);

#endif
