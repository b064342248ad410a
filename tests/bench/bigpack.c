#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"

#define BIG_QUESTIONS 100000
#define RUNS 5

static const char py_load[] = "import json,sys; json.load(open(sys.argv[1]))";

/* Run cmd and keep the first line it prints in buf. 0 or -1. */
static int
first_line(const char *cmd, char *buf, size_t size)
{
	FILE *fp = popen(cmd, "r");
	bool ok;

	if (fp == NULL)
		return -1;
	ok = fgets(buf, (int)size, fp) != NULL;
	if (pclose(fp) != 0 || !ok)
		return -1;
	buf[strcspn(buf, "\n")] = '\0';
	return 0;
}

int
python_find(char *path, size_t size, char *version, size_t vsize)
{
	char cmd[600];

	if (first_line("python3 -c 'import sys; print(sys.executable)' "
	    "2>/dev/null", path, size) < 0 || path[0] != '/' ||
	    access(path, X_OK) != 0)
		snprintf(path, size, "/usr/bin/python3");
	if (access(path, X_OK) != 0)
		return -1;
	snprintf(cmd, sizeof cmd, "'%s' -c 'import sys; "
	    "print(sys.version.split()[0])' 2>/dev/null", path);
	if (first_line(cmd, version, vsize) < 0)
		return -1;
	return 0;
}

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

/* termquiz --check, python json.load and python -c pass in turn, RUNS
 * times, so that a busy moment of the machine hits all three alike;
 * medians. */
static void
time_parsers(const char *dir, const char *pack, const char *python,
    struct big_result *r)
{
	const char *check[] = { benv.exe, "--config", benv.config, "--check",
		pack, NULL };
	const char *load[] = { python, "-c", py_load, pack, NULL };
	const char *pass[] = { python, "-c", "pass", NULL };
	double tc[RUNS], tl[RUNS], tp[RUNS];
	char out[512];
	long kb = 0;
	int i, sc = 0, sl = 0, sp = 0;

	snprintf(out, sizeof out, "%s/check.out", dir);
	note("timing --check, json.load and %s start-up on the %s (%d runs "
	    "each)", python, r->name, RUNS);
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

	note("timing the first question of the %s", r->name);
	if (term_exec(&t, 24, 80, argv) < 0)
		return;
	if (term_wait(&t, "Question 1/", t0 + 30 * US_PER_S, &t1) == 0) {
		r->first_q_s = (double)(t1 - t0) / US_PER_S;
		r->first_ok = true;
	}
	term_close(&t);
}

int
measure_big(const char *dir, bool mixed, const char *python,
    struct big_result *r)
{
	char pack[512];
	int g;

	memset(r, 0, sizeof *r);
	r->name = mixed ? "100k mixed pack" : "100k pack";
	r->check_status = -1;
	snprintf(pack, sizeof pack, "%s/%s.json", dir, mixed ? "mixed" : "big");
	note("writing the %d-question %s", BIG_QUESTIONS, r->name);
	g = mixed ? gen_mixed(pack, BIG_QUESTIONS, &r->bytes, &r->shape) :
	    gen_big(pack, BIG_QUESTIONS, &r->bytes, &r->shape);
	if (g < 0)
		return -1;
	time_parsers(dir, pack, python, r);
	if (mixed)
		r->first_ok = true;
	else
		time_first_question(pack, r);
	remove(pack);
	return r->check_status == 0 && r->py_ok && r->first_ok ? 0 : -1;
}

/* Lines in file path, or -1. */
static int
count_lines(const char *path)
{
	FILE *fp = fopen(path, "r");
	int c, n = 0;

	if (fp == NULL)
		return -1;
	while ((c = getc(fp)) != EOF)
		n += c == '\n';
	fclose(fp);
	return n;
}

int
measure_warnings(const char *dir, int n, double *sec, int *lines)
{
	char pack[512], out[512];
	const char *check[] = { benv.exe, "--config", benv.config, "--check",
		pack, NULL };
	double t[RUNS];
	long long bytes;
	long kb = 0;
	int i;

	snprintf(pack, sizeof pack, "%s/dups.json", dir);
	snprintf(out, sizeof out, "%s/dups.out", dir);
	note("timing --check of %d duplicate questions (%d runs)", n, RUNS);
	if (gen_duplicates(pack, n, &bytes) < 0)
		return -1;
	for (i = 0; i < RUNS; i++)
		if (run_once(check, out, &t[i], &kb) != 0)
			return -1;
	*sec = median(t, RUNS);
	*lines = count_lines(out);
	remove(pack);
	return *lines < 0 ? -1 : 0;
}
