#ifndef TERMQUIZ_HISTORY_H
#define TERMQUIZ_HISTORY_H

/*
 * Every game played, in SQLite: high scores, statistics and the review of
 * missed questions come from here. One transaction per game, WAL mode, a
 * short busy timeout (HISTORY_WAIT_MS): concurrent games and a kill at any
 * moment lose nothing, and a save that finds the database locked fails at
 * once so that its caller can try again later.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fsrs.h"
#include "quiz.h"
#include "records.h"

#define HISTORY_VERSION 3
#define HISTORY_RETENTION 0.9  /* FSRS desired retention until set */
/* How long a statement waits for another program's write lock before it
 * fails with "database is locked" (milliseconds): a frame or two. */
#define HISTORY_WAIT_MS 40

struct history;

/* One pack's numbers for --stats. */
struct history_stats {
	char title[256];
	char key[HASH_HEX];
	int games;            /* finished games */
	int best;
	double mean_score;
	double accuracy;      /* correct answers / answers, 0..1 */
	double mean_seconds;
	double timed_out;     /* timed-out answers / answers, 0..1 */
};

/* A question of a pack that players miss. */
struct history_missed {
	char text[256];
	int misses;           /* wrong or timed out */
	int answers;
};

/* Open the database at path (":memory:" for tests), creating or migrating
 * it. A file that is not a sound database is moved aside (path.corrupt-N)
 * and a new one started; note then says so. NULL and err on failure. */
struct history *history_open(const char *path, char *note, size_t notelen,
    char *err, size_t errlen);

/* Close the database and free h; NULL is a no-op. */
void history_close(struct history *h);

/* Save a game (its answered questions) in one transaction, and the
 * player's memory of each question answered (FSRS, graded by
 * fsrs_grade, as of m->started_at). Returns the new game's id, or -1 with
 * err (within about HISTORY_WAIT_MS when another program holds the write
 * lock: nothing is saved, try again later). */
int64_t history_save(struct history *h, const struct quiz *z,
    const struct history_meta *m, char *err, size_t errlen);

/* Up to n best finished whole games (no retry, no review) of key with as
 * many questions, best first. Returns how many. */
int history_top(struct history *h, const char *key, int questions,
    struct history_top *out, int n);

/* The player's best finished whole game of key with as many questions,
 * before game; -1 if none. */
int history_best_before(struct history *h, const char *key, int questions,
    const char *player, int64_t game);

/* Statistics for the packs whose keys are given (all packs when nkeys is 0),
 * into out (up to max). Returns how many, or -1 on error. */
int history_stats(struct history *h, const char *const *keys, int nkeys,
    struct history_stats *out, int max);

/* The desired retention that scheduling after answers aims at (0..1,
 * exclusive). Opening a database from before memories were kept rebuilds
 * them with HISTORY_RETENTION. */
void history_set_retention(struct history *h, double retention);

/* The scheduler's parameters in use; they belong to h. */
const struct fsrs_params *history_fsrs(const struct history *h);

/* The player's memory of a question (by question_hash) into c; false when
 * the player never answered it (c untouched). */
bool history_card(struct history *h, const char *player, const char *qhash,
    struct fsrs_card *c);

/* The last n finished games of key (the player's, or everyone's when
 * player is NULL), oldest first, into out. Returns how many, -1 on error. */
int history_series(struct history *h, const char *key, const char *player,
    struct history_point *out, int n);

/* Up to n questions of key's finished games missed at least once, the
 * most missed first (then the larger share missed). Returns how many, -1
 * on error. */
int history_missed(struct history *h, const char *key,
    struct history_missed *out, int n);

/* How many of the questions the player met in games of key are due for
 * review at now (fsrs_due); -1 on error. */
int history_due(struct history *h, const char *key, const char *player,
    int64_t now);

/* Rows in a table, for tests; -1 on error. */
int64_t history_count(struct history *h, const char *table);

#endif
