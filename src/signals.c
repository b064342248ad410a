#include "signals.h"

#include <signal.h>
#include <string.h>

static volatile sig_atomic_t caught;
static volatile sig_atomic_t stop_asked;

static void
on_signal(int signo)
{
	caught = signo;
}

void
signals_catch(void)
{
	/* Every signal whose default ends the process, but those that a
	 * fault raises (SIGSEGV...): ended by SIGUSR1 or SIGALRM the game
	 * left the terminal in the alternate screen. */
	static const int sigs[] = {
		SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM,
		SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ, SIGIO, SIGPWR, SIGSYS,
		SIGTRAP,
#ifdef SIGSTKFLT
		SIGSTKFLT,
#endif
	};
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

int
signals_caught(void)
{
	return caught;
}

static void
on_stop(int signo)
{
	(void)signo;
	stop_asked = 1;
}

void
signals_catch_stop(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTSTP, &sa, NULL);
}

bool
signals_take_stop(void)
{
	bool asked = stop_asked != 0;

	stop_asked = 0;
	return asked;
}

void
signals_stop_now(void)
{
	signal(SIGTSTP, SIG_DFL);
	raise(SIGTSTP);   /* stopped here until SIGCONT (fg) */
	signals_catch_stop();
}
