#include <curses.h>
#include <errno.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/utf8.h"
#include "core/util.h"
#include "signals.h"
#include "termenv.h"
#include "ui.h"

static const struct screen *const screens[SCR_COUNT] = {
	[SCR_MENU] = &menu_screen,
	[SCR_QUESTION] = &question_screen,
	[SCR_FEEDBACK] = &feedback_screen,
	[SCR_RESULTS] = &results_screen,
	[SCR_QUIT] = &quit_screen,
	[SCR_ONLINE] = &online_screen,
};

/* The loop's own state: which screen is up, which one a prompt covers, and
 * each screen's private state. app comes first: the hooks get &l->app. */
struct loop {
	struct app app;
	enum ui_next cur;
	enum ui_next behind;   /* the screen under a prompt, or SCR_SAME */
	void *st[SCR_COUNT];
	char pend[4];          /* the bytes of a UTF-8 character read so far */
	size_t npend, need;
};

static struct loop *
loop_of(struct app *a)
{
	return (struct loop *)a;
}

/* Screen id's state, zeroed on first use; NULL when it keeps none. */
static void *
state(struct loop *l, enum ui_next id)
{
	if (l->st[id] == NULL && screens[id]->state_size > 0)
		l->st[id] = xcalloc(1, screens[id]->state_size);
	return l->st[id];
}

static void
free_states(struct loop *l)
{
	int i;

	for (i = 0; i < SCR_COUNT; i++)
		free(l->st[i]);
}

static bool curses_on;

void
ui_restore(void)
{
	if (!curses_on)
		return;
	curses_on = false;
	curs_set(1);
	endwin();
}

static void
ui_init(struct app *a)
{
	signals_catch();
	signals_catch_stop();
	a->utf8 = termenv_utf8();
	set_escdelay(25);
	if (initscr() == NULL)
		die("cannot start the terminal");
	curses_on = true;
	die_set_hook(ui_restore);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	curs_set(0);
	a->color = has_colors() && !a->s->no_color && getenv("NO_COLOR") == NULL &&
	    a->s->cfg.theme != THEME_MONO;
	ui_colors_init(a);
	getmaxyx(stdscr, a->rows, a->cols);
}

void
ui_open(struct app *a)
{
	ui_init(a);
}

/* The terminal went away (closed window, dropped SSH): reads fail at once. */
static bool
terminal_gone(void)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };

	return poll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR | POLLNVAL));
}

static void
draw(struct loop *l, int64_t now)
{
	erase();
	l->app.free_y = 0;
	screens[l->cur]->draw(&l->app, state(l, l->cur), now);
	wnoutrefresh(stdscr);
	doupdate();
}

void
ui_behind_draw(struct app *a, int64_t now)
{
	struct loop *l = loop_of(a);

	if (l->behind == SCR_SAME)
		return;
	a->covered = true;
	screens[l->behind]->draw(a, state(l, l->behind), now);
	a->covered = false;
}

enum ui_next
ui_behind_tick(struct app *a, int64_t now)
{
	struct loop *l = loop_of(a);
	const struct screen *sc;

	if (l->behind == SCR_SAME)
		return SCR_SAME;
	sc = screens[l->behind];
	return sc->tick ? sc->tick(a, state(l, l->behind), now) : SCR_SAME;
}

int
ui_behind_wait_ms(struct app *a, int64_t now)
{
	struct loop *l = loop_of(a);
	const struct screen *sc;

	if (l->behind == SCR_SAME)
		return -1;
	sc = screens[l->behind];
	return sc->wait_ms ? sc->wait_ms(a, state(l, l->behind), now) : -1;
}

/* The one place the screens' actions are carried out: a game starts, or
 * moves on (and, after its last question, ends: session_next). Returns the
 * screen to show. */
