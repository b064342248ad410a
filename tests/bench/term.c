#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"

struct bench_env benv;

/* Children still running, so that every way out can end them. */
#define LIVE_MAX 16
static pid_t live[LIVE_MAX];

static void
live_add(pid_t pid)
{
	int i;

	for (i = 0; i < LIVE_MAX; i++)
		if (live[i] == 0) {
			live[i] = pid;
			return;
		}
}

static void
live_remove(pid_t pid)
{
	int i;

	for (i = 0; i < LIVE_MAX; i++)
		if (live[i] == pid)
			live[i] = 0;
}

/* Only async-signal-safe calls: this also runs from a signal handler. */
void
children_kill(void)
{
	int i;

	for (i = 0; i < LIVE_MAX; i++)
		if (live[i] > 0) {
			kill(live[i], SIGKILL);
			waitpid(live[i], NULL, 0);
			live[i] = 0;
		}
}

static volatile sig_atomic_t got_signal;

static void
on_signal(int signo)
{
	got_signal = signo;
	children_kill();
}

void
interrupt_init(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

bool
interrupted(void)
{
	return got_signal != 0;
}

/* The timer slack to give children back: a real-time process has none,
 * and a child takes its parent's as its own default. */
static int normal_slack_ns;

bool
reader_realtime(void)
{
	struct sched_param sp;

	normal_slack_ns = prctl(PR_GET_TIMERSLACK, 0UL, 0UL, 0UL, 0UL);
	memset(&sp, 0, sizeof sp);
	sp.sched_priority = 1;
	return sched_setscheduler(0, SCHED_FIFO, &sp) == 0;
}

/* In the child: a known terminal, locale and home, nothing that overrides
 * the pty's size, and the bench's own signal handlers gone. */
static void
child_setup(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };
	struct sched_param sp;
	char path[300];
	size_t i;

	/* The children run as players' programs do, whatever the reader:
	 * normal policy, and the usual timer slack (a real-time parent has
	 * none, and a child inherits that, which would make poll() exact). */
	memset(&sp, 0, sizeof sp);
	sched_setscheduler(0, SCHED_OTHER, &sp);
	if (normal_slack_ns > 0)
		prctl(PR_SET_TIMERSLACK, (unsigned long)normal_slack_ns, 0UL,
		    0UL, 0UL);
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		signal(sigs[i], SIG_DFL);
	setenv("TERM", "xterm-256color", 1);
	setenv("LANG", "C.UTF-8", 1);
	unsetenv("LC_ALL");
	unsetenv("LC_CTYPE");
	unsetenv("LINES");
	unsetenv("COLUMNS");
	unsetenv("NO_COLOR");
	unsetenv("ESCDELAY");
	setenv("HOME", benv.dir, 1);
	snprintf(path, sizeof path, "%s/config", benv.dir);
	setenv("XDG_CONFIG_HOME", path, 1);
	snprintf(path, sizeof path, "%s/data", benv.dir);
	setenv("XDG_DATA_HOME", path, 1);
}

