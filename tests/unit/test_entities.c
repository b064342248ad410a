/*
 * test_entities.c - unit tests for src/core/entities.c (OpenTDB text
 * decoding: HTML entities, base64, RFC 3986 percent-encoding).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "entities.h"

/* Decode in with entities_decode and check the result equals expected. */
static void
check_decode(const char *in, const char *expected)
{
	char *out = entities_decode(in);

	assert_non_null(out);
	assert_string_equal(out, expected);
	assert_true(strlen(out) <= strlen(in));
	free(out);
}

static void
check_base64(const char *in, const char *expected)
{
	char *out = entities_base64(in);

	if (expected == NULL) {
		assert_null(out);
		return;
	}
	assert_non_null(out);
	assert_string_equal(out, expected);
	free(out);
}

static void
check_url(const char *in, const char *expected)
{
	char *out = entities_url3986(in);

	if (expected == NULL) {
		assert_null(out);
		return;
	}
	assert_non_null(out);
	assert_string_equal(out, expected);
	free(out);
}

static void
test_entities_decodes_numeric_decimal(void **state)
{
	(void)state;
	check_decode("&#39;", "'");
	check_decode("&#039;", "'");
	check_decode("&#65;&#66;", "AB");
	check_decode("&#233;", "\xC3\xA9");
	check_decode("&#8364;", "\xE2\x82\xAC");
	check_decode("&#128512;", "\xF0\x9F\x98\x80");
}

static void
test_entities_decodes_numeric_hex(void **state)
{
	(void)state;
	check_decode("&#x27;", "'");
	check_decode("&#X27;", "'");
	check_decode("&#xe9;&#xE9;", "\xC3\xA9\xC3\xA9");
	check_decode("&#x20AC;", "\xE2\x82\xAC");
	check_decode("&#x1F600;", "\xF0\x9F\x98\x80");
	check_decode("&#x10FFFF;", "\xF4\x8F\xBF\xBF");
}

static void
test_entities_decodes_named_latin1(void **state)
{
	(void)state;
	check_decode("&eacute;", "\xC3\xA9");
	check_decode("&Eacute;", "\xC3\x89");
	check_decode("&nbsp;", "\xC2\xA0");
	check_decode("&deg;", "\xC2\xB0");
	check_decode("&uuml;", "\xC3\xBC");
	check_decode("&szlig;", "\xC3\x9F");
	check_decode("&yuml;", "\xC3\xBF");
	check_decode("&ETH;&THORN;", "\xC3\x90\xC3\x9E");
}

static void
test_entities_decodes_named_typographic(void **state)
{
	(void)state;
	check_decode("&ldquo;Hi&rdquo;&hellip;&euro;",
	    "\xE2\x80\x9CHi\xE2\x80\x9D\xE2\x80\xA6\xE2\x82\xAC");
	check_decode("&lsquo;&rsquo;&ndash;&mdash;",
	    "\xE2\x80\x98\xE2\x80\x99\xE2\x80\x93\xE2\x80\x94");
	check_decode("&OElig;&Scaron;&Yuml;&permil;",
	    "\xC5\x92\xC5\xA0\xC5\xB8\xE2\x80\xB0");
}

static void
test_entities_decodes_named_markup_and_apos(void **state)
{
	(void)state;
	check_decode("&quot;&amp;&lt;&gt;&apos;", "\"&<>'");
	/* Decoding is single-pass: &amp;lt; is the text "&lt;". */
	check_decode("&amp;lt;", "&lt;");
}

static void
test_entities_decodes_named_symbols(void **state)
{
	(void)state;
	check_decode("&fnof;&Alpha;&omega;&thetasym;",
	    "\xC6\x92\xCE\x91\xCF\x89\xCF\x91");
	check_decode("&alefsym;&rArr;&forall;&ne;&ni;",
	    "\xE2\x84\xB5\xE2\x87\x92\xE2\x88\x80\xE2\x89\xA0\xE2\x88\x8B");
	/* HTML 4.01 values, not HTML5's U+27E8/U+27E9. */
	check_decode("&lang;&rang;", "\xE2\x8C\xA9\xE2\x8C\xAA");
	check_decode("&spades;&diams;", "\xE2\x99\xA0\xE2\x99\xA6");
}

static void
test_entities_named_is_case_sensitive(void **state)
{
	(void)state;
	check_decode("&EACUTE;", "&EACUTE;");
	check_decode("&AMP;&Amp;", "&AMP;&Amp;");
	check_decode("&Alpha;&alpha;", "\xCE\x91\xCE\xB1");
}

