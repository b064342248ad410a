#include <string.h>
#include <unistd.h>

#include "bench.h"

/* Letters to type: no 'q' (quit) and no 's' (the bar's "2.0 s"), so a
 * letter on screen is the echo of the key and nothing else. */
static const char letters[] = "abcdefghijklmnoprtuvwxyz";
#define NLETTERS ((int)sizeof letters - 1)
#define KEY_EVERY_US (50 * US_PER_MS)

/* Read until "Time's up"; when typing, send a letter every 50 ms from
 * t_q on. Returns 0 with *t_up set, or -1. */
static int
await_timeout(struct term *t, int64_t t_q, double limit, bool typing,
    int64_t *t_up)
{
	int64_t give_up = t_q + (int64_t)((limit + 5) * US_PER_S);
	int64_t next_key = t_q + KEY_EVERY_US;
	int i = 0;

	while (!term_find(t, "Time's up", t_up)) {
		int64_t now = now_us();

		if (now >= give_up)
			return -1;
		if (typing && now >= next_key) {
			term_send(t, &letters[i++ % NLETTERS], 1);
			next_key += KEY_EVERY_US;
			continue;
		}
		if (term_read(t, ms_until(typing ? next_key : give_up)) < 0)
			return -1;
	}
	return 0;
}

/* CPU % of a core between two readings of the clock and the child's time. */
static double
cpu_pct(long long ticks, long long ns, int64_t span_us, bool precise)
{
	double used = precise ? (double)ns / 1e9 :
	    (double)ticks / (double)sysconf(_SC_CLK_TCK);

	return span_us > 0 ? 100 * used / ((double)span_us / US_PER_S) : 0;
}

static void
deadline_cpu(const struct term *t, long long ticks0, long long ns0,
    int64_t span_us, struct deadline_result *r)
{
	long long ns1 = proc_sched_ns(t->pid), ticks1 = proc_ticks(t->pid);

	r->cpu_ok = ticks0 >= 0 && ticks1 >= 0;
	r->cpu_pct = cpu_pct(ticks1 - ticks0, 0, span_us, false);
	r->cpu_pct_precise = ns0 >= 0 && ns1 >= 0 ?
	    cpu_pct(0, ns1 - ns0, span_us, true) : -1;
}

int
measure_deadlines(struct term *t, int n, double limit, bool typing,
    struct deadline_result *r)
{
	int64_t t_q, t_up = 0, first = 0;
	long long ns0 = 0, ticks0 = 0;
	char tok[16];
	int k;

	memset(r, 0, sizeof *r);
	for (k = 1; k <= n && k <= (int)(sizeof r->err_ms /
	    sizeof r->err_ms[0]); k++) {
		question_token(tok, sizeof tok, k);
		if (term_wait(t, tok, now_us() + 5 * US_PER_S, &t_q) < 0)
			return -1;
		if (k == 1) {
			first = t_q;
			ns0 = proc_sched_ns(t->pid);
			ticks0 = proc_ticks(t->pid);
		}
		if (await_timeout(t, t_q, limit, typing, &t_up) < 0)
			return -1;
		r->err_ms[r->n++] = (double)(t_up - t_q) / US_PER_MS -
		    limit * 1000;
		if (k == n)
			deadline_cpu(t, ticks0, ns0, t_up - first, r);
		/* The next question's token cannot be in what came before. */
		term_mark(t);
		term_send(t, "\r", 1);
	}
	return 0;
}

static void
countdown_figures(struct term *t, int64_t from, int64_t to,
    struct countdown_result *r)
{
	long long ticks0, ticks1, ns0, ns1, w0, w1;
	int64_t real0, real1;

