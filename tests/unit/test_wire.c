/*
 * test_wire.c - unit tests for src/core/wire.c: every LIVE.md message
 * encoded and decoded back, and every way a line can be refused.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util.h"
#include "wire.h"

#define TOKEN "0123456789abcdef0123456789abcdef"

/* Encode m, check it is one line, decode it into out. */
static void
round_trip(const struct wire_msg *m, struct wire_msg *out)
{
	char *line = wire_encode(m), err[32] = "";
	size_t n = strlen(line);

	assert_true(n > 1 && n <= WIRE_LINE_MAX);
	assert_int_equal(line[n - 1], '\n');
	assert_null(memchr(line, '\n', n - 1));
	if (wire_decode(line, n - 1, out, err, sizeof err) != 0)
		print_error("decode failed (%s): %s", err, line);
	assert_string_equal(err, "");
	free(line);
}

/* Decode text (no newline); returns the error code, "" on success. */
static const char *
decode(const char *text, struct wire_msg *m)
{
	static char err[32];

	err[0] = '\0';
	if (wire_decode(text, strlen(text), m, err, sizeof err) == 0)
		return "";
	return err;
}

static void
test_wire_join_and_resume_round_trip(void **state)
{
	struct wire_msg m = { .t = W_JOIN, .v = 1, .pin = "123456",
	    .nick = "Zoë" }, out;

	(void)state;
	round_trip(&m, &out);
	assert_int_equal(out.t, W_JOIN);
	assert_int_equal(out.v, 1);
	assert_string_equal(out.pin, "123456");
	assert_string_equal(out.nick, "Zoë");
	wire_msg_fini(&out);

	memset(&m, 0, sizeof m);
	m.t = W_RESUME;
	m.v = 1;
	strcpy(m.token, TOKEN);
	round_trip(&m, &out);
	assert_int_equal(out.t, W_RESUME);
	assert_string_equal(out.token, TOKEN);
	wire_msg_fini(&out);
}

static void
test_wire_answer_carries_index_bool_or_text(void **state)
{
	struct wire_msg m = { .t = W_ANSWER, .q = 3, .akind = WA_INDEX,
	    .a_index = 2 }, out;

	(void)state;
	round_trip(&m, &out);
	assert_int_equal(out.akind, WA_INDEX);
	assert_int_equal(out.a_index, 2);
	assert_int_equal(out.q, 3);
	wire_msg_fini(&out);
	m.akind = WA_BOOL;
	m.a_bool = true;
	round_trip(&m, &out);
	assert_int_equal(out.akind, WA_BOOL);
	assert_true(out.a_bool);
	wire_msg_fini(&out);
	m.akind = WA_TEXT;
	m.a_text = (char *)"Reykjavík";
	round_trip(&m, &out);
	assert_int_equal(out.akind, WA_TEXT);
	assert_string_equal(out.a_text, "Reykjavík");
	wire_msg_fini(&out);
}

static void
test_wire_question_round_trip_has_no_answer(void **state)
{
	struct wire_msg m = { .t = W_QUESTION, .q = 2, .of = 10,
	    .qtype = WQ_CHOICE, .text = (char *)"Capital of Australia?",
	    .choices = { (char *)"Sydney", (char *)"Canberra" },
	    .nchoices = 2, .limit_ms = 20000, .left_ms = 19990 }, out;
	char *line = wire_encode(&m);

	(void)state;
	assert_null(strstr(line, "answer"));
	assert_non_null(strstr(line, "\"t\":\"question\""));
	free(line);
	round_trip(&m, &out);
	assert_int_equal(out.t, W_QUESTION);
	assert_int_equal(out.qtype, WQ_CHOICE);
	assert_int_equal(out.nchoices, 2);
	assert_string_equal(out.choices[1], "Canberra");
	assert_string_equal(out.text, "Capital of Australia?");
	assert_int_equal(out.limit_ms, 20000);
	assert_int_equal(out.left_ms, 19990);
	wire_msg_fini(&out);
}

