#include "rng.h"

#include <assert.h>

void
rng_seed(struct rng *r, uint64_t seed)
{
	r->state = seed;
}

uint64_t
rng_next(struct rng *r)
{
	uint64_t z = (r->state += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

uint32_t
rng_below(struct rng *r, uint32_t n)
{
	uint64_t limit, x;

	assert(n > 0);
	/* Reject the top sliver that would make low values more likely. */
	limit = UINT64_MAX - UINT64_MAX % n;
	do
		x = rng_next(r);
	while (x >= limit);
	return (uint32_t)(x % n);
}

void
rng_shuffle(struct rng *r, int *v, int n)
{
	int i;

	for (i = n - 1; i > 0; i--) {
		int j = (int)rng_below(r, (uint32_t)i + 1);
		int t = v[i];

		v[i] = v[j];
		v[j] = t;
	}
}
