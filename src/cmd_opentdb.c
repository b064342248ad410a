/* --opentdb: questions fetched from the Open Trivia Database, then played
 * in either front end; offline, the cached ones are offered. */

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "core/report.h"
#include "online.h"
#include "signals.h"
#include "ui/ui.h"

/* In line mode: say what the fetch does as it changes, until it ends or a
 * signal (Ctrl-C) cancels it. Returns false when cancelled. */
static bool
fetch_plain(struct fetch *f)
{
	char line[256];
	int waiting = -1;

	signals_catch();
	while (fetch_step(f) == FETCH_RUNNING) {
		if ((f->wait_until > 0) != waiting) {
			waiting = f->wait_until > 0;
			printf("%s…\n", fetch_line(f, line, sizeof line));
			fflush(stdout);
		}
		if (signals_caught())
			return false;
		fetch_wait(f, -1, 250);
	}
	return true;
}

/* Offline in line mode: offer the cached questions; true to play them. */
static bool
offer_plain(const struct fetch *f, int n)
{
	char buf[256], c, first = 0;
	ssize_t r;

	printf("%s [y/n] ", online_offer(f, n, buf, sizeof buf));
	fflush(stdout);
	/* One line, byte by byte: what follows is the game's input, which
	 * plain mode reads from the descriptor (stdio would buffer it away). */
	while ((r = read(STDIN_FILENO, &c, 1)) == 1 && c != '\n')
		if (first == 0)
			first = c;
	if (r < 0 || (r == 0 && first == 0))
		return false;
	return first == 'y' || first == 'Y';
}

/* Fetch q's questions in line mode (offline: offer the cached ones) and
 * choose them in s. -1 when chosen, else the exit status. */
static int
choose_plain(struct session *s, const struct otdb_query *q)
{
	struct fetch f;
	int r = 1, first, n;

	online_fetch(s, &f, q);
	if (!fetch_plain(&f)) {
		fputs("termquiz: fetching cancelled\n", stderr);
		r = 0;
	} else if (f.status == FETCH_DONE) {
		if (f.note[0] != '\0')
			printf("%s\n", f.note);
		online_choose_fetched(s, &f);
		r = -1;
	} else if (!f.unreachable) {
		fprintf(stderr, "termquiz: %s\n", f.error);
	} else if ((n = online_load_cached(s, q, &first)) == 0) {
		fprintf(stderr, "termquiz: no connection: %s; no questions "
		    "are cached for this choice yet\n", f.error);
	} else if (offer_plain(&f, n)) {
		online_choose_cached(s, first);
		r = -1;
	} else {
		r = 0;
	}
	fetch_fini(&f);
	return r;
}

static int
run_plain(struct session *s, const struct options *o,
    const struct otdb_query *q)
{
	int r = choose_plain(s, q);

	if (r >= 0)
		return r;
	session_new_game(s);
	return play_session(s, o);
}

/* The query from the options; the exit status 2 when they are wrong. */
static int
query_from(struct session *s, const struct options *o, struct otdb_query *q)
{
	char err[512];

	if (o->nfiles > 0) {
		fputs("termquiz: --opentdb plays fetched questions, not packs; "
		    "leave out the PACK files\nTry 'termquiz --help'.\n",
		    stderr);
		return 2;
	}
	if (online_query(s, o, q, err, sizeof err) < 0) {
		fprintf(stderr, "termquiz: %s\nTry 'termquiz --help'.\n", err);
		return 2;
	}
	return 0;
}

static bool
plain_wanted(const struct options *o)
{
	return o->plain || !isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO);
}

int
cmd_opentdb_for_host(struct session *s, const struct options *o)
{
	struct otdb_query q;
	enum play_end end;
	char err[512];
	int r, signo = 0;

	if ((r = query_from(s, o, &q)) != 0)
		return r;
	/* A results file that cannot be written fails now, not after the
	 * fetch and the whole game. */
	if (s->results_path != NULL &&
	    report_check(s->results_path, err, sizeof err) < 0) {
		fprintf(stderr, "termquiz: %s\n", err);
		return 1;
	}
	if (plain_wanted(o))
		return choose_plain(s, &q);
	/* The online screen fetches (or offers the cached questions), chooses
	 * them and leaves; q outlives the run. */
	/* cppcheck-suppress autoVariables */
	s->online = &q;
	s->online_for_host = true;
	end = ui_run(s, &signo);
	s->online = NULL;
	s->online_for_host = false;
	if (end != PLAY_DONE) {
		if (signo != SIGINT)
			s->end_signal = signo;
		return signo == SIGINT ? 0 : 1;
	}
	return s->ngame_packs > 0 ? -1 : 0;
}

int
cmd_opentdb(struct session *s, const struct options *o, struct diags *d)
{
	struct otdb_query q;
	int r;

	(void)d;
	if ((r = query_from(s, o, &q)) != 0)
		return r;
	if (plain_wanted(o))
		return run_plain(s, o, &q);
	/* q lives until the game is over; the session forgets it before q
	 * goes out of scope. */
	/* cppcheck-suppress autoVariables */
	s->online = &q;
	r = play_session(s, o);
	s->online = NULL;
	return r;
}