static void
test_wire_host_messages_round_trip(void **state)
{
	struct wire_msg m = { 0 }, out;

	(void)state;
	m.t = W_WELCOME;
	m.id = 7;
	strcpy(m.nick, "ann");
	strcpy(m.token, TOKEN);
	round_trip(&m, &out);
	assert_int_equal(out.id, 7);
	assert_string_equal(out.token, TOKEN);
	wire_msg_fini(&out);

	memset(&m, 0, sizeof m);
	m.t = W_RESULT;
	m.q = 4;
	m.correct = true;
	m.answer = (char *)"Canberra";
	m.points = 940;
	m.streak = 2;
	m.score = 2040;
	m.rank = 3;
	m.gap = 120;
	round_trip(&m, &out);
	assert_true(out.correct);
	assert_false(out.timed_out);
	assert_string_equal(out.answer, "Canberra");
	assert_int_equal(out.points, 940);
	assert_int_equal(out.streak, 2);
	assert_int_equal(out.score, 2040);
	assert_int_equal(out.rank, 3);
	assert_int_equal(out.gap, 120);
	assert_int_equal(out.bonus, 0);
	assert_null(out.explanation);
	wire_msg_fini(&out);

	/* The explanation and the streak bonus, when there are: sanitized
	 * for the screen like every string the host sends. */
	m.bonus = 40;
	m.explanation = (char *)"Canberra was built \033[2Jas a compromise.";
	round_trip(&m, &out);
	assert_int_equal(out.bonus, 40);
	assert_non_null(out.explanation);
	assert_null(strchr(out.explanation, '\033'));
	assert_non_null(strstr(out.explanation, "as a compromise."));
	wire_msg_fini(&out);

	memset(&m, 0, sizeof m);
	m.t = W_PODIUM;
	m.ntop = 2;
	strcpy(m.top[0].nick, "ann");
	m.top[0].score = 3000;
	m.top[0].rank = 1;
	strcpy(m.top[1].nick, "bob");
	m.top[1].score = 100;
	m.top[1].rank = 2;
	m.rank = 2;
	m.score = 100;
	round_trip(&m, &out);
	assert_int_equal(out.t, W_PODIUM);
	assert_int_equal(out.ntop, 2);
	assert_string_equal(out.top[1].nick, "bob");
	assert_int_equal(out.top[0].score, 3000);
	assert_int_equal(out.rank, 2);
	wire_msg_fini(&out);
}

static void
test_wire_every_type_round_trips(void **state)
{
	int t;

	(void)state;
	for (t = 0; t < W_TYPE_COUNT; t++) {
		struct wire_msg m = { 0 }, out;

		m.t = (enum wire_type)t;
		m.v = 1;
		m.q = 1;
		m.of = 1;
		m.rank = 1;
		m.top[0].rank = 1;
		m.text = (char *)"x";
		m.why = (char *)"because";
		m.answer = (char *)"y";
		m.choices[0] = (char *)"a";
		m.choices[1] = (char *)"b";
		m.nchoices = 2;
		strcpy(m.token, TOKEN);
		strcpy(m.code, "bad_type");
		round_trip(&m, &out);
		assert_int_equal(out.t, t);
		assert_string_equal(wire_type_name(out.t), wire_type_name(t));
		wire_msg_fini(&out);
	}
	assert_null(wire_type_name(W_TYPE_COUNT));
}

static void
test_wire_rejects_long_lines(void **state)
{
	struct wire_msg m;
	char *big = xmalloc(WIRE_LINE_MAX + 10), err[32];

	(void)state;
	memset(big, ' ', WIRE_LINE_MAX + 9);
	memcpy(big, "{\"t\":\"leave\"}", 13);
	big[WIRE_LINE_MAX + 9] = '\0';
	assert_int_equal(wire_decode(big, WIRE_LINE_MAX, &m, err, sizeof err),
	    -1);
	assert_string_equal(err, "too_long");
	/* One byte under the cap (the newline takes the last one) is fine. */
	assert_int_equal(wire_decode(big, WIRE_LINE_MAX - 1, &m, err,
	    sizeof err), 0);
	assert_int_equal(m.t, W_LEAVE);
	free(big);
}

