#include "fsrs.h"

#include <math.h>
#include <stddef.h>

/*
 * A port of FSRS-6 as py-fsrs's Scheduler (MIT, open-spaced-repetition)
 * runs it: the same formulas, states and learning steps, so that the
 * reference vectors every FSRS port shares come out the same
 * (tests/unit/test_fsrs.c).
 */

static const double default_w[FSRS_WEIGHTS] = {
	0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722,
	0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425,
	0.0912, 0.0658, 0.1542,
};

#define STABILITY_MIN 0.001
#define DIFFICULTY_MIN 1.0
#define DIFFICULTY_MAX 10.0

void
fsrs_defaults(struct fsrs_params *p, double retention)
{
	int i;

	for (i = 0; i < FSRS_WEIGHTS; i++)
		p->w[i] = default_w[i];
	p->retention = retention;
	p->learning[0] = 60;
	p->learning[1] = 600;
	p->nlearning = 2;
	p->relearning[0] = 600;
	p->nrelearning = 1;
	p->max_interval = 36500;
}

void
fsrs_card_new(struct fsrs_card *c, int64_t now)
{
	c->state = FSRS_LEARNING;
	c->step = 0;
	c->stability = 0;
	c->difficulty = 0;
	c->last = now;
	c->due = now;
}

/* Whole days from a to b, rounded down (negative when b is before a). */
static int64_t
days_between(int64_t a, int64_t b)
{
	int64_t d = b - a;

	return d >= 0 ? d / FSRS_DAY : -((-d + FSRS_DAY - 1) / FSRS_DAY);
}

static double
clamp_d(double d)
{
	return d < DIFFICULTY_MIN ? DIFFICULTY_MIN :
	    d > DIFFICULTY_MAX ? DIFFICULTY_MAX : d;
}

static double
clamp_s(double s)
{
	return s < STABILITY_MIN ? STABILITY_MIN : s;
}

/* The forgetting curve's decay (negative) and the factor that makes
 * R(S days) = 0.9. */
static double
decay(const struct fsrs_params *p)
{
	return -p->w[20];
}

static double
factor(const struct fsrs_params *p)
{
	return pow(0.9, 1 / decay(p)) - 1;
}

static double
initial_difficulty(const struct fsrs_params *p, int g)
{
	return p->w[4] - exp(p->w[5] * (g - 1)) + 1;
}

/* Linear damping of the change towards 10, then mean reversion towards
 * the (unclamped) initial difficulty of Easy. */
static double
next_difficulty(const struct fsrs_params *p, double d, int g)
{
	double delta = -p->w[6] * (g - 3);
	double damped = d + (10 - d) * delta / 9;

	return clamp_d(p->w[7] * initial_difficulty(p, FSRS_EASY) +
	    (1 - p->w[7]) * damped);
}

/* A second answer on the same day. */
static double
short_term_stability(const struct fsrs_params *p, double s, int g)
{
	double inc = exp(p->w[17] * (g - 3 + p->w[18])) * pow(s, -p->w[19]);

	if (g >= FSRS_GOOD && inc < 1)
		inc = 1;
	return clamp_s(s * inc);
}

static double
forget_stability(const struct fsrs_params *p, double d, double s, double r)
{
	double lt = p->w[11] * pow(d, -p->w[12]) *
	    (pow(s + 1, p->w[13]) - 1) * exp((1 - r) * p->w[14]);
	double st = s / exp(p->w[17] * p->w[18]);

	return lt < st ? lt : st;
}

static double
recall_stability(const struct fsrs_params *p, double d, double s, double r,
    int g)
{
	double hard = g == FSRS_HARD ? p->w[15] : 1;
	double easy = g == FSRS_EASY ? p->w[16] : 1;

	return s * (1 + exp(p->w[8]) * (11 - d) * pow(s, -p->w[9]) *
	    (exp((1 - r) * p->w[10]) - 1) * hard * easy);
}

static double
retrievability_days(const struct fsrs_params *p, double s, int64_t days)
{
	if (days < 0)
		days = 0;
	return pow(1 + factor(p) * (double)days / s, decay(p));
}

