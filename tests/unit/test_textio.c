/*
 * test_textio.c - unit tests for src/core/textio.c: bytes made into UTF-8
 * text with LF line ends, and the line and delimited-field readers.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "textio.h"
#include "testutil.h"

static void
init_ok(struct text *t, const char *bytes, size_t n, struct diags *d)
{
	assert_int_equal(text_init(t, "t.txt", bytes, n, d), 0);
}

static void
test_textio_bom_and_line_ends_become_lf(void **state)
{
	static const char in[] = "\xef\xbb\xbf" "a\r\nb\rc\n\rd";
	struct diags d = { 0 };
	struct text t;
	int line, col;

	(void)state;
	init_ok(&t, in, sizeof in - 1, &d);
	assert_string_equal(t.s, "a\nb\nc\n\nd");
	assert_int_equal(t.len, 8);
	assert_false(t.cp1252);
	assert_int_equal(d.n, 0);
	text_linecol(&t, 7, &line, &col);
	assert_int_equal(line, 5);
	assert_int_equal(col, 1);
	/* Asked out of order, the place is still right. */
	text_linecol(&t, 2, &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 1);
	text_fini(&t);
}

/* Every offset, asked forward, backward and hopping (the order duplicate
 * warnings come in), gives the place a count from the start gives. */
static void
test_textio_linecol_in_any_order(void **state)
{
	static const char in[] = "ab\n\xc3\xa9\xe2\x82\xac x\n\n\nlong line "
	    "here\nz";
	struct diags d = { 0 };
	struct text t;
	size_t n = sizeof in - 1, k, off;
	int line, col, pass;

	(void)state;
	init_ok(&t, in, n, &d);
	for (pass = 0; pass < 3; pass++)
		for (k = 0; k <= n; k++) {
			size_t i;
			int l = 1, c = 1;

			off = pass == 0 ? k : pass == 1 ? n - k :
			    (k * 7) % (n + 1);
			for (i = 0; i < off; i++) {
				if (in[i] == '\n') {
					l++;
					c = 1;
				} else if (((unsigned char)in[i] & 0xC0) !=
				    0x80) {
					c++;
				}
			}
			text_linecol(&t, off, &line, &col);
			assert_int_equal(line, l);
			assert_int_equal(col, c);
		}
	text_linecol(&t, n + 50, &line, &col);
	assert_int_equal(line, 6);
	assert_int_equal(col, 2);
	text_fini(&t);
	diags_fini(&d);
}

static void
test_textio_windows_1252_with_a_warning(void **state)
{
	static const char in[] = "caf\xe9 \x80 \x93x\x94\n";
	struct diags d = { 0 };
	struct text t;

	(void)state;
	init_ok(&t, in, sizeof in - 1, &d);
	assert_true(t.cp1252);
	assert_string_equal(t.s, "caf\xc3\xa9 \xe2\x82\xac \xe2\x80\x9cx"
	    "\xe2\x80\x9d\n");
	assert_int_equal(d.warnings, 1);
	tu_check_diag(&d, 0, DIAG_WARNING, 1, 4, "read as Windows-1252");
	text_fini(&t);
	diags_fini(&d);
}

static void
test_textio_valid_utf8_is_kept(void **state)
{
	static const char in[] = "S\xc3\xa3o Paulo \xe2\x80\x93 ok";
	struct diags d = { 0 };
	struct text t;

	(void)state;
	init_ok(&t, in, sizeof in - 1, &d);
	assert_false(t.cp1252);
	assert_string_equal(t.s, in);
	text_fini(&t);
}

static void
test_textio_nul_is_an_error(void **state)
{
	static const char in[] = "ab\ncd\0e";
	struct diags d = { 0 };
	struct text t;

	(void)state;
	assert_int_equal(text_init(&t, "t.txt", in, sizeof in - 1, &d), -1);
	tu_check_diag(&d, 0, DIAG_ERROR, 2, 3, "NUL byte");
	text_fini(&t);
	diags_fini(&d);
}

