/* --opentdb: questions fetched from the Open Trivia Database, then played
 * in either front end; offline, the cached ones are offered. */

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
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

static int
run_plain(struct session *s, const struct options *o,
    const struct otdb_query *q)
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
		session_new_game(s);
		r = -1;
	} else if (!f.unreachable) {
		fprintf(stderr, "termquiz: %s\n", f.error);
	} else if ((n = online_load_cached(s, q, &first)) == 0) {
		fprintf(stderr, "termquiz: no connection: %s; no questions "
		    "are cached for this choice yet\n", f.error);
	} else if (offer_plain(&f, n)) {
		online_choose_cached(s, first);
		session_new_game(s);
		r = -1;
	} else {
		r = 0;
	}
	fetch_fini(&f);
	return r < 0 ? play_session(s, o) : r;
}

int
cmd_opentdb(struct session *s, const struct options *o, struct diags *d)
{
	struct otdb_query q;
	char err[512];
	int r;

	(void)d;
	if (o->nfiles > 0) {
		fputs("termquiz: --opentdb plays fetched questions, not packs; "
		    "leave out the PACK files\nTry 'termquiz --help'.\n",
		    stderr);
		return 2;
	}
	if (online_query(s, o, &q, err, sizeof err) < 0) {
		fprintf(stderr, "termquiz: %s\nTry 'termquiz --help'.\n", err);
		return 2;
	}
	if (o->plain || !isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return run_plain(s, o, &q);
	/* q lives until the game is over; the session forgets it before q
	 * goes out of scope. */
	/* cppcheck-suppress autoVariables */
	s->online = &q;
	r = play_session(s, o);
	s->online = NULL;
	return r;
}
