/* termquiz: options, loading, exit codes; the only place that calls exit(). */

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cJSON.h>

#include "core/util.h"
#include "plain.h"
#include "session.h"
#include "ui/ui.h"

enum { EXIT_USAGE = 2 };

enum opt_id {
	OPT_CONFIG = 256, OPT_TIME, OPT_COUNT, OPT_SEED, OPT_RESULTS,
	OPT_CHECK, OPT_PLAIN, OPT_TIME_SCALE, OPT_UNTIMED, OPT_STATS,
	OPT_REVIEW, OPT_NO_COLOR, OPT_JSON, OPT_VERSION, OPT_HELP
};

static const struct option long_opts[] = {
	{ "config", required_argument, NULL, OPT_CONFIG },
	{ "time", required_argument, NULL, OPT_TIME },
	{ "count", required_argument, NULL, OPT_COUNT },
	{ "seed", required_argument, NULL, OPT_SEED },
	{ "results", required_argument, NULL, OPT_RESULTS },
	{ "check", no_argument, NULL, OPT_CHECK },
	{ "plain", no_argument, NULL, OPT_PLAIN },
	{ "time-scale", required_argument, NULL, OPT_TIME_SCALE },
	{ "untimed", no_argument, NULL, OPT_UNTIMED },
	{ "stats", no_argument, NULL, OPT_STATS },
	{ "review", no_argument, NULL, OPT_REVIEW },
	{ "no-color", no_argument, NULL, OPT_NO_COLOR },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ "help", no_argument, NULL, OPT_HELP },
	{ NULL, 0, NULL, 0 }
};

struct options {
	const char *config;
	double time;
	double time_scale;
	long count;
	bool seed_given;
	unsigned long long seed;
	const char *results;
	bool check, plain, untimed, stats, review, no_color, json;
};

static void
usage(FILE *fp)
{
	fputs(
"usage: termquiz [OPTION]... [PACK.json]...\n"
"A timed quiz in the terminal. With no PACK, choose from a menu of packs.\n"
"\n"
"  --config FILE       use this config instead of the default lookup\n"
"  --time SECONDS      one time limit for every question\n"
"  --count N           questions per game\n"
"  --seed N            fixed seed for every shuffle (replay a game exactly)\n"
"  --results FILE      write the game's results as JSON at the end\n"
"  --check PACK...     validate packs without playing; exit 0 if all valid\n"
"  --plain             line mode without curses (automatic when stdin or\n"
"                      stdout is not a terminal)\n"
"  --time-scale X      multiply every time limit by X\n"
"  --untimed           no time limits at all (and no speed bonus)\n"
"  --no-color          no colour (as does NO_COLOR in the environment)\n"
"  --stats [PACK...]   history per pack on stdout (--json for scripts)\n"
"  --review [PACK...]  a game of the questions you miss most, recent\n"
"                      misses first\n"
"  --version           print the version and exit\n"
"  --help              print this help and exit\n"
"\n"
"Exit status: 0 normal end (also after quitting), 1 invalid pack or config\n"
"or a runtime failure, 2 bad command line.\n", fp);
}

static int bad_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int
bad_usage(const char *fmt, ...)
{
	va_list ap;

	fputs("termquiz: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'termquiz --help'.\n", stderr);
	return EXIT_USAGE;
}

static bool
parse_double(const char *s, double min, double max, double *out)
{
	char *end;
	double x;

	errno = 0;
	x = strtod(s, &end);
	if (errno || end == s || *end != '\0' || !isfinite(x) || x < min ||
	    x > max)
		return false;
	*out = x;
	return true;
}

static bool
parse_ull(const char *s, unsigned long long *out)
{
	char *end;

	if (*s == '-' || *s == '\0')
		return false;
	errno = 0;
	*out = strtoull(s, &end, 10);
	return errno == 0 && *end == '\0';
}

