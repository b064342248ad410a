/*
 * test_jdoc.c - unit tests for src/core/jdoc.c: reports at the LINE:COL of
 * a path, where syntax errors and bad bytes are reported, and streaming a
 * member element by element (positions themselves: test_jpos.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "jdoc.h"
#include "utf8.h"
#include "testutil.h"

#include "paths_fixture.h"

/* Parse text as name; on success report at p and check the LINE:COL. */
static void
check_report(const char *text, size_t len, struct jpath p, bool at_key,
    int line, int col, const char *part)
{
	struct diags d = { 0 };
	struct jdoc doc;

	assert_int_equal(jdoc_parse(&doc, "mem.json", text, len, &d, NULL), 0);
	jdoc_report(&doc, DIAG_ERROR, &p, at_key, "checked here");
	jdoc_fini(&doc);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.v[0].file, "mem.json");
	tu_check_diag(&d, 0, DIAG_ERROR, line, col, part);
	diags_fini(&d);
}

static void
test_jdoc_report_names_path_and_place(void **state)
{
	(void)state;
	check_report(paths_text, strlen(paths_text), qpath(3, "answer"),
	    false, 12, 59, "questions[3].answer: checked here");
	check_report(paths_text, strlen(paths_text), root_path(), false, 1, 1,
	    "(top level): checked here");
}

static void
test_jdoc_report_without_place_has_line_zero(void **state)
{
	(void)state;
	check_report(paths_text, strlen(paths_text), qpath(7, "answer"),
	    false, 0, 0, "questions[7].answer: checked here");
}

static void
test_jdoc_bom_is_not_a_column(void **state)
{
	static const char text[] = "\xef\xbb\xbf{\"title\": 5}";

	(void)state;
	check_report(text, strlen(text), jpath_key(root_path(), "title"),
	    false, 1, 11, "title");
	check_report(text, strlen(text), root_path(), false, 1, 1, "top");
}

static void
test_jdoc_crlf_lines_count_once(void **state)
{
	static const char text[] =
	    "\xef\xbb\xbf{\r\n  \"title\": 5,\r\n  \"b\": [1,\r\n    "
	    "2]\r\n}\r\n";

	(void)state;
	check_report(text, strlen(text), jpath_key(root_path(), "title"),
	    false, 2, 12, "title");
	check_report(text, strlen(text), jpath_index(jpath_key(root_path(),
	    "b"), 1), false, 4, 5, "b[1]");
}

/*
 * The reporter resumes from the last array element it found: check that
 * looking questions up out of order, and in different arrays, still finds
 * each one.
 */
static void
test_jdoc_report_finds_elements_in_any_order(void **state)
{
	static const int order[] = { 7, 2, 9, 9, 3, 0, 8, 8, 1 };
	static const char *const keys[] = { "answer", "question", "answer",
		"question", NULL, "answer", "answer", "question", "answer" };
	struct diags d = { 0 };
	struct jdoc doc;
	char text[4096];
	size_t n = 0, k;
	int i;

	(void)state;
	n += (size_t)snprintf(text + n, sizeof text - n, "{\"questions\": [\n");
	for (i = 0; i < 10; i++)
		n += (size_t)snprintf(text + n, sizeof text - n,
		    "  {\"question\": \"Q%d\", \"answer\": [\"a\", "
		    "\"b%d\"]}%s\n",
		    i, i, i < 9 ? "," : "");
	n += (size_t)snprintf(text + n, sizeof text - n, "]}\n");
	assert_int_equal(jdoc_parse(&doc, "many.json", text, n, &d, NULL), 0);
	for (k = 0; k < sizeof order / sizeof order[0]; k++) {
		struct jpath p = qpath(order[k], keys[k]);

		jdoc_report(&doc, DIAG_WARNING, &p, false, "#%zu", k);
	}
	/* And through a nested array, then back to the outer one. */
	{
		struct jpath p = jpath_index(qpath(6, "answer"), 1);

		jdoc_report(&doc, DIAG_WARNING, &p, false, "nested");
		p = jpath_index(qpath(5, "answer"), 0);
		jdoc_report(&doc, DIAG_WARNING, &p, false, "nested");
		p = qpath(4, "question");
		jdoc_report(&doc, DIAG_WARNING, &p, true, "key");
	}
	jdoc_fini(&doc);
	assert_int_equal(d.n, 12);
	for (k = 0; k < sizeof order / sizeof order[0]; k++) {
		int col = keys[k] == NULL ? 3 :
		    strcmp(keys[k], "question") == 0 ? 16 : 32;

		tu_check_diag(&d, (int)k, DIAG_WARNING, order[k] + 2, col, "#");
	}
	tu_check_diag(&d, 9, DIAG_WARNING, 8, 38, "questions[6].answer[1]");
	tu_check_diag(&d, 10, DIAG_WARNING, 7, 33, "questions[5].answer[0]");
	tu_check_diag(&d, 11, DIAG_WARNING, 6, 4, "questions[4].question");
	diags_fini(&d);
}

