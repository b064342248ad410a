/*
 * test_score.c - unit tests for src/core/score.c: Kahoot-style points for a
 * correct answer and the streak bonus.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "score.h"

static void
test_score_instant_answer_scores_1000(void **state)
{
	(void)state;
	assert_int_equal(score_points(0, 20), 1000);
	assert_int_equal(score_points(0, 0.5), 1000);
	assert_int_equal(SCORE_MAX, 1000);
}

static void
test_score_half_time_scores_750(void **state)
{
	(void)state;
	assert_int_equal(score_points(10, 20), 750);
	assert_int_equal(score_points(1.5, 3), 750);
}

static void
test_score_at_deadline_scores_500(void **state)
{
	(void)state;
	assert_int_equal(score_points(20, 20), 500);
	assert_int_equal(score_points(0.1, 0.1), 500);
}

static void
test_score_never_below_500_after_deadline(void **state)
{
	(void)state;
	assert_int_equal(score_points(21, 20), 500);
	assert_int_equal(score_points(1e6, 20), 500);
}

static void
test_score_follows_formula_and_rounds(void **state)
{
	(void)state;
	/* round(1000 * (1 - t/T/2)) */
	assert_int_equal(score_points(1, 4), 875);
	assert_int_equal(score_points(1, 3), 833);      /* 833.33 */
	assert_int_equal(score_points(2, 3), 667);      /* 666.67 */
	assert_int_equal(score_points(1, 8), 938);      /* 937.5 rounds up */
	assert_int_equal(score_points(2.41, 20), 940);  /* 939.75 */
	assert_int_equal(score_points(5, 10), 750);
}

static void
test_score_decreases_with_time(void **state)
{
	int prev = score_points(0, 10), i;

	(void)state;
	for (i = 1; i <= 100; i++) {
		int p = score_points(i / 10.0, 10);

		assert_true(p <= prev);
		assert_in_range(p, 500, 1000);
		prev = p;
	}
	assert_int_equal(prev, 500);
}

static void
test_score_negative_time_counts_as_instant(void **state)
{
	(void)state;
	assert_int_equal(score_points(-1, 20), 1000);
}

static void
test_score_untimed_scores_1000(void **state)
{
	(void)state;
	assert_int_equal(score_points(0, 0), 1000);
	assert_int_equal(score_points(55, 0), 1000);
	assert_int_equal(score_points(55, -1), 1000);
}

static void
test_score_streak_first_answer_has_no_bonus(void **state)
{
	(void)state;
	assert_int_equal(score_streak_bonus(1, 100, 500), 0);
	assert_int_equal(score_streak_bonus(0, 100, 500), 0);
}

static void
test_score_streak_bonus_grows_by_per(void **state)
{
	(void)state;
	assert_int_equal(score_streak_bonus(2, 100, 500), 100);
	assert_int_equal(score_streak_bonus(3, 100, 500), 200);
	assert_int_equal(score_streak_bonus(4, 100, 500), 300);
	assert_int_equal(score_streak_bonus(3, 25, 500), 50);
}

static void
test_score_streak_bonus_is_capped_at_max(void **state)
{
	(void)state;
	assert_int_equal(score_streak_bonus(6, 100, 500), 500);
	assert_int_equal(score_streak_bonus(7, 100, 500), 500);
	assert_int_equal(score_streak_bonus(1000, 100, 500), 500);
	assert_int_equal(score_streak_bonus(3, 100, 150), 150);
	assert_int_equal(score_streak_bonus(5, 100, 0), 0);
}

static void
test_score_streak_bonus_zero_per_gives_nothing(void **state)
{
	(void)state;
	assert_int_equal(score_streak_bonus(10, 0, 500), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_score_instant_answer_scores_1000),
		cmocka_unit_test(test_score_half_time_scores_750),
		cmocka_unit_test(test_score_at_deadline_scores_500),
		cmocka_unit_test(test_score_never_below_500_after_deadline),
		cmocka_unit_test(test_score_follows_formula_and_rounds),
		cmocka_unit_test(test_score_decreases_with_time),
		cmocka_unit_test(test_score_negative_time_counts_as_instant),
		cmocka_unit_test(test_score_untimed_scores_1000),
		cmocka_unit_test(test_score_streak_first_answer_has_no_bonus),
		cmocka_unit_test(test_score_streak_bonus_grows_by_per),
		cmocka_unit_test(test_score_streak_bonus_is_capped_at_max),
		cmocka_unit_test(
		    test_score_streak_bonus_zero_per_gives_nothing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
