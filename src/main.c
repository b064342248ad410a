/* termquiz: parse the options, set the session up, run the command asked
 * for (cmd_*.c) and turn what it returns into the exit status. Only main()
 * and die() end the process. */

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <locale.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "cmd.h"
#include "core/report.h"
#include "core/sanitize.h"

enum { EXIT_USAGE = 2 };

enum opt_id {
	OPT_CONFIG = 256, OPT_TIME, OPT_COUNT, OPT_SEED, OPT_RESULTS,
	OPT_CHECK, OPT_PLAIN, OPT_TIME_SCALE, OPT_UNTIMED, OPT_STATS,
	OPT_REVIEW, OPT_NO_COLOR, OPT_JSON, OPT_VERSION, OPT_HELP,
	OPT_HOST, OPT_JOIN, OPT_LISTEN, OPT_START_WHEN, OPT_START_AFTER,
	OPT_MAX_PLAYERS, OPT_LOCK, OPT_PIN, OPT_NAME, OPT_RESUME,
	OPT_FORMAT, OPT_CONVERT, OPT_AS_CHOICE, OPT_SEPARATORS, OPT_SWAP,
	OPT_OPENTDB, OPT_CATEGORY, OPT_DIFFICULTY, OPT_TYPE
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
	{ "opentdb", no_argument, NULL, OPT_OPENTDB },
	{ "category", required_argument, NULL, OPT_CATEGORY },
	{ "difficulty", required_argument, NULL, OPT_DIFFICULTY },
	{ "type", required_argument, NULL, OPT_TYPE },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ "help", no_argument, NULL, OPT_HELP },
	{ "host", no_argument, NULL, OPT_HOST },
	{ "join", required_argument, NULL, OPT_JOIN },
	{ "listen", required_argument, NULL, OPT_LISTEN },
	{ "start-when", required_argument, NULL, OPT_START_WHEN },
	{ "start-after", required_argument, NULL, OPT_START_AFTER },
	{ "max-players", required_argument, NULL, OPT_MAX_PLAYERS },
	{ "lock", no_argument, NULL, OPT_LOCK },
	{ "pin", required_argument, NULL, OPT_PIN },
	{ "name", required_argument, NULL, OPT_NAME },
	{ "resume", required_argument, NULL, OPT_RESUME },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "convert", no_argument, NULL, OPT_CONVERT },
	{ "output", required_argument, NULL, 'o' },
	{ "as-choice", no_argument, NULL, OPT_AS_CHOICE },
	{ "separators", required_argument, NULL, OPT_SEPARATORS },
	{ "swap", no_argument, NULL, OPT_SWAP },
	{ NULL, 0, NULL, 0 }
};

