/*
 * test_html.c - unit tests for src/core/html.c: the plain text of the HTML
 * in Anki, Quizlet and GIFT [html] fields.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "html.h"

struct html_case {
	const char *in;
	const char *out;
	unsigned dropped;
};

static void
test_html_to_text_table(void **state)
{
	static const struct html_case v[] = {
		{ "plain", "plain", 0 },
		{ "<b>bold</b> and <i>it</i>", "bold and it", 0 },
		{ "one<br>two<br/>three<BR />four", "one\ntwo\nthree\nfour", 0 },
		{ "<div>a</div><div>b</div>", "a\nb", 0 },
		{ "<p>para one</p>\n\n<p>para two</p>", "para one\npara two", 0 },
		{ "<ul><li>x</li><li>y</li></ul>", "x\ny", 0 },
		{ "a   b\n\tc", "a b c", 0 },
		{ "&lt;b&gt; is a tag &amp; &eacute;t&eacute;",
		    "<b> is a tag & \xc3\xa9t\xc3\xa9", 0 },
		{ "x<img src=\"a.png\">y", "xy", HTML_DROPPED_IMAGE },
		{ "say [sound:hola.mp3] hola", "say hola", HTML_DROPPED_SOUND },
		{ "2 < 3 and 5 > 4", "2 < 3 and 5 > 4", 0 },
		{ "a<!-- hidden <b> -->b", "ab", 0 },
		{ "unclosed <b", "unclosed <b", 0 },
		{ "H<sub>2</sub>O", "H2O", 0 },
		{ "<br><br>", "", 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		unsigned dropped = 0;
		char *s = html_to_text(v[i].in, true, &dropped);

		if (strcmp(s, v[i].out) != 0 || dropped != v[i].dropped)
			print_error("\"%s\": \"%s\" (%u)\n", v[i].in, s,
			    dropped);
		assert_string_equal(s, v[i].out);
		assert_int_equal(dropped, v[i].dropped);
		free(s);
	}
}

static void
test_html_off_keeps_tags_drops_sound(void **state)
{
	unsigned dropped = 0;
	char *s = html_to_text("a <b>b</b> &amp; [sound:x.mp3]", false,
	    &dropped);

	(void)state;
	assert_string_equal(s, "a <b>b</b> &amp; ");
	assert_int_equal(dropped, HTML_DROPPED_SOUND);
	free(s);
}

int
main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html_to_text_table),
		cmocka_unit_test(test_html_off_keeps_tags_drops_sound),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
