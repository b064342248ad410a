/*
 * test_loadutil.c - unit tests for src/core/loadutil.c: the typed getters
 * the loaders share, and "did you mean" for unknown keys.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "loadutil.h"
#include "testutil.h"

static const char doc_text[] =
    "{\"s\": \"text\", \"n\": 2.5, \"i\": 7, \"neg\": -3, \"big\": 1e300,\n"
    " \"t\": true, \"f\": false, \"z\": null, \"a\": [1], \"o\": {}}";

struct fixture {
	struct jdoc doc;
	struct diags d;
	struct jpath top;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	if (f == NULL || jdoc_parse(&f->doc, "lu.json", doc_text,
	    sizeof doc_text - 1, &f->d, NULL) != 0)
		return -1;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	jdoc_fini(&f->doc);
	diags_fini(&f->d);
	free(f);
	return 0;
}

static void
test_loadutil_distance(void **state)
{
	(void)state;
	assert_int_equal(lu_distance("choice", "choice", 2), 0);
	assert_int_equal(lu_distance("choise", "choice", 2), 1);
	assert_int_equal(lu_distance("CHOICE", "choice", 2), 0);
	assert_int_equal(lu_distance("true_false", "truefalse", 2), 1);
	assert_int_equal(lu_distance("tetx", "text", 2), 2);
	assert_int_equal(lu_distance("", "abc", 5), 3);
	/* Past the cap, the answer is only "too far". */
	assert_int_equal(lu_distance("abcdef", "zzzzzz", 2), 3);
	{
		char longer[80];

		memset(longer, 'a', sizeof longer - 1);
		longer[sizeof longer - 1] = '\0';
		assert_int_equal(lu_distance(longer, longer, 2), 3);
	}
}

static void
test_loadutil_type_names(void **state)
{
	struct fixture *f = *state;
	const cJSON *r = f->doc.root;

	assert_string_equal(lu_type_name(cJSON_GetObjectItem(r, "s")), "a "
	    "string");
	assert_string_equal(lu_type_name(cJSON_GetObjectItem(r, "n")), "a "
	    "number");
	assert_string_equal(lu_type_name(cJSON_GetObjectItem(r, "t")), "a "
	    "boolean");
	assert_string_equal(lu_type_name(cJSON_GetObjectItem(r, "z")), "null");
	assert_string_equal(lu_type_name(cJSON_GetObjectItem(r, "a")), "an "
	    "array");
	assert_string_equal(lu_type_name(cJSON_GetObjectItem(r, "o")), "an "
	    "object");
}

static void
test_loadutil_string(void **state)
{
	struct fixture *f = *state;

	assert_string_equal(lu_string(&f->doc, f->doc.root, f->top, "s", true),
	    "text");
	assert_null(lu_string(&f->doc, f->doc.root, f->top, "none", false));
	assert_int_equal(f->d.n, 0);
	assert_null(lu_string(&f->doc, f->doc.root, f->top, "none", true));
	tu_check_diag(&f->d, 0, DIAG_ERROR, 1, 1,
	    "(top level): missing \"none\" (a string)");
	assert_null(lu_string(&f->doc, f->doc.root, f->top, "i", false));
	tu_check_diag(&f->d, 1, DIAG_ERROR, 1, 30, "i: must be a string, not a "
	    "number");
}

static void
test_loadutil_number_ranges_are_inclusive(void **state)
{
	struct fixture *f = *state;
	double x = 0;

	assert_int_equal(lu_number(&f->doc, f->doc.root, f->top, "n", 2.5, 2.5,
	    false, &x), 1);
	assert_true(x == 2.5);
	assert_int_equal(lu_number(&f->doc, f->doc.root, f->top, "none", 0, 1,
	    false, &x), 0);
	assert_int_equal(f->d.n, 0);
	x = 99;
	assert_int_equal(lu_number(&f->doc, f->doc.root, f->top, "neg", 0, 10,
	    false, &x), -1);
	assert_true(x == 99);   /* untouched when wrong */
	tu_check_diag(&f->d, 0, DIAG_ERROR, 1, 40, "neg: -3 is out of range (0 "
	    "to 10)");
	assert_int_equal(lu_number(&f->doc, f->doc.root, f->top, "big", 0,
	    1e9, false, &x), -1);
	tu_check_diag(&f->d, 1, DIAG_ERROR, 1, 51, "big: 1e+300 is out of "
	    "range");
	assert_int_equal(lu_number(&f->doc, f->doc.root, f->top, "s", 0, 1,
	    false, &x), -1);
	tu_check_diag(&f->d, 2, DIAG_ERROR, 1, 7, "s: must be a number, not a "
	    "string");
}

