#ifndef TERMQUIZ_SIGNALS_H
#define TERMQUIZ_SIGNALS_H

#include <stdbool.h>

/* Catch every signal whose default action ends the process (SIGINT,
 * SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM...; not the faults)
 * with a handler that only notes the signal (the game's loop acts on it,
 * the terminal is restored), without SA_RESTART so that a wait wakes at
 * once; ignore SIGPIPE. Call before initscr: ncurses then leaves these
 * signals alone. */
void signals_catch(void);

/* The last signal caught, or 0. */
int signals_caught(void);

/* Catch SIGTSTP (Ctrl-Z) with a handler that only notes it, so that the
 * full screen can stop its clock and give the terminal back first. Call
 * before initscr (ncurses then leaves SIGTSTP alone). */
void signals_catch_stop(void);

/* Whether a stop was asked for since the last call. */
bool signals_take_stop(void);

/* Stop the process as SIGTSTP would; returns once continued (fg). */
void signals_stop_now(void);

#endif
