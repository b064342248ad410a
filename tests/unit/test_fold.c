/*
 * test_fold.c - unit tests for src/core/fold.c: the fold that answers and
 * the loader's duplicate checks compare (matching itself: test_answer.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fold.h"

/* fold_text_into of s into an exactly sized buffer guarded on both sides. */
static void
check_into(const char *s, const char *expected)
{
	size_t n = strlen(s), room = FOLD_TEXT_MAX(n);
	char *buf = malloc(room + 2);
	size_t len;

	assert_non_null(buf);
	memset(buf, '#', room + 2);
	len = fold_text_into(s, n, buf + 1);
	assert_int_equal(len, strlen(expected));
	assert_string_equal(buf + 1, expected);
	assert_true(buf[0] == '#');
	assert_true(buf[room + 1] == '#');
	free(buf);
}

static void
test_fold_lowers_ascii_and_returns_length(void **state)
{
	(void)state;
	check_into("Hello World 42", "hello world 42");
	check_into("", "");
}

static void
test_fold_reads_only_n_bytes(void **state)
{
	char out[FOLD_TEXT_MAX(3)];

	(void)state;
	assert_int_equal(fold_text_into("ABCDEF", 3, out), 3);
	assert_string_equal(out, "abc");
}

static void
test_fold_unicode_spaces_are_one_space(void **state)
{
	(void)state;
	/* NO-BREAK SPACE, EN SPACE, IDEOGRAPHIC SPACE between words; a
	 * ZERO WIDTH SPACE is nothing at all. */
	check_into("a\xc2\xa0\xe2\x80\x82" "b\xe3\x80\x80" "c", "a b c");
	check_into("x\xe2\x80\x8by", "xy");
	check_into(" \t\r\n ", "");
}

static void
test_fold_dashes_become_hyphens(void **state)
{
	(void)state;
	check_into("1914\xe2\x80\x93" "1918 \xe2\x80\x94 war", "1914-1918 - war");
}

static void
test_fold_worst_case_fits_the_bound(void **state)
{
	/* Every byte invalid: each becomes the 3-byte U+FFFD. */
	static const char bad[] = "\xff\xfe\xff\xfe";

	(void)state;
	check_into(bad, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
}

static void
test_fold_text_allocates_the_same_fold(void **state)
{
	char *s = fold_text("  Zürich  ");

	(void)state;
	assert_string_equal(s, "zurich");
	free(s);
}

int
main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold_lowers_ascii_and_returns_length),
		cmocka_unit_test(test_fold_reads_only_n_bytes),
		cmocka_unit_test(test_fold_unicode_spaces_are_one_space),
		cmocka_unit_test(test_fold_dashes_become_hyphens),
		cmocka_unit_test(test_fold_worst_case_fits_the_bound),
		cmocka_unit_test(test_fold_text_allocates_the_same_fold),
	};

	return cmocka_run_group_tests_name("test_fold", tests, NULL, NULL);
}
