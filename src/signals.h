#ifndef TERMQUIZ_SIGNALS_H
#define TERMQUIZ_SIGNALS_H

/* Catch every signal whose default action ends the process (SIGINT,
 * SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM...; not the faults)
 * with a handler that only notes the signal (the game's loop acts on it,
 * the terminal is restored), without SA_RESTART so that a wait wakes at
 * once; ignore SIGPIPE. Call before initscr: ncurses then leaves these
 * signals alone. */
void signals_catch(void);

/* The last signal caught, or 0. */
int signals_caught(void);

#endif
