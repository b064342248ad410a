/*
 * test_fsrs.c - unit tests for src/core/fsrs.c, the FSRS-6 scheduler.
 *
 * The reference vectors are those of py-fsrs (open-spaced-repetition/py-fsrs,
 * MIT), tests/test_basic.py: test_review_card (the intervals of Good x6,
 * Again x2, Good x5 with fuzzing off) and test_memo_state (stability and
 * difficulty after Again, Good x5); ts-fsrs and go-fsrs reproduce the same
 * numbers. The learning-step cases follow py-fsrs's test_good/again/hard/
 * easy_learning_steps, test_review_state and test_relearning.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "fsrs.h"

/* 2022-11-29 12:30:00 UTC, where py-fsrs's tests start. */
#define T0 ((int64_t)1669725000)
#define MIN 60

static void
defaults(struct fsrs_params *p)
{
	fsrs_defaults(p, 0.9);
}

static void
test_fsrs_reference_intervals(void **state)
{
	static const enum fsrs_grade g[13] = {
		FSRS_GOOD, FSRS_GOOD, FSRS_GOOD, FSRS_GOOD, FSRS_GOOD,
		FSRS_GOOD, FSRS_AGAIN, FSRS_AGAIN, FSRS_GOOD, FSRS_GOOD,
		FSRS_GOOD, FSRS_GOOD, FSRS_GOOD,
	};
	static const int64_t want[13] = {
		0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21,
	};
	struct fsrs_params p;
	struct fsrs_card c;
	int64_t now = T0;
	int i;

	(void)state;
	defaults(&p);
	fsrs_card_new(&c, now);
	for (i = 0; i < 13; i++) {
		c = fsrs_review(&p, &c, g[i], now);
		assert_int_equal((c.due - c.last) / FSRS_DAY, want[i]);
		now = c.due;
	}
}

static void
test_fsrs_reference_memory_state(void **state)
{
	static const enum fsrs_grade g[6] = {
		FSRS_AGAIN, FSRS_GOOD, FSRS_GOOD, FSRS_GOOD, FSRS_GOOD,
		FSRS_GOOD,
	};
	static const int offset[6] = { 0, 0, 1, 3, 8, 21 };
	struct fsrs_params p;
	struct fsrs_card c;
	int64_t now = T0;
	int i;

	(void)state;
	defaults(&p);
	fsrs_card_new(&c, now);
	for (i = 0; i < 6; i++) {
		now += (int64_t)offset[i] * FSRS_DAY;
		c = fsrs_review(&p, &c, g[i], now);
	}
	assert_true(fabs(c.stability - 53.62691) < 1e-4);
	assert_true(fabs(c.difficulty - 6.3574867) < 1e-4);
}

static void
test_fsrs_first_answer_sets_initial_memory(void **state)
{
	static const double s[4] = { 0.212, 1.2931, 2.3065, 8.2956 };
	static const double d[4] = { 6.4133, 5.11217071, 2.11810397, 1.0 };
	struct fsrs_params p;
	struct fsrs_card c;
	int g;

	(void)state;
	defaults(&p);
	for (g = FSRS_AGAIN; g <= FSRS_EASY; g++) {
		fsrs_card_new(&c, T0);
		c = fsrs_review(&p, &c, (enum fsrs_grade)g, T0);
		assert_true(fabs(c.stability - s[g - 1]) < 1e-6);
		assert_true(fabs(c.difficulty - d[g - 1]) < 1e-6);
	}
}

static void
test_fsrs_learning_steps_set_due(void **state)
{
	struct fsrs_params p;
	struct fsrs_card c, n;

	(void)state;
	defaults(&p);
	fsrs_card_new(&c, T0);
	n = fsrs_review(&p, &c, FSRS_AGAIN, T0);
	assert_int_equal(n.state, FSRS_LEARNING);
	assert_int_equal(n.step, 0);
	assert_true(n.due == T0 + 1 * MIN);
	n = fsrs_review(&p, &c, FSRS_HARD, T0);
	assert_int_equal(n.step, 0);
	assert_true(n.due == T0 + 330);
	n = fsrs_review(&p, &c, FSRS_GOOD, T0);
	assert_int_equal(n.state, FSRS_LEARNING);
	assert_int_equal(n.step, 1);
	assert_true(n.due == T0 + 10 * MIN);
	n = fsrs_review(&p, &n, FSRS_GOOD, n.due);
	assert_int_equal(n.state, FSRS_REVIEW);
	assert_true(n.due - n.last >= FSRS_DAY);
	n = fsrs_review(&p, &c, FSRS_EASY, T0);
	assert_int_equal(n.state, FSRS_REVIEW);
	assert_true(n.due == T0 + 8 * FSRS_DAY);
}

static void
test_fsrs_lapse_relearns_then_graduates(void **state)
{
	struct fsrs_params p;
	struct fsrs_card c;
	double before;

	(void)state;
	defaults(&p);
	fsrs_card_new(&c, T0);
	c = fsrs_review(&p, &c, FSRS_EASY, T0);
	c = fsrs_review(&p, &c, FSRS_GOOD, c.due);
	assert_int_equal(c.state, FSRS_REVIEW);
	before = c.stability;
	c = fsrs_review(&p, &c, FSRS_AGAIN, c.due);
	assert_int_equal(c.state, FSRS_RELEARNING);
	assert_true(c.due - c.last == 10 * MIN);
	assert_true(c.stability < before);
	c = fsrs_review(&p, &c, FSRS_AGAIN, c.due);
	assert_int_equal(c.state, FSRS_RELEARNING);
	assert_true(c.due - c.last == 10 * MIN);
	c = fsrs_review(&p, &c, FSRS_GOOD, c.due);
	assert_int_equal(c.state, FSRS_REVIEW);
	assert_true(c.due - c.last >= FSRS_DAY);
}