static void
test_wire_rejects_bad_json_and_types(void **state)
{
	struct wire_msg m;

	(void)state;
	assert_string_equal(decode("{\"t\":\"leave\"", &m), "bad_json");
	assert_string_equal(decode("[1,2]", &m), "bad_json");
	assert_string_equal(decode("{\"t\":\"leave\"} x", &m), "bad_json");
	assert_string_equal(decode("{\"t\":\"dance\"}", &m), "bad_type");
	assert_string_equal(decode("{\"T\":\"leave\"}", &m), "bad_type");
	assert_string_equal(decode("{\"t\":\"LEAVE\"}", &m), "bad_type");
	assert_string_equal(decode("{\"t\":7}", &m), "bad_type");
	assert_string_equal(decode("{\"t\":\"le\xff\"}", &m), "bad_utf8");
	assert_string_equal(wire_decode("{\"t\":\"leave\"}\0", 15, &m,
	    (char[32]){ 0 }, 32) == 0 ? "" : "refused", "refused");
	/* Unknown fields are ignored; a trailing \r is too. */
	assert_string_equal(decode("{\"t\":\"leave\",\"x\":[1]}\r", &m), "");
}

static void
test_wire_checks_ranges_and_types_of_fields(void **state)
{
	struct wire_msg m;

	(void)state;
	assert_string_equal(decode("{\"t\":\"answer\",\"q\":1,\"a\":2}", &m),
	    "");
	assert_string_equal(decode("{\"t\":\"answer\",\"q\":1,\"a\":2.5}", &m),
	    "bad_field");
	assert_int_equal(m.t, W_ANSWER);
	assert_string_equal(decode("{\"t\":\"answer\",\"q\":1,\"a\":-1}", &m),
	    "bad_field");
	assert_string_equal(decode("{\"t\":\"answer\",\"q\":1,\"a\":9}", &m),
	    "bad_field");
	assert_string_equal(decode("{\"t\":\"answer\",\"q\":0,\"a\":1}", &m),
	    "bad_field");
	assert_string_equal(decode("{\"t\":\"answer\",\"q\":\"1\",\"a\":1}",
	    &m), "bad_field");
	assert_string_equal(decode("{\"t\":\"answer\",\"a\":1}", &m),
	    "bad_field");
	assert_string_equal(decode("{\"t\":\"answer\",\"q\":1e300,\"a\":1}",
	    &m), "bad_field");
	assert_string_equal(decode("{\"t\":\"answer\",\"q\":1,\"a\":null}", &m),
	    "bad_field");
	/* Case-sensitive keys: "Q" is not "q". */
	assert_string_equal(decode("{\"t\":\"answer\",\"Q\":1,\"a\":1}", &m),
	    "bad_field");
	assert_string_equal(decode("{\"t\":\"join\",\"v\":1,\"pin\":1,"
	    "\"nick\":\"a\"}", &m), "bad_field");
	assert_string_equal(decode("{\"t\":\"resume\",\"v\":1,\"token\":\"xyz\"}",
	    &m), "bad_field");
	assert_string_equal(decode("{\"t\":\"question\",\"q\":1,\"of\":1,"
	    "\"type\":\"choice\",\"text\":\"?\",\"choices\":[\"a\"],"
	    "\"limit_ms\":1000,\"left_ms\":10}", &m), "bad_field");
	assert_string_equal(decode("{\"t\":\"question\",\"q\":1,\"of\":1,"
	    "\"type\":\"text\",\"text\":\"?\",\"limit_ms\":1000,"
	    "\"left_ms\":2000}", &m), "bad_field");
	assert_string_equal(decode("{\"t\":\"question\",\"q\":1,\"of\":1,"
	    "\"type\":\"text\",\"text\":\"?\",\"limit_ms\":1000,"
	    "\"left_ms\":900}", &m), "");
	wire_msg_fini(&m);
}

