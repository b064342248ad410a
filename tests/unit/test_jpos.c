/*
 * test_jpos.c - unit tests for src/core/jpos.c: finding the byte offset of
 * a value or key by its path (cJSON keeps no positions), LINE:COL of an
 * offset, and the one bracket scanner.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "jpos.h"

#include "paths_fixture.h"

/* Where p is in text, as "LINE:COL", or "-" when it is not found. */
static void
check_where(const char *text, struct jpath p, bool at_key, int line, int col)
{
	long off = jpos_find(text, strlen(text), &p, at_key);
	int l = 0, c = 0;

	if (line == 0) {
		assert_int_equal(off, -1);
		return;
	}
	assert_true(off >= 0);
	jpos_linecol(text, (size_t)off, &l, &c);
	if (l != line || c != col) {
		char *s = jpath_str(&p);

		print_error("%s%s: expected %d:%d, got %d:%d\n", s,
		    at_key ? " (key)" : "", line, col, l, c);
		free(s);
	}
	assert_int_equal(l, line);
	assert_int_equal(c, col);
}

static void
test_jpos_linecol_counts_lines_and_characters(void **state)
{
	int l, c;

	(void)state;
	jpos_linecol("ab\ncd", 0, &l, &c);
	assert_int_equal(l, 1);
	assert_int_equal(c, 1);
	jpos_linecol("ab\ncd", 4, &l, &c);
	assert_int_equal(l, 2);
	assert_int_equal(c, 2);
	/* é is 2 bytes, € 3: x is byte 5 but character 3. */
	jpos_linecol("é€x", 5, &l, &c);
	assert_int_equal(l, 1);
	assert_int_equal(c, 3);
	/* CR is not a line break of its own; the LF after it is. */
	jpos_linecol("a\r\nb", 3, &l, &c);
	assert_int_equal(l, 2);
	assert_int_equal(c, 1);
	/* An offset past the end stops at the NUL. */
	jpos_linecol("ab", 99, &l, &c);
	assert_int_equal(l, 1);
	assert_int_equal(c, 3);
}

static void
test_jpos_path_formats_like_source(void **state)
{
	struct jpath p = jpath_key(qpath(3, "answer"), "x");
	char *s;

	(void)state;
	s = jpath_str(&p);
	assert_string_equal(s, "questions[3].answer.x");
	free(s);
	p = root_path();
	s = jpath_str(&p);
	assert_string_equal(s, "");
	free(s);
	p = jpath_key(jpath_index(root_path(), 2), "a");
	s = jpath_str(&p);
	assert_string_equal(s, "[2].a");
	free(s);
}

static void
test_jpos_finds_values_by_path(void **state)
{
	(void)state;
	check_where(paths_text, root_path(), false, 1, 1);
	check_where(paths_text, jpath_key(root_path(), "title"), false, 2, 12);
	check_where(paths_text, jpath_key(root_path(), "questions"), false, 3,
	    16);
	check_where(paths_text, qpath(0, NULL), false, 4, 5);
	check_where(paths_text, qpath(0, "answer"), false, 4, 57);
	check_where(paths_text, qpath(2, "answer"), false, 10, 17);
	check_where(paths_text, jpath_index(qpath(2, "choices"), 2), false,
	    9, 29);
}

static void
test_jpos_finds_keys_by_path(void **state)
{
	(void)state;
	check_where(paths_text, jpath_key(root_path(), "title"), true, 2, 3);
	check_where(paths_text, qpath(2, "answer"), true, 10, 7);
	check_where(paths_text, qpath(3, "answer"), true, 12, 49);
}

static void
test_jpos_skips_brackets_and_quotes_inside_strings(void **state)
{
	(void)state;
	/* questions[1].question holds { [ \" ] }. */
	check_where(paths_text, qpath(1, "answer"), false, 5, 62);
	check_where(paths_text, qpath(2, NULL), false, 6, 5);
}

static void
test_jpos_counts_columns_in_characters(void **state)
{
	(void)state;
	/* "Trois — été" before the value: 4 multi-byte characters. */
	check_where(paths_text, qpath(3, "answer"), false, 12, 59);
	check_where(paths_text, jpath_index(qpath(3, "answer"), 1), false,
	    12, 65);
}

static void
test_jpos_missing_paths_are_not_found(void **state)
{
	(void)state;
	check_where(paths_text, qpath(4, NULL), false, 0, 0);
	check_where(paths_text, qpath(0, "choices"), false, 0, 0);
	check_where(paths_text, jpath_index(jpath_key(root_path(), "title"),
	    0), false, 0, 0);
	check_where(paths_text, jpath_key(root_path(), "Title"), false, 0, 0);
}

