#ifndef TERMQUIZ_BENCH_H
#define TERMQUIZ_BENCH_H

/*
 * The benchmark of issue #4: the real ./termquiz in a pseudo-terminal,
 * timed from outside. term.c runs a child in a pty and reads what it draws,
 * refchild.c is the bare poll() reference, gen.c writes the packs,
 * measure.c and bigpack.c take the figures, bench.c prints the table.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define US_PER_MS 1000
#define US_PER_S 1000000

/* --- util.c --- */

/* Microseconds on CLOCK_MONOTONIC. */
int64_t now_us(void);
/* Milliseconds from now until t, rounded up, at least 0. */
int ms_until(int64_t t);
/* Median of v[0..n) (v is sorted in place). 0 when n is 0. */
double median(double *v, int n);
/* The element of v[0..n) farthest from zero. */
double worst(const double *v, int n);
/* CPU time (user + system) of pid in clock ticks, or -1. */
long long proc_ticks(pid_t pid);
/* CPU time of pid in nanoseconds from /proc/PID/schedstat, or -1. */
long long proc_sched_ns(pid_t pid);
/* Voluntary context switches (wake-ups after sleeping) of pid, or -1. */
long long proc_wakeups(pid_t pid);
/* Print a progress line on stderr. */
void note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* --- term.c --- */

/* Where the children find their home, config and the termquiz binary. */
struct bench_env {
	const char *exe;      /* the termquiz binary */
	char dir[256];        /* temp dir; HOME and XDG_* point inside */
	char config[300];     /* the generated config.json */
};

extern struct bench_env benv;

/* A child on the far side of a pty, and what it drew since the last mark. */
struct term {
	pid_t pid;
	int fd;
	bool eof;
	int esc;                /* state of the escape-sequence stripper */
	long long bytes;        /* bytes read in all */
	char *text;             /* printable text since the mark */
	size_t len, cap;
	struct chunk {
		size_t end;     /* text offset where the chunk ends */
		int64_t at;     /* when it arrived */
	} *chunks;              /* the chunks since the mark */
	size_t nchunks, chunk_cap;
	int64_t win_from, win_to;   /* chunks arriving in [from, to) ... */
	long long win_bytes;        /* ... add their bytes here */
};

/* Start argv (NULL-terminated; argv[0] a path) in a rows x cols pty with the
 * benchmark's environment. Returns 0, or -1 when forkpty fails. */
int term_exec(struct term *t, int rows, int cols, const char *const *argv);
/* The same, running fn(arg) in the child instead of a program. */
int term_fork(struct term *t, int rows, int cols, void (*fn)(const void *),
    const void *arg);
/* Wait up to timeout_ms for output and read one chunk. Returns bytes read,
 * 0 on timeout, -1 at the end of output. */
int term_read(struct term *t, int timeout_ms);
/* Forget the text read so far: searches start from here. */
void term_mark(struct term *t);
/* Whether needle appears in the text since the mark; *when is the arrival
 * time of the chunk that completed it. */
bool term_find(const struct term *t, const char *needle, int64_t *when);
/* Read until needle appears or until the clock passes give_up.
 * Returns 0 with *when set, or -1. */
int term_wait(struct term *t, const char *needle, int64_t give_up,
    int64_t *when);
/* Read (and count) everything that arrives until the clock passes t_end.
 * Returns -1 if the output ended. */
int term_drain_until(struct term *t, int64_t t_end);
/* Send bytes to the child as typed keys. */
void term_send(struct term *t, const char *s, size_t n);
/* End the child (SIGTERM, then SIGKILL), reap it, close the pty. */
void term_close(struct term *t);

/* Run argv (argv[0] looked up in PATH) with its output to the file out
 * (NULL: /dev/null); wall time in *sec, peak RSS in *maxrss_kb. Returns its
 * exit status, or -1. */
int run_timed(const char *const *argv, const char *out, double *sec,
    long *maxrss_kb);
/* Kill every child still running; for exit paths. */
void children_kill(void);
/* On SIGINT, SIGTERM or SIGHUP: kill the children and make every read and
 * spawn fail from then on, so that main can clean up and leave. */
void interrupt_init(void);
bool interrupted(void);
/* Run the reading process at real-time priority (SCHED_FIFO 1), so that its
 * timestamps do not wait for other work on the machine; children go back
 * to normal. Returns whether it could (root or CAP_SYS_NICE). */
bool reader_realtime(void);

/* --- refchild.c --- */

/* What the reference child does: n screens of a countdown of limit_ms. */
struct ref_plan {
	int n;
	int limit_ms;
};

/* The reference: draws "Question k/n" with the token Qkkxk, waits on
 * poll() for the limit (echoing typed letters), writes "Time's up", waits
 * for Enter or Space. Runs in the forked child; never returns. */
