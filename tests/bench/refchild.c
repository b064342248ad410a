#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "bench.h"

static void
say(const char *s)
{
	size_t n = strlen(s);

	while (n > 0) {
		ssize_t w = write(STDOUT_FILENO, s, n);

		if (w <= 0)
			_exit(0);
		s += w;
		n -= (size_t)w;
	}
}

/* Wait on poll() until the deadline, echoing whatever is typed. */
static void
countdown(int limit_ms)
{
	int64_t deadline = now_us() + (int64_t)limit_ms * US_PER_MS;
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	char buf[256];

	while (now_us() < deadline) {
		ssize_t n;

		if (poll(&p, 1, ms_until(deadline)) != 1)
			continue;
		n = read(STDIN_FILENO, buf, sizeof buf - 1);
		if (n <= 0)
			_exit(0);
		buf[n] = '\0';
		say(buf);
	}
}

/* Block until Enter or Space, as termquiz's feedback screen does. */
static void
wait_go_on(void)
{
	char c;

	for (;;) {
		if (read(STDIN_FILENO, &c, 1) != 1)
			_exit(0);
		if (c == '\r' || c == ' ')
			return;
	}
}

void
ref_child(const void *arg)
{
	const struct ref_plan *p = arg;
	struct termios tio;
	char line[128], tok[16];
	int k;

	/* Keys one at a time and no echo by the pty, as curses sets it. */
	if (tcgetattr(STDIN_FILENO, &tio) == 0) {
		cfmakeraw(&tio);
		tcsetattr(STDIN_FILENO, TCSANOW, &tio);
	}
	for (k = 1; k <= p->n; k++) {
		question_token(tok, sizeof tok, k);
		snprintf(line, sizeof line, "\033[H\033[2JQuestion %d/%d\r\n"
		    "%s reference: type anything\r\n", k, p->n, tok);
		say(line);
		countdown(p->limit_ms);
		say("\r\nTime's up\r\n");
		wait_go_on();
	}
	wait_go_on();
	_exit(0);
}