static void
test_textio_lines(void **state)
{
	static const char in[] = "one\n\ntwo";
	struct diags d = { 0 };
	struct text t;
	size_t pos = 0, a, b;

	(void)state;
	init_ok(&t, in, sizeof in - 1, &d);
	assert_true(text_line(&t, &pos, &a, &b));
	assert_int_equal(a, 0);
	assert_int_equal(b, 3);
	assert_true(text_line(&t, &pos, &a, &b));
	assert_int_equal(b - a, 0);
	assert_true(text_line(&t, &pos, &a, &b));
	assert_memory_equal(t.s + a, "two", 3);
	assert_false(text_line(&t, &pos, &a, &b));
	text_fini(&t);
}

static void
test_textio_record_rfc4180(void **state)
{
	static const char in[] = "a,\"b,\"\"c\"\"\nd\",,e\r\nlast";
	struct diags d = { 0 };
	struct record r = { 0 };
	struct text t;
	size_t pos = 0, bad;

	(void)state;
	init_ok(&t, in, sizeof in - 1, &d);
	assert_true(text_record(&t, &pos, ",", true, &r, &bad));
	assert_int_equal(bad, (size_t)-1);
	assert_int_equal(r.n, 4);
	assert_string_equal(r.f[0], "a");
	assert_string_equal(r.f[1], "b,\"c\"\nd");
	assert_string_equal(r.f[2], "");
	assert_string_equal(r.f[3], "e");
	assert_int_equal(r.off[1], 2);
	assert_true(text_record(&t, &pos, ",", true, &r, &bad));
	assert_int_equal(r.n, 1);
	assert_string_equal(r.f[0], "last");
	assert_false(text_record(&t, &pos, ",", true, &r, &bad));
	record_fini(&r);
	text_fini(&t);
}

static void
test_textio_record_other_separators(void **state)
{
	static const char in[] = "x - \"y\" - z\n\"open";
	struct diags d = { 0 };
	struct record r = { 0 };
	struct text t;
	size_t pos = 0, bad;

	(void)state;
	init_ok(&t, in, sizeof in - 1, &d);
	/* Without quoting, a quote is text. */
	assert_true(text_record(&t, &pos, " - ", false, &r, &bad));
	assert_int_equal(r.n, 3);
	assert_string_equal(r.f[1], "\"y\"");
	assert_true(text_record(&t, &pos, " - ", true, &r, &bad));
	assert_int_equal(bad, 12);   /* the quote never closed */
	record_fini(&r);
	text_fini(&t);
}

static void
test_textio_trim(void **state)
{
	char *s = text_trim("  \t a b \n", 9);

	(void)state;
	assert_string_equal(s, "a b");
	free(s);
	s = text_trim("   ", 3);
	assert_string_equal(s, "");
	free(s);
}

static void
test_textio_read_file_errors(void **state)
{
	struct diags d = { 0 };
	size_t n;
	char *dir = tu_fixture("gift");

	(void)state;
	assert_null(text_read_file(dir, &n, &d));
	tu_check_diag(&d, 0, DIAG_ERROR, 0, 0, "is a directory");
	assert_null(text_read_file("/nonexistent/x.gift", &n, &d));
	tu_check_diag(&d, 1, DIAG_ERROR, 0, 0, "cannot open");
	diags_fini(&d);
	free(dir);
}

int
main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_textio_bom_and_line_ends_become_lf),
		cmocka_unit_test(test_textio_linecol_in_any_order),
		cmocka_unit_test(test_textio_windows_1252_with_a_warning),
		cmocka_unit_test(test_textio_valid_utf8_is_kept),
		cmocka_unit_test(test_textio_nul_is_an_error),
		cmocka_unit_test(test_textio_lines),
		cmocka_unit_test(test_textio_record_rfc4180),
		cmocka_unit_test(test_textio_record_other_separators),
		cmocka_unit_test(test_textio_trim),
		cmocka_unit_test(test_textio_read_file_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