static enum ui_next
act(struct session *s, enum ui_next next)
{
	switch (next) {
	case ACT_NEXT:
		return session_next(s) ? SCR_QUESTION : SCR_RESULTS;
	case ACT_PLAY:
		session_new_game(s);
		return SCR_QUESTION;
	case ACT_RETRY:
		return session_retry(s) ? SCR_QUESTION : SCR_SAME;
	case ACT_REVIEW:
		return session_review(s) ? SCR_QUESTION : SCR_SAME;
	default:
		return next;
	}
}

/* Go where a screen said. A prompt keeps the screen it covers (not left,
 * not entered again on ACT_BACK); any other move leaves both. */
static void
switch_to(struct loop *l, enum ui_next next, int64_t now)
{
	const struct screen *sc;

	/* Packs picked for a live host: the menu's game is the host's. */
	if (l->app.pick_only && (next == ACT_PLAY || next == ACT_REVIEW)) {
		if (next == ACT_PLAY) {
			l->app.picked = true;
			l->cur = SCR_EXIT;
		}
		return;
	}
	next = act(l->app.s, next);
	if (next == SCR_SAME)
		return;
	if (next == ACT_BACK) {
		l->cur = l->behind;
		l->behind = SCR_SAME;
		return;
	}
	if (next == SCR_EXIT) {
		l->cur = SCR_EXIT;
		return;
	}
	sc = screens[next];
	l->behind = sc->prompt ? l->cur : SCR_SAME;
	l->cur = next;
	if (sc->enter != NULL)
		sc->enter(&l->app, state(l, next), now);
}

/* Length of the UTF-8 sequence lead byte c starts, 0 when it starts none. */
static size_t
utf8_lead_len(int c)
{
	if (c >= 0xC2 && c <= 0xDF)
		return 2;
	if (c >= 0xE0 && c <= 0xEF)
		return 3;
	return c >= 0xF0 && c <= 0xF4 ? 4 : 0;
}

/* Feed byte c from the terminal; true when it completes a character, put
 * in *out. A byte that cannot be part of one (a stray continuation, a
 * lead byte cut short, anything not ASCII outside a UTF-8 locale) is
 * dropped, so the keys after it still work. ncurses' own get_wch would
 * instead keep a bad byte pending and swallow every key after it. */
static bool
byte_to_char(struct loop *l, int c, wint_t *out)
{
	uint32_t cp;

	if (l->npend > 0 && (c & 0xC0) == 0x80) {
		l->pend[l->npend++] = (char)c;
		if (l->npend < l->need)
			return false;
		l->npend = 0;
		if (utf8_decode(l->pend, l->need, &cp) != l->need)
			return false;
		*out = (wint_t)cp;
		return true;
	}
	l->npend = 0;
	if (c < 0x80) {
		*out = (wint_t)c;
		return true;
	}
	if (!l->app.utf8 || (l->need = utf8_lead_len(c)) == 0)
		return false;
	l->pend[l->npend++] = (char)c;
	return false;
}

/* Hand one key (c: a byte or a KEY_ code from getch) to the screen; a
 * resize is the loop's. */
static enum ui_next
dispatch(struct loop *l, int c, int64_t now)
{
	struct app *a = &l->app;
	wint_t ch;

	if (c == KEY_RESIZE) {
		ui_set_size(a, getmaxy(stdscr), getmaxx(stdscr));
		return SCR_SAME;
	}
	if (c >= KEY_MIN) {
		l->npend = 0;
		return screens[l->cur]->key(a, state(l, l->cur), (wint_t)c,
		    true, now);
	}
	if (!byte_to_char(l, c, &ch))
		return SCR_SAME;
	return screens[l->cur]->key(a, state(l, l->cur), ch, false, now);
}

/* One read from the terminal, waiting at most wait ms; dispatches it
 * and every key already waiting behind it. Bytes, not get_wch: see
 * byte_to_char.
 * *err says the read returned nothing (a timeout, a signal, or a failure). */