static void
test_wire_typed_answer_is_at_most_200_bytes(void **state)
{
	char line[400], a[260];
	struct wire_msg m;

	(void)state;
	memset(a, 'x', 200);
	a[200] = '\0';
	snprintf(line, sizeof line, "{\"t\":\"answer\",\"q\":1,\"a\":\"%s\"}", a);
	assert_string_equal(decode(line, &m), "");
	assert_int_equal(strlen(m.a_text), 200);
	wire_msg_fini(&m);
	a[200] = 'x';
	a[201] = '\0';
	snprintf(line, sizeof line, "{\"t\":\"answer\",\"q\":1,\"a\":\"%s\"}", a);
	assert_string_equal(decode(line, &m), "bad_field");
}

static void
test_wire_screen_text_loses_control_characters(void **state)
{
	struct wire_msg m;

	(void)state;
	assert_string_equal(decode("{\"t\":\"bye\",\"why\":"
	    "\"a\\u001b[2Jb\\u202ec\\nd\"}", &m), "");
	assert_null(strchr(m.why, '\033'));
	assert_null(strstr(m.why, "\xE2\x80\xAE"));
	assert_string_equal(m.why, "a\xEF\xBF\xBD[2Jb\xEF\xBF\xBD" "c d");
	wire_msg_fini(&m);
	assert_true(wire_is_control(0x1b));
	assert_true(wire_is_control(0x9b));
	assert_true(wire_is_control(0x2067));
	assert_false(wire_is_control('a'));
	assert_false(wire_is_control(0xe9));
}

static void
test_wire_encode_cuts_long_text_to_fit_a_line(void **state)
{
	char *text = xmalloc(10000), *line;
	struct wire_msg m = { .t = W_READY, .q = 1, .of = 1 }, out;
	size_t i;

	(void)state;
	for (i = 0; i + 2 < 10000; i += 2)
		memcpy(text + i, "\xC3\xA9", 2);   /* é: cuts must not split it */
	text[i] = '\0';
	m.text = text;
	line = wire_encode(&m);
	assert_true(strlen(line) <= WIRE_LINE_MAX);
	free(line);
	round_trip(&m, &out);
	assert_true(strlen(out.text) > 1000);
	wire_msg_fini(&out);
	free(text);
}

/* Numbers go out as plain integers, exactly (not through %g), the
 * extremes included. */
static void
test_wire_numbers_are_exact_integers(void **state)
{
	struct wire_msg m = { .t = W_ACK, .q = 3, .ok = true }, out;
	struct wire_msg b = { .t = W_BOARD, .ntop = 1, .rank = 250,
	    .score = WIRE_SCORE_MAX };
	char *line;

	(void)state;
	line = wire_encode(&m);
	assert_string_equal(line, "{\"t\":\"ack\",\"q\":3,\"ok\":true}\n");
	free(line);
	snprintf(b.top[0].nick, sizeof b.top[0].nick, "ann");
	b.top[0].score = 0;
	b.top[0].rank = 1;
	line = wire_encode(&b);
	assert_non_null(strstr(line, "\"you\":{\"rank\":250,"
	    "\"score\":2000000000}"));
	assert_non_null(strstr(line, "{\"nick\":\"ann\",\"score\":0,"
	    "\"rank\":1}"));
	free(line);
	round_trip(&b, &out);
	assert_int_equal(out.score, WIRE_SCORE_MAX);
	assert_int_equal(out.top[0].score, 0);
	wire_msg_fini(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wire_join_and_resume_round_trip),
		cmocka_unit_test(test_wire_answer_carries_index_bool_or_text),
		cmocka_unit_test(test_wire_question_round_trip_has_no_answer),
		cmocka_unit_test(test_wire_host_messages_round_trip),
		cmocka_unit_test(test_wire_every_type_round_trips),
		cmocka_unit_test(test_wire_rejects_long_lines),
		cmocka_unit_test(test_wire_rejects_bad_json_and_types),
		cmocka_unit_test(test_wire_checks_ranges_and_types_of_fields),
		cmocka_unit_test(test_wire_typed_answer_is_at_most_200_bytes),
		cmocka_unit_test(test_wire_screen_text_loses_control_characters),
		cmocka_unit_test(test_wire_encode_cuts_long_text_to_fit_a_line),
		cmocka_unit_test(test_wire_numbers_are_exact_integers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
