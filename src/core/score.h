#ifndef TERMQUIZ_SCORE_H
#define TERMQUIZ_SCORE_H

#include <stdint.h>

#define SCORE_MAX 1000

/* Points for a correct answer given after seconds out of limit: Kahoot's
 * round(1000 * (1 - t/T/2)), so never below 500. limit <= 0 means untimed:
 * no speed bonus, 1000. */
int score_points(double seconds, double limit);

/* Bonus for the streak-th correct answer in a row (1 for the first):
 * per point for each earlier one in the streak, at most max. */
int64_t score_streak_bonus(int streak, int per, int max);

#endif