void ref_child(const void *plan);

/* --- gen.c --- */

/* The token that marks question k on screen (k from 1). */
void question_token(char *buf, size_t size, int k);
/* Write config.json and the small packs into dir. Returns 0 or -1. */
int gen_small(const char *dir);
/* What a generated pack holds, counted as it is written. */
struct pack_shape {
	int choice, truefalse, text;
	int explained;      /* questions with an explanation */
	int alternatives;   /* text questions accepting more than one answer */
};
/* Write a pack of n questions to path (half choice, a fifth true/false, the
 * rest text; 3 in 10 explained); *bytes is its size, *sh (zeroed by the
 * caller) its shape. 0 or -1. */
int gen_big(const char *path, int n, long long *bytes, struct pack_shape *sh);
/* The same in the mixed shape of issue #16: every choice question
 * explained, true/false, every text question with 2 or 3 accepted
 * answers. 0 or -1. */
int gen_mixed(const char *path, int n, long long *bytes,
    struct pack_shape *sh);

/* Write a pack of n copies of one question (n - 1 duplicate warnings) to
 * path. 0 or -1. */
int gen_duplicates(const char *path, int n, long long *bytes);

/* --- measure.c --- */

struct deadline_result {
	int n;
	double err_ms[32];   /* per question: shown - appeared - limit */
	double cpu_pct;           /* CPU of the child over the run, from ticks */
	double cpu_pct_precise;   /* the same from schedstat */
	bool cpu_ok;
};

/* Play n text questions of limit seconds, idle or typing a key every 50 ms,
 * and time each "Time's up". Returns 0 or -1. */
int measure_deadlines(struct term *t, int n, double limit, bool typing,
    struct deadline_result *r);

struct countdown_result {
	double cpu_pct;           /* from /proc/PID/stat ticks */
	double cpu_pct_precise;   /* from schedstat, -1 if not available */
	double bytes_per_s;
	double wakeups_per_s;     /* -1 if not available */
};

/* Watch question k (limit seconds, idle) from 0.5 s after it appears to
 * 0.5 s before its deadline, then dismiss its feedback. 0 or -1. */
int measure_countdown(struct term *t, int k, double limit,
    struct countdown_result *r);

/* Type nkeys letters into a text question, timing each until it is drawn.
 * lat_ms gets the latencies. 0 or -1. */
int measure_keys(struct term *t, int nkeys, double *lat_ms);
/* Paste bytes letters into question 1's text field, then Enter: the time
 * in *ms from the first byte sent to the feedback on screen. 0 or -1. */
int measure_paste(struct term *t, size_t bytes, double *ms);

/* --- bigpack.c --- */

struct big_result {
	const char *name;         /* "100k pack", "100k mixed pack" */
	struct pack_shape shape;
	long long bytes;
	double check_s;           /* termquiz --check wall time */
	long check_rss_kb;
	int check_status;
	double py_s, py_pass_s;   /* python json.load; python -c pass */
	long py_rss_kb;
	bool py_ok;
	double first_q_s;         /* spawn to "Question 1/" */
	bool first_ok;
};

/* The Python that json.load runs on: the interpreter python3 on PATH
 * resolves to (sys.executable, so a version manager's shim and its start-up
 * are not timed), else /usr/bin/python3; its version in version. Returns
 * 0, or -1 when there is none. */
int python_find(char *path, size_t size, char *version, size_t vsize);

/* Generate a 100,000-question pack in dir (mixed: the mixed shape) and take
 * its figures with the interpreter python; the first question is timed on
 * the first kind only. */
int measure_big(const char *dir, bool mixed, const char *python,
    struct big_result *r);

/* --- learn.c --- */

struct learn_result {
	double fsrs, miss;       /* mean share answered right on the last day */
	int fsrs_wins;           /* learners for whom FSRS did better */
	int learners, days, questions, per_day;
};

/* The spaced-review simulation over a pack of nq questions (at most 200):
 * FSRS against the old miss-weighting. */
void learn_simulate(int nq, struct learn_result *r);
/* --- imports.c --- */

#define IMPORT_ANKI_CARDS 50000
#define IMPORT_GIFT_QUESTIONS 100000

struct import_result {
	long long bytes;
	double check_s;           /* termquiz --check of the file */
	long check_rss_kb;
	double py_s, py_pass_s;   /* json.load of its --convert; -c pass */
	bool ok;
};

/* Generate the Anki export and the GIFT file in dir and take their
 * figures. 0, or -1 when any could not be measured. */
int measure_imports(const char *dir, struct import_result *anki,
    struct import_result *gift);

/* --check of a pack of n duplicate questions: median wall time of 5 runs
 * in *sec, lines printed in *lines. 0, or -1 when it could not run. */
int measure_warnings(const char *dir, int n, double *sec, int *lines);

#endif