static enum ui_next
read_key(struct loop *l, int wait, bool *err)
{
	int c;
	int64_t now, t0;
	enum ui_next next;

	timeout(wait);
	c = getch();
	now = t0 = clock_now();
	*err = c == ERR;
	if (c == ERR)
		return SCR_SAME;   /* never infer time from ERR: the loop re-reads */
	next = dispatch(l, c, now);
	/* A paste arrives as thousands of keys: take every key already
	 * waiting before the next frame (one read and one redraw per key
	 * took 21 s for 100 KB), for at most a frame's time so that the bar
	 * and the deadline go on. */
	timeout(0);
	while (next == SCR_SAME && now - t0 < FRAME_MS * 1000 &&
	    (c = getch()) != ERR) {
		now = clock_now();
		next = dispatch(l, c, now);
	}
	return next;
}

/* Ctrl-Z: the terminal is given back while stopped. A solo game's clock
 * stops with the program (an 8 s stop lost the question): the question is
 * hidden, as by the pause key, and fg comes back to the paused screen. */
static void
stop(struct loop *l)
{
	struct session *s = l->app.s;

	if ((l->cur == SCR_QUESTION || l->behind == SCR_QUESTION) &&
	    s->z != NULL && !quiz_over(s->z))
		quiz_pause(s->z, clock_now());
	curs_set(1);
	endwin();
	signals_stop_now();
	clearok(curscr, TRUE);   /* repaint all: the shell drew meanwhile */
	refresh();
	curs_set(0);
	ui_set_size(&l->app, getmaxy(stdscr), getmaxx(stdscr));
}

static enum play_end
loop(struct loop *l, int *signo)
{
	int errs = 0;

	while (l->cur != SCR_EXIT) {
		int64_t now = clock_now();
		const struct screen *sc = screens[l->cur];
		void *st = state(l, l->cur);
		enum ui_next next = sc->tick ? sc->tick(&l->app, st, now) :
		    SCR_SAME;
		int wait;
		bool err;

		if (signals_caught()) {
			*signo = signals_caught();
			return *signo == SIGHUP ? PLAY_HANGUP : PLAY_SIGNAL;
		}
		if (signals_take_stop()) {
			stop(l);
			continue;
		}
		if (next != SCR_SAME) {
			switch_to(l, next, now);
			continue;
		}
		/* A game the locked history could not take is tried again
		 * once a second (before drawing: its high scores appear). */
		session_retry_saves(l->app.s, false);
		draw(l, now);
		wait = sc->wait_ms ? sc->wait_ms(&l->app, st, clock_now()) : -1;
		if (session_saves_pending(l->app.s) && (wait < 0 || wait > 1000))
			wait = 1000;
		now = clock_now();
		next = read_key(l, wait, &err);
		/* Reads that fail at once, again and again: the terminal is gone. */
		errs = err && wait != 0 && clock_now() - now < 1000 ? errs + 1 : 0;
		if (errs > 50 && terminal_gone()) {
			*signo = SIGHUP;
			return PLAY_HANGUP;
		}
		switch_to(l, next, clock_now());
	}
	return PLAY_DONE;
}

bool
ui_pick_packs(struct session *s, int *signo)
{
	struct loop l;
	bool picked;

	memset(&l, 0, sizeof l);
	l.app.s = s;
	l.app.pick_only = true;
	l.cur = l.behind = SCR_SAME;
	*signo = 0;
	ui_init(&l.app);
	ui_set_size(&l.app, l.app.rows, l.app.cols);
	switch_to(&l, SCR_MENU, clock_now());
	loop(&l, signo);
	ui_restore();
	picked = l.app.picked && *signo == 0;
	free_states(&l);
	return picked;
}

enum play_end
ui_run(struct session *s, int *signo)
{
	struct loop l;
	enum play_end end;

	memset(&l, 0, sizeof l);
	l.app.s = s;
	l.cur = l.behind = SCR_SAME;
	*signo = 0;
	ui_init(&l.app);
	ui_set_size(&l.app, l.app.rows, l.app.cols);
	switch_to(&l, s->z != NULL ? SCR_QUESTION : s->online != NULL ?
	    SCR_ONLINE : SCR_MENU, clock_now());
	end = loop(&l, signo);
	ui_restore();
	free_states(&l);
	return end;
}
