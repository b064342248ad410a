#ifndef TERMQUIZ_QUIZ_H
#define TERMQUIZ_QUIZ_H

#include <stdbool.h>
#include <stdint.h>

#include "clock.h"
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
	char *given;            /* the player's answer as text; NULL if none
	                         * (a done question without one timed out) */
	double seconds;
	int64_t points;         /* including the streak bonus */
	int64_t bonus;
};

/* A game: the questions in play and the running score. */
struct quiz {
	char *title;
	char key[HASH_HEX];     /* what is played: pack_hash_many of the packs */
	struct outcome *o;
	int n;
	int cur;
	int streak;
	int best_streak;
	struct countdown clock; /* the current question's (quiz_start_clock) */
	const struct config *cfg;
};

/* What a game came to so far: sums over its outcomes. */
struct quiz_tally {
	int64_t score;
	int64_t max_score;      /* quiz_max_score */
	int correct, wrong, timed_out;
	int answered;           /* the three above */
	int accuracy;           /* percent of answered right, rounded; 0: none */
	double mean_seconds;    /* of those answered (timeouts too); 0: none */
	double mean_answer_seconds; /* of the answers given (time-outs left
	                             * out, as "Avg answer" shows); 0: none */
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

/* A game's seed holds two things: its low QUIZ_DECK_BITS bits shuffle
 * every question of the packs into a deck; the bits above say which round
 * of that deck it is. Round 0 is quiz_new's game from the same seed; round
 * k deals the questions after those rounds 0..k-1 took (the deck shuffled
 * afresh each time it runs out), so that games played one after another
 * meet unseen questions first, and each seed still replays its game. */
#define QUIZ_DECK_BITS 45
#define QUIZ_DECK_MASK ((1ULL << QUIZ_DECK_BITS) - 1)
#define QUIZ_ROUNDS 256    /* rounds a seed can say, 2^(53 - 45) */

/* The seed of round (taken modulo QUIZ_ROUNDS) of deck's low bits. */
uint64_t quiz_seed(uint64_t deck, int round);
/* Which round seed is. */
int quiz_seed_round(uint64_t seed);

/* Start the game that seed deals (above) from the packs' questions, as
 * config says. The packs must outlive it. Caller frees with quiz_free. */
struct quiz *quiz_deal(struct pack *const *packs, int npacks,
    const struct config *cfg, const struct quiz_opts *opts, uint64_t seed);

/* A new game of the questions prev got wrong or let time out (NULL if none). */
struct quiz *quiz_retry(const struct quiz *prev, struct rng *r);

/* A game of the packs' questions that have a weight above 0, heaviest first
 * (ties in pack order); weights[] runs over every question of every pack in
 * order. NULL when no weight is above 0. */
struct quiz *quiz_review(struct pack *const *packs, int npacks,
    const double *weights, const struct config *cfg,
    const struct quiz_opts *opts, struct rng *r);

/* Free z and its outcomes; NULL does nothing. */
void quiz_free(struct quiz *z);

/* The time limit of q in pack p: --time, then the question's, the pack's, the
 * config's for its type, the config's; times time_scale. 0 when untimed. */
double quiz_limit(const struct question *q, const struct pack *p,
    const struct config *cfg, double time_override);

/* The question being asked, or NULL when the game is over. */
struct outcome *quiz_current(struct quiz *z);

/* Start the current question's countdown (z->clock) at now, from its
 * limit: when it is shown. */
void quiz_start_clock(struct quiz *z, int64_t now);

/* Stop and restart the current question's countdown ("pause"); the time
 * paused counts for nothing. */
void quiz_pause(struct quiz *z, int64_t now);
void quiz_resume(struct quiz *z, int64_t now);

/* Seconds the current question has been shown at now, pauses left out,
 * never past its limit: what an answer at now is timed at. */
double quiz_elapsed(const struct quiz *z, int64_t now);

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

/* Give the current question seconds more ("more time"): its limit and its
 * countdown's deadline move together, so a timeout then records the whole
 * time allowed. Nothing when it is untimed. */
void quiz_extend(struct quiz *z, double seconds);

/* Move on to the next question; false when there is none. */
bool quiz_next(struct quiz *z);

/* Whether every question has been asked (quiz_next ran past the last). */
bool quiz_over(const struct quiz *z);

/* Whether o ended with the time running out (done, nothing given). */
bool outcome_timed_out(const struct outcome *o);

/* The most a perfect game of z could score, streak bonuses included. */
int64_t quiz_max_score(const struct quiz *z);

/* The points scored so far. */
int64_t quiz_score(const struct quiz *z);

/* The questions answered so far (timeouts included). */
int quiz_answered(const struct quiz *z);

/* Fill t with z's totals, accuracy and mean time. */
void quiz_tally(const struct quiz *z, struct quiz_tally *t);

#endif