static int
spawn(struct term *t, int rows, int cols, const char *const *argv,
    void (*fn)(const void *), const void *arg)
{
	struct winsize ws;

	memset(t, 0, sizeof *t);
	t->fd = -1;
	if (got_signal)
		return -1;
	memset(&ws, 0, sizeof ws);
	ws.ws_row = (unsigned short)rows;
	ws.ws_col = (unsigned short)cols;
	t->win_from = t->win_to = -1;
	t->pid = forkpty(&t->fd, NULL, NULL, &ws);
	if (t->pid < 0)
		return -1;
	if (t->pid == 0) {
		child_setup();
		if (fn != NULL) {
			fn(arg);
			_exit(0);
		}
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	live_add(t->pid);
	fcntl(t->fd, F_SETFD, FD_CLOEXEC);
	return 0;
}

int
term_exec(struct term *t, int rows, int cols, const char *const *argv)
{
	return spawn(t, rows, cols, argv, NULL, NULL);
}

int
term_fork(struct term *t, int rows, int cols, void (*fn)(const void *),
    const void *arg)
{
	return spawn(t, rows, cols, NULL, fn, arg);
}

static void *
grow(void *p, size_t *cap, size_t need, size_t elem)
{
	size_t c = *cap ? *cap : 256;

	while (c < need)
		c *= 2;
	if (c == *cap)
		return p;
	p = realloc(p, c * elem);
	if (p == NULL) {
		children_kill();
		fputs("bench: out of memory\n", stderr);
		exit(1);
	}
	*cap = c;
	return p;
}

/* Keep the printable text: drop escape sequences (CSI, OSC, charset
 * designations, two-byte ESC codes) and control characters. */
enum { S_TEXT, S_ESC, S_ESCI, S_CSI, S_OSC };

static void
strip_byte(struct term *t, unsigned char c)
{
	switch (t->esc) {
	case S_TEXT:
		if (c == 0x1b)
			t->esc = S_ESC;
		else if (c >= 0x20 && c != 0x7f)
			t->text[t->len++] = (char)c;
		break;
	case S_ESC:
		t->esc = c == '[' ? S_CSI : c == ']' ? S_OSC :
		    c >= 0x20 && c <= 0x2f ? S_ESCI : S_TEXT;
		break;
	case S_ESCI:
		if (c < 0x20 || c > 0x2f)
			t->esc = S_TEXT;
		break;
	case S_CSI:
		if (c >= 0x40 && c <= 0x7e)
			t->esc = S_TEXT;
		break;
	default:
		if (c == 0x07)
			t->esc = S_TEXT;
		else if (c == 0x1b)
			t->esc = S_ESC;
		break;
	}
}

static void
take_chunk(struct term *t, const unsigned char *buf, size_t n, int64_t at)
{
	size_t i;

	t->bytes += (long long)n;
	if (at >= t->win_from && at < t->win_to)
		t->win_bytes += (long long)n;
	t->text = grow(t->text, &t->cap, t->len + n + 1, 1);
	for (i = 0; i < n; i++)
		strip_byte(t, buf[i]);
	t->text[t->len] = '\0';
	t->chunks = grow(t->chunks, &t->chunk_cap, t->nchunks + 1,
	    sizeof *t->chunks);
	t->chunks[t->nchunks].end = t->len;
	t->chunks[t->nchunks++].at = at;
}

int
term_read(struct term *t, int timeout_ms)
{
	unsigned char buf[65536];
	struct pollfd p = { .fd = t->fd, .events = POLLIN };
	ssize_t n;
	int r;

	if (t->eof || got_signal)
		return -1;
	r = poll(&p, 1, timeout_ms);
	if (r <= 0)
		return 0;   /* timeout, or a signal: the caller re-reads the clock */
	n = read(t->fd, buf, sizeof buf);
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return 0;
	if (n <= 0) {
		/* EIO: the child closed its side of the pty. */
		t->eof = true;
		return -1;
	}
	take_chunk(t, buf, (size_t)n, now_us());
	return (int)n;
}

void
term_mark(struct term *t)
{
	t->len = 0;
	t->nchunks = 0;
	if (t->text != NULL)
		t->text[0] = '\0';
}

bool
term_find(const struct term *t, const char *needle, int64_t *when)
{
	size_t n = strlen(needle), i, end, k;

	for (i = 0; n > 0 && i + n <= t->len; i++) {
		if (memcmp(t->text + i, needle, n) != 0)
			continue;
		end = i + n;
		for (k = 0; k < t->nchunks && t->chunks[k].end < end; k++)
			;
		*when = t->chunks[k < t->nchunks ? k : t->nchunks - 1].at;
		return true;
	}
	return false;
}

int
term_wait(struct term *t, const char *needle, int64_t give_up,
    int64_t *when)
{
	while (!term_find(t, needle, when)) {
		if (now_us() >= give_up)
			return -1;
		if (term_read(t, ms_until(give_up)) < 0)
			return -1;
	}
	return 0;
}

int
term_drain_until(struct term *t, int64_t t_end)
{
	while (now_us() < t_end)
		if (term_read(t, ms_until(t_end)) < 0)
			return -1;
	return 0;
}

void
term_send(struct term *t, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(t->fd, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;   /* the child is gone; the reads will say so */
		s += w;
		n -= (size_t)w;
	}
}

/* Wait up to ms for pid to end, reading the pty meanwhile so that a child
 * writing its last screen never blocks on a full pty. */
static bool
reap_within(struct term *t, int ms)
{
	int64_t give_up = now_us() + (int64_t)ms * US_PER_MS;

	do {
		pid_t r = waitpid(t->pid, NULL, WNOHANG);

		/* ECHILD: the signal handler reaped it already. */
		if (r == t->pid || (r < 0 && errno == ECHILD))
			return true;
		if (term_read(t, 10) < 0)
			usleep(10000);
	} while (now_us() < give_up);
	return false;
}

void
term_close(struct term *t)
{
	if (t->pid > 0) {
		kill(t->pid, SIGTERM);
		if (!reap_within(t, 2000)) {
			kill(t->pid, SIGKILL);
			waitpid(t->pid, NULL, 0);
		}
		live_remove(t->pid);
		t->pid = 0;
	}
	if (t->fd >= 0)
		close(t->fd);
	t->fd = -1;
	free(t->text);
	free(t->chunks);
	t->text = NULL;
	t->chunks = NULL;
}

static void
child_exec(const char *const *argv, const char *out)
{
	int null = open("/dev/null", O_RDWR);
	int fd = out ? open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644) : null;

	if (null >= 0 && fd >= 0) {
		dup2(null, STDIN_FILENO);
		dup2(fd, STDOUT_FILENO);
		dup2(fd, STDERR_FILENO);
	}
	child_setup();
	execvp(argv[0], (char *const *)argv);
	_exit(127);
}

int
run_timed(const char *const *argv, const char *out, double *sec,
    long *maxrss_kb)
{
	struct rusage ru;
	int64_t t0 = now_us();
	pid_t pid = got_signal ? -1 : fork();
	int status;

	if (pid < 0)
		return -1;
	if (pid == 0)
		child_exec(argv, out);
	live_add(pid);
	while (wait4(pid, &status, 0, &ru) < 0)
		if (errno != EINTR)
			return -1;
	*sec = (double)(now_us() - t0) / US_PER_S;
	live_remove(pid);
	*maxrss_kb = ru.ru_maxrss;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}
