#ifndef TERMQUIZ_SIGNALS_H
#define TERMQUIZ_SIGNALS_H

/* Catch SIGINT, SIGTERM, SIGHUP and SIGQUIT with a handler that only notes
 * the signal (the game's loop acts on it), without SA_RESTART so that a wait
 * wakes at once; ignore SIGPIPE. Call before initscr: ncurses then leaves
 * these signals alone. */
void signals_catch(void);

/* The last signal caught, or 0. */
int signals_caught(void);

#endif
