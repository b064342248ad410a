/*
 * test_clock.c - unit tests for src/core/clock.c: countdown arithmetic with
 * the times passed in, so no test sleeps.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "clock.h"

/* An arbitrary monotonic "now" for the start of every countdown. */
#define T0 ((int64_t)1000 * CLOCK_US + 123)
#define MS 1000

static void
test_clock_start_sets_deadline(void **state)
{
	struct countdown c;

	(void)state;
	countdown_start(&c, T0, 2);
	assert_true(c.start == T0);
	assert_true(c.deadline == T0 + 2 * CLOCK_US);
	countdown_start(&c, T0, 0.25);
	assert_true(c.deadline == T0 + 250 * MS);
	assert_false(countdown_untimed(&c));
}

static void
test_clock_zero_or_negative_limit_is_untimed(void **state)
{
	struct countdown c;

	(void)state;
	countdown_start(&c, T0, 0);
	assert_true(countdown_untimed(&c));
	assert_true(c.deadline == CLOCK_NEVER);
	countdown_start(&c, T0, -5);
	assert_true(countdown_untimed(&c));
	assert_false(countdown_expired(&c, T0 + 1000LL * CLOCK_US));
	assert_int_equal(countdown_filled(&c, T0 + 1000LL * CLOCK_US, 80), 80);
}

static void
test_clock_left_counts_down_and_stops_at_zero(void **state)
{
	struct countdown c;

	(void)state;
	countdown_start(&c, T0, 2);
	assert_true(countdown_left(&c, T0) == 2 * CLOCK_US);
	assert_true(countdown_left(&c, T0 + 500 * MS) == 1500 * MS);
	assert_true(countdown_left(&c, T0 + 2 * CLOCK_US - 1) == 1);
	assert_true(countdown_left(&c, T0 + 2 * CLOCK_US) == 0);
	assert_true(countdown_left(&c, T0 + 60 * CLOCK_US) == 0);
}

static void
test_clock_expires_exactly_at_deadline(void **state)
{
	struct countdown c;

	(void)state;
	countdown_start(&c, T0, 3);
	assert_false(countdown_expired(&c, T0));
	assert_false(countdown_expired(&c, T0 + 3 * CLOCK_US - 1));
	assert_true(countdown_expired(&c, T0 + 3 * CLOCK_US));
	assert_true(countdown_expired(&c, T0 + 4 * CLOCK_US));
}

static void
test_clock_tenths_round_up(void **state)
{
	struct countdown c;

	(void)state;
	countdown_start(&c, T0, 2);
	assert_int_equal(countdown_tenths(&c, T0), 20);
	/* 1.95 s left shows 2.0; 1.9 s shows 1.9; 1.899999 s shows 1.9. */
	assert_int_equal(countdown_tenths(&c, T0 + 50 * MS), 20);
	assert_int_equal(countdown_tenths(&c, T0 + 100 * MS), 19);
	assert_int_equal(countdown_tenths(&c, T0 + 100 * MS + 1), 19);
	assert_int_equal(countdown_tenths(&c, T0 + 100 * MS - 1), 20);
	/* Anything left at all shows 0.1, never 0.0 before the deadline. */
	assert_int_equal(countdown_tenths(&c, T0 + 2 * CLOCK_US - 1), 1);
	assert_int_equal(countdown_tenths(&c, T0 + 2 * CLOCK_US), 0);
	assert_int_equal(countdown_tenths(&c, T0 + 9 * CLOCK_US), 0);
}

static void
test_clock_filled_full_at_start_empty_at_deadline(void **state)
{
	struct countdown c;

	(void)state;
	countdown_start(&c, T0, 2);
	assert_int_equal(countdown_filled(&c, T0, 80), 80);
	assert_int_equal(countdown_filled(&c, T0 + 1, 80), 80);
	assert_int_equal(countdown_filled(&c, T0 + 1 * CLOCK_US, 80), 40);
	assert_int_equal(countdown_filled(&c, T0 + 2 * CLOCK_US - 1, 80), 1);
	assert_int_equal(countdown_filled(&c, T0 + 2 * CLOCK_US, 80), 0);
	assert_int_equal(countdown_filled(&c, T0 + 3 * CLOCK_US, 80), 0);
}