/* text must fail to parse with one error at LINE:COL saying part. */
static void
check_parse_error(const char *text, size_t len, int line, int col,
    const char *part)
{
	struct diags d = { 0 };
	struct jdoc doc;

	assert_int_equal(jdoc_parse(&doc, "bad.json", text, len, &d, NULL), -1);
	assert_null(doc.root);
	jdoc_fini(&doc);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.errors, 1);
	tu_check_diag(&d, 0, DIAG_ERROR, line, col, part);
	assert_true(utf8_valid(d.v[0].msg, strlen(d.v[0].msg), NULL));
	diags_fini(&d);
}

#define PARSE_ERROR(text, line, col, part) \
	check_parse_error(text, sizeof(text) - 1, line, col, part)

static void
test_jdoc_syntax_error_missing_comma(void **state)
{
	(void)state;
	PARSE_ERROR("{\"a\": 1\n \"b\": 2}", 2, 2,
	    "syntax error near '\"b\": 2}'");
	PARSE_ERROR("[1 2]", 1, 4, "near '2]'");
}

static void
test_jdoc_syntax_error_trailing_comma(void **state)
{
	(void)state;
	PARSE_ERROR("[1, 2,]", 1, 7, "near ']'");
	PARSE_ERROR("{\"a\": 1,\n}\n", 2, 1, "near '}'");
	/* Even when the brace ends the file. */
	PARSE_ERROR("{\"a\": 1,}", 1, 9, "near '}'");
}

static void
test_jdoc_syntax_error_unterminated_string(void **state)
{
	(void)state;
	/* Reported just inside the opening quote. */
	PARSE_ERROR("{\"a\": \"abc\n}\n", 1, 8, "near 'abc'");
}

static void
test_jdoc_syntax_error_missing_brace_at_end(void **state)
{
	(void)state;
	PARSE_ERROR("{\"a\": [1, 2]", 1, 13, "unexpected end of file");
	PARSE_ERROR("{\"a\": [1, 2]\n", 2, 1, "unexpected end of file");
	PARSE_ERROR("{\"a\": [1, 2}", 1, 12, "near '}'");
}

static void
test_jdoc_syntax_error_trailing_garbage(void **state)
{
	(void)state;
	PARSE_ERROR("{\"a\": 1} x", 1, 10, "near 'x'");
	PARSE_ERROR("{}\n{}\n", 2, 1, "near '{}'");
}

static void
test_jdoc_syntax_error_bare_word(void **state)
{
	(void)state;
	PARSE_ERROR("{\"a\": yes}", 1, 7, "near 'yes}'");
	PARSE_ERROR("{a: 1}", 1, 2, "near 'a: 1}'");
	PARSE_ERROR("{\"a\": 1, b: 2}", 1, 10, "near 'b: 2}'");
}

static void
test_jdoc_syntax_error_quote_is_short_and_whole(void **state)
{
	(void)state;
	/* At most 16 bytes are quoted, never half a character. */
	PARSE_ERROR("[1 ééééééééééééé]", 1, 4, "near 'éééééééé'");
	PARSE_ERROR("[1 abcdefghijklmnopqrstuvwxyz]", 1, 4,
	    "near 'abcdefghijklmnop'");
}

static void
test_jdoc_syntax_error_columns_count_characters(void **state)
{
	(void)state;
	PARSE_ERROR("{\"é€😀\": 1 2}", 1, 11, "near '2}'");
}