static void
usage(FILE *fp)
{
	fputs(
"usage: termquiz [OPTION]... [PACK]...\n"
"A timed quiz in the terminal. With no PACK, choose from a menu of packs.\n"
"\n"
"  --config FILE       use this config instead of the default lookup\n"
"  --time SECONDS      one time limit for every question\n"
"  --count N           questions per game (0: all)\n"
"  --seed N            fixed seed for every shuffle (replay a game exactly)\n"
"  --results FILE      write the game's results as JSON at the end\n"
"  --check PACK...     validate packs without playing; exit 0 if all valid\n"
"  --plain             line mode without curses (automatic when stdin or\n"
"                      stdout is not a terminal)\n"
"  --time-scale X      multiply every time limit by X\n"
"  --untimed           no time limits at all (and no speed bonus)\n"
"  --no-color          no colour (as does NO_COLOR in the environment)\n"
"  --format NAME       read every PACK as json, opentdb, gift, aiken, anki,\n"
"                      quizlet, opentriviaqa or csv (else found by content)\n"
"  --convert FILE [-o OUT.json]\n"
"                      write FILE's questions as a termquiz pack (stdout\n"
"                      without -o)\n"
"  --as-choice         flashcards (Anki, Quizlet, two-column CSV) become\n"
"                      4-choice questions, wrong choices from other cards\n"
"  --swap              flashcards ask the other side\n"
"  --separators TERM,ROW\n"
"                      Quizlet's custom separators (\\t, \\n or any string)\n"
"  --stats [PACK...]   history per pack on stdout (--json for scripts)\n"
"  --review [PACK...]  spaced review: the questions due first, most\n"
"                      overdue first, then the weakest others\n"
"  --opentdb           fetch questions from the Open Trivia Database and\n"
"                      play them (opentdb_url in config says where)\n"
"    --category NAME|ID  of this category (\"science\", \"film\", 17)\n"
"    --difficulty D      easy, medium or hard\n"
"    --type T            choice or truefalse\n"
"\n"
"Live games (one host, many players; see termquiz(6)):\n"
"  --host PACK...      host a live game; players join over TCP\n"
"  --host --opentdb    host a game fetched from the Open Trivia Database\n"
"  --listen ADDR[:PORT]  where the host listens (default 127.0.0.1:7447)\n"
"  --start-when N      start once N players are in\n"
"  --start-after S     start S seconds after the first player joined\n"
"  --max-players N     at most N players (default 250)\n"
"  --lock              no joining once the game has started\n"
"  --join HOST[:PORT]  join a live game\n"
"  --pin PIN           the game's PIN (asked when not given)\n"
"  --name NICK         your nickname (default $USER)\n"
"  --resume TOKEN      back into a game you were cut off from\n"
"\n"
"  --version           print the version and exit\n"
"  -h, --help          print this help and exit\n"
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

	/* Digits only: strtoull takes " -1" as 2^64 - 1. */
	if (*s < '0' || *s > '9')
		return false;
	errno = 0;
	*out = strtoull(s, &end, 10);
	return errno == 0 && *end == '\0';
}

/* What getopt_long (told to be quiet) found wrong, said like every other
 * message: c is ':' for a missing value, '?' for an unknown option or a
 * value given to an option that takes none. */
static int
getopt_error(int c, char **argv)
{
	const char *arg = argv[optind - 1];

	if (c == ':')
		return bad_usage("option '%s' needs a value", arg);
	if (optopt >= OPT_CONFIG)
		return bad_usage("option '%s' takes no value", arg);
	if (optopt != 0)
		return bad_usage("unknown option '-%c'", optopt);
	return bad_usage("unknown option '%s'", arg);
}

/* Of several commands asked for, the first in enum cmd_id wins. */
static void
ask(struct options *o, enum cmd_id c)
{
	if (c < o->command)
		o->command = c;
}

/* --format NAME. Returns -1 to go on, or an exit status. */
static int
parse_format(const char *name, struct options *o)
{
	const char *near;

	o->import.format = format_from_name(name);
	if (o->import.format != FORMAT_AUTO)
		return -1;
	near = format_suggest(name);
	if (near != NULL)
		return bad_usage("--format: unknown format '%s' (did you mean "
		    "'%s'?)", name, near);
	return bad_usage("--format wants json, opentdb, gift, aiken, anki, "
	    "quizlet, opentriviaqa or csv, not '%s'", name);
}

/* A separator as typed in Quizlet's export dialog: \t, \n and \\ are a
 * tab, a newline and a backslash. Writes out (room bytes), returns it. */
static char *
unescape_sep(const char *s, size_t n, char *out, size_t room)
{
	size_t i, k = 0;

	for (i = 0; i < n && k + 1 < room; i++) {
		if (s[i] == '\\' && i + 1 < n && strchr("tnr\\", s[i + 1])) {
			i++;
			out[k++] = s[i] == 't' ? '\t' : s[i] == 'n' ? '\n' :
			    s[i] == 'r' ? '\r' : '\\';
		} else {
			out[k++] = s[i];
		}
	}
	out[k] = '\0';
	return out;
}

/* --separators TERM,ROW: split at the first comma after the first
 * character (so that TERM may be a comma). */
static int
parse_separators(const char *arg, struct options *o)
{
	static char term[64], row[64];
	const char *comma = arg[0] ? strchr(arg + 1, ',') : NULL;

	if (comma == NULL || comma[1] == '\0')
		return bad_usage("--separators wants TERM,ROW (as \\t,\\n), "
		    "not '%s'", arg);
	o->import.term_sep = unescape_sep(arg, (size_t)(comma - arg), term,
	    sizeof term);
	o->import.row_sep = unescape_sep(comma + 1, strlen(comma + 1), row,
	    sizeof row);
	return -1;
}

/* Returns -1 to go on, or an exit status. */
static int
parse_args(int argc, char **argv, struct options *o)
{
	unsigned long long n;
	int c, r;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":ho:", long_opts, NULL)) != -1) {
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
			if (!parse_ull(optarg, &n) || n > 1000000)
				return bad_usage("--count wants a whole number "
				    "from 0 (all), not '%s'", optarg);
			o->count = (long)n;
			o->count_given = true;
			break;
		case OPT_SEED:
			if (!parse_ull(optarg, &o->seed) ||
			    o->seed > REPORT_SEED_MAX)
				return bad_usage("--seed wants a whole number "
				    "from 0 to %llu, not '%s'", REPORT_SEED_MAX,
				    optarg);
			o->seed_given = true;
			break;
		case OPT_RESULTS: o->results = optarg; break;
		case OPT_CHECK: ask(o, CMD_CHECK); break;
		case OPT_STATS: ask(o, CMD_STATS); break;
		case OPT_REVIEW: ask(o, CMD_REVIEW); break;
		case OPT_HOST: ask(o, CMD_HOST); break;
		case OPT_JOIN:
			ask(o, CMD_JOIN);
			o->join = optarg;
			break;
		case OPT_LISTEN: o->listen = optarg; break;
		case OPT_START_WHEN:
			if (!parse_ull(optarg, &n) || n < 1 || n > 100000)
				return bad_usage("--start-when wants a number "
				    "of players from 1, not '%s'", optarg);
			o->start_when = (long)n;
			break;
		case OPT_START_AFTER:
			if (!parse_double(optarg, 0.1, 86400, &o->start_after))
				return bad_usage("--start-after wants seconds "
				    "from 0.1 to 86400, not '%s'", optarg);
			break;
		case OPT_MAX_PLAYERS:
			if (!parse_ull(optarg, &n) || n < 1 || n > 10000)
				return bad_usage("--max-players wants a number "
				    "from 1 to 10000, not '%s'", optarg);
			o->max_players = (long)n;
			break;
		case OPT_LOCK: o->lock = true; break;
		case OPT_PIN: o->pin = optarg; break;
		case OPT_NAME: o->name = optarg; break;
		case OPT_RESUME: o->token = optarg; break;
		case OPT_OPENTDB:
			ask(o, CMD_OPENTDB);
			o->opentdb = true;
			break;
		case OPT_CATEGORY: o->category = optarg; break;
		case OPT_DIFFICULTY: o->difficulty = optarg; break;
		case OPT_TYPE: o->type = optarg; break;
		case OPT_PLAIN: o->plain = true; break;
		case OPT_UNTIMED: o->untimed = true; break;
		case OPT_NO_COLOR: o->no_color = true; break;
		case OPT_JSON: o->json = true; break;
		case OPT_FORMAT:
			if ((r = parse_format(optarg, o)) >= 0)
				return r;
			break;
		case OPT_CONVERT: ask(o, CMD_CONVERT); break;
		case 'o': o->output = optarg; break;
		case OPT_AS_CHOICE: o->import.as_choice = true; break;
		case OPT_SWAP: o->import.swap = true; break;
		case OPT_SEPARATORS:
			if ((r = parse_separators(optarg, o)) >= 0)
				return r;
			break;
		case OPT_VERSION:
			printf("termquiz %s\n", TERMQUIZ_VERSION);
			return 0;
		case 'h':
		case OPT_HELP:
			usage(stdout);
			return 0;
		default:
			return getopt_error(c, argv);
		}
	}
	if (o->json && o->command != CMD_STATS)
		return bad_usage("--json goes with --stats");
	return -1;
}

