/*
 * test_rng.c - unit tests for src/core/rng.c: the seeded generator behind
 * every shuffle, so that --seed replays a game exactly.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "rng.h"

#define N 52

static void
identity(int *v, int n)
{
	int i;

	for (i = 0; i < n; i++)
		v[i] = i;
}

static void
assert_permutation(const int *v, int n)
{
	int seen[N] = { 0 }, i;

	assert_true(n <= N);
	for (i = 0; i < n; i++) {
		assert_in_range(v[i], 0, n - 1);
		assert_int_equal(seen[v[i]], 0);
		seen[v[i]] = 1;
	}
}

static void
test_rng_matches_splitmix64_reference(void **state)
{
	struct rng r;

	(void)state;
	/* Known first outputs of splitmix64 from state 0. */
	rng_seed(&r, 0);
	assert_true(rng_next(&r) == 0xE220A8397B1DCDAFULL);
	assert_true(rng_next(&r) == 0x6E789E6AA1B965F4ULL);
}

static void
test_rng_same_seed_same_sequence(void **state)
{
	struct rng a, b;
	int i;

	(void)state;
	rng_seed(&a, 12345);
	rng_seed(&b, 12345);
	for (i = 0; i < 1000; i++)
		assert_true(rng_next(&a) == rng_next(&b));
}

static void
test_rng_different_seeds_differ(void **state)
{
	struct rng a, b;
	int i, same = 0;

	(void)state;
	rng_seed(&a, 1);
	rng_seed(&b, 2);
	for (i = 0; i < 100; i++)
		same += rng_next(&a) == rng_next(&b);
	assert_int_equal(same, 0);
}

static void
test_rng_below_stays_in_range(void **state)
{
	static const uint32_t ns[] = { 1, 2, 3, 7, 10, 1000, 0x80000001u,
		UINT32_MAX };
	struct rng r;
	size_t k;
	int i;

	(void)state;
	rng_seed(&r, 99);
	for (k = 0; k < sizeof ns / sizeof ns[0]; k++)
		for (i = 0; i < 2000; i++)
			assert_true(rng_below(&r, ns[k]) < ns[k]);
	for (i = 0; i < 100; i++)
		assert_int_equal(rng_below(&r, 1), 0);
}

static void
test_rng_below_covers_every_value_evenly(void **state)
{
	int count[6] = { 0 }, i;
	struct rng r;

	(void)state;
	rng_seed(&r, 7);
	for (i = 0; i < 60000; i++)
		count[rng_below(&r, 6)]++;
	for (i = 0; i < 6; i++)
		assert_in_range(count[i], 9000, 11000);
}

static void
test_rng_shuffle_is_a_permutation(void **state)
{
	struct rng r;
	int v[N], seed, n;

	(void)state;
	for (seed = 0; seed < 50; seed++) {
		for (n = 0; n <= N; n += 13) {
			rng_seed(&r, (uint64_t)seed);
			identity(v, n);
			rng_shuffle(&r, v, n);
			assert_permutation(v, n);
		}
	}
}

static void
test_rng_same_seed_same_shuffle(void **state)
{
	struct rng a, b;
	int v[N], w[N];

	(void)state;
	rng_seed(&a, 2024);
	rng_seed(&b, 2024);
	identity(v, N);
	identity(w, N);
	rng_shuffle(&a, v, N);
	rng_shuffle(&b, w, N);
	assert_memory_equal(v, w, sizeof v);
	/* And it did move something. */
	identity(w, N);
	assert_memory_not_equal(v, w, sizeof v);
}

static void
test_rng_different_seeds_different_shuffle(void **state)
{
	struct rng a, b;
	int v[N], w[N];

	(void)state;
	rng_seed(&a, 1);
	rng_seed(&b, 2);
	identity(v, N);
	identity(w, N);
	rng_shuffle(&a, v, N);
	rng_shuffle(&b, w, N);
	assert_memory_not_equal(v, w, sizeof v);
}

static void
test_rng_shuffle_reaches_every_order(void **state)
{
	int seen[3][3][3], i, a, b, c;
	struct rng r;

	(void)state;
	memset(seen, 0, sizeof seen);
	rng_seed(&r, 5);
	for (i = 0; i < 600; i++) {
		int v[3] = { 0, 1, 2 };

		rng_shuffle(&r, v, 3);
		seen[v[0]][v[1]][v[2]]++;
	}
	for (a = 0; a < 3; a++)
		for (b = 0; b < 3; b++)
			for (c = 0; c < 3; c++)
				if (a != b && b != c && a != c)
					assert_in_range(seen[a][b][c], 60, 140);
}

static void
test_rng_shuffle_of_one_or_none_is_a_no_op(void **state)
{
	struct rng r, copy;
	int v[1] = { 42 };

	(void)state;
	rng_seed(&r, 3);
	copy = r;
	rng_shuffle(&r, v, 1);
	rng_shuffle(&r, v, 0);
	assert_int_equal(v[0], 42);
	/* No number was drawn: the next game is not disturbed. */
	assert_true(rng_next(&r) == rng_next(&copy));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rng_matches_splitmix64_reference),
		cmocka_unit_test(test_rng_same_seed_same_sequence),
		cmocka_unit_test(test_rng_different_seeds_differ),
		cmocka_unit_test(test_rng_below_stays_in_range),
		cmocka_unit_test(test_rng_below_covers_every_value_evenly),
		cmocka_unit_test(test_rng_shuffle_is_a_permutation),
		cmocka_unit_test(test_rng_same_seed_same_shuffle),
		cmocka_unit_test(test_rng_different_seeds_different_shuffle),
		cmocka_unit_test(test_rng_shuffle_reaches_every_order),
		cmocka_unit_test(test_rng_shuffle_of_one_or_none_is_a_no_op),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
