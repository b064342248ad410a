#ifndef TERMQUIZ_QUIZ_H
#define TERMQUIZ_QUIZ_H

#include <stdbool.h>
#include <stdint.h>

#include "config.h"
#include "pack.h"
#include "rng.h"

/* One question as asked in a game, and what became of it. */
struct outcome {
	const struct question *q;
	int order[CHOICES_MAX]; /* order[k]: the choice shown as number k+1 */
	double limit;           /* seconds; 0 when untimed */
	bool done;
	bool correct;
	bool timed_out;
	char *given;            /* the player's answer as text; NULL if none */
	double seconds;
	int points;             /* including the streak bonus */
	int bonus;
};

/* A game: the questions in play and the running score. */
struct quiz {
	char *title;
	char key[HASH_HEX];     /* what is played: pack_hash_many of the packs */
	struct outcome *o;
	int n;
	int cur;
	int score;
	int streak;
	int best_streak;
	int correct;
	int wrong;
	int timed_out;
	const struct config *cfg;
};

/* How the command line bends the config for a game. */
struct quiz_opts {
	double time;      /* --time: one limit for all; 0 when not given */
	int count;        /* --count: questions per game; 0: config's */
};

/* Start a game over the questions of packs, shuffled with r as config says.
 * The packs must outlive the game. Caller frees with quiz_free. */
struct quiz *quiz_new(struct pack *const *packs, int npacks,
    const struct config *cfg, const struct quiz_opts *opts, struct rng *r);

/* A new game of the questions prev got wrong or let time out (NULL if none). */
struct quiz *quiz_retry(const struct quiz *prev, struct rng *r);

/* A game of the packs' questions that have a weight above 0, heaviest first
 * (ties in pack order); weights[] runs over every question of every pack in
 * order. NULL when no weight is above 0. */
struct quiz *quiz_review(struct pack *const *packs, int npacks,
    const double *weights, const struct config *cfg,
    const struct quiz_opts *opts, struct rng *r);

void quiz_free(struct quiz *z);

/* The time limit of q in pack p: --time, then the question's, the pack's, the
 * config's for its type, the config's; times time_scale. 0 when untimed. */
double quiz_limit(const struct question *q, const struct pack *p,
    const struct config *cfg, double time_override);

/* The question being asked, or NULL when the game is over. */
struct outcome *quiz_current(struct quiz *z);

/* Answer the current question. shown is the 0-based choice as displayed.
 * Each returns the outcome recorded. */
const struct outcome *quiz_answer_choice(struct quiz *z, int shown,
    double seconds);
const struct outcome *quiz_answer_truefalse(struct quiz *z, bool value,
    double seconds);
const struct outcome *quiz_answer_text(struct quiz *z, const char *typed,
    double seconds);
/* Time ran out: no answer, whatever had been typed. */
const struct outcome *quiz_time_out(struct quiz *z);

/* Give the current question seconds more ("more time"): its limit grows,
 * so a timeout then records the whole time allowed. */
void quiz_extend(struct quiz *z, double seconds);

/* Move on to the next question; false when there is none. */
bool quiz_next(struct quiz *z);

bool quiz_over(const struct quiz *z);

/* The most a perfect game of z could score, streak bonuses included. */
int quiz_max_score(const struct quiz *z);

/* Answered questions and the mean time of those answered (timeouts too). */
int quiz_answered(const struct quiz *z);
double quiz_mean_seconds(const struct quiz *z);

#endif
