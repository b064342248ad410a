#ifndef TERMQUIZ_SESSION_H
#define TERMQUIZ_SESSION_H

/* What one run of termquiz plays with: shared by the screens and plain mode. */

#include <stdbool.h>
#include <stdint.h>

#include "core/catalog.h"
#include "core/config.h"
#include "core/quiz.h"
#include "core/rng.h"

#define SESSION_DIRS 4

struct session {
	struct config cfg;
	struct quiz_opts opts;
	struct rng rng;
	uint64_t seed;
	const char *results_path;  /* --results, or NULL */
	bool no_color;
	bool plain_note;           /* plain mode was chosen for a non-terminal */

	struct pack **packs;       /* named on the command line (owned) */
	int npacks;
	const char *dirs[SESSION_DIRS]; /* where the menu looks for packs */
	int ndirs;
	struct catalog catalog;    /* the menu's packs, loaded on first use */
	bool catalog_loaded;

	struct pack **game_packs;  /* what the current game plays: an owned
	                            * array of borrowed packs */
	int ngame_packs;
	struct quiz *z;            /* the game in play, or the last one */
	bool saved;                /* z's results are written */
	char *save_error;          /* why they could not be, or NULL */
};

/* Load the menu's packs from the session's folders, once. */
void session_load_catalog(struct session *s);

/* Start a new game over packs (the list is copied for "play again"). */
void session_new_game(struct session *s, struct pack **packs, int npacks);

/* Start a game of the last game's missed questions; false if none. */
bool session_retry(struct session *s);

/* Write the results file if --results was given and the game has answers.
 * On failure save_error says why. Returns -1 on failure. */
int session_save(struct session *s, bool finished);

void session_fini(struct session *s);

#endif