static void
test_entities_keeps_unknown(void **state)
{
	(void)state;
	check_decode("&foo;", "&foo;");
	check_decode("& ", "& ");
	check_decode("AT&T", "AT&T");
	check_decode("&amp", "&amp");
	check_decode("&eacute is", "&eacute is");
	check_decode("&;", "&;");
	check_decode("&", "&");
	check_decode("&&amp;", "&&");
	check_decode("&#;", "&#;");
	check_decode("&#x;", "&#x;");
	check_decode("&#12a;", "&#12a;");
	check_decode("&#x12", "&#x12");
	check_decode("&#-1;", "&#-1;");
	check_decode("&thetasymx;", "&thetasymx;");
	check_decode("&a\xC3\xA9;", "&a\xC3\xA9;");
}

static void
test_entities_rejects_out_of_range_numeric(void **state)
{
	(void)state;
	check_decode("&#0;", "\xEF\xBF\xBD");
	check_decode("&#x0;", "\xEF\xBF\xBD");
	check_decode("&#xD800;", "\xEF\xBF\xBD");
	check_decode("&#xDFFF;", "\xEF\xBF\xBD");
	check_decode("&#55296;", "\xEF\xBF\xBD");
	check_decode("&#x110000;", "\xEF\xBF\xBD");
	check_decode("&#1114112;", "\xEF\xBF\xBD");
	/* Neighbours of the invalid ranges still decode. */
	check_decode("&#xD7FF;", "\xED\x9F\xBF");
	check_decode("&#xE000;", "\xEE\x80\x80");
}

static void
test_entities_huge_numeric_is_replacement(void **state)
{
	(void)state;
	check_decode("&#99999999999999999999;", "\xEF\xBF\xBD");
	check_decode("&#xFFFFFFFFFFFFFFFFFFFFFFFF;", "\xEF\xBF\xBD");
	/* 2^64 + 65 would wrap to 'A' with unchecked arithmetic. */
	check_decode("&#18446744073709551681;", "\xEF\xBF\xBD");
	check_decode("&#x10000000000000041;", "\xEF\xBF\xBD");
	check_decode("&#00000000000000000000065;", "A");
}

static void
test_entities_decodes_plain_and_empty_text(void **state)
{
	(void)state;
	check_decode("", "");
	check_decode("no references here", "no references here");
	check_decode("caf\xC3\xA9", "caf\xC3\xA9");
	assert_null(entities_decode(NULL));
}

static void
test_entities_decodes_long_input(void **state)
{
	size_t reps = 20000;
	char *in = malloc(reps * 5 + 1);
	char *out;
	size_t i;

	(void)state;
	assert_non_null(in);
	for (i = 0; i < reps; i++)
		memcpy(in + i * 5, "&lt;&", 5);
	in[reps * 5] = '\0';
	out = entities_decode(in);
	assert_non_null(out);
	assert_int_equal(strlen(out), reps * 2);
	for (i = 0; i < reps; i++) {
		assert_int_equal(out[i * 2], '<');
		assert_int_equal(out[i * 2 + 1], '&');
	}
	free(out);
	free(in);
}

static void
test_entities_decodes_realistic_opentdb_strings(void **state)
{
	(void)state;
	check_decode(
	    "Which of these is NOT a &quot;Lord of the Rings&quot; film?",
	    "Which of these is NOT a \"Lord of the Rings\" film?");
	check_decode("Beyonc&eacute;&#039;s", "Beyonc\xC3\xA9's");
	check_decode("In &quot;Pok&eacute;mon&quot;, what&#039;s 2 &lt; 3?",
	    "In \"Pok\xC3\xA9mon\", what's 2 < 3?");
	check_decode("Tom &amp; Jerry", "Tom & Jerry");
}

static void
test_entities_table_is_sorted_and_complete(void **state)
{
	(void)state;
	assert_int_equal(entities_table_size(), 253);
	assert_true(entities_table_sorted());
}

static void
test_entities_base64_with_padding(void **state)
{
	(void)state;
	check_base64("SGVsbG8=", "Hello");
	check_base64("SGk=", "Hi");
	check_base64("QQ==", "A");
	check_base64("QUJD", "ABC");
	check_base64("", "");
	check_base64("QmV5b25jw6kncw==", "Beyonc\xC3\xA9's");
	check_base64("V2hpY2ggb2YgdGhlc2UgaXMgTk9UIGEgIkxvcmQgb2YgdGhlIFJp"
	    "bmdzIiBmaWxtPw==",
	    "Which of these is NOT a \"Lord of the Rings\" film?");
}