static void
test_jpos_matches_escaped_keys(void **state)
{
	static const char text[] =
	    "{\"x\": {\"a\\\"b\": 1, \"caf\\u00e9\": 2, \"tab\\t\": 3}}";
	struct jpath x = jpath_key(root_path(), "x");

	(void)state;
	check_where(text, jpath_key(x, "a\"b"), false, 1, 16);
	check_where(text, jpath_key(x, "café"), false, 1, 32);
	check_where(text, jpath_key(x, "tab\t"), false, 1, 44);
	check_where(text, jpath_key(x, "cafe"), false, 0, 0);
}

static void
test_jpos_duplicate_keys_find_the_first(void **state)
{
	/* cJSON's getters return the first of duplicate keys: so must we. */
	static const char text[] = "{\"a\": 1,\n \"a\": 2}";

	(void)state;
	check_where(text, jpath_key(root_path(), "a"), false, 1, 7);
}

static void
test_jpos_handles_any_whitespace(void **state)
{
	static const char text[] = "{ \"a\" :\n\t[ 1 ,\r\n 2 ] }";

	(void)state;
	check_where(text, jpath_index(jpath_key(root_path(), "a"), 1), false,
	    3, 2);
	check_where(text, jpath_index(jpath_key(root_path(), "a"), 0), false,
	    2, 4);
}

static void
test_jpos_nth_key_finds_later_duplicates(void **state)
{
	static const char text[] = "{\"a\": 1,\n \"b\": 0, \"a\": 2,\n\"a\": 3}";

	(void)state;
	check_where(text, jpath_key_nth(root_path(), "a", 1), false, 2, 15);
	check_where(text, jpath_key_nth(root_path(), "a", 2), true, 3, 1);
	check_where(text, jpath_key_nth(root_path(), "a", 3), false, 0, 0);
}

static void
test_jpos_lines_resume_and_restart(void **state)
{
	static const char text[] = "ab\ncd\né\nx";
	struct jpos_lines c;
	int l, col;

	(void)state;
	memset(&c, 0, sizeof c);
	jpos_lines_at(&c, text, 4, &l, &col);
	assert_int_equal(l, 2);
	assert_int_equal(col, 2);
	jpos_lines_at(&c, text, 8, &l, &col);
	assert_int_equal(l, 3);
	assert_int_equal(col, 2);
	/* Backwards: counted again from the start, the same answer. */
	jpos_lines_at(&c, text, 1, &l, &col);
	assert_int_equal(l, 1);
	assert_int_equal(col, 2);
	jpos_lines_at(&c, text, 10, &l, &col);
	assert_int_equal(l, 4);
	assert_int_equal(col, 2);
}

static void
test_jpos_skip_value_measures_nesting(void **state)
{
	static const char text[] = "[[1, \"]]\"], {\"a\": [[]]}] tail";
	long deep;

	(void)state;
	assert_int_equal(jpos_skip_value(text, strlen(text), 0, -1, &deep),
	    24);
	assert_int_equal(deep, 4);
	/* Past the limit it stops at the bracket that went too deep. */
	assert_int_equal(jpos_skip_value(text, strlen(text), 0, 2, &deep), 18);
	assert_int_equal(deep, 3);
	/* A string and a scalar are one value too. */
	assert_int_equal(jpos_skip_value(text, strlen(text), 5, -1, &deep), 9);
	assert_int_equal(jpos_skip_value(text, strlen(text), 2, -1, NULL), 3);
}

int
main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_jpos_linecol_counts_lines_and_characters),
		cmocka_unit_test(test_jpos_path_formats_like_source),
		cmocka_unit_test(test_jpos_finds_values_by_path),
		cmocka_unit_test(test_jpos_finds_keys_by_path),
		cmocka_unit_test(test_jpos_skips_brackets_and_quotes_inside_strings),
		cmocka_unit_test(test_jpos_counts_columns_in_characters),
		cmocka_unit_test(test_jpos_missing_paths_are_not_found),
		cmocka_unit_test(test_jpos_matches_escaped_keys),
		cmocka_unit_test(test_jpos_duplicate_keys_find_the_first),
		cmocka_unit_test(test_jpos_handles_any_whitespace),
		cmocka_unit_test(test_jpos_nth_key_finds_later_duplicates),
		cmocka_unit_test(test_jpos_lines_resume_and_restart),
		cmocka_unit_test(test_jpos_skip_value_measures_nesting),
	};

	return cmocka_run_group_tests_name("test_jpos", tests, NULL, NULL);
}