static void
test_clock_filled_steps_are_even(void **state)
{
	struct countdown c;
	int64_t t;
	int prev = 80;

	(void)state;
	/* 2 s over 80 steps: a step every 25 ms, never two at once. */
	countdown_start(&c, T0, 2);
	for (t = 0; t <= 2 * CLOCK_US; t += MS) {
		int f = countdown_filled(&c, T0 + t, 80);

		assert_true(f == prev || f == prev - 1);
		assert_int_equal(f, (int)((2 * CLOCK_US - t + 25 * MS - 1) /
		    (25 * MS)));
		prev = f;
	}
	assert_int_equal(prev, 0);
}

static void
test_clock_wait_is_minus_one_when_untimed(void **state)
{
	struct countdown c;

	(void)state;
	countdown_start(&c, T0, 0);
	assert_int_equal(countdown_wait_ms(&c, T0, 80, 40), -1);
	assert_int_equal(countdown_wait_ms(&c, T0 + CLOCK_US, 0, 0), -1);
}

static void
test_clock_wait_until_next_bar_step(void **state)
{
	struct countdown c;

	(void)state;
	/* 2 s limit, 80 steps: the bar moves every 25 ms. */
	countdown_start(&c, T0, 2);
	assert_int_equal(countdown_wait_ms(&c, T0, 80, 0), 25);
	assert_int_equal(countdown_wait_ms(&c, T0 + 10 * MS, 80, 0), 15);
	assert_int_equal(countdown_wait_ms(&c, T0 + 25 * MS, 80, 0), 25);
	/* 3 s over 480 steps is 6.25 ms, rounded up to whole ms. */
	countdown_start(&c, T0, 3);
	assert_int_equal(countdown_wait_ms(&c, T0, 480, 0), 7);
}

static void
test_clock_wait_respects_floor(void **state)
{
	struct countdown c;

	(void)state;
	countdown_start(&c, T0, 2);
	assert_int_equal(countdown_wait_ms(&c, T0, 80, 40), 40);
	countdown_start(&c, T0, 3);
	assert_int_equal(countdown_wait_ms(&c, T0, 480, 40), 40);
	/* A floor below the next change changes nothing. */
	countdown_start(&c, T0, 2);
	assert_int_equal(countdown_wait_ms(&c, T0, 80, 10), 25);
}

static void
test_clock_wait_until_tenths_change_without_bar(void **state)
{
	struct countdown c;

	(void)state;
	countdown_start(&c, T0, 2);
	assert_int_equal(countdown_wait_ms(&c, T0, 0, 0), 100);
	assert_int_equal(countdown_wait_ms(&c, T0 + 30 * MS, 0, 0), 70);
	/* A slow bar (a step per 0.5 s) does not hide the tenths. */
	assert_int_equal(countdown_wait_ms(&c, T0 + 30 * MS, 4, 0), 70);
}

static void
test_clock_wait_never_beyond_deadline(void **state)
{
	struct countdown c;
	int64_t t;

	(void)state;
	countdown_start(&c, T0, 2);
	/* With the floor above the time left, wake at the deadline. */
	assert_int_equal(countdown_wait_ms(&c, T0 + 1990 * MS, 80, 40), 10);
	assert_int_equal(countdown_wait_ms(&c, T0 + 1999 * MS, 80, 40), 1);
	assert_int_equal(countdown_wait_ms(&c, T0 + 2 * CLOCK_US, 80, 40), 0);
	assert_int_equal(countdown_wait_ms(&c, T0 + 3 * CLOCK_US, 80, 40), 0);
	/* Everywhere: whole milliseconds, rounded up, so at most a part of
	 * one millisecond past the deadline, and only when less than a whole
	 * millisecond is left over. */
	for (t = 0; t < 2 * CLOCK_US; t += 997) {
		int64_t left = 2 * CLOCK_US - t;
		int w = countdown_wait_ms(&c, T0 + t, 80, 40);

		assert_true(w > 0);
		assert_true((int64_t)w * MS < left + MS);
		if (left % MS == 0)
			assert_true((int64_t)w * MS <= left);
	}
}

/* Waking when countdown_wait_ms says, with no floor, every wake shows a
 * change, a millisecond earlier would not, and the last lands on the
 * deadline. */
