/*
 * The spaced-review simulation (issue #15): a simulated learner plays 30
 * days of daily 10-question reviews of a pack of nq questions, scheduled by
 * FSRS (src/core/fsrs.c, exactly as --review picks: fsrs_weight, heaviest
 * first, ties in pack order, graded by fsrs_grade) or by the miss-weighting
 * --review used before (each miss or timeout +1, each right answer -0.5,
 * halved for every two weeks of age; heaviest first, filled up to 10 with
 * the rest in weight order, so both play the same number of questions).
 * On day 31 it prints the share of the pack the learner would answer right.
 *
 * The learner: each question has a hidden memory stability S (days; recall
 * 0.9^(elapsed / S)) that a right answer grows the more, the lower the
 * recall was (the spacing effect; early reviews gain little), and a miss
 * resets to the question's first-sight stability (the feedback shows the
 * answer). Some questions are known before the first sight. Right answers
 * take longer the weaker the recall, which the game grades (Easy to Hard).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "fsrs.h"

#define NQ_MAX 200
#define PER_DAY 10
#define DAYS 30
#define LEARNERS 200
#define LIMIT 20.0
#define T0 ((int64_t)1767261600)   /* 2026-01-01 10:00 UTC */

struct answer {
	int64_t at;
	bool right;
};

struct item {
	double s0;        /* stability after first sight or a miss */
	double gain;      /* how much right answers grow it */
	double prior;     /* recall before ever seen */
	bool seen;
	double s;
	int64_t last;
	struct fsrs_card card;
	struct answer hist[DAYS + 1];
	int nhist;
};

static uint64_t
next_u64(uint64_t *x)
{
	*x ^= *x >> 12;
	*x ^= *x << 25;
	*x ^= *x >> 27;
	return *x * 2685821657736338717ULL;
}

static double
uniform(uint64_t *x)
{
	return (double)(next_u64(x) >> 11) / 9007199254740992.0;
}

static double
recall(const struct item *it, int64_t now)
{
	if (!it->seen)
		return it->prior;
	return pow(0.9, (double)(now - it->last) / FSRS_DAY / it->s);
}

/* The learner answers it at now; returns whether right, and the time. */
static bool
answer(struct item *it, int64_t now, uint64_t *rng, double *seconds)
{
	double p = recall(it, now);
	bool right = uniform(rng) < p;

	*seconds = right ? LIMIT * (0.1 + 0.7 * (1 - p)) : LIMIT;
	if (!right) {
		it->s = it->s0;
	} else if (!it->seen) {
		it->s = it->s0 * 4;
	} else {
		it->s *= 1 + it->gain * (exp(3 * (1 - p)) - 1) *
		    pow(it->s, -0.2);
	}
	it->seen = true;
	it->last = now;
	return right;
}

static double
miss_weight(const struct item *it, int64_t now)
{
	double w = 0;
	int k;

	for (k = 0; k < it->nhist; k++) {
		double age = (double)(now - it->hist[k].at) / FSRS_DAY;

		w += (it->hist[k].right ? -0.5 : 1.0) * pow(0.5, age / 14);
	}
	return w;
}

struct ranked {
	int i;
	double w;
};

static int
ranked_cmp(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->w != y->w)
		return x->w > y->w ? -1 : 1;
	return x->i - y->i;
}

/* One learner (seed) over the days; returns the mean recall on day 31. */
static double
simulate(uint64_t seed, bool fsrs, int nq)
{
	struct fsrs_params p;
	struct item *v = calloc((size_t)nq, sizeof *v);
	uint64_t rng = seed * 0x9E3779B97F4A7C15ULL + 1;
	double share = 0;
	int day, i, k;

	fsrs_defaults(&p, 0.9);
	for (i = 0; i < nq; i++) {
		double hard = uniform(&rng);

		v[i].s0 = 0.3 + 2 * (1 - hard);
		v[i].gain = 2 + 6 * (1 - hard);
		v[i].prior = uniform(&rng) < 0.3 ? 0.5 + 0.5 * uniform(&rng) : 0;
	}
	/* Both schedules get the same learner: the same seed draws it. */
	for (day = 0; day < DAYS; day++) {
		int64_t now = T0 + (int64_t)day * FSRS_DAY;
		struct ranked r[NQ_MAX];

		for (i = 0; i < nq; i++) {
			r[i].i = i;
			r[i].w = fsrs ? fsrs_weight(v[i].nhist ? &v[i].card :
			    NULL, now) : miss_weight(&v[i], now);
		}
		qsort(r, (size_t)nq, sizeof r[0], ranked_cmp);
		for (k = 0; k < PER_DAY; k++) {
			struct item *it = &v[r[k].i];
			double secs;
			bool right = answer(it, now, &rng, &secs);

			if (it->nhist == 0)
				fsrs_card_new(&it->card, now);
			it->card = fsrs_review(&p, &it->card,
			    fsrs_grade(right, secs, LIMIT), now);
			it->hist[it->nhist].at = now;
			it->hist[it->nhist++].right = right;
		}
	}
	for (i = 0; i < nq; i++)
		share += recall(&v[i], T0 + (int64_t)DAYS * FSRS_DAY);
	free(v);
	return share / nq;
}

void
learn_simulate(int nq, struct learn_result *res)
{
	int l, wins = 0;

	if (nq > NQ_MAX)
		nq = NQ_MAX;
	memset(res, 0, sizeof *res);
	for (l = 0; l < LEARNERS; l++) {
		double f = simulate((uint64_t)l + 1, true, nq);
		double m = simulate((uint64_t)l + 1, false, nq);

		res->fsrs += f / LEARNERS;
		res->miss += m / LEARNERS;
		wins += f > m;
	}
	res->learners = LEARNERS;
	res->fsrs_wins = wins;
	res->days = DAYS;
	res->questions = nq;
	res->per_day = PER_DAY;
}
