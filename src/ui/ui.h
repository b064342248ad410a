#ifndef TERMQUIZ_UI_H
#define TERMQUIZ_UI_H

/*
 * The full-screen game. Each screen is a struct of hooks in its own file; a
 * screen's key() and tick() say what happened by returning the next screen
 * or an action, and only the loop in ui.c switches screens and asks the
 * session to start a game or move it on (session_next ends it).
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "core/clock.h"
#include "session.h"

/* What a screen's key() or tick() returns. A new screen gets a value
 * before SCR_COUNT, a `const struct screen` in its own file and a row in
 * ui.c's table. */
enum ui_next {
	SCR_SAME = -1,     /* stay */
	SCR_MENU,          /* the screens, one file each */
	SCR_QUESTION,
	SCR_FEEDBACK,
	SCR_RESULTS,
	SCR_QUIT,          /* "Quit the game? y/n" over the screen behind */
	SCR_ONLINE,        /* Open Trivia DB: categories, fetching (online.c) */
	SCR_COUNT,
	SCR_EXIT = SCR_COUNT, /* leave termquiz */
	ACT_BACK,          /* from a prompt: back to the screen behind it */
	ACT_NEXT,          /* the next question, or the end of the game */
	ACT_PLAY,          /* a new game of the packs chosen (session) */
	ACT_RETRY,         /* a game of the last one's missed questions */
	ACT_REVIEW         /* a review game of the packs chosen (session) */
};

#define TEXT_MAX 256   /* bytes in a typed answer */
#define MIN_COLS 40
#define FRAME_MS 80    /* at most 12.5 wake-ups a second for the bar */
#define FRAME_COLS 100 /* a readable width: on a wider terminal the
                        * screens sit in the middle */
#define FRAME_ROWS 30

/* A row and a column of the frame (a->rows x a->cols) on the terminal. */
#define ROW(a, y) ((a)->top + (y))
#define COL(a, x) ((a)->left + (x))

/* What every screen shares: the session and the terminal. A screen's own
 * fields live in its file, in the state its init makes. */
struct app {
	struct session *s;
	bool utf8;
	bool color;
	int rows, cols;    /* the frame the screens lay out in: the
	                    * terminal's size, up to FRAME_ROWS x FRAME_COLS */
	int top, left;     /* where that frame is on the terminal: centred */
	int term_rows, term_cols; /* the terminal's own size */
	bool covered;      /* a prompt will be drawn over this frame: no cursor */
	int free_y;        /* the frame's row from which a prompt may cover
	                    * the screen (the bar's, under the question); 0:
	                    * the bottom rows */
	char unsent[TEXT_MAX]; /* what the text field held when time ran
	                        * out, for the feedback to show; "" */
	bool pick_only;    /* the menu picks packs for a live host ... */
	bool picked;       /* ... and did (the loop then ends) */
};

/* A screen, like a tmux mode: st is its private state, state_size zeroed
 * bytes the loop makes before the first visit and frees when ui_run ends
 * (NULL when state_size is 0). Hooks other than draw and key may be NULL. */
struct screen {
	size_t state_size;
	/* Each time the screen is shown, except on coming back from a
	 * prompt (ACT_BACK). */
	void (*enter)(struct app *a, void *st, int64_t now);
	void (*draw)(struct app *a, void *st, int64_t now);
	/* ch is a character (is_key false) or a KEY_* code (is_key true). */
	enum ui_next (*key)(struct app *a, void *st, wint_t ch, bool is_key,
	    int64_t now);
	enum ui_next (*tick)(struct app *a, void *st, int64_t now);
	int (*wait_ms)(struct app *a, void *st, int64_t now);
	/* A prompt is shown over the screen it was called from, which keeps
	 * its clock: ui_behind_* reach that screen. */
	bool prompt;
};

extern const struct screen menu_screen, question_screen, feedback_screen,
    results_screen, quit_screen, online_screen;

struct host_view;
/* The live host's big screen (live_host.c): lobby, question, reveal,
 * board and podium, drawn from the host's state. */
extern const struct host_view live_host_view;
/* Its state, host_run's view_data, for session s. Caller frees with free. */
void *live_screen_new(struct session *s);

struct join_opts;
/* Play in a live game full screen (live_join.c): the PIN and nickname are
 * asked in line mode first when not given. Returns the exit status. */
int ui_live_join(struct session *s, const struct join_opts *o);

/* --- the question and its verdict as the solo screens draw them, for the
 * live player too (question.c, feedback.c) --- */

/* What the question screen shows, below the header and above the footer.
 * Strings are borrowed for the call. */
struct question_view {
	const char *text;          /* the question */
	enum qtype type;
	const char *const *choices; /* Q_CHOICE: nchoices labels, as shown */
	int nchoices;
	const char *origin;        /* dimmed above the question, or NULL */
	int selected;              /* the choice marked; -1: none */
	const char *field;         /* Q_TEXT: what is typed (field_len bytes) */
	size_t field_len, cursor;  /* cursor: byte offset in field */
	bool show_cursor;          /* draw the field's cursor */
	const struct countdown *cd; /* the bar, or NULL: none */
	bool hidden;               /* only the bar (paused) */
	bool text_only;            /* the question without choices (get ready) */
	const char *note;          /* a line under the choices, or NULL */
};

#define QLINES_MAX 32
#define CHOICE_ROWS 3   /* a choice wraps to at most this many rows */

/* The question and its choices wrapped for one width, kept by the caller
 * between frames (nine choices of 20,000 characters measured twenty times
 * a second cost 4-5 % CPU), and how far the view is scrolled when they do
 * not all fit. */