static void
check_wakes_at_each_change(double seconds, int steps)
{
	struct countdown c;
	int64_t now = T0, end;
	int wakes = 0;

	countdown_start(&c, T0, seconds);
	end = c.deadline;
	while (now < end) {
		int tenths = countdown_tenths(&c, now);
		int filled = countdown_filled(&c, now, steps);
		int w = countdown_wait_ms(&c, now, steps, 0);
		int64_t before = now + (int64_t)(w - 1) * MS;

		assert_true(w >= 1);
		if (w > 1 && before > now) {
			assert_int_equal(countdown_tenths(&c, before), tenths);
			assert_int_equal(countdown_filled(&c, before, steps),
			    filled);
		}
		now += (int64_t)w * MS;
		assert_true(countdown_tenths(&c, now) != tenths ||
		    countdown_filled(&c, now, steps) != filled);
		wakes++;
	}
	assert_true(now < end + MS);
	assert_int_equal(countdown_tenths(&c, now), 0);
	assert_int_equal(countdown_filled(&c, now, steps), 0);
	assert_in_range(wakes, 10, 100000);
}

static void
test_clock_wait_lands_on_each_visible_change(void **state)
{
	(void)state;
	check_wakes_at_each_change(2, 80);
	check_wakes_at_each_change(2, 0);
	check_wakes_at_each_change(3, 480);
	check_wakes_at_each_change(1.234, 77);
	check_wakes_at_each_change(20, 640);
	check_wakes_at_each_change(25, 0);   /* whole seconds, then tenths */
}

static void
test_clock_now_is_monotonic(void **state)
{
	int64_t a, b;
	int i;

	(void)state;
	a = clock_now();
	for (i = 0; i < 1000; i++) {
		b = clock_now();
		assert_true(b >= a);
		a = b;
	}
	assert_true(a > 0);
}

static void
test_clock_pause_stops_everything_until_resume(void **state)
{
	struct countdown c;
	int64_t t;

	(void)state;
	countdown_start(&c, T0, 10);
	assert_false(countdown_paused(&c));
	countdown_pause(&c, T0 + 4 * CLOCK_US);
	assert_true(countdown_paused(&c));
	/* An hour later nothing has moved: left, bar, tenths, elapsed. */
	t = T0 + 3600LL * CLOCK_US;
	assert_false(countdown_expired(&c, t));
	assert_true(countdown_left(&c, t) == 6 * CLOCK_US);
	assert_int_equal(countdown_tenths(&c, t), 60);
	assert_int_equal(countdown_filled(&c, t, 100), 60);
	assert_true(countdown_elapsed(&c, t) == 4);
	assert_int_equal(countdown_wait_ms(&c, t, 100, 50), -1);
	/* A second pause while paused keeps the first moment. */
	countdown_pause(&c, T0 + 5 * CLOCK_US);
	countdown_resume(&c, t);
	assert_false(countdown_paused(&c));
	assert_true(countdown_left(&c, t) == 6 * CLOCK_US);
	assert_true(countdown_limit(&c) == 10 * CLOCK_US);
	assert_true(countdown_elapsed(&c, t + CLOCK_US) == 5);
	assert_false(countdown_expired(&c, t + 6 * CLOCK_US - 1));
	assert_true(countdown_expired(&c, t + 6 * CLOCK_US));
	/* Resuming when not paused changes nothing. */
	countdown_resume(&c, t + 100 * CLOCK_US);
	assert_true(countdown_left(&c, t) == 6 * CLOCK_US);
}

static void
test_clock_untimed_cannot_pause_or_extend(void **state)
{
	struct countdown c;

	(void)state;
	countdown_start(&c, T0, 0);
	countdown_pause(&c, T0 + CLOCK_US);
	assert_false(countdown_paused(&c));
	countdown_extend(&c, 30);
	assert_true(countdown_untimed(&c));
	assert_true(countdown_limit(&c) == CLOCK_NEVER);
	assert_true(countdown_elapsed(&c, T0 + 90 * CLOCK_US) == 90);
}

static void
test_clock_extend_moves_the_deadline(void **state)
{
	struct countdown c;

	(void)state;
	countdown_start(&c, T0, 2);
	countdown_extend(&c, 0.5);
	assert_true(c.deadline == T0 + 2500 * MS);
	assert_true(countdown_limit(&c) == 2500 * MS);
	assert_false(countdown_expired(&c, T0 + 2 * CLOCK_US));
	assert_true(countdown_expired(&c, T0 + 2500 * MS));
	/* Half of 2.5 s gone: half the bar. */
	assert_int_equal(countdown_filled(&c, T0 + 1250 * MS, 80), 40);
	countdown_extend(&c, 0);
	countdown_extend(&c, -3);
	assert_true(countdown_limit(&c) == 2500 * MS);
	/* More time after a pause: both apply. */
	countdown_pause(&c, T0 + CLOCK_US);
	countdown_extend(&c, 1);
	countdown_resume(&c, T0 + 11 * CLOCK_US);
	assert_true(countdown_left(&c, T0 + 11 * CLOCK_US) == 2500 * MS);
}