/* Returns -1 to go on, or an exit status. */
static int
parse_args(int argc, char **argv, struct options *o)
{
	unsigned long long n;
	int c;

	while ((c = getopt_long(argc, argv, "", long_opts, NULL)) != -1) {
		switch (c) {
		case OPT_CONFIG: o->config = optarg; break;
		case OPT_TIME:
			if (!parse_double(optarg, 0.1, 86400, &o->time))
				return bad_usage("--time wants seconds from 0.1 "
				    "to 86400, not '%s'", optarg);
			break;
		case OPT_TIME_SCALE:
			if (!parse_double(optarg, 0.1, 100, &o->time_scale))
				return bad_usage("--time-scale wants a factor "
				    "from 0.1 to 100, not '%s'", optarg);
			break;
		case OPT_COUNT:
			if (!parse_ull(optarg, &n) || n < 1 || n > 1000000)
				return bad_usage("--count wants a whole number "
				    "from 1, not '%s'", optarg);
			o->count = (long)n;
			break;
		case OPT_SEED:
			if (!parse_ull(optarg, &o->seed))
				return bad_usage("--seed wants a whole number "
				    "from 0, not '%s'", optarg);
			o->seed_given = true;
			break;
		case OPT_RESULTS: o->results = optarg; break;
		case OPT_CHECK: o->check = true; break;
		case OPT_PLAIN: o->plain = true; break;
		case OPT_UNTIMED: o->untimed = true; break;
		case OPT_STATS: o->stats = true; break;
		case OPT_REVIEW: o->review = true; break;
		case OPT_NO_COLOR: o->no_color = true; break;
		case OPT_JSON: o->json = true; break;
		case OPT_VERSION:
			printf("termquiz %s\n", TERMQUIZ_VERSION);
			return 0;
		case OPT_HELP:
			usage(stdout);
			return 0;
		default:
			fputs("Try 'termquiz --help'.\n", stderr);
			return EXIT_USAGE;
		}
	}
	return -1;
}

static bool
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool
is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Where the shipped files are: the build tree when run from it (its
 * assets/ beside the binary), else the installed share folder. Caller frees. */
static char *
share_dir(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash, *probe;

	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash != NULL) {
			*slash = '\0';
			probe = xasprintf("%s/assets/packs", exe);
			if (is_dir(probe)) {
				free(probe);
				return xstrdup(exe);
			}
			free(probe);
		}
	}
	return xstrdup(TERMQUIZ_DATADIR);
}

/* $XDG_<kind>_HOME/termquiz/<leaf>, or ~/<fallback>/termquiz/<leaf>. */
static char *
xdg_path(const char *var, const char *fallback, const char *leaf)
{
	const char *base = getenv(var), *home = getenv("HOME");

	if (base != NULL && base[0] == '/')
		return xasprintf("%s/termquiz/%s", base, leaf);
	return xasprintf("%s/%s/termquiz/%s", home ? home : ".", fallback,
	    leaf);
}

struct paths {
	char *share;
	char *share_packs;
	char *user_packs;
	char *user_config;
	char *shipped_config;
	char *history;
};

static void
paths_init(struct paths *p)
{
	bool tree;

	p->share = share_dir();
	tree = strcmp(p->share, TERMQUIZ_DATADIR) != 0;
	p->share_packs = xasprintf("%s/%s", p->share, tree ? "assets/packs" :
	    "packs");
	p->user_packs = xdg_path("XDG_DATA_HOME", ".local/share", "packs");
	p->user_config = xdg_path("XDG_CONFIG_HOME", ".config", "config.json");
	p->shipped_config = xasprintf("%s/config.json", p->share);
	p->history = xdg_path("XDG_DATA_HOME", ".local/share", "history.db");
}

static void
paths_fini(struct paths *p)
{
	free(p->share);
	free(p->share_packs);
	free(p->user_packs);
	free(p->user_config);
	free(p->shipped_config);
	free(p->history);
}

/* The config: --config, else the user's, else the shipped one, else the
 * built-in defaults. Returns -1 when the chosen file has errors. */
static int
load_config(struct session *s, const struct options *o,
    const struct paths *p, struct diags *d)
{
	const char *path = o->config;

	config_defaults(&s->cfg);
	if (path == NULL && is_file(p->user_config))
		path = p->user_config;
	if (path == NULL && is_file(p->shipped_config))
		path = p->shipped_config;
	if (path != NULL && config_load(&s->cfg, path, d) < 0)
		return -1;
	if (o->time_scale > 0)
		s->cfg.time_scale = o->time_scale;
	if (o->untimed)
		s->cfg.untimed = true;
	return 0;
}

static int
load_packs(struct session *s, char **files, int n, struct diags *d)
{
	int i, bad = 0;

	s->packs = xcalloc((size_t)n, sizeof *s->packs);
	for (i = 0; i < n; i++) {
		struct pack *pk = pack_load(files[i], d);

		if (pk == NULL)
			bad = 1;
		else
			s->packs[s->npacks++] = pk;
	}
	return bad ? -1 : 0;
}