static void
test_loadutil_int_must_be_whole(void **state)
{
	struct fixture *f = *state;
	int v = 0;

	assert_int_equal(lu_int(&f->doc, f->doc.root, f->top, "i", 0, 10,
	    &v), 1);
	assert_int_equal(v, 7);
	assert_int_equal(lu_int(&f->doc, f->doc.root, f->top, "n", 0, 10, &v),
	    -1);
	assert_int_equal(v, 7);
	tu_check_diag(&f->d, 0, DIAG_ERROR, 1, 20, "n: must be a whole number, "
	    "not 2.5");
}

static void
test_loadutil_bool(void **state)
{
	struct fixture *f = *state;
	bool b = false;

	assert_int_equal(lu_bool(&f->doc, f->doc.root, f->top, "t", &b), 1);
	assert_true(b);
	assert_int_equal(lu_bool(&f->doc, f->doc.root, f->top, "f", &b), 1);
	assert_false(b);
	assert_int_equal(lu_bool(&f->doc, f->doc.root, f->top, "none", &b), 0);
	assert_int_equal(lu_bool(&f->doc, f->doc.root, f->top, "z", &b), -1);
	tu_check_diag(&f->d, 0, DIAG_ERROR, 2, 30, "z: must be true or false, "
	    "not null");
}

static void
test_loadutil_getters_are_case_sensitive(void **state)
{
	struct fixture *f = *state;
	bool b = false;

	assert_null(lu_string(&f->doc, f->doc.root, f->top, "S", false));
	assert_int_equal(lu_bool(&f->doc, f->doc.root, f->top, "T", &b), 0);
	assert_int_equal(f->d.n, 0);
}

static void
test_loadutil_unknown_keys_suggest_near_misses(void **state)
{
	static const char text[] =
	    "{\"$schema\": \"x\", \"titel\": 1, \"tipe\": 2, \"tyype\": 3,\n"
	    " \"colour\": 4, \"title\": 5, \"typ\": 6}";
	static const char *const known[] = { "title", "type", NULL };
	struct diags d = { 0 };
	struct jdoc doc;
	struct jpath top = { 0 };

	(void)state;
	assert_int_equal(jdoc_parse(&doc, "k.json", text, sizeof text - 1, &d,
	    NULL), 0);
	lu_unknown_keys(&doc, doc.root, top, known);
	jdoc_fini(&doc);
	assert_int_equal(d.n, 5);
	assert_int_equal(d.warnings, 5);
	tu_check_diag(&d, 0, DIAG_WARNING, 1, 18,
	    "titel: unknown key \"titel\" (did you mean \"title\"?)");
	/* Short keys get a hint only one edit away. */
	tu_check_diag(&d, 1, DIAG_WARNING, 1, 30,
	    "tipe: unknown key \"tipe\" (did you mean \"type\"?)");
	tu_check_diag(&d, 2, DIAG_WARNING, 1, 41,
	    "tyype: unknown key \"tyype\" (did you mean \"type\"?)");
	tu_check_diag(&d, 3, DIAG_WARNING, 2, 2,
	    "colour: unknown key \"colour\" (ignored)");
	tu_check_diag(&d, 4, DIAG_WARNING, 2, 27,
	    "typ: unknown key \"typ\" (did you mean \"type\"?)");
	diags_fini(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_loadutil_distance),
		cmocka_unit_test_setup_teardown(test_loadutil_type_names, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_loadutil_string, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_loadutil_number_ranges_are_inclusive, setup, teardown),
		cmocka_unit_test_setup_teardown(test_loadutil_int_must_be_whole,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_loadutil_bool, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_loadutil_getters_are_case_sensitive, setup, teardown),
		cmocka_unit_test(
		    test_loadutil_unknown_keys_suggest_near_misses),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
