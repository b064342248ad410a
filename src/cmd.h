#ifndef TERMQUIZ_CMD_H
#define TERMQUIZ_CMD_H

/*
 * The things termquiz does, one file each (cmd_play.c, cmd_check.c, ...),
 * like tmux's cmd-*.c. main.c parses the options, sets the session up and
 * calls the command's run from its table; run returns the exit status.
 */

#include <stdbool.h>

#include "core/diag.h"
#include "options.h"
#include "session.h"

struct command {
	/* s is set up (session_init) and, when loads_packs, s->packs holds
	 * the packs named; d holds the problems found so far, already
	 * printed. Returns 0, 1 (an error) or 2 (bad usage). */
	int (*run)(struct session *s, const struct options *o,
	    struct diags *d);
	bool loads_packs;      /* main loads o->files as packs before run */
	bool report_stdout;    /* problems are the output: stdout, not stderr */
	bool plays;            /* may play a game (play_session) */
	bool runs_on_bad_pack; /* run even when a pack did not load (its
	                        * s->formats entry says what was tried) */
};

/* --check: say whether the packs named are valid. */
int cmd_check(struct session *s, const struct options *o, struct diags *d);

/* --convert: the one pack named, written as a termquiz JSON pack to
 * o->output or stdout. */
int cmd_convert(struct session *s, const struct options *o, struct diags *d);

/* --stats: the history per pack, as a table or JSON. */
int cmd_stats(struct session *s, const struct options *o, struct diags *d);

/* --review: a game of the questions missed most. */
int cmd_review(struct session *s, const struct options *o, struct diags *d);

/* --host: a live game of the packs named, players joining over TCP. */
int cmd_host(struct session *s, const struct options *o, struct diags *d);

/* --join: play in someone's live game. */
int cmd_join(struct session *s, const struct options *o, struct diags *d);

/* --opentdb: fetch questions from the Open Trivia Database and play them
 * (or, offline, offer the cached ones). */
int cmd_opentdb(struct session *s, const struct options *o, struct diags *d);

/* --host --opentdb: fetch the game (offline: offer the cached questions) in
 * line mode or on the full screen, and choose it in s (session_choose_packs)
 * for the host. -1 when chosen, else the exit status (0: cancelled). */
int cmd_opentdb_for_host(struct session *s, const struct options *o);

/* A game of the packs named, or the menu when none. */
int cmd_play(struct session *s, const struct options *o, struct diags *d);

/* Play the game set up in s (or the menu when s->z is NULL) full screen, or
 * in plain mode when asked or when stdin or stdout is not a terminal; then
 * save it and report. Returns the exit status; a signal that ended the game
 * is left in s->end_signal. */
int play_session(struct session *s, const struct options *o);

/* Whether a game would be played full screen (not in plain mode). */
bool play_on_screen(const struct options *o);

#endif
