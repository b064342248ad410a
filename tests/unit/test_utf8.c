/*
 * test_utf8.c - unit tests for src/core/utf8.c: decoding, encoding and
 * validating UTF-8.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "utf8.h"

static void
test_utf8_round_trips_every_length(void **state)
{
	static const struct {
		uint32_t cp;
		size_t len;
	} v[] = {
		{ 0x00, 1 }, { 0x41, 1 }, { 0x7F, 1 }, { 0x80, 2 },
		{ 0xE9, 2 }, { 0x7FF, 2 }, { 0x800, 3 }, { 0x2014, 3 },
		{ 0xD7FF, 3 }, { 0xE000, 3 }, { 0xFFFD, 3 }, { 0xFFFF, 3 },
		{ 0x10000, 4 }, { 0x1F600, 4 }, { 0x10FFFF, 4 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		char buf[4];
		uint32_t cp = 0;
		size_t n = utf8_encode(v[i].cp, buf);

		assert_int_equal(n, v[i].len);
		assert_int_equal(utf8_decode(buf, n, &cp), n);
		assert_int_equal(cp, v[i].cp);
	}
}

static void
test_utf8_encodes_known_bytes(void **state)
{
	char buf[4];

	(void)state;
	assert_int_equal(utf8_encode(0xE9, buf), 2);
	assert_memory_equal(buf, "\xc3\xa9", 2);
	assert_int_equal(utf8_encode(0x20AC, buf), 3);
	assert_memory_equal(buf, "\xe2\x82\xac", 3);
	assert_int_equal(utf8_encode(0x1F600, buf), 4);
	assert_memory_equal(buf, "\xf0\x9f\x98\x80", 4);
}

static void
test_utf8_encode_replaces_surrogates_and_out_of_range(void **state)
{
	char buf[4];

	(void)state;
	assert_int_equal(utf8_encode(0xD800, buf), 3);
	assert_memory_equal(buf, "\xef\xbf\xbd", 3);
	assert_int_equal(utf8_encode(0x110000, buf), 3);
	assert_memory_equal(buf, "\xef\xbf\xbd", 3);
}

/* s[0..n) must not decode; the code point comes back as U+FFFD. */
static void
check_invalid(const char *s, size_t n)
{
	uint32_t cp = 0;

	assert_int_equal(utf8_decode(s, n, &cp), 0);
	assert_int_equal(cp, 0xFFFD);
	assert_false(utf8_valid(s, n, NULL));
}

static void
test_utf8_rejects_overlong_forms(void **state)
{
	(void)state;
	check_invalid("\xc0\xaf", 2);           /* '/' in two bytes */
	check_invalid("\xc1\xbf", 2);
	check_invalid("\xe0\x80\xaf", 3);       /* '/' in three */
	check_invalid("\xe0\x9f\xbf", 3);       /* U+07FF in three */
	check_invalid("\xf0\x80\x80\xaf", 4);   /* '/' in four */
	check_invalid("\xf0\x8f\xbf\xbf", 4);   /* U+FFFF in four */
}

static void
test_utf8_rejects_surrogates(void **state)
{
	(void)state;
	check_invalid("\xed\xa0\x80", 3);       /* U+D800 */
	check_invalid("\xed\xbf\xbf", 3);       /* U+DFFF */
	/* A CESU-8 pair for U+1F600 */
	check_invalid("\xed\xa0\xbd\xed\xb8\x80", 6);
}

static void
test_utf8_rejects_beyond_u10ffff(void **state)
{
	(void)state;
	check_invalid("\xf4\x90\x80\x80", 4);
	check_invalid("\xf5\x80\x80\x80", 4);
	check_invalid("\xff", 1);
	check_invalid("\xfe", 1);
}

static void
test_utf8_rejects_truncated_sequences(void **state)
{
	(void)state;
	check_invalid("\xc3", 1);
	check_invalid("\xe2\x82", 2);
	check_invalid("\xf0\x9f\x98", 3);
	/* Complete bytes, but n cuts them short. */
	check_invalid("\xe2\x82\xac", 2);
}

static void
test_utf8_decode_of_nothing_is_nothing(void **state)
{
	uint32_t cp = 0;

	(void)state;
	assert_int_equal(utf8_decode("abc", 0, &cp), 0);
	assert_int_equal(cp, 0xFFFD);
}

static void
test_utf8_rejects_stray_and_missing_continuations(void **state)
{
	(void)state;
	check_invalid("\x80", 1);
	check_invalid("\xbf", 1);
	check_invalid("\xe2\x28\xa1", 3);
	check_invalid("\xc3\x41", 2);
}

static void
test_utf8_valid_accepts_text(void **state)
{
	static const char s[] = "Reykjavík — 東京 😀 Ωμέγα";
	size_t bad = 12345;

	(void)state;
	assert_true(utf8_valid(s, strlen(s), &bad));
	assert_int_equal(bad, 12345); /* untouched */
	assert_true(utf8_valid("", 0, NULL));
}

static void
test_utf8_valid_reports_bad_offset(void **state)
{
	size_t bad = 0;

	(void)state;
	assert_false(utf8_valid("abc\xc3\x28", 5, &bad));
	assert_int_equal(bad, 3);
	assert_false(utf8_valid("Café \xed\xa0\x80!", 10, &bad));
	assert_int_equal(bad, 6);
	assert_false(utf8_valid("ab\xe2\x82", 4, &bad));
	assert_int_equal(bad, 2);
	assert_false(utf8_valid("\x80xyz", 4, &bad));
	assert_int_equal(bad, 0);
	/* The first of several. */
	assert_false(utf8_valid("é\xffé\xff", 6, &bad));
	assert_int_equal(bad, 2);
}

static void
test_utf8_steps_between_characters(void **state)
{
	static const char s[] = "aé—😀b"; /* 1 + 2 + 3 + 4 + 1 bytes */

	(void)state;
	assert_int_equal(utf8_next(s, 0), 1);
	assert_int_equal(utf8_next(s, 1), 3);
	assert_int_equal(utf8_next(s, 3), 6);
	assert_int_equal(utf8_next(s, 6), 10);
	assert_int_equal(utf8_next(s, 10), 11);
	assert_int_equal(utf8_next(s, 11), 11);  /* at the NUL: stays */
	assert_int_equal(utf8_prev(s, 11), 10);
	assert_int_equal(utf8_prev(s, 10), 6);
	assert_int_equal(utf8_prev(s, 6), 3);
	assert_int_equal(utf8_prev(s, 3), 1);
	assert_int_equal(utf8_prev(s, 1), 0);
	assert_int_equal(utf8_prev(s, 0), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_round_trips_every_length),
		cmocka_unit_test(test_utf8_encodes_known_bytes),
		cmocka_unit_test(
		    test_utf8_encode_replaces_surrogates_and_out_of_range),
		cmocka_unit_test(test_utf8_rejects_overlong_forms),
		cmocka_unit_test(test_utf8_rejects_surrogates),
		cmocka_unit_test(test_utf8_rejects_beyond_u10ffff),
		cmocka_unit_test(test_utf8_rejects_truncated_sequences),
		cmocka_unit_test(test_utf8_decode_of_nothing_is_nothing),
		cmocka_unit_test(
		    test_utf8_rejects_stray_and_missing_continuations),
		cmocka_unit_test(test_utf8_valid_accepts_text),
		cmocka_unit_test(test_utf8_valid_reports_bad_offset),
		cmocka_unit_test(test_utf8_steps_between_characters),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