static void
test_jdoc_empty_text_is_reported(void **state)
{
	(void)state;
	PARSE_ERROR("", 1, 1, "the file is empty");
	PARSE_ERROR("\xef\xbb\xbf", 1, 1, "the file is empty");
	PARSE_ERROR(" \n\t ", 2, 3, "the file is empty");
}

static void
test_jdoc_nul_byte_is_reported(void **state)
{
	(void)state;
	PARSE_ERROR("{\"a\": \"x\0y\"}", 1, 9, "NUL byte");
}

static void
test_jdoc_invalid_utf8_is_reported(void **state)
{
	(void)state;
	PARSE_ERROR("{\"a\":\n \"é\xff\"}", 2, 4, "invalid UTF-8");
	PARSE_ERROR("{\"a\": \"\xed\xa0\x80\"}", 1, 8, "invalid UTF-8");
}

static void
test_jdoc_nesting_limit_is_1000(void **state)
{
	char *text = malloc(2 * 1001 + 1);
	struct diags d = { 0 };
	struct jdoc doc;

	(void)state;
	assert_non_null(text);
	memset(text, '[', 1000);
	memset(text + 1000, ']', 1000);
	assert_int_equal(jdoc_parse(&doc, "deep.json", text, 2000, &d, NULL), 0);
	assert_non_null(doc.root);
	jdoc_fini(&doc);
	assert_int_equal(d.n, 0);
	memset(text, '[', 1001);
	memset(text + 1001, ']', 1001);
	check_parse_error(text, 2002, 1, 1001, "nesting deeper than 1000");
	free(text);
}

static void
test_jdoc_brackets_in_strings_do_not_nest(void **state)
{
	char *text = malloc(1200);
	struct diags d = { 0 };
	struct jdoc doc;

	(void)state;
	assert_non_null(text);
	text[0] = '"';
	memset(text + 1, '[', 1100);
	text[1101] = '"';
	assert_int_equal(jdoc_parse(&doc, "s.json", text, 1102, &d, NULL), 0);
	jdoc_fini(&doc);
	assert_int_equal(d.n, 0);
	free(text);
}

static void
test_jdoc_parse_needs_no_terminator(void **state)
{
	struct diags d = { 0 };
	struct jdoc doc;

	(void)state;
	/* Only the first 8 bytes are the document. */
	assert_int_equal(jdoc_parse(&doc, "m.json", "{\"a\": 1}garbage", 8, &d, NULL),
	    0);
	assert_true(cJSON_IsObject(doc.root));
	jdoc_fini(&doc);
	assert_int_equal(d.n, 0);
}

static void
test_jdoc_load_missing_file_fails_with_message(void **state)
{
	const char *dir = *state;
	char path[4200];
	struct diags d = { 0 };
	struct jdoc doc;

	snprintf(path, sizeof path, "%s/absent.json", dir);
	assert_int_equal(jdoc_load(&doc, path, &d, NULL), -1);
	jdoc_fini(&doc);
	tu_check_diag(&d, 0, DIAG_ERROR, 0, 0, "cannot open: No such file");
	assert_string_equal(d.v[0].file, path);
	diags_fini(&d);
	assert_int_equal(jdoc_load(&doc, dir, &d, NULL), -1);
	jdoc_fini(&doc);
	tu_check_diag(&d, 0, DIAG_ERROR, 0, 0, "is a directory");
	diags_fini(&d);
}

static void
test_jdoc_load_reads_file(void **state)
{
	const char *dir = *state;
	char *path;
	struct diags d = { 0 };
	struct jdoc doc;

	path = tu_write(dir, "f.json", paths_text, strlen(paths_text));
	assert_int_equal(jdoc_load(&doc, path, &d, NULL), 0);
	assert_int_equal(doc.len, strlen(paths_text));
	{
		struct jpath p = qpath(3, "answer");

		jdoc_report(&doc, DIAG_ERROR, &p, false, "here");
	}
	jdoc_fini(&doc);
	tu_check_diag(&d, 0, DIAG_ERROR, 12, 59, "questions[3].answer: here");
	assert_string_equal(d.v[0].file, path);
	diags_fini(&d);
	free(path);
}