double
fsrs_retrievability(const struct fsrs_params *p, const struct fsrs_card *c,
    int64_t now)
{
	if (c->stability <= 0)
		return 0;
	return retrievability_days(p, c->stability, days_between(c->last, now));
}

/* The interval in whole days (Python's round: halves to even) for s. */
static int64_t
interval_days(const struct fsrs_params *p, double s)
{
	double i = s / factor(p) * (pow(p->retention, 1 / decay(p)) - 1);
	int64_t n = (int64_t)rint(i);

	if (n < 1)
		n = 1;
	return n > p->max_interval ? p->max_interval : n;
}

/* Stability and difficulty after an answer (the memory, not the timing). */
static void
update_memory(const struct fsrs_params *p, struct fsrs_card *c, int g,
    int64_t days)
{
	if (c->stability <= 0) {
		c->stability = clamp_s(p->w[g - 1]);
		c->difficulty = clamp_d(initial_difficulty(p, g));
		return;
	}
	if (days < 1) {
		c->stability = short_term_stability(p, c->stability, g);
	} else {
		double r = retrievability_days(p, c->stability, days);

		c->stability = clamp_s(g == FSRS_AGAIN ?
		    forget_stability(p, c->difficulty, c->stability, r) :
		    recall_stability(p, c->difficulty, c->stability, r, g));
	}
	c->difficulty = next_difficulty(p, c->difficulty, g);
}

/* Seconds to the next answer in a (re)learning state over steps[n]; the
 * card graduates (state REVIEW) when the steps are done. */
static int64_t
steps_next(const struct fsrs_params *p, struct fsrs_card *c, int g,
    const int *steps, int n)
{
	if (n == 0 || (c->step >= n && g != FSRS_AGAIN) || g == FSRS_EASY ||
	    (g == FSRS_GOOD && c->step + 1 >= n)) {
		c->state = FSRS_REVIEW;
		c->step = 0;
		return interval_days(p, c->stability) * FSRS_DAY;
	}
	switch (g) {
	case FSRS_AGAIN:
		c->step = 0;
		return steps[0];
	case FSRS_HARD:
		if (c->step == 0)
			return n == 1 ? steps[0] * 3 / 2 :
			    (steps[0] + steps[1]) / 2;
		return steps[c->step];
	default:
		c->step++;
		return steps[c->step];
	}
}

struct fsrs_card
fsrs_review(const struct fsrs_params *p, const struct fsrs_card *in,
    enum fsrs_grade g, int64_t now)
{
	struct fsrs_card c = *in;
	int64_t days = days_between(c.last, now), next;

	update_memory(p, &c, (int)g, days);
	if (c.state == FSRS_LEARNING) {
		next = steps_next(p, &c, (int)g, p->learning, p->nlearning);
	} else if (c.state == FSRS_RELEARNING) {
		next = steps_next(p, &c, (int)g, p->relearning,
		    p->nrelearning);
	} else if (g == FSRS_AGAIN && p->nrelearning > 0) {
		c.state = FSRS_RELEARNING;
		c.step = 0;
		next = p->relearning[0];
	} else {
		next = interval_days(p, c.stability) * FSRS_DAY;
	}
	c.last = now;
	c.due = now + next;
	return c;
}

enum fsrs_grade
fsrs_grade(bool correct, double seconds, double limit)
{
	if (!correct)
		return FSRS_AGAIN;
	if (limit <= 0)
		return FSRS_GOOD;
	if (seconds > limit / 2)
		return FSRS_HARD;
	return seconds < limit / 4 ? FSRS_EASY : FSRS_GOOD;
}

bool
fsrs_due(const struct fsrs_card *c, int64_t now)
{
	return c->due <= now + FSRS_LEARN_AHEAD;
}

double
fsrs_weight(const struct fsrs_card *c, int64_t now)
{
	double days;

	if (c == NULL)
		return 2;
	days = (double)(now - c->due) / FSRS_DAY;
	if (fsrs_due(c, now))
		return 3 + days;     /* above 2: a due card may be 20 min early */
	return 1 + 1 / (1 - days);   /* in (1, 2): sooner due, heavier */
}
