/*
 * test_diag.c - unit tests for src/core/diag.c: collecting, formatting and
 * ordering the problems found in files.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "diag.h"

static void
test_diag_add_counts_levels(void **state)
{
	struct diags d = { 0 };
	int i;

	(void)state;
	for (i = 0; i < 20; i++)
		diags_add(&d, i % 3 ? DIAG_WARNING : DIAG_ERROR, "f.json",
		    i + 1, 1, "problem %d", i);
	assert_int_equal(d.n, 20);
	assert_int_equal(d.errors, 7);
	assert_int_equal(d.warnings, 13);
	assert_string_equal(d.v[19].msg, "problem 19");
	assert_int_equal(d.v[19].line, 20);
	diags_fini(&d);
	assert_int_equal(d.n, 0);
	assert_int_equal(d.errors, 0);
	assert_null(d.v);
}

static void
test_diag_format_with_and_without_place(void **state)
{
	struct diags d = { 0 };
	char *s;

	(void)state;
	diags_add(&d, DIAG_ERROR, "pack.json", 3, 7, "questions[0]: %s", "bad");
	diags_add(&d, DIAG_WARNING, "dir", 0, 0, "no place");
	s = diags_format(&d, 0);
	assert_string_equal(s, "pack.json:3:7: error: questions[0]: bad");
	free(s);
	s = diags_format(&d, 1);
	assert_string_equal(s, "dir: warning: no place");
	free(s);
	diags_fini(&d);
}

static void
test_diag_print_writes_one_line_each(void **state)
{
	struct diags d = { 0 };
	char buf[256] = "";
	FILE *fp = tmpfile();
	size_t n;

	(void)state;
	assert_non_null(fp);
	diags_add(&d, DIAG_ERROR, "a.json", 1, 2, "one");
	diags_add(&d, DIAG_WARNING, "b.json", 3, 4, "two");
	diags_print(&d, fp);
	rewind(fp);
	n = fread(buf, 1, sizeof buf - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	assert_string_equal(buf, "a.json:1:2: error: one\n"
	    "b.json:3:4: warning: two\n");
	diags_fini(&d);
}

static void
test_diag_print_shows_controls_as_stand_ins(void **state)
{
	struct diags d = { 0 };
	char buf[512] = "";
	FILE *fp = tmpfile();
	size_t n;

	(void)state;
	assert_non_null(fp);
	/* A message quoting a string from a pack, and a hostile file name. */
	diags_add(&d, DIAG_WARNING, "p\x1b[2J.json", 1, 2,
	    "unknown theme \"%s\"", "\x1b]52;c;aGk=\x07\xc2\x9b\xe2\x80\xae\n");
	diags_print(&d, fp);
	rewind(fp);
	n = fread(buf, 1, sizeof buf - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	assert_string_equal(buf, "p^[[2J.json:1:2: warning: unknown theme "
	    "\"^[]52;c;aGk=^G<U+009B><U+202E>^J\"\n");
	diags_fini(&d);
}

static void
test_diag_sort_by_file_then_place_then_order(void **state)
{
	struct diags d = { 0 };

	(void)state;
	diags_add(&d, DIAG_ERROR, "b.json", 5, 1, "b5");
	diags_add(&d, DIAG_ERROR, "a.json", 9, 9, "a9");
	diags_add(&d, DIAG_WARNING, "b.json", 2, 8, "b2-8 first");
	diags_add(&d, DIAG_ERROR, "b.json", 2, 3, "b2-3");
	diags_add(&d, DIAG_ERROR, "a.json", 1, 1, "a1");
	diags_add(&d, DIAG_ERROR, "b.json", 2, 8, "b2-8 second");
	diags_add(&d, DIAG_ERROR, "b.json", 0, 0, "b no place");
	diags_sort(&d);
	/* Files in order of first appearance, not by name. */
	assert_string_equal(d.v[0].msg, "b no place");
	assert_string_equal(d.v[1].msg, "b2-3");
	assert_string_equal(d.v[2].msg, "b2-8 first");
	assert_string_equal(d.v[3].msg, "b2-8 second");
	assert_string_equal(d.v[4].msg, "b5");
	assert_string_equal(d.v[5].msg, "a1");
	assert_string_equal(d.v[6].msg, "a9");
	/* The counts do not change. */
	assert_int_equal(d.errors, 6);
	assert_int_equal(d.warnings, 1);
	diags_fini(&d);
}

static void
test_diag_sort_of_nothing(void **state)
{
	struct diags d = { 0 };

	(void)state;
	diags_sort(&d);
	assert_int_equal(d.n, 0);
	diags_fini(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_diag_add_counts_levels),
		cmocka_unit_test(test_diag_format_with_and_without_place),
		cmocka_unit_test(test_diag_print_writes_one_line_each),
		cmocka_unit_test(test_diag_print_shows_controls_as_stand_ins),
		cmocka_unit_test(test_diag_sort_by_file_then_place_then_order),
		cmocka_unit_test(test_diag_sort_of_nothing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