static void
test_jdoc_streams_a_member_element_by_element(void **state)
{
	static const char text[] =
	    "{\"title\": \"S\", \"questions\": [ {\"n\": 0},\n {\"n\": 1} ],"
	    " \"after\": true}";
	struct diags d = { 0 };
	struct jdoc doc;
	const cJSON *v, *qs;
	bool bad = false;
	int n = 0;

	(void)state;
	assert_int_equal(jdoc_parse(&doc, "s.json", text, sizeof text - 1, &d,
	    "questions"), JDOC_STREAMING);
	assert_null(doc.root);
	while ((v = jdoc_stream_next(&doc, &bad)) != NULL) {
		assert_int_equal(cJSON_GetObjectItem(v, "n")->valueint, n);
		n++;
	}
	assert_false(bad);
	assert_int_equal(n, 2);
	assert_int_equal(jdoc_stream_end(&doc), JDOC_STREAMING);
	/* The rest of the text, the streamed array left empty. */
	qs = cJSON_GetObjectItem(doc.root, "questions");
	assert_true(cJSON_IsArray(qs) && qs->child == NULL);
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(doc.root, "after")));
	assert_int_equal(d.n, 0);
	jdoc_fini(&doc);
}

static void
test_jdoc_stream_holds_reports_until_flushed(void **state)
{
	static const char text[] = "{\"q\": [1,\n 2]}";
	struct jpath top = { 0 }, p = jpath_index(jpath_key(top, "q"), 1);
	struct diags d = { 0 };
	struct jdoc doc;
	bool bad = false;

	(void)state;
	assert_int_equal(jdoc_parse(&doc, "h.json", text, sizeof text - 1, &d,
	    "q"), JDOC_STREAMING);
	while (jdoc_stream_next(&doc, &bad) != NULL)
		;
	jdoc_report(&doc, DIAG_WARNING, &p, false, "second");
	assert_int_equal(jdoc_stream_end(&doc), JDOC_STREAMING);
	jdoc_report(&doc, DIAG_WARNING, &top, false, "first");
	assert_int_equal(d.n, 1);
	jdoc_stream_flush(&doc);
	assert_int_equal(d.n, 2);
	tu_check_diag(&d, 0, DIAG_WARNING, 1, 1, "(top level): first");
	tu_check_diag(&d, 1, DIAG_WARNING, 2, 2, "q[1]: second");
	jdoc_fini(&doc);
	diags_fini(&d);
}

static void
test_jdoc_stream_falls_back_to_the_whole_text(void **state)
{
	/* An element's syntax error and one after the array: the whole
	 * text's error is the one reported, the element's is dropped. */
	static const char text[] = "{\"q\": [1, tru], \"x\": }";
	struct diags d = { 0 };
	struct jdoc doc;
	bool bad = false;

	(void)state;
	assert_int_equal(jdoc_parse(&doc, "f.json", text, sizeof text - 1, &d,
	    "q"), JDOC_STREAMING);
	while (jdoc_stream_next(&doc, &bad) != NULL)
		;
	assert_true(bad);
	assert_int_equal(jdoc_stream_end(&doc), -1);
	assert_int_equal(d.n, 1);
	tu_check_diag(&d, 0, DIAG_ERROR, 1, 11, "JSON syntax error near");
	jdoc_fini(&doc);
	diags_fini(&d);
}

static void
test_jdoc_stream_element_too_deep_alone_is_reported(void **state)
{
	/* 999 levels in an element: 1001 in the file, past cJSON's limit. */
	char text[2100];
	struct diags d = { 0 };
	struct jdoc doc;
	bool bad = false;
	int i, n = 0;

	(void)state;
	n += snprintf(text, sizeof text, "{\"q\": [");
	for (i = 0; i < 999; i++)
		text[n++] = '[';
	for (i = 0; i < 999; i++)
		text[n++] = ']';
	n += snprintf(text + n, sizeof text - (size_t)n, "]}");
	assert_int_equal(jdoc_parse(&doc, "d.json", text, (size_t)n, &d, "q"),
	    JDOC_STREAMING);
	assert_null(jdoc_stream_next(&doc, &bad));
	assert_false(bad);
	assert_int_equal(jdoc_stream_end(&doc), -1);
	assert_int_equal(d.n, 1);
	tu_check_diag(&d, 0, DIAG_ERROR, 1, 1006,
	    "nesting deeper than 1000 levels");
	jdoc_fini(&doc);
	diags_fini(&d);
}


