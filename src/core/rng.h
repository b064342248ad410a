#ifndef TERMQUIZ_RNG_H
#define TERMQUIZ_RNG_H

#include <stdint.h>

/* A small seeded generator (splitmix64): the same seed, the same game. */
struct rng {
	uint64_t state;
};

/* Start r from seed; the next 64 random bits. */
void rng_seed(struct rng *r, uint64_t seed);
uint64_t rng_next(struct rng *r);

/* A uniform integer in [0, n), n > 0, without modulo bias. */
uint32_t rng_below(struct rng *r, uint32_t n);

/* Fisher-Yates shuffle of v[0..n). */
void rng_shuffle(struct rng *r, int *v, int n);

#endif