struct question_layout {
	int cols;                  /* 0: not worked out yet */
	size_t spans[QLINES_MAX][2];
	int qlines;
	/* Each choice's rows; the last one's end goes far enough past the
	 * row to show that the choice goes on ("…"). */
	size_t cspans[CHOICES_MAX][CHOICE_ROWS][2];
	int clines[CHOICES_MAX];
	int scroll;                /* the first row of the body shown */
	int followed;              /* the choice the view last scrolled to */
};

/* A one-line text field: the typed answer of the solo question screen and
 * of the live player. */
struct text_field {
	char text[TEXT_MAX];
	size_t len, cursor;        /* bytes; cursor: offset in text */
	size_t max;                /* bytes it may hold (< TEXT_MAX) */
};

/* Empty f, to hold at most max bytes (0: as many as fit). */
void text_field_clear(struct text_field *f, size_t max);
/* Apply a key to f (ch a character, or a KEY_ code when is_key): typing,
 * Backspace, Delete, arrows, Home/End, Ctrl-A/E/U/K/W. True for Enter
 * (f unchanged): the caller submits. */
bool text_field_key(struct text_field *f, wint_t ch, bool is_key);

/* Forget l's layout: call when the question shown changes. */
void question_layout_reset(struct question_layout *l);
/* Rows the question view v needs at least at the current width (lays l
 * out): with fewer, nothing usable fits. What does not fit in more
 * scrolls, and says "more ↓". */
int question_view_rows(struct app *a, const struct question_view *v,
    struct question_layout *l);
/* Draw v, centred in the frame's width, the bar right under it (the caller
 * draws the header and footer, and checks the size with
 * question_view_rows). The body scrolls to keep v->selected in view.
 * Returns whether v->note found a row. */
bool question_view_draw(struct app *a, const struct question_view *v,
    struct question_layout *l, int64_t now);

/* What the feedback screen shows of an answer. Strings are borrowed. */
struct verdict_view {
	bool correct, timed_out;
	int64_t points, bonus;     /* bonus: of the points, the streak's */
	const char *extra;         /* a line under the verdict, or NULL */
	const char *question;      /* shown again when there is room, or NULL */
	bool show_given;           /* show "Your answer:" */
	const char *given;         /* as shown; NULL: none (time ran out) */
	const char *unsent;        /* typed but not sent when time ran out: "" */
	const char *answer;        /* the correct answer as shown, or NULL */
	const char *explanation;   /* or NULL */
};

/* The verdict's rows need at least this many rows and MIN_COLS columns. */
#define VERDICT_MIN_ROWS 8

/* Draw v below the header and above the footer; the explanation from its
 * row *scroll (kept in range), *more set to its rows below the screen. */
void verdict_view_draw(struct app *a, const struct verdict_view *v,
    int *scroll, int *more);

/* For a prompt: draw, tick or wait on the screen behind it (ui.c). */
void ui_behind_draw(struct app *a, int64_t now);
enum ui_next ui_behind_tick(struct app *a, int64_t now);
int ui_behind_wait_ms(struct app *a, int64_t now);

/* The full-screen menu, to pick the packs of a live host: true when some
 * were chosen (s->game_packs), false when q or a signal (*signo) ended it. */
bool ui_pick_packs(struct session *s, int *signo);

/* Run the full-screen game from the menu (no game in s) or straight into
 * play; a signal that stops it is stored in *signo. */
enum play_end ui_run(struct session *s, int *signo);

/* Start the full screen for another front end (the live host's view):
 * signals, curses, colours; a->s gives the config. ui_restore ends it. */
void ui_open(struct app *a);

/* Restore the terminal if curses is active; safe to call twice. */
void ui_restore(void);

/* --- drawing helpers (draw.c) --- */

enum ui_color {
	C_NORMAL, C_TITLE, C_GOOD, C_WARN, C_BAD, C_DIM, C_ACCENT, C_COUNT
};

/* The terminal is rows x cols: lay the screens out in a frame of at most
 * FRAME_ROWS x FRAME_COLS in its middle (a->rows, a->cols, a->top,
 * a->left). */
void ui_set_size(struct app *a, int rows, int cols);
/* Set up the colour pairs when a->color (once, after initscr). */
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
/* text_wrap, and when s goes on past max lines, the last line takes
 * enough more of it for text_put to end it with "…". */
int text_wrap_cut(const char *s, int width, size_t (*spans)[2], int max);
/* Draw the n lines of s that text_wrap found, from row y at column x. */
void text_lines(int y, int x, int width, const char *s, size_t (*spans)[2],
    int n);
/* Draw s wrapped from row y, indent x, at most maxrows (the last ending
 * in "…" when s goes on). Returns rows used. */
int text_block(int y, int x, int width, const char *s, int maxrows);


/* The top two rows: title on the left, right text on the right. */
void draw_header(struct app *a, const char *title, const char *right);
/* The header during a game: progress, score and streak on the right. */
void draw_game_header(struct app *a);
/* The same header from its parts (question q of n), for the live player. */
void draw_play_header(struct app *a, const char *title, int q, int n,
    int64_t score, int streak);
/* The bottom row: key help, " · "-separated items, each "long|short" or
 * one text; shortened to fit by priority (draw.c footer_fit). */
void draw_footer(struct app *a, const char *help);
/* The countdown bar of cd with seconds left on row y. */
void draw_bar(struct app *a, int y, const struct countdown *cd, int64_t now);
/* Cells of bar steps for the current width (eighths where UTF-8). */
int bar_steps(const struct app *a);
/* "Terminal too small" in place of a screen that does not fit; note (or
 * NULL) on the row below. */
void draw_too_small(struct app *a, int need_cols, int need_rows,
    const char *note);

#endif
