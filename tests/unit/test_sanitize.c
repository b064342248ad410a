/*
 * test_sanitize.c - unit tests for src/core/sanitize.c: what may reach a
 * terminal (controls, bidi controls and bad bytes become visible stand-ins,
 * printable text is untouched), JSON escaping, and the sanitising stream.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include <cJSON.h>

#include "sanitize.h"

static void
expect_clean(const char *in, unsigned flags, const char *want)
{
	char *got = sanitize_text(in, flags);

	assert_string_equal(got, want);
	free(got);
}

static void
test_sanitize_leaves_printable_text_alone(void **state)
{
	static const char text[] = "Reykjavík, 東京, emoji 😀, \"quotes\" ^ <>";

	(void)state;
	expect_clean(text, 0, text);
	expect_clean("two\nlines\tand a tab", SANITIZE_KEEP_LINES,
	    "two\nlines\tand a tab");
	expect_clean(NULL, 0, "");
	/* U+00A0 and U+200B are printable or formatting, not controls. */
	expect_clean("a\xc2\xa0" "b\xe2\x80\x8b" "c", 0,
	    "a\xc2\xa0" "b\xe2\x80\x8b" "c");
}

static void
test_sanitize_replaces_c0_controls_and_del(void **state)
{
	(void)state;
	/* An OSC 52 clipboard write, a title change, a screen clear. */
	expect_clean("\x1b]52;c;aGk=\x07", 0, "^[]52;c;aGk=^G");
	expect_clean("\x1b]0;title\x07x", SANITIZE_KEEP_LINES,
	    "^[]0;title^Gx");
	expect_clean("\x1b[2J\rover\x7f", SANITIZE_KEEP_LINES,
	    "^[[2J^Mover^?");
	/* Without KEEP_LINES a newline cannot break a table row. */
	expect_clean("a\nb\tc", 0, "a^Jb^Ic");
}

static void
test_sanitize_replaces_c1_and_bidi_controls(void **state)
{
	(void)state;
	/* U+009B is CSI, U+0090 DCS, U+0085 NEL. */
	expect_clean("x\xc2\x9b" "2J\xc2\x90q\xc2\x85", 0,
	    "x<U+009B>2J<U+0090>q<U+0085>");
	expect_clean("\xc2\x80|\xc2\x9f", 0, "<U+0080>|<U+009F>");
	/* U+202A..U+202E and U+2066..U+2069, the neighbours untouched. */
	expect_clean("\xe2\x80\xaa\xe2\x80\xae\xe2\x81\xa6\xe2\x81\xa9", 0,
	    "<U+202A><U+202E><U+2066><U+2069>");
	expect_clean("\xe2\x80\xa9\xe2\x80\xaf\xe2\x81\xa5\xe2\x81\xaa", 0,
	    "\xe2\x80\xa9\xe2\x80\xaf\xe2\x81\xa5\xe2\x81\xaa");
	assert_true(sanitize_is_control(0x1b));
	assert_true(sanitize_is_control(0x9b));
	assert_true(sanitize_is_control(0x202e));
	assert_false(sanitize_is_control('a'));
	assert_false(sanitize_is_control(0xa0));
}

static void
test_sanitize_replaces_bytes_that_are_not_utf8(void **state)
{
	(void)state;
	/* A lone 0x9B is CSI to an 8-bit terminal. */
	expect_clean("a\x9b" "2Jb", 0, "a<0x9B>2Jb");
	expect_clean("\xff\xc3", 0, "<0xFF><0xC3>");
	/* An overlong ESC (C0 9B) is not ESC. */
	expect_clean("\xc0\x9b", 0, "<0xC0><0x9B>");
}

static void
test_sanitize_counts_replacements(void **state)
{
	struct strbuf b = { 0 };

	(void)state;
	assert_int_equal(sanitize_add(&b, "a\x1b" "b\xc2\x9b", 5, 0), 2);
	assert_string_equal(b.s, "a^[b<U+009B>");
	assert_int_equal(sanitize_add(&b, "ok", 2, 0), 0);
	free(b.s);
}

