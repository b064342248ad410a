#include "score.h"

#include <math.h>

int
score_points(double seconds, double limit)
{
	double f;

	if (limit <= 0)
		return SCORE_MAX;
	f = seconds / limit;
	if (!(f >= 0))
		f = 0;
	if (f > 1)
		f = 1;
	return (int)lround(SCORE_MAX * (1 - f / 2));
}

int64_t
score_streak_bonus(int streak, int per, int max)
{
	int64_t b;

	if (streak <= 1 || per <= 0)
		return 0;
	b = (int64_t)(streak - 1) * per;
	return b > max ? max : b;
}