static int
run_check(struct session *s, char **files, int n, struct diags *d)
{
	int r = load_packs(s, files, n, d);

	diags_sort(d);
	diags_print(d, stdout);
	if (r == 0 && d->errors == 0)
		fprintf(stderr, "termquiz: %d pack%s valid (%d warning%s)\n", n,
		    n == 1 ? "" : "s", d->warnings, d->warnings == 1 ? "" : "s");
	return d->errors ? 1 : 0;
}

static uint64_t
fresh_seed(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return ((uint64_t)ts.tv_sec * 1000003u) ^ (uint64_t)ts.tv_nsec ^
	    ((uint64_t)getpid() << 32);
}

/* After the screen is given back: save what was played, then leave the way
 * the signal asked (so a parent sees SIGTERM as SIGTERM). */
static int
finish(struct session *s, enum ui_end end, int signo)
{
	bool over = s->z != NULL && quiz_over(s->z);
	int r = session_save(s, over);

	if (s->history_note != NULL)
		fprintf(stderr, "termquiz: %s\n", s->history_note);
	if (r < 0)
		fprintf(stderr, "termquiz: %s\n", s->save_error);
	else if (s->saved && !over)
		fprintf(stderr, "termquiz: unfinished game saved to %s\n",
		    s->results_path);
	if (end == UI_DONE || signo == SIGINT)
		return s->save_error ? 1 : 0;
	session_fini(s);
	signal(signo, SIG_DFL);
	raise(signo);
	return 1;
}

/* The player's name: config, else $USER, else "player". */
static const char *
player_name(const struct config *c)
{
	const char *u = getenv("USER");

	if (c->player != NULL)
		return c->player;
	return u != NULL && u[0] != '\0' ? u : "player";
}

/* Play the game already set up in the session, or the menu when none. */
static int
play(struct session *s, const struct options *o)
{
	enum ui_end end;
	int signo = 0;

	if (o->plain || !isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		if (s->z == NULL) {
			fputs("termquiz: plain mode needs packs on the command "
			    "line (no menu without a terminal)\n", stderr);
			return 1;
		}
		s->plain_note = !o->plain;
		end = plain_run(s, &signo);
	} else {
		end = ui_run(s, &signo);
	}
	return finish(s, end, signo);
}

/* The packs --stats and --review work on: those named, else every pack
 * the menu would list. */
static int
chosen_packs(struct session *s, struct pack ***packs)
{
	int i, n = 0;

	if (s->npacks > 0) {
		*packs = s->packs;
		return s->npacks;
	}
	session_load_catalog(s);
	*packs = xcalloc((size_t)s->catalog.n + 1, sizeof **packs);
	for (i = 0; i < s->catalog.n; i++)
		if (s->catalog.v[i].pack != NULL)
			(*packs)[n++] = s->catalog.v[i].pack;
	return n;
}

static void
print_stats_json(const struct history_stats *v, int n)
{
	cJSON *arr = cJSON_CreateArray();
	char *text;
	int i;

	for (i = 0; i < n; i++) {
		cJSON *o = cJSON_CreateObject();

		cJSON_AddStringToObject(o, "pack", v[i].title);
		cJSON_AddStringToObject(o, "hash", v[i].key);
		cJSON_AddNumberToObject(o, "games", v[i].games);
		cJSON_AddNumberToObject(o, "best", v[i].best);
		cJSON_AddNumberToObject(o, "mean_score",
		    round(v[i].mean_score * 10) / 10);
		cJSON_AddNumberToObject(o, "accuracy",
		    round(v[i].accuracy * 1000) / 1000);
		cJSON_AddNumberToObject(o, "mean_seconds",
		    round(v[i].mean_seconds * 100) / 100);
		cJSON_AddNumberToObject(o, "timed_out_share",
		    round(v[i].timed_out * 1000) / 1000);
		cJSON_AddItemToArray(arr, o);
	}
	text = cJSON_Print(arr);
	if (text != NULL)
		printf("%s\n", text);
	cJSON_free(text);
	cJSON_Delete(arr);
}