static void
test_clock_elapsed_never_passes_the_limit(void **state)
{
	struct countdown c;

	(void)state;
	countdown_start(&c, T0, 3);
	assert_true(countdown_elapsed(&c, T0) == 0);
	assert_true(countdown_elapsed(&c, T0 + 1500 * MS) == 1.5);
	assert_true(countdown_elapsed(&c, T0 + 3 * CLOCK_US) == 3);
	assert_true(countdown_elapsed(&c, T0 + 60 * CLOCK_US) == 3);
}

static void
test_clock_shows_whole_seconds_until_the_last_ten(void **state)
{
	struct countdown c;

	(void)state;
	countdown_start(&c, T0, 20);
	assert_int_equal(countdown_tenths(&c, T0), 200);
	assert_int_equal(countdown_tenths(&c, T0 + 500 * MS), 200);
	assert_int_equal(countdown_tenths(&c, T0 + CLOCK_US), 190);
	assert_int_equal(countdown_tenths(&c, T0 + CLOCK_US + 1), 190);
	assert_int_equal(countdown_tenths(&c, T0 + 9950 * MS), 110);
	/* From 10 s left on, tenths. */
	assert_int_equal(countdown_tenths(&c, T0 + 10 * CLOCK_US), 100);
	assert_int_equal(countdown_tenths(&c, T0 + 10050 * MS), 100);
	assert_int_equal(countdown_tenths(&c, T0 + 10100 * MS), 99);
	/* Without a bar, a wake a second while whole seconds show. */
	assert_int_equal(countdown_wait_ms(&c, T0 + 500 * MS, 0, 0), 500);
	assert_int_equal(countdown_wait_ms(&c, T0 + 9500 * MS, 0, 0), 500);
	assert_int_equal(countdown_wait_ms(&c, T0 + 10 * CLOCK_US, 0, 0), 100);
}

/* A wait of 59 days (--time 86400 --time-scale 60) once wrapped poll's int
 * timeout negative: every wait is clamped, and none is rounded down to 0. */
static void
test_clock_poll_ms_clamps_and_rounds_up(void **state)
{
	(void)state;
	assert_int_equal(clock_poll_ms(-1), -1);
	assert_int_equal(clock_poll_ms(0), 0);
	assert_int_equal(clock_poll_ms(1), 1);
	assert_int_equal(clock_poll_ms(1000), 1);
	assert_int_equal(clock_poll_ms(1001), 2);
	assert_int_equal(clock_poll_ms((int64_t)CLOCK_WAIT_MAX_MS * 1000 - 1),
	    CLOCK_WAIT_MAX_MS);
	assert_int_equal(clock_poll_ms(86400LL * 60 * CLOCK_US),
	    CLOCK_WAIT_MAX_MS);
	assert_int_equal(clock_poll_ms(CLOCK_NEVER), CLOCK_WAIT_MAX_MS);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clock_start_sets_deadline),
		cmocka_unit_test(test_clock_zero_or_negative_limit_is_untimed),
		cmocka_unit_test(test_clock_left_counts_down_and_stops_at_zero),
		cmocka_unit_test(test_clock_expires_exactly_at_deadline),
		cmocka_unit_test(test_clock_tenths_round_up),
		cmocka_unit_test(
		    test_clock_filled_full_at_start_empty_at_deadline),
		cmocka_unit_test(test_clock_filled_steps_are_even),
		cmocka_unit_test(test_clock_wait_is_minus_one_when_untimed),
		cmocka_unit_test(test_clock_wait_until_next_bar_step),
		cmocka_unit_test(test_clock_wait_respects_floor),
		cmocka_unit_test(
		    test_clock_wait_until_tenths_change_without_bar),
		cmocka_unit_test(test_clock_wait_never_beyond_deadline),
		cmocka_unit_test(test_clock_wait_lands_on_each_visible_change),
		cmocka_unit_test(test_clock_now_is_monotonic),
		cmocka_unit_test(test_clock_pause_stops_everything_until_resume),
		cmocka_unit_test(test_clock_untimed_cannot_pause_or_extend),
		cmocka_unit_test(test_clock_extend_moves_the_deadline),
		cmocka_unit_test(test_clock_elapsed_never_passes_the_limit),
		cmocka_unit_test(test_clock_poll_ms_clamps_and_rounds_up),
		cmocka_unit_test(
		    test_clock_shows_whole_seconds_until_the_last_ten),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