/* What termquiz prints goes through the sanitiser (sanitize.h), so that
 * text quoted from packs, configs and the history never reaches a terminal
 * as control bytes; the full screen draws through ncurses instead, on the
 * real stdout (initscr needs its descriptor). */
static FILE *real_stdout;
static FILE *real_stderr;   /* the same for stderr */

/* Make stdout and stderr sanitising streams. A standard descriptor that
 * is closed gets /dev/null first, so that no file opened later (the
 * history) takes its number; the stream then writes to nothing, and
 * fails, so that a closed stdout ends with an error. */
static void
output_init(void)
{
	bool closed[3];
	FILE *fp;
	int fd;

	for (fd = 0; fd < 3; fd++) {
		closed[fd] = fcntl(fd, F_GETFD) < 0 && errno == EBADF;
		if (closed[fd])
			open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
	}
	real_stdout = stdout;
	real_stderr = stderr;
	if ((fp = sanitize_stream(closed[2] ? -1 : 2)) != NULL) {
		setvbuf(fp, NULL, _IONBF, 0);
		stderr = fp;
	}
	if ((fp = sanitize_stream(closed[1] ? -1 : 1)) != NULL)
		stdout = fp;
}

/* Give the full screen the real stdout. */
static void
output_screen(void)
{
	if (stdout == real_stdout)
		return;
	fflush(stdout);
	fclose(stdout);
	stdout = real_stdout;
}