static void
test_sanitize_json_escapes_c1_bidi_and_bad_bytes(void **state)
{
	static const char s[] = "a\xc2\x9b" "b\xe2\x80\xae" "c\x7f" "d\x1b";
	cJSON *o = cJSON_CreateObject(), *back;
	char *raw, *safe;

	(void)state;
	cJSON_AddStringToObject(o, "t", s);
	cJSON_AddStringToObject(o, "bad", "x\xff" "y");
	cJSON_AddStringToObject(o, "ok", "Reykjavík 😀");
	raw = cJSON_PrintUnformatted(o);
	/* cJSON itself writes C1 and bidi raw: this is what is fixed. */
	assert_non_null(strstr(raw, "\xc2\x9b"));
	safe = sanitize_json(raw);
	assert_string_equal(safe, "{\"t\":\"a\\u009bb\\u202ec\\u007fd\\u001b\","
	    "\"bad\":\"x\\ufffdy\",\"ok\":\"Reykjavík 😀\"}");
	back = cJSON_Parse(safe);
	assert_non_null(back);
	assert_string_equal(cJSON_GetObjectItem(back, "t")->valuestring, s);
	cJSON_Delete(back);
	cJSON_Delete(o);
	cJSON_free(raw);
	free(safe);
}

/* Everything fp wrote into the pipe's read end rfd. */
static void
read_pipe(int rfd, char *out, size_t n)
{
	size_t len = 0;
	ssize_t r;

	while (len + 1 < n && (r = read(rfd, out + len, n - 1 - len)) > 0)
		len += (size_t)r;
	out[len] = '\0';
}

static void
test_sanitize_stream_joins_sequences_cut_between_writes(void **state)
{
	int p[2];
	FILE *fp;
	char got[256];

	(void)state;
	assert_int_equal(pipe(p), 0);
	fp = sanitize_stream(p[1]);
	assert_non_null(fp);
	/* Unbuffered, so each piece is its own write(2). */
	setvbuf(fp, NULL, _IONBF, 0);
	fputs("caf\xc3", fp);
	fputs("\xa9 a\xe2\x80", fp);
	fputs("\xae" "b\x1b[2J", fp);
	fprintf(fp, " %s\n", "\xc2\x9bok\t\xe2");
	assert_int_equal(fclose(fp), 0);
	close(p[1]);
	read_pipe(p[0], got, sizeof got);
	close(p[0]);
	/* The last byte never got its end: shown as the byte it was. */
	assert_string_equal(got, "café a<U+202E>b^[[2J <U+009B>ok\t<0xE2>\n");
}

static void
test_sanitize_stream_reports_a_failed_write(void **state)
{
	int p[2];
	FILE *fp;

	(void)state;
	assert_int_equal(pipe(p), 0);
	close(p[1]);
	/* A closed descriptor: the stream's error flag is set. */
	fp = sanitize_stream(p[1]);
	assert_non_null(fp);
	fputs("lost\n", fp);
	assert_true(fflush(fp) != 0 || ferror(fp));
	fclose(fp);
	close(p[0]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sanitize_leaves_printable_text_alone),
		cmocka_unit_test(test_sanitize_replaces_c0_controls_and_del),
		cmocka_unit_test(test_sanitize_replaces_c1_and_bidi_controls),
		cmocka_unit_test(test_sanitize_replaces_bytes_that_are_not_utf8),
		cmocka_unit_test(test_sanitize_counts_replacements),
		cmocka_unit_test(test_sanitize_json_escapes_c1_bidi_and_bad_bytes),
		cmocka_unit_test(
		    test_sanitize_stream_joins_sequences_cut_between_writes),
		cmocka_unit_test(test_sanitize_stream_reports_a_failed_write),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
