/*
 * test_linein.c - unit tests for src/core/linein.c: plain mode's lines in.
 * One line is one answer however long; what comes out is valid UTF-8
 * without NUL; chunks may split lines and characters anywhere.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "linein.h"
#include "utf8.h"

static void
expect_line(struct linein *in, const char *text, size_t dropped,
    size_t replaced)
{
	struct line l;

	assert_true(linein_take(in, &l));
	assert_string_equal(l.text, text);
	assert_int_equal(l.dropped, dropped);
	assert_int_equal(l.replaced, replaced);
	free(l.text);
}

static void
test_linein_a_long_line_is_one_answer(void **state)
{
	struct linein in = { 0 };
	char *big = malloc(10001), *want = malloc(LINEIN_KEEP + 1);

	(void)state;
	memset(big, 'a', 10000);
	big[10000] = '\n';
	memset(want, 'a', LINEIN_KEEP);
	want[LINEIN_KEEP] = '\0';
	linein_feed(&in, big, 10001);
	linein_feed(&in, "next\n", 5);
	/* Cut at 4095 bytes it used to answer three questions. */
	expect_line(&in, want, 10000 - LINEIN_KEEP, 0);
	expect_line(&in, "next", 0, 0);
	assert_false(linein_ready(&in));
	linein_fini(&in);
	free(big);
	free(want);
}

static void
test_linein_lines_piped_at_once_come_one_by_one(void **state)
{
	struct linein in = { 0 };
	struct line l;

	(void)state;
	linein_feed(&in, "1\r\ntwo\n\nthr", 11);
	assert_true(linein_ready(&in));
	expect_line(&in, "1", 0, 0);
	expect_line(&in, "two", 0, 0);
	expect_line(&in, "", 0, 0);
	assert_false(linein_take(&in, &l));
	linein_feed(&in, "ee\n", 3);
	expect_line(&in, "three", 0, 0);
	linein_fini(&in);
}

static void
test_linein_chunks_split_anywhere(void **state)
{
	static const char text[] = "caf\xc3\xa9\nna\xc3\xafve\r\n\xe2\x82\xac 5\n";
	struct linein in = { 0 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof text - 1; i++)
		linein_feed(&in, text + i, 1);
	expect_line(&in, "caf\xc3\xa9", 0, 0);
	expect_line(&in, "na\xc3\xafve", 0, 0);
	expect_line(&in, "\xe2\x82\xac 5", 0, 0);
	linein_fini(&in);
}

static void
test_linein_nul_and_bad_bytes_become_replacements(void **state)
{
	struct linein in = { 0 };

	(void)state;
	/* A NUL used to cut the answer short without a word. */
	linein_feed(&in, "ab\0cd\n", 6);
	expect_line(&in, "ab\xef\xbf\xbd" "cd", 0, 1);
	linein_feed(&in, "x\xff\xc3(\xed\xa0\x80y\n", 9);
	expect_line(&in, "x\xef\xbf\xbd\xef\xbf\xbd(\xef\xbf\xbd\xef\xbf\xbd"
	    "\xef\xbf\xbdy", 0, 5);
	linein_fini(&in);
}

static void
test_linein_a_cut_never_splits_a_character(void **state)
{
	struct linein in = { 0 };
	char *buf = malloc(LINEIN_KEEP + 8);
	struct line l;

	(void)state;
	memset(buf, 'a', LINEIN_KEEP - 1);
	memcpy(buf + LINEIN_KEEP - 1, "\xc3\xa9zz\n", 5);
	linein_feed(&in, buf, LINEIN_KEEP + 4);
	assert_true(linein_take(&in, &l));
	assert_int_equal(strlen(l.text), LINEIN_KEEP - 1);
	assert_int_equal(l.dropped, 4);
	assert_int_equal(l.replaced, 0);
	assert_true(utf8_valid(l.text, strlen(l.text), NULL));
	free(l.text);
	linein_fini(&in);
	free(buf);
}

static void
test_linein_end_and_dropping_what_was_typed(void **state)
{
	struct linein in = { 0 };
	struct line l;

	(void)state;
	linein_feed(&in, "whole\nhalf", 10);
	linein_drop_partial(&in);
	expect_line(&in, "whole", 0, 0);
	assert_false(linein_take(&in, &l));
	linein_feed(&in, "last", 4);
	linein_end(&in);
	expect_line(&in, "last", 0, 0);
	linein_end(&in);
	assert_false(linein_take(&in, &l));
	linein_fini(&in);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_linein_a_long_line_is_one_answer),
		cmocka_unit_test(test_linein_lines_piped_at_once_come_one_by_one),
		cmocka_unit_test(test_linein_chunks_split_anywhere),
		cmocka_unit_test(test_linein_nul_and_bad_bytes_become_replacements),
		cmocka_unit_test(test_linein_a_cut_never_splits_a_character),
		cmocka_unit_test(test_linein_end_and_dropping_what_was_typed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
