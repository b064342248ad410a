#include <stdio.h>
#include <string.h>

#include "bench.h"

#define BIG_QUESTIONS 100000
#define RUNS 5

static const char py_load[] = "import json,sys; json.load(open(sys.argv[1]))";

/* One timed run: adds its wall time to t[i] and keeps the largest RSS.
 * Returns the exit status, or -1. */
static int
run_once(const char *const *argv, const char *out, double *t, long *rss_kb)
{
	long kb = 0;
	int status = run_timed(argv, out, t, &kb);

	if (kb > *rss_kb)
		*rss_kb = kb;
	return status;
}

/* termquiz --check, python3 json.load and python3 -c pass in turn, RUNS
 * times, so that a busy moment of the machine hits all three alike;
 * medians. */
static void
time_parsers(const char *dir, const char *pack, struct big_result *r)
{
	const char *check[] = { benv.exe, "--config", benv.config, "--check",
		pack, NULL };
	const char *load[] = { "python3", "-c", py_load, pack, NULL };
	const char *pass[] = { "python3", "-c", "pass", NULL };
	double tc[RUNS], tl[RUNS], tp[RUNS];
	char out[512];
	long kb = 0;
	int i, sc = 0, sl = 0, sp = 0;

	snprintf(out, sizeof out, "%s/check.out", dir);
	note("timing --check, python3 json.load and python3 start-up on the "
	    "100k pack (%d runs each)", RUNS);
	for (i = 0; i < RUNS && sc == 0 && sl == 0 && sp == 0; i++) {
		sc = run_once(check, out, &tc[i], &r->check_rss_kb);
		sl = run_once(load, NULL, &tl[i], &r->py_rss_kb);
		sp = run_once(pass, NULL, &tp[i], &kb);
	}
	r->check_status = sc;
	r->py_ok = sl == 0 && sp == 0;
	r->check_s = median(tc, i);
	r->py_s = median(tl, i);
	r->py_pass_s = median(tp, i);
}

/* Spawn to "Question 1/" on screen, playing the whole pack. */
static void
time_first_question(const char *pack, struct big_result *r)
{
	const char *argv[] = { benv.exe, "--config", benv.config, pack, NULL };
	struct term t;
	int64_t t0 = now_us(), t1;

	note("timing the first question of the 100k pack");
	if (term_exec(&t, 24, 80, argv) < 0)
		return;
	if (term_wait(&t, "Question 1/", t0 + 30 * US_PER_S, &t1) == 0) {
		r->first_q_s = (double)(t1 - t0) / US_PER_S;
		r->first_ok = true;
	}
	term_close(&t);
}

int
measure_big(const char *dir, struct big_result *r)
{
	char pack[512];

	memset(r, 0, sizeof *r);
	r->check_status = -1;
	snprintf(pack, sizeof pack, "%s/big.json", dir);
	note("writing a %d-question pack", BIG_QUESTIONS);
	if (gen_big(pack, BIG_QUESTIONS, &r->bytes) < 0)
		return -1;
	time_parsers(dir, pack, r);
	time_first_question(pack, r);
	return r->check_status == 0 && r->py_ok && r->first_ok ? 0 : -1;
}