	if (term_drain_until(t, from) < 0)
		return;
	ticks0 = proc_ticks(t->pid);
	ns0 = proc_sched_ns(t->pid);
	w0 = proc_wakeups(t->pid);
	real0 = now_us();
	if (term_drain_until(t, to) < 0)
		return;
	ticks1 = proc_ticks(t->pid);
	ns1 = proc_sched_ns(t->pid);
	w1 = proc_wakeups(t->pid);
	real1 = now_us();
	if (ticks0 < 0 || ticks1 < 0)
		return;
	r->cpu_pct = cpu_pct(ticks1 - ticks0, 0, real1 - real0, false);
	r->cpu_pct_precise = ns0 >= 0 && ns1 >= 0 ?
	    cpu_pct(0, ns1 - ns0, real1 - real0, true) : -1;
	r->wakeups_per_s = w0 >= 0 && w1 >= 0 ? (double)(w1 - w0) /
	    ((double)(real1 - real0) / US_PER_S) : -1;
	r->bytes_per_s = (double)t->win_bytes / ((double)(to - from) /
	    US_PER_S);
}

int
measure_countdown(struct term *t, int k, double limit,
    struct countdown_result *r)
{
	int64_t t_q, t_up;
	char tok[16];

	memset(r, 0, sizeof *r);
	r->cpu_pct = -1;
	question_token(tok, sizeof tok, k);
	if (term_wait(t, tok, now_us() + 5 * US_PER_S, &t_q) < 0)
		return -1;
	/* Leave out the first full draw and the feedback screen. */
	t->win_from = t_q + US_PER_S / 2;
	t->win_to = t_q + (int64_t)(limit * US_PER_S) - US_PER_S / 2;
	t->win_bytes = 0;
	countdown_figures(t, t->win_from, t->win_to, r);
	t->win_from = t->win_to = -1;
	if (r->cpu_pct < 0 || term_wait(t, "Time's up", t_q +
	    (int64_t)((limit + 5) * US_PER_S), &t_up) < 0)
		return -1;
	term_mark(t);
	term_send(t, "\r", 1);
	return 0;
}

int
measure_keys(struct term *t, int nkeys, double *lat_ms)
{
	int64_t t0, t1;
	char tok[16], needle[2] = { 0, 0 };
	int i;

	question_token(tok, sizeof tok, 1);
	if (term_wait(t, tok, now_us() + 5 * US_PER_S, &t0) < 0 ||
	    term_drain_until(t, now_us() + 300 * US_PER_MS) < 0)
		return -1;
	for (i = 0; i < nkeys; i++) {
		needle[0] = letters[i % NLETTERS];
		term_mark(t);
		t0 = now_us();
		term_send(t, needle, 1);
		if (term_wait(t, needle, t0 + 2 * US_PER_S, &t1) < 0)
			return -1;
		lat_ms[i] = (double)(t1 - t0) / US_PER_MS;
		/* Vary the phase of the keys against the bar's frames. */
		if (term_drain_until(t, now_us() + (10 + (i * 7) % 31) *
		    US_PER_MS) < 0)
			return -1;
	}
	return 0;
}

int
measure_paste(struct term *t, size_t bytes, double *ms)
{
	char chunk[4096], tok[16];
	int64_t t0, t1;
	size_t i, sent = 0;

	for (i = 0; i < sizeof chunk; i++)
		chunk[i] = letters[i % NLETTERS];
	question_token(tok, sizeof tok, 1);
	if (term_wait(t, tok, now_us() + 5 * US_PER_S, &t0) < 0 ||
	    term_drain_until(t, now_us() + 300 * US_PER_MS) < 0)
		return -1;
	term_mark(t);
	t0 = now_us();
	/* As a terminal delivers a paste: a pty's worth at a time. What the
	 * game draws meanwhile is read between the chunks, so that neither
	 * side waits on a full buffer. */
	while (sent < bytes) {
		size_t n = bytes - sent < sizeof chunk ? bytes - sent :
		    sizeof chunk;

		term_send(t, chunk, n);
		sent += n;
		while (term_read(t, 0) > 0)
			;
	}
	term_send(t, "\r", 1);
	if (term_wait(t, "Wrong", t0 + 60 * US_PER_S, &t1) < 0)
		return -1;
	*ms = (double)(t1 - t0) / US_PER_MS;
	return 0;
}
