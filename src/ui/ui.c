#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/util.h"
#include "signals.h"
#include "ui.h"

static const struct screen *const screens[SCR_COUNT] = {
	[SCR_MENU] = &menu_screen,
	[SCR_QUESTION] = &question_screen,
	[SCR_FEEDBACK] = &feedback_screen,
	[SCR_RESULTS] = &results_screen,
};

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
	const char *cs = nl_langinfo(CODESET);

	signals_catch();
	a->utf8 = cs != NULL && (strcmp(cs, "UTF-8") == 0 ||
	    strcmp(cs, "utf8") == 0);
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

/* The terminal went away (closed window, dropped SSH): reads fail at once. */
static bool
terminal_gone(void)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };

	return poll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR | POLLNVAL));
}

static void
draw(struct app *a, int64_t now)
{
	erase();
	screens[a->cur]->draw(a, now);
	if (a->confirm_quit && a->rows >= 3 && a->cols >= 24) {
		int y = a->rows / 2, x = (a->cols - 22) / 2;

		attrset(ui_attr(a, C_ACCENT));
		mvaddstr(y - 1, x, "                      ");
		mvaddstr(y, x, "  Quit the game? y/n  ");
		mvaddstr(y + 1, x, "                      ");
		attrset(A_NORMAL);
		curs_set(0);
	}
	wnoutrefresh(stdscr);
	doupdate();
}

/* The one place a game starts or, when its last question is done, ends.
 * Returns the screen to show. */
static enum ui_next
act(struct session *s, enum ui_next next)
{
	switch (next) {
	case ACT_NEXT:
		if (quiz_next(s->z))
			return SCR_QUESTION;
		session_end_game(s, true);
		return SCR_RESULTS;
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

static void
switch_to(struct app *a, enum ui_next next, int64_t now)
{
	next = act(a->s, next);
	if (next == SCR_SAME)
		return;
	a->cur = next;
	a->confirm_quit = false;
	if (next != SCR_EXIT)
		screens[next]->enter(a, now);
}

static enum ui_next
confirm_key(struct app *a, wint_t ch, bool is_key)
{
	if (!is_key && (ch == 'y' || ch == 'Y'))
		return SCR_EXIT;
	if (!is_key && (ch == 'n' || ch == 'N' || ch == 27 || ch == 'q'))
		a->confirm_quit = false;
	return SCR_SAME;
}

/* One read from the terminal, waiting at most wait ms; dispatches it.
 * *err says the read returned nothing (a timeout, a signal, or a failure). */
static enum ui_next
read_key(struct app *a, int wait, bool *err)
{
	wint_t ch;
	int r;
	int64_t now;

	timeout(wait);
	r = get_wch(&ch);
	now = clock_now();
	*err = r == ERR;
	if (r == ERR)
		return SCR_SAME;   /* never infer time from ERR: the loop re-reads */
	if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
		getmaxyx(stdscr, a->rows, a->cols);
		return SCR_SAME;
	}
	if (a->confirm_quit)
		return confirm_key(a, ch, r == KEY_CODE_YES);
	return screens[a->cur]->key(a, ch, r == KEY_CODE_YES, now);
}

static enum play_end
loop(struct app *a, int *signo)
{
	int errs = 0;

	while (a->cur != SCR_EXIT) {
		int64_t now = clock_now();
		const struct screen *sc = screens[a->cur];
		enum ui_next next = sc->tick ? sc->tick(a, now) : SCR_SAME;
		int wait;
		bool err;

		if (signals_caught()) {
			*signo = signals_caught();
			return *signo == SIGHUP ? PLAY_HANGUP : PLAY_SIGNAL;
		}
		if (next != SCR_SAME) {
			switch_to(a, next, now);
			continue;
		}
		draw(a, now);
		wait = sc->wait_ms ? sc->wait_ms(a, clock_now()) : -1;
		now = clock_now();
		next = read_key(a, wait, &err);
		/* Reads that fail at once, again and again: the terminal is gone. */
		errs = err && wait != 0 && clock_now() - now < 1000 ? errs + 1 : 0;
		if (errs > 50 && terminal_gone()) {
			*signo = SIGHUP;
			return PLAY_HANGUP;
		}
		switch_to(a, next, clock_now());
	}
	return PLAY_DONE;
}

enum play_end
ui_run(struct session *s, int *signo)
{
	struct app a;
	enum play_end end;

	memset(&a, 0, sizeof a);
	a.s = s;
	*signo = 0;
	ui_init(&a);
	switch_to(&a, s->z != NULL ? SCR_QUESTION : SCR_MENU, clock_now());
	end = loop(&a, signo);
	ui_restore();
	/* Quitting, a signal or a hang-up ends the game in play too. */
	if (s->z != NULL)
		session_end_game(s, quiz_over(s->z));
	return end;
}
