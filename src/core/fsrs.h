#ifndef TERMQUIZ_FSRS_H
#define TERMQUIZ_FSRS_H

/*
 * FSRS-6 spaced repetition: each question's memory state (stability,
 * difficulty, due date) after each answer, as py-fsrs's Scheduler computes
 * it (learning, review and relearning states, short-term stability), with
 * fuzzing off. Pure: times are Unix seconds passed in.
 */

#include <stdbool.h>
#include <stdint.h>

#define FSRS_WEIGHTS 21
#define FSRS_STEPS_MAX 4
#define FSRS_DAY 86400
/* A question due this soon counts as due now (Anki's "learn ahead"
 * limit), so that a question missed in a game is due for review at once
 * rather than a minute later. */
#define FSRS_LEARN_AHEAD 1200

enum fsrs_grade { FSRS_AGAIN = 1, FSRS_HARD, FSRS_GOOD, FSRS_EASY };

enum fsrs_state { FSRS_LEARNING = 1, FSRS_REVIEW, FSRS_RELEARNING };

/* How the scheduler is set up. */
struct fsrs_params {
	double w[FSRS_WEIGHTS];
	double retention;                /* desired, 0 < r < 1 */
	int learning[FSRS_STEPS_MAX];    /* seconds */
	int nlearning;
	int relearning[FSRS_STEPS_MAX];  /* seconds */
	int nrelearning;
	int max_interval;                /* days */
};

/* One question's memory. stability is 0 until the first answer. */
struct fsrs_card {
	enum fsrs_state state;
	int step;             /* (re)learning step; 0 in the review state */
	double stability;     /* days */
	double difficulty;    /* 1..10 */
	int64_t last;         /* the last answer */
	int64_t due;
};

/* The default weights, steps of 1 and 10 minutes (relearning 10 minutes),
 * at most 36500 days, and the given desired retention. */
void fsrs_defaults(struct fsrs_params *p, double retention);

/* A card never answered, due at now. */
void fsrs_card_new(struct fsrs_card *c, int64_t now);

/* c after an answer graded g at now (whole days elapsed since c->last as
 * py-fsrs counts them). Returns the new card; c is not changed. */
struct fsrs_card fsrs_review(const struct fsrs_params *p,
    const struct fsrs_card *c, enum fsrs_grade g, int64_t now);

/* The chance of recalling c at now, 0..1; 0 for a card never answered. */
double fsrs_retrievability(const struct fsrs_params *p,
    const struct fsrs_card *c, int64_t now);

/* Whether c is due for review at now (FSRS_LEARN_AHEAD included). */
bool fsrs_due(const struct fsrs_card *c, int64_t now);

/* How much a question wants reviewing at now, for picking the questions of
 * a review heaviest first: due ones above all (the most overdue first),
 * then the weakest others: those never answered (c NULL; py-fsrs gives them
 * retrievability 0), then those answered before, the soonest due first.
 * Always above 0. */
double fsrs_weight(const struct fsrs_card *c, int64_t now);

/* The game's grade of an answer: wrong or timed out Again; right past half
 * of limit Hard, in under a quarter of it Easy, else Good. limit <= 0 is
 * untimed: a right answer is Good. */
enum fsrs_grade fsrs_grade(bool correct, double seconds, double limit);

#endif