static void
test_entities_base64_without_padding(void **state)
{
	(void)state;
	check_base64("SGVsbG8", "Hello");
	check_base64("SGk", "Hi");
	check_base64("QQ", "A");
	check_base64("QmV5b25jw6kncw", "Beyonc\xC3\xA9's");
	check_base64("V2hhdCBpcyB0aGUgY2FwaXRhbCBvZiBGcmFuY2U/",
	    "What is the capital of France?");
	check_base64("Pz4/", "?>?");
	check_base64("+/8", "\xFB\xFF");
}

static void
test_entities_base64_rejects_invalid(void **state)
{
	(void)state;
	check_base64("S", NULL);
	check_base64("SGVsb", NULL);
	check_base64("QQ=", NULL);
	check_base64("Q===", NULL);
	check_base64("====", NULL);
	check_base64("=", NULL);
	check_base64("SGVsbG8=x", NULL);
	check_base64("QQ==QQ==", NULL);
	check_base64("SGVs bG8=", NULL);
	check_base64("SGVs\nbG8=", NULL);
	check_base64("SGVsbG8=\n", NULL);
	check_base64("SGVs*G8=", NULL);
	check_base64("Pz8-", NULL);
	check_base64("Pz8_", NULL);
	/* Non-zero leftover bits: not the canonical encoding of "A". */
	check_base64("QR==", NULL);
	check_base64("QUJ=", NULL);
	assert_null(entities_base64(NULL));
}

static void
test_entities_base64_decoded_nul_is_rejected(void **state)
{
	(void)state;
	check_base64("AA==", NULL);
	check_base64("QUFBAEFB", NULL);
	check_base64("QUE", "AA");
}

static void
test_entities_url3986_decodes(void **state)
{
	(void)state;
	check_url("Hello%20World%21", "Hello World!");
	check_url("a+b", "a+b");
	check_url("%2B", "+");
	check_url("Beyonc%C3%A9%27s", "Beyonc\xC3\xA9's");
	check_url("Beyonc%c3%a9", "Beyonc\xC3\xA9");
	check_url("100%25", "100%");
	check_url("%2541", "%41");
	check_url("", "");
	check_url("Which%20of%20these%20is%20NOT%20a%20%22Lord%20of%20the"
	    "%20Rings%22%20film%3F",
	    "Which of these is NOT a \"Lord of the Rings\" film?");
}

static void
test_entities_url3986_rejects_malformed(void **state)
{
	(void)state;
	check_url("%", NULL);
	check_url("abc%", NULL);
	check_url("%2", NULL);
	check_url("abc%2", NULL);
	check_url("%G0", NULL);
	check_url("%0G", NULL);
	check_url("%%20", NULL);
	check_url("% 20", NULL);
	assert_null(entities_url3986(NULL));
}

static void
test_entities_url3986_decoded_nul_is_rejected(void **state)
{
	(void)state;
	check_url("%00", NULL);
	check_url("a%00b", NULL);
	check_url("%01", "\x01");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_entities_decodes_numeric_decimal),
		cmocka_unit_test(test_entities_decodes_numeric_hex),
		cmocka_unit_test(test_entities_decodes_named_latin1),
		cmocka_unit_test(test_entities_decodes_named_typographic),
		cmocka_unit_test(test_entities_decodes_named_markup_and_apos),
		cmocka_unit_test(test_entities_decodes_named_symbols),
		cmocka_unit_test(test_entities_named_is_case_sensitive),
		cmocka_unit_test(test_entities_keeps_unknown),
		cmocka_unit_test(test_entities_rejects_out_of_range_numeric),
		cmocka_unit_test(test_entities_huge_numeric_is_replacement),
		cmocka_unit_test(test_entities_decodes_plain_and_empty_text),
		cmocka_unit_test(test_entities_decodes_long_input),
		cmocka_unit_test(
		    test_entities_decodes_realistic_opentdb_strings),
		cmocka_unit_test(test_entities_table_is_sorted_and_complete),
		cmocka_unit_test(test_entities_base64_with_padding),
		cmocka_unit_test(test_entities_base64_without_padding),
		cmocka_unit_test(test_entities_base64_rejects_invalid),
		cmocka_unit_test(test_entities_base64_decoded_nul_is_rejected),
		cmocka_unit_test(test_entities_url3986_decodes),
		cmocka_unit_test(test_entities_url3986_rejects_malformed),
		cmocka_unit_test(
		    test_entities_url3986_decoded_nul_is_rejected),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