static void
test_jdoc_size_limit_is_said_in_one_unit(void **state)
{
	char path[] = "/tmp/termquiz-big.XXXXXX";
	struct diags d = { 0 };
	struct jdoc doc;
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	/* A sparse file one byte over the limit: nothing is read. */
	assert_int_equal(ftruncate(fd, JDOC_MAX_BYTES + 1), 0);
	close(fd);
	assert_int_equal(jdoc_load(&doc, path, &d, NULL), -1);
	jdoc_fini(&doc);
	unlink(path);
	assert_int_equal(d.n, 1);
	tu_check_diag(&d, 0, DIAG_ERROR, 0, 0, "too large: 67108865 bytes, "
	    "over the limit of 67108864 bytes (64 MiB)");
	diags_fini(&d);
}

static void
test_jdoc_raw_control_and_nul_escape_are_errors(void **state)
{
	static const char text[] = "{\"a\": \"x\\u0000y\",\n \"b\": \"1\n2\","
	    " \"c\": \"\\\\u0000\"}";
	struct diags d = { 0 };
	struct jdoc doc;

	(void)state;
	assert_int_equal(jdoc_parse(&doc, "c.json", text, sizeof text - 1, &d,
	    NULL), -1);
	jdoc_fini(&doc);
	/* An escaped backslash before u0000 is text, not a NUL. */
	assert_int_equal(d.n, 2);
	tu_check_diag(&d, 0, DIAG_ERROR, 1, 9, "\\u0000 in a string");
	tu_check_diag(&d, 1, DIAG_ERROR, 2, 9,
	    "raw control character LF in a string (JSON needs it written \\n)");
	diags_fini(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_jdoc_report_names_path_and_place),
		cmocka_unit_test(test_jdoc_report_without_place_has_line_zero),
		cmocka_unit_test(test_jdoc_bom_is_not_a_column),
		cmocka_unit_test(test_jdoc_crlf_lines_count_once),
		cmocka_unit_test(test_jdoc_report_finds_elements_in_any_order),
		cmocka_unit_test(test_jdoc_syntax_error_missing_comma),
		cmocka_unit_test(test_jdoc_syntax_error_trailing_comma),
		cmocka_unit_test(test_jdoc_syntax_error_unterminated_string),
		cmocka_unit_test(test_jdoc_syntax_error_missing_brace_at_end),
		cmocka_unit_test(test_jdoc_syntax_error_trailing_garbage),
		cmocka_unit_test(test_jdoc_syntax_error_bare_word),
		cmocka_unit_test(
		    test_jdoc_syntax_error_quote_is_short_and_whole),
		cmocka_unit_test(
		    test_jdoc_syntax_error_columns_count_characters),
		cmocka_unit_test(test_jdoc_empty_text_is_reported),
		cmocka_unit_test(test_jdoc_nul_byte_is_reported),
		cmocka_unit_test(test_jdoc_invalid_utf8_is_reported),
		cmocka_unit_test(test_jdoc_nesting_limit_is_1000),
		cmocka_unit_test(test_jdoc_brackets_in_strings_do_not_nest),
		cmocka_unit_test(test_jdoc_parse_needs_no_terminator),
		cmocka_unit_test(test_jdoc_size_limit_is_said_in_one_unit),
		cmocka_unit_test(test_jdoc_raw_control_and_nul_escape_are_errors),
		cmocka_unit_test(test_jdoc_streams_a_member_element_by_element),
		cmocka_unit_test(test_jdoc_stream_holds_reports_until_flushed),
		cmocka_unit_test(test_jdoc_stream_falls_back_to_the_whole_text),
		cmocka_unit_test(
		    test_jdoc_stream_element_too_deep_alone_is_reported),
		cmocka_unit_test_setup_teardown(
		    test_jdoc_load_missing_file_fails_with_message,
		    tu_setup_tmpdir, tu_teardown_tmpdir),
		cmocka_unit_test_setup_teardown(
		    test_jdoc_load_reads_file,
		    tu_setup_tmpdir, tu_teardown_tmpdir),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
