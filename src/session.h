#ifndef TERMQUIZ_SESSION_H
#define TERMQUIZ_SESSION_H

/* What one run of termquiz plays with: shared by the screens and plain mode. */

#include <stdbool.h>
#include <stdint.h>

#include "core/catalog.h"
#include "core/config.h"
#include "core/otdb.h"
#include "core/records.h"
#include "core/quiz.h"
#include "core/rng.h"
#include "options.h"
#include "paths.h"

struct history;

#define SESSION_DIRS 4
#define SESSION_SERIES 20

/* How a front end's run (ui_run, plain_run) ended. */
enum play_end { PLAY_DONE, PLAY_SIGNAL, PLAY_HANGUP };

/* A game the history could not take yet (another program held its lock). */
struct unsaved_game {
	struct quiz *z;            /* owned, unless it is still the session's z */
	struct history_meta m;
};

struct session {
	struct paths paths;
	struct config cfg;
	struct quiz_opts opts;
	struct rng rng;
	uint64_t seed;
	const char *results_path;  /* --results, or NULL */
	bool no_color;
	bool plain_note;           /* plain mode was chosen for a non-terminal */
	int end_signal;            /* a signal that ended the run, for main to
	                            * raise again once all is cleaned up; 0 */

	const struct otdb_query *online; /* --opentdb: the screens fetch this
	                            * first (borrowed), or NULL */
	bool online_for_host;      /* the screens choose the questions fetched
	                            * and leave: a live host plays them */
	struct pack **packs;       /* named on the command line (owned) */
	int npacks;
	struct import_opts import; /* how to read them; seeded by seed */
	enum format *formats;      /* the format each file named was read
	                            * in, FORMAT_AUTO when none (owned) */
	const char *dirs[SESSION_DIRS]; /* where the menu looks for packs */
	int ndirs;
	struct catalog catalog;    /* the menu's packs, loaded on first use */
	bool catalog_loaded;

	struct pack **game_packs;  /* what the current game plays: an owned
	                            * array of borrowed packs */
	int ngame_packs;
	struct quiz *z;            /* the game in play, or the last one */
	int64_t started_at;        /* when z began, Unix seconds */
	bool ended;                /* session_end_game ran for z */
	bool saved;                /* z's results file is written */
	char *saved_path;          /* where (the n-th game: FILE-n.EXT) */
	int nsaved;                /* results files written this run */
	int ngames;                /* games begun this run */
	uint64_t dealt;            /* the seed of the last whole game of
	                            * game_packs (quiz_deal), when dealt_any */
	bool dealt_any;
	enum history_kind kind;    /* z is a whole game, a retry or a review */
	char *save_error;          /* why it could not be, or NULL */

	const char *history_path;  /* NULL: keep no history */
	const char *player;
	struct history *history;   /* opened on first use */
	bool history_failed;       /* warned once: no history this run */
	char *history_note;        /* a message to show once (moved aside...) */
	bool recorded;             /* z is in the history */
	int64_t game_id;           /* z's id there */
	int best_before;           /* the player's best before z, -1 if none */
	struct history_top top[10];
	int ntop;
	struct history_point series[SESSION_SERIES]; /* the player's last
	                            * finished games of z's packs, oldest
	                            * first, z the last (for the score screen) */
	int nseries;

	int *due;                  /* per catalog entry: questions due for
	                            * review (session_count_due) */
	int due_total;             /* over the playable packs */
	struct unsaved_game *unsaved; /* tried again later, oldest first */
	int nunsaved;
	int64_t unsaved_tried;     /* CLOCK_MONOTONIC ms of the last try */
	bool note_is_unsaved;      /* history_note says a game was not saved */
};

/* Set s up for a run from the options: paths, seed, the config (--config,
 * else the user's, else the shipped one, else defaults; problems go to d)
 * and the player's name. Returns -1 when the config has errors; s must be
 * finalised with session_fini either way. */
int session_init(struct session *s, const struct options *o,
    struct diags *d);

/* Load the packs named on the command line into s->packs, problems into d.
 * Returns -1 when any did not load. */
int session_load_packs(struct session *s, char **files, int n,
    struct diags *d);

/* Load the menu's packs from the session's folders, once. */
void session_load_catalog(struct session *s);

/* Choose the packs that session_new_game ("play again") plays; the list is
 * copied, the packs are borrowed. */
void session_choose_packs(struct session *s, struct pack **packs, int npacks);

/* Start a new game of the chosen packs; it replaces s->z. */
void session_new_game(struct session *s);

/* Play z, a review game, next (it never makes a high score); the session
 * owns it. */
void session_set_game(struct session *s, struct quiz *z);

/* A review game of the packs chosen (session_choose_packs): the questions
 * due first (FSRS, most overdue first), then the weakest others. False
 * when they hold no question. */
bool session_review(struct session *s);

/* How many of p's questions are due for the player's review at now (by
 * question, however they were played); 0 without a history. */
int session_pack_due(struct session *s, const struct pack *p, int64_t now);

/* Count the questions due for review in each pack of the catalog into
 * s->due and s->due_total, as of now; all 0 without a history. */
void session_count_due(struct session *s);

/* Start a game of the last game's missed questions; false if none. */
bool session_retry(struct session *s);

/* Move s->z on to its next question; when there is none the game has
 * ended (session_end_game(s, true)) and false is returned. */
bool session_next(struct session *s);

/* The game in s->z has ended, finished (its last question done) or not
 * (quit, a signal): record it in the history and write the results file
 * if --results was given, once per game; nothing when no question was
 * answered. session_next calls it after the last question, play_session
 * (cmd_play.c) when a front end stops early, plain mode at the end of
 * input. On failure save_error (the results file) or history_note says
 * why. */
void session_end_game(struct session *s, bool finished);

/* Open the history if not yet; NULL (warned once in history_note) when it
 * cannot be. */
struct history *session_history(struct session *s);

/* Free everything s owns (the game, packs, history handle); s->z may be
 * NULL. */
/* Try again to put in the history the games it could not take (another
 * program held its write lock), each try waiting HISTORY_WAIT_MS at most:
 * at most once a second unless now. Cheap when nothing waits; the game
 * whose results are shown gets its high scores once saved. */
void session_retry_saves(struct session *s, bool now);

/* Whether games wait for the history (a loop then wakes once a second). */
bool session_saves_pending(const struct session *s);

void session_fini(struct session *s);

#endif