static void
print_stats_table(const struct history_stats *v, int n)
{
	int i;

	if (n == 0) {
		puts("No finished games recorded yet.");
		return;
	}
	printf("%-32s %6s %7s %8s %9s %9s %10s\n", "pack", "games", "best",
	    "average", "accuracy", "avg time", "timed out");
	for (i = 0; i < n; i++)
		printf("%-32.32s %6d %7d %8.0f %8.0f%% %7.1f s %9.0f%%\n",
		    v[i].title[0] ? v[i].title : v[i].key, v[i].games,
		    v[i].best, v[i].mean_score, v[i].accuracy * 100,
		    v[i].mean_seconds, v[i].timed_out * 100);
}

static int
run_stats(struct session *s, const struct options *o)
{
	struct history *h = session_history(s);
	struct history_stats v[256];
	char keys[256][HASH_HEX];
	const char *kp[256];
	int i, n;

	if (h == NULL) {
		fprintf(stderr, "termquiz: %s\n", s->history_note);
		return 1;
	}
	for (i = 0; i < s->npacks && i < 256; i++) {
		pack_hash(s->packs[i], keys[i]);
		kp[i] = keys[i];
	}
	n = history_stats(h, kp, i, v, 256);
	if (n < 0) {
		fputs("termquiz: cannot read the history\n", stderr);
		return 1;
	}
	if (o->json)
		print_stats_json(v, n);
	else
		print_stats_table(v, n);
	return 0;
}

static int
run_review(struct session *s, const struct options *o)
{
	struct history *h = session_history(s);
	struct pack **packs;
	struct quiz *z;
	double *w;
	int n = chosen_packs(s, &packs), i, j, k = 0, total = 0;
	int64_t now = (int64_t)time(NULL);

	if (h == NULL) {
		fprintf(stderr, "termquiz: %s\n", s->history_note);
		return 1;
	}
	for (i = 0; i < n; i++)
		total += packs[i]->nq;
	w = xcalloc((size_t)total + 1, sizeof *w);
	for (i = 0; i < n; i++)
		for (j = 0; j < packs[i]->nq; j++) {
			char hash[HASH_HEX];

			question_hash(&packs[i]->q[j], hash);
			w[k++] = history_miss_weight(h, s->player, hash, now);
		}
	z = quiz_review(packs, n, w, &s->cfg, &s->opts, &s->rng);
	free(w);
	if (z == NULL) {
		puts("Nothing to review: no missed questions in your history "
		    "for these packs.");
		if (packs != s->packs)
			free(packs);
		return 0;
	}
	session_new_game(s, packs, n);   /* "play again" plays these packs */
	session_set_game(s, z);
	if (packs != s->packs)
		free(packs);
	return play(s, o);
}

/* What the command line asked for, once everything has loaded. */
static int
run(struct session *s, const struct options *o, int npacks)
{
	if (o->stats)
		return run_stats(s, o);
	if (o->review)
		return run_review(s, o);
	if (npacks > 0)
		session_new_game(s, s->packs, s->npacks);
	return play(s, o);
}

int
main(int argc, char **argv)
{
	struct options o = { 0 };
	struct session s;
	struct paths p;
	struct diags d = { 0 };
	int r = parse_args(argc, argv, &o), npacks;

	if (r >= 0)
		return r;
	setlocale(LC_ALL, "");
	npacks = argc - optind;
	if (o.check && npacks == 0)
		return bad_usage("--check needs at least one PACK");
	memset(&s, 0, sizeof s);
	paths_init(&p);
	s.results_path = o.results;
	s.no_color = o.no_color;
	s.opts.time = o.time;
	s.opts.count = (int)o.count;
	s.seed = o.seed_given ? o.seed : fresh_seed();
	rng_seed(&s.rng, s.seed);
	s.history_path = p.history;
	s.dirs[s.ndirs++] = p.share_packs;
	s.dirs[s.ndirs++] = p.user_packs;
	r = load_config(&s, &o, &p, &d);
	s.player = player_name(&s.cfg);
	if (r == 0 && o.check)
		r = run_check(&s, argv + optind, npacks, &d);
	else if (r == 0)
		r = load_packs(&s, argv + optind, npacks, &d);
	else
		diags_sort(&d);
	if (o.check) {
		/* run_check printed everything; a bad config prints here. */
		if (r < 0)
			diags_print(&d, stdout);
		r = r != 0;
	} else if (r < 0) {
		diags_sort(&d);
		diags_print(&d, stderr);
		r = 1;
	} else {
		diags_print(&d, stderr);   /* warnings only, before the screen */
		r = run(&s, &o, npacks);
	}
	diags_fini(&d);
	session_fini(&s);
	paths_fini(&p);
	return r;
}