static void
test_fsrs_repeated_easy_bottoms_out_difficulty(void **state)
{
	struct fsrs_params p;
	struct fsrs_card c;
	int i;

	(void)state;
	defaults(&p);
	fsrs_card_new(&c, T0);
	for (i = 0; i < 10; i++)
		c = fsrs_review(&p, &c, FSRS_EASY, T0);
	assert_true(c.difficulty == 1.0);
}

static void
test_fsrs_retrievability_is_retention_at_stability(void **state)
{
	struct fsrs_params p;
	struct fsrs_card c;

	(void)state;
	defaults(&p);
	fsrs_card_new(&c, T0);
	assert_true(fsrs_retrievability(&p, &c, T0 + FSRS_DAY) == 0);
	c.state = FSRS_REVIEW;
	c.stability = 10;
	c.difficulty = 5;
	assert_true(fabs(fsrs_retrievability(&p, &c, T0) - 1) < 1e-12);
	assert_true(fabs(fsrs_retrievability(&p, &c, T0 + 10 * FSRS_DAY) -
	    0.9) < 1e-9);
	assert_true(fsrs_retrievability(&p, &c, T0 + 30 * FSRS_DAY) <
	    fsrs_retrievability(&p, &c, T0 + 20 * FSRS_DAY));
	/* A clock that went back counts as no time at all. */
	assert_true(fabs(fsrs_retrievability(&p, &c, T0 - FSRS_DAY) - 1) <
	    1e-12);
}

static void
test_fsrs_lower_retention_means_longer_intervals(void **state)
{
	struct fsrs_params hi, lo;
	struct fsrs_card c, a, b;

	(void)state;
	fsrs_defaults(&hi, 0.95);
	fsrs_defaults(&lo, 0.8);
	fsrs_card_new(&c, T0);
	a = fsrs_review(&hi, &c, FSRS_EASY, T0);
	b = fsrs_review(&lo, &c, FSRS_EASY, T0);
	assert_true(a.stability == b.stability);
	assert_true(b.due - T0 > a.due - T0);
	assert_true(a.due - T0 >= FSRS_DAY);
}

static void
test_fsrs_grade_from_the_game(void **state)
{
	(void)state;
	assert_int_equal(fsrs_grade(false, 1, 20), FSRS_AGAIN);
	assert_int_equal(fsrs_grade(false, 20, 20), FSRS_AGAIN);
	assert_int_equal(fsrs_grade(true, 4.9, 20), FSRS_EASY);
	assert_int_equal(fsrs_grade(true, 5, 20), FSRS_GOOD);
	assert_int_equal(fsrs_grade(true, 10, 20), FSRS_GOOD);
	assert_int_equal(fsrs_grade(true, 10.1, 20), FSRS_HARD);
	assert_int_equal(fsrs_grade(true, 19.9, 20), FSRS_HARD);
	assert_int_equal(fsrs_grade(true, 1, 0), FSRS_GOOD);
	assert_int_equal(fsrs_grade(true, 100, 0), FSRS_GOOD);
}

static void
test_fsrs_due_includes_learn_ahead(void **state)
{
	struct fsrs_params p;
	struct fsrs_card c;

	(void)state;
	defaults(&p);
	fsrs_card_new(&c, T0);
	assert_true(fsrs_due(&c, T0));
	c = fsrs_review(&p, &c, FSRS_AGAIN, T0);   /* due in a minute */
	assert_true(fsrs_due(&c, T0));
	c = fsrs_review(&p, &c, FSRS_EASY, T0);    /* due in days */
	assert_false(fsrs_due(&c, T0));
	assert_false(fsrs_due(&c, c.due - FSRS_LEARN_AHEAD - 1));
	assert_true(fsrs_due(&c, c.due - FSRS_LEARN_AHEAD));
}

static void
test_fsrs_weight_orders_due_then_new_then_soonest(void **state)
{
	struct fsrs_card late, due, early, soon, later;
	int64_t now = T0 + 100 * FSRS_DAY;

	(void)state;
	fsrs_card_new(&late, T0);
	due = early = soon = later = late;
	late.due = now - 5 * FSRS_DAY;
	due.due = now - 1;
	early.due = now + FSRS_LEARN_AHEAD;       /* counts as due */
	soon.due = now + FSRS_DAY;
	later.due = now + 30 * FSRS_DAY;
	assert_true(fsrs_weight(&late, now) > fsrs_weight(&due, now));
	assert_true(fsrs_weight(&due, now) > fsrs_weight(&early, now));
	assert_true(fsrs_weight(&early, now) > fsrs_weight(NULL, now));
	assert_true(fsrs_weight(NULL, now) > fsrs_weight(&soon, now));
	assert_true(fsrs_weight(&soon, now) > fsrs_weight(&later, now));
	assert_true(fsrs_weight(&later, now) > 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fsrs_reference_intervals),
		cmocka_unit_test(test_fsrs_reference_memory_state),
		cmocka_unit_test(test_fsrs_first_answer_sets_initial_memory),
		cmocka_unit_test(test_fsrs_learning_steps_set_due),
		cmocka_unit_test(test_fsrs_lapse_relearns_then_graduates),
		cmocka_unit_test(test_fsrs_repeated_easy_bottoms_out_difficulty),
		cmocka_unit_test(
		    test_fsrs_retrievability_is_retention_at_stability),
		cmocka_unit_test(
		    test_fsrs_lower_retention_means_longer_intervals),
		cmocka_unit_test(test_fsrs_grade_from_the_game),
		cmocka_unit_test(test_fsrs_due_includes_learn_ahead),
		cmocka_unit_test(
		    test_fsrs_weight_orders_due_then_new_then_soonest),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
