/*
 * test_spark.c - unit tests for src/core/spark.c: sparkline levels, the
 * glyphs in UTF-8 and ASCII, lines cut to fit, and bars.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "spark.h"

static void
test_spark_level_spans_the_range(void **state)
{
	(void)state;
	assert_int_equal(spark_level(0, 0, 100), 0);
	assert_int_equal(spark_level(100, 0, 100), SPARK_LEVELS - 1);
	assert_int_equal(spark_level(49, 0, 100), 3);
	assert_int_equal(spark_level(51, 0, 100), 4);
	assert_int_equal(spark_level(-5, 0, 100), 0);
	assert_int_equal(spark_level(500, 0, 100), SPARK_LEVELS - 1);
	/* One value, or all the same: the middle. */
	assert_int_equal(spark_level(7, 7, 7), SPARK_LEVELS / 2);
}

static void
test_spark_line_utf8_and_ascii(void **state)
{
	double v[] = { 0, 25, 50, 75, 100 };
	char out[64];

	(void)state;
	assert_int_equal(spark_line(v, 5, 0, 100, true, out, sizeof out), 5);
	assert_string_equal(out, "\u2581\u2583\u2585\u2587\u2588");
	assert_int_equal(spark_line(v, 5, 0, 100, false, out, sizeof out), 5);
	assert_string_equal(out, "_-+#@");
	assert_int_equal(spark_line(v, 0, 0, 100, true, out, sizeof out), 0);
	assert_string_equal(out, "");
}

static void
test_spark_line_cut_to_fit_whole_glyphs(void **state)
{
	double v[] = { 0, 50, 100 };
	char out[8];

	(void)state;
	/* Three bytes a glyph: two fit in 8 with the NUL, never half of one. */
	assert_int_equal(spark_line(v, 3, 0, 100, true, out, sizeof out), 2);
	assert_int_equal(strlen(out), 6);
	assert_int_equal(spark_line(v, 3, 0, 100, false, out, 3), 2);
	assert_string_equal(out, "_+");
}

static void
test_spark_bar_fills_eighths(void **state)
{
	char out[64];

	(void)state;
	assert_string_equal(spark_bar(0, 4, false, out, sizeof out), "....");
	assert_string_equal(spark_bar(1, 4, false, out, sizeof out), "####");
	assert_string_equal(spark_bar(0.5, 4, false, out, sizeof out), "##..");
	assert_string_equal(spark_bar(2, 2, false, out, sizeof out), "##");
	assert_string_equal(spark_bar(-1, 2, false, out, sizeof out), "..");
	assert_string_equal(spark_bar(0.5, 2, true, out, sizeof out),
	    "\u2588 ");
	/* 3/16 of 2 cells: three eighths of the first. */
	assert_string_equal(spark_bar(3.0 / 16, 2, true, out, sizeof out),
	    "\u258d ");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spark_level_spans_the_range),
		cmocka_unit_test(test_spark_line_utf8_and_ascii),
		cmocka_unit_test(test_spark_line_cut_to_fit_whole_glyphs),
		cmocka_unit_test(test_spark_bar_fills_eighths),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