/* Flush and close the output; -1 (said on stderr) when it could not all
 * be written. */
static int
output_close(void)
{
	bool bad = ferror(stdout) != 0;
	int e = errno;

	if (stdout != real_stdout) {
		bad |= fclose(stdout) != 0;
		stdout = real_stdout;
	}
	bad |= fflush(stdout) != 0 || ferror(stdout);
	if (bad)
		fprintf(stderr, "termquiz: cannot write the output: %s\n",
		    strerror(errno ? errno : e));
	/* Closing the sanitising stderr frees it; what little may still be
	 * said after this (a signal's last words) is our own text. */
	if (stderr != real_stderr) {
		fclose(stderr);
		stderr = real_stderr;
	}
	fflush(stderr);
	return bad ? -1 : 0;
}

/* What each command needs before it runs; see cmd.h. A new command (host,
 * join, --convert, --opentdb) is a cmd_NAME.c, an enum cmd_id value in
 * options.h, an option above and a row here. */
static const struct command commands[CMD_COUNT] = {
	[CMD_CHECK] = { cmd_check, .loads_packs = true, .report_stdout = true,
	    .runs_on_bad_pack = true },
	[CMD_CONVERT] = { cmd_convert, .loads_packs = true },
	[CMD_STATS] = { cmd_stats, .loads_packs = true },
	[CMD_REVIEW] = { cmd_review, .loads_packs = true, .plays = true },
	[CMD_HOST] = { cmd_host, .loads_packs = true, .plays = true },
	[CMD_JOIN] = { cmd_join, .plays = true },
	[CMD_OPENTDB] = { cmd_opentdb, .plays = true },
	[CMD_PLAY] = { cmd_play, .loads_packs = true, .plays = true },
};

int
main(int argc, char **argv)
{
	struct options o = { .command = CMD_PLAY };
	const struct command *cmd;
	struct session s;
	struct diags d = { 0 };
	int r, signo;

	output_init();
	r = parse_args(argc, argv, &o);
	if (r >= 0)
		return output_close() < 0 && r == 0 ? 1 : r;
	setlocale(LC_ALL, "");
	o.files = argv + optind;
	o.nfiles = argc - optind;
	if (o.command == CMD_CHECK && o.nfiles == 0) {
		r = bad_usage("--check needs at least one PACK");
		output_close();
		return r;
	}
	if (o.command == CMD_CONVERT && o.nfiles != 1) {
		r = bad_usage("--convert needs one FILE");
		output_close();
		return r;
	}
	if (o.output != NULL && o.command != CMD_CONVERT) {
		r = bad_usage("-o goes with --convert");
		output_close();
		return r;
	}
	cmd = &commands[o.command];
	if (cmd->plays && play_on_screen(&o))
		output_screen();
	r = session_init(&s, &o, &d);
	if (r == 0 && cmd->loads_packs)
		r = session_load_packs(&s, o.files, o.nfiles, &d);
	/* Problems first (warnings too, before any screen), in file order. */
	diags_sort(&d);
	diags_print(&d, cmd->report_stdout ? stdout : stderr);
	/* s.formats is set once the config loaded and the packs were read. */
	if (r < 0 && !(cmd->runs_on_bad_pack && s.formats != NULL))
		r = 1;
	else
		r = cmd->run(&s, &o, &d);
	signo = s.end_signal;
	diags_fini(&d);
	session_fini(&s);
	if (output_close() < 0 && r == 0)
		r = 1;
	if (signo != 0) {
		/* Die of the signal, so that a parent sees it; but SIGQUIT
		 * dumps no core of the game (its answers) on the way. */
		struct rlimit none = { 0, 0 };

		if (signo == SIGQUIT)
			setrlimit(RLIMIT_CORE, &none);
		signal(signo, SIG_DFL);
		raise(signo);
	}
	return r;
}
