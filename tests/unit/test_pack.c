/*
 * test_pack.c - unit tests for src/core/pack.c and opentdb.c: loading packs
 * (ours and Open Trivia Database files), and every problem in a broken pack
 * reported with its level, LINE:COL and message.
 *
 * The fixtures are in tests/fixtures/packs/{good,warn,bad} and
 * tests/fixtures/opentdb; each file is one row of the table below, run as a
 * test of its own.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <dirent.h>

#include "jdoc.h"
#include "pack.h"
#include "utf8.h"
#include "testutil.h"

#define E DIAG_ERROR
#define W DIAG_WARNING
#define MAX_WANT 4

/* One diagnostic a fixture must produce. */
struct want {
	enum diag_level level;
	int line;
	int col;
	const char *part;   /* a part of the message, matched with strstr */
};

/* A fixture file, whether it loads, and everything it must report (in
 * order of place: the list is sorted with diags_sort first). */
struct fixture {
	const char *file;   /* under tests/fixtures/ */
	bool loads;
	int n;
	struct want w[MAX_WANT];
};

static const struct fixture fixtures[] = {
	/* Valid packs: not a word said about them. */
	{ "packs/good/all_types.json", true, 0, { { 0 } } },
	{ "packs/good/bom_crlf.json", true, 0, { { 0 } } },
	{ "packs/good/choice.json", true, 0, { { 0 } } },
	{ "packs/good/choice_index.json", true, 0, { { 0 } } },
	{ "packs/good/schema.json", true, 0, { { 0 } } },
	{ "packs/good/text.json", true, 0, { { 0 } } },
	{ "packs/good/truefalse.json", true, 0, { { 0 } } },

	/* Valid, with warnings. */
	{ "packs/warn/unknown_keys.json", true, 3, {
		{ W, 3, 3, "autor: unknown key \"autor\" (did you mean "
		    "\"author\"?)" },
		{ W, 4, 3, "colour: unknown key \"colour\" (ignored)" },
		{ W, 10, 7, "questions[0].explantion: unknown key "
		    "\"explantion\" "
		    "(did you mean \"explanation\"?)" } } },
	{ "packs/warn/duplicate_question.json", true, 1, {
		{ W, 6, 34, "questions[2].question: same question as "
		    "questions[0]" } } },
	{ "packs/warn/correct_answer_repeated.json", true, 1, {
		{ W, 7, 38, "questions[0].choices[2]: the correct answer is "
		    "repeated among the choices" } } },
	{ "packs/warn/choice_repeated.json", true, 1, {
		{ W, 7, 48, "questions[0].choices[3]: same as choice 2" } } },

	{ "packs/warn/repeated_keys.json", true, 2, {
		{ W, 3, 3, "title: the key \"title\" is repeated; the first, "
		    "at 2:3, is the one used" },
		{ W, 6, 22, "questions[0].answer: the key \"answer\" is "
		    "repeated; the first, at 6:6, is the one used" } } },

	/* Strings JSON does not allow, though cJSON takes them. */
	{ "packs/bad/raw_control_in_string.json", false, 2, {
		{ E, 4, 40, "raw control character TAB in a string (JSON needs "
		    "it written \\t)" },
		{ E, 5, 28, "raw control character ESC (U+001B) in a string" } } },
	{ "packs/bad/nul_escape_in_string.json", false, 1, {
		{ E, 4, 36, "\\u0000 in a string (a NUL would cut the text "
		    "short)" } } },

	/* Syntax errors. */
	{ "packs/bad/syntax_missing_comma.json", false, 1, {
		{ E, 3, 3, "JSON syntax error near '\"questions\": []'" } } },
	{ "packs/bad/syntax_trailing_comma_array.json", false, 1, {
		{ E, 5, 3, "JSON syntax error near ']'" } } },
	{ "packs/bad/syntax_trailing_comma_object.json", false, 1, {
		{ E, 4, 1, "JSON syntax error near '}'" } } },
	{ "packs/bad/syntax_unterminated_string.json", false, 1, {
		{ E, 4, 51, "JSON syntax error near 'never closed}'" } } },
	{ "packs/bad/syntax_missing_brace.json", false, 1, {
		{ E, 6, 1, "unexpected end of file (a missing } or ]?)" } } },
	{ "packs/bad/syntax_trailing_garbage.json", false, 1, {
		{ E, 7, 1, "JSON syntax error near 'x'" } } },
	{ "packs/bad/syntax_python_literal.json", false, 1, {
		{ E, 7, 17, "JSON syntax error near 'True'" } } },
	{ "packs/bad/syntax_missing_colon_after_utf8.json", false, 1, {
		{ E, 2, 38, "JSON syntax error near '[]'" } } },

	/* Not a pack at all. */
	{ "packs/bad/empty.json", false, 1, {
		{ E, 1, 1, "the file is empty" } } },
	{ "packs/bad/whitespace_only.json", false, 1, {
		{ E, 3, 1, "the file is empty" } } },
	{ "packs/bad/top_level_array.json", false, 1, {
		{ E, 2, 3, "(top level): a pack must be a JSON object, not an "
		    "array" } } },
	{ "packs/bad/is_a_directory.json", false, 1, {
		{ E, 0, 0, "is a directory, not a JSON file" } } },
	{ "packs/bad/invalid_utf8.json", false, 1, {
		{ E, 2, 18, "invalid UTF-8 (save the file as UTF-8)" } } },
	{ "packs/bad/invalid_utf8_overlong.json", false, 1, {
		{ E, 2, 22, "invalid UTF-8" } } },
	{ "packs/bad/nul_byte.json", false, 1, {
		{ E, 2, 17, "NUL byte in the file" } } },
	{ "packs/bad/deep_nesting.json", false, 1, {
		{ E, 3, 1015, "nesting deeper than 1000 levels" } } },

	/* The pack's own fields. */
	{ "packs/bad/missing_title.json", false, 1, {
		{ E, 1, 1, "(top level): missing \"title\" (a string)" } } },
	{ "packs/bad/empty_title.json", false, 1, {
		{ E, 2, 12, "title: must not be empty" } } },
	{ "packs/bad/title_not_string.json", false, 1, {
		{ E, 2, 12, "title: must be a string, not a number" } } },
	{ "packs/bad/description_not_string.json", false, 1, {
		{ E, 3, 18, "description: must be a string, not an array" } } },
	{ "packs/bad/pack_time_limit_zero.json", false, 1, {
		{ E, 3, 17, "time_limit: 0 is out of range (0.1 to "
		    "86400)" } } },
	{ "packs/bad/missing_questions.json", false, 1, {
		{ E, 1, 1, "(top level): missing \"questions\" (a list of "
		    "questions)" } } },
	{ "packs/bad/questions_not_array.json", false, 1, {
		{ E, 3, 16, "questions: must be an array of questions" } } },
	{ "packs/bad/questions_empty.json", false, 1, {
		{ E, 3, 16, "questions: must hold at least one question" } } },

	/* A question's common fields. */
	{ "packs/bad/question_not_object.json", false, 1, {
		{ E, 5, 5, "questions[1]: a question must be an object, not a "
		    "string" } } },
	{ "packs/bad/missing_type.json", false, 1, {
		{ E, 4, 5, "questions[0]: missing \"type\" (a string)" } } },
	{ "packs/bad/unknown_type.json", false, 1, {
		{ E, 4, 14, "questions[0].type: unknown question type "
		    "\"choise\" "
		    "(did you mean \"choice\"?)" } } },
	{ "packs/bad/type_not_string.json", false, 1, {
		{ E, 4, 14, "questions[0].type: must be a string, not a "
		    "number" } } },
	{ "packs/bad/missing_question_text.json", false, 1, {
		{ E, 4, 5, "questions[0]: missing \"question\" (a "
		    "string)" } } },
	{ "packs/bad/empty_question_text.json", false, 1, {
		{ E, 4, 39, "questions[0].question: must not be empty" } } },
	{ "packs/bad/explanation_not_string.json", false, 1, {
		{ E, 4, 76, "questions[0].explanation: must be a string, not a "
		    "number" } } },
	{ "packs/bad/time_limit_zero.json", false, 1, {
		{ E, 8, 21, "questions[0].time_limit: 0 is out of range (0.1 "
		    "to 86400)" } } },
	{ "packs/bad/time_limit_negative.json", false, 1, {
		{ E, 8, 21, "questions[0].time_limit: -5 is out of range (0.1 "
		    "to 86400)" } } },
	{ "packs/bad/time_limit_string.json", false, 1, {
		{ E, 8, 21, "questions[0].time_limit: must be a number, not a "
		    "string" } } },
	{ "packs/bad/time_limit_huge.json", false, 1, {
		{ E, 8, 21, "questions[0].time_limit: 1000000000 is out of "
		    "range (0.1 to 86400)" } } },

	/* choice */
	{ "packs/bad/choice_without_choices.json", false, 1, {
		{ E, 4, 5, "questions[0]: missing \"choices\" (a list of 2 to "
		    "9 strings)" } } },
	{ "packs/bad/choices_not_array.json", false, 1, {
		{ E, 7, 18, "questions[0].choices: must be an array of "
		    "strings, not a string" } } },
	{ "packs/bad/one_choice.json", false, 1, {
		{ E, 7, 18, "questions[0].choices: has 1 choice; a question "
		    "needs 2 to 9" } } },
	{ "packs/bad/ten_choices.json", false, 1, {
		{ E, 7, 18, "questions[0].choices: has 10 choices; a question "
		    "needs 2 to 9" } } },
	{ "packs/bad/choice_not_string.json", false, 1, {
		{ E, 7, 24, "questions[0].choices[1]: must be a string, not a "
		    "number" } } },
	{ "packs/bad/choice_empty.json", false, 1, {
		{ E, 9, 9, "questions[0].choices[1]: must not be empty" } } },
	{ "packs/bad/choice_missing_answer.json", false, 1, {
		{ E, 4, 5, "questions[0]: missing \"answer\" (the correct "
		    "choice's text or index)" } } },
	{ "packs/bad/answer_not_among_choices.json", false, 1, {
		{ E, 8, 17, "questions[0].answer: \"canberra\" is not one of "
		    "the choices" } } },
	{ "packs/bad/answer_index_out_of_range.json", false, 1, {
		{ E, 8, 17, "questions[0].answer: index 4 is out of range (0 "
		    "to 3)" } } },
	{ "packs/bad/answer_index_negative.json", false, 1, {
		{ E, 8, 17, "questions[0].answer: index -1 is out of range (0 "
		    "to 3)" } } },
	{ "packs/bad/answer_index_fractional.json", false, 1, {
		{ E, 8, 17, "questions[0].answer: an index must be a whole "
		    "number, not 1.5" } } },
	{ "packs/bad/answer_wrong_type.json", false, 1, {
		{ E, 8, 17, "questions[0].answer: must be the correct choice's "
		    "text "
		    "or index, not a boolean" } } },
	{ "packs/bad/error_after_utf8.json", false, 1, {
		{ E, 4, 99, "questions[0].answer: \"Allemagne\" is not one of "
		    "the choices" } } },

	/* truefalse */
	{ "packs/bad/truefalse_answer_string.json", false, 1, {
		{ E, 7, 17, "questions[0].answer: must be true or false, not a "
		    "string" } } },
	{ "packs/bad/truefalse_missing_answer.json", false, 1, {
		{ E, 4, 5, "questions[0]: missing \"answer\" (true or "
		    "false)" } } },

	/* text */
	{ "packs/bad/text_answer_empty_list.json", false, 1, {
		{ E, 7, 17, "questions[0].answer: must list at least one "
		    "accepted answer" } } },
	{ "packs/bad/text_answer_empty_string.json", false, 1, {
		{ E, 7, 17, "questions[0].answer: must not be empty" } } },
	{ "packs/bad/text_answer_number.json", false, 1, {
		{ E, 7, 17, "questions[0].answer: must be a string or a list "
		    "of "
		    "strings, not a number" } } },
	{ "packs/bad/text_answer_list_non_string.json", false, 1, {
		{ E, 7, 26, "questions[0].answer[1]: must be a string, not a "
		    "number" } } },

	/* Every error of a file, each at its place, not just the first. */
	{ "packs/bad/several_errors.json", false, 4, {
		{ E, 16, 17, "questions[3].answer: \"d\" is not one of the "
		    "choices" },
		{ E, 18, 66, "questions[4].answer: must be true or false, not "
		    "a string" },
		{ E, 19, 34, "questions[5].question: must not be empty" },
		{ E, 19, 67, "questions[5].time_limit: -1 is out of range (0.1 "
		    "to 86400)" } } },

	/* Open Trivia Database files. */
	{ "opentdb/html.json", true, 0, { { 0 } } },
	{ "opentdb/base64.json", true, 0, { { 0 } } },
	{ "opentdb/url3986.json", true, 0, { { 0 } } },
	{ "opentdb/one_category.json", true, 0, { { 0 } } },
	{ "opentdb/dump_without_response_code.json", true, 0, { { 0 } } },
	{ "opentdb/bad_response_code_1.json", false, 1, {
		{ E, 2, 20, "response_code: the API answered 1, no results: "
		    "the database has too few questions for the query (no "
		    "questions in this file)" } } },
	{ "opentdb/bad_response_code_2.json", false, 1, {
		{ E, 2, 20, "the API answered 2, invalid parameter: an argument "
		    "of the query was not valid" } } },
	{ "opentdb/bad_response_code_3.json", false, 1, {
		{ E, 2, 20, "the API answered 3, token not found: the session "
		    "token does not exist" } } },
	{ "opentdb/bad_response_code_4.json", false, 1, {
		{ E, 2, 20, "the API answered 4, token empty: the session token "
		    "has given every question of the query (reset it)" } } },
	{ "opentdb/bad_response_code_5.json", false, 1, {
		{ E, 2, 20, "the API answered 5, rate limit: more than one "
		    "request in 5 seconds" } } },
	{ "opentdb/bad_session_token.json", false, 1, {
		{ E, 4, 12, "token: this is a session token (api_token.php), "
		    "not questions" } } },
	{ "opentdb/bad_results_empty.json", false, 1, {
		{ E, 3, 14, "results: must be a non-empty array of "
		    "questions" } } },
	{ "opentdb/bad_boolean_answer.json", false, 1, {
		{ E, 9, 25, "results[0].correct_answer: a boolean question's "
		    "answer must be \"True\" or \"False\"" } } },
	{ "opentdb/bad_missing_incorrect_answers.json", false, 1, {
		{ E, 4, 5, "results[0]: \"incorrect_answers\" must list 1 to 8 "
		    "strings" } } },
	{ "opentdb/bad_incorrect_answers_not_strings.json", false, 1, {
		{ E, 10, 36, "results[0].incorrect_answers[1]: must be a "
		    "string, not a number" } } },
	{ "opentdb/bad_unknown_type.json", false, 1, {
		{ E, 5, 15, "results[0].type: unknown type \"single\" "
		    "(multiple or boolean)" } } },
	{ "opentdb/bad_category_not_string.json", false, 1, {
		{ E, 7, 19, "results[0].category: must be a string, not a "
		    "number" } } },
};

#define NFIXTURES ((int)(sizeof fixtures / sizeof fixtures[0]))

/* Load one fixture and compare everything it reports with the row. */
static void
test_pack_fixture(void **state)
{
	const struct fixture *f = *state;
	char *path = tu_fixture(f->file);
	struct diags d = { 0 };
	struct pack *p = pack_load(path, &d);
	int i, errors = 0;

	diags_sort(&d);
	if (d.n != f->n || (p != NULL) != f->loads) {
		print_error("%s: expected %s with %d diagnostic(s), got %s "
		    "with %d\n", f->file, f->loads ? "a pack" : "no pack",
		    f->n, p ? "a pack" : "no pack", d.n);
		tu_print_diags(&d);
	}
	assert_int_equal(d.n, f->n);
	for (i = 0; i < f->n; i++) {
		tu_check_diag(&d, i, f->w[i].level, f->w[i].line, f->w[i].col,
		    f->w[i].part);
		/* Each names the file as given. */
		assert_string_equal(d.v[i].file, path);
		errors += f->w[i].level == DIAG_ERROR;
	}
	assert_int_equal(d.errors, errors);
	assert_int_equal(d.warnings, f->n - errors);
	if (f->loads) {
		assert_non_null(p);
		assert_true(p->nq > 0);
		assert_string_equal(p->path, path);
	} else {
		assert_null(p);
		assert_true(d.errors > 0);
	}
	pack_free(p);
	diags_fini(&d);
	free(path);
}

/* Files in dir (under tests/fixtures) missing from the table. */
static int
untested_in(const char *dir)
{
	return tu_untested(dir, &fixtures[0].file, sizeof fixtures[0],
	    NFIXTURES, "test_pack.c");
}

static void
test_pack_every_fixture_file_is_in_the_table(void **state)
{
	(void)state;
	assert_int_equal(untested_in("packs/good"), 0);
	assert_int_equal(untested_in("packs/warn"), 0);
	assert_int_equal(untested_in("packs/bad"), 0);
	assert_int_equal(untested_in("opentdb"), 0);
	/* The brief's floor: at least 35 broken cases. */
	{
		int i, bad = 0;

		for (i = 0; i < NFIXTURES; i++)
			bad += !fixtures[i].loads;
		assert_true(bad >= 35);
	}
}

/* Load a fixture that must be valid, with no diagnostics. */
static struct pack *
load_good(const char *rel)
{
	char *path = tu_fixture(rel);
	struct diags d = { 0 };
	struct pack *p = pack_load(path, &d);

	if (p == NULL || d.n != 0)
		tu_print_diags(&d);
	assert_non_null(p);
	assert_int_equal(d.n, 0);
	diags_fini(&d);
	free(path);
	return p;
}

/* Sanity of any loaded question, whatever its origin. */
static void
check_question_shape(const struct question *q)
{
	int i;

	assert_non_null(q->text);
	assert_true(q->text[0] != '\0');
	assert_true(utf8_valid(q->text, strlen(q->text), NULL));
	switch (q->type) {
	case Q_CHOICE:
		assert_in_range(q->nchoices, CHOICES_MIN, CHOICES_MAX);
		assert_in_range(q->answer, 0, q->nchoices - 1);
		for (i = 0; i < q->nchoices; i++)
			assert_true(q->choices[i][0] != '\0');
		break;
	case Q_TRUEFALSE:
		assert_int_equal(q->nchoices, 0);
		break;
	case Q_TEXT:
		assert_true(q->nanswers >= 1);
		for (i = 0; i < q->nanswers; i++)
			assert_true(q->answers[i][0] != '\0');
		break;
	default:
		fail_msg("bad type %d", (int)q->type);
	}
	assert_non_null(question_answer_text(q));
}

static void
test_pack_bundled_packs_are_valid(void **state)
{
	char *dir = tu_path("assets/packs");
	DIR *dp = opendir(dir);
	struct dirent *e;
	int packs = 0;

	(void)state;
	assert_non_null(dp);
	while ((e = readdir(dp)) != NULL) {
		size_t n = strlen(e->d_name);
		char path[4200];
		struct diags d = { 0 };
		struct pack *p;
		int i;

		if (e->d_name[0] == '.' || n < 5 ||
		    strcmp(e->d_name + n - 5, ".json") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		p = pack_load(path, &d);
		if (p == NULL || d.n != 0) {
			print_error("bundled pack %s:\n", path);
			tu_print_diags(&d);
		}
		assert_non_null(p);
		assert_int_equal(d.errors, 0);
		assert_int_equal(d.warnings, 0);
		assert_true(p->title[0] != '\0');
		assert_true(p->nq >= 1);
		for (i = 0; i < p->nq; i++)
			check_question_shape(&p->q[i]);
		pack_free(p);
		diags_fini(&d);
		packs++;
	}
	closedir(dp);
	free(dir);
	assert_true(packs >= 4);
}

/* Each bundled pack in turn, loaded (fn gets it and its file name). */
static void
each_bundled_pack(void (*fn)(const struct pack *, const char *))
{
	char *dir = tu_path("assets/packs");
	DIR *dp = opendir(dir);
	struct dirent *e;

	assert_non_null(dp);
	while ((e = readdir(dp)) != NULL) {
		size_t n = strlen(e->d_name);
		char path[4200];
		struct diags d = { 0 };
		struct pack *p;

		if (e->d_name[0] == '.' || n < 5 ||
		    strcmp(e->d_name + n - 5, ".json") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		p = pack_load(path, &d);
		assert_non_null(p);
		fn(p, e->d_name);
		pack_free(p);
		diags_fini(&d);
	}
	closedir(dp);
	free(dir);
}

static bool
word_byte(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || (unsigned char)c >= 0x80;
}

/* Whether text holds w[0..n) as a whole word, ASCII case ignored. */
static bool
has_word(const char *text, const char *w, size_t n)
{
	size_t i, k, len = strlen(text);

	for (i = 0; i + n <= len; i++) {
		if (i > 0 && word_byte(text[i - 1]))
			continue;
		if (i + n < len && word_byte(text[i + n]))
			continue;
		for (k = 0; k < n; k++) {
			char a = text[i + k], b = w[k];

			if (a >= 'A' && a <= 'Z')
				a = (char)(a + 32);
			if (b >= 'A' && b <= 'Z')
				b = (char)(b + 32);
			if (a != b)
				break;
		}
		if (k == n)
			return true;
	}
	return false;
}

/* A word of 4 or more letters that the correct choice shares with the
 * question and no other choice has gives the answer away. */
static void
check_no_giveaway(const struct pack *p, const char *file)
{
	int i, j;

	for (i = 0; i < p->nq; i++) {
		const struct question *q = &p->q[i];
		const char *a, *w;

		if (q->type != Q_CHOICE)
			continue;
		a = q->choices[q->answer];
		for (w = a; *w != '\0';) {
			size_t n = 0;
			bool other = false;

			while (w[n] != '\0' && word_byte(w[n]))
				n++;
			if (n >= 4 && has_word(q->text, w, n)) {
				for (j = 0; j < q->nchoices; j++)
					other |= j != q->answer &&
					    has_word(q->choices[j], w, n);
				if (!other)
					print_error("%s: \"%s\": the answer "
					    "\"%s\" repeats the question\n",
					    file, q->text, a);
				assert_true(other);
			}
			w += n > 0 ? n : 1;
		}
	}
}

static void
test_pack_bundled_choices_do_not_give_the_answer_away(void **state)
{
	(void)state;
	assert_true(has_word("stood in Alexandria?", "alexandria", 10));
	assert_false(has_word("Alexandrian", "alexandria", 10));
	each_bundled_pack(check_no_giveaway);
}

static int antarctica;

static void
count_antarctica(const struct pack *p, const char *file)
{
	int i;

	(void)file;
	for (i = 0; i < p->nq; i++) {
		const char *a = question_answer_text(&p->q[i]);

		if (strcmp(a, "Antarctica") == 0 ||
		    strstr(p->q[i].text, "Antarctica") != NULL) {
			assert_non_null(p->q[i].explanation);
			antarctica++;
		}
	}
}

/* World Geography promises every continent: Antarctica too. */
static void
test_pack_bundled_geography_has_antarctica(void **state)
{
	(void)state;
	antarctica = 0;
	each_bundled_pack(count_antarctica);
	assert_true(antarctica >= 1);
}

static void
test_pack_loads_choice_question(void **state)
{
	struct pack *p = load_good("packs/good/choice.json");
	const struct question *q = &p->q[0];

	(void)state;
	assert_string_equal(p->title, "World Capitals");
	assert_string_equal(p->description, "optional");
	assert_string_equal(p->author, "optional");
	assert_true(p->time_limit == 20);
	assert_int_equal(p->nq, 1);
	assert_int_equal(q->type, Q_CHOICE);
	assert_string_equal(q->text, "Capital of Australia?");
	assert_int_equal(q->nchoices, 4);
	assert_string_equal(q->choices[0], "Sydney");
	assert_string_equal(q->choices[3], "Perth");
	assert_int_equal(q->answer, 1);
	assert_string_equal(question_answer_text(q), "Canberra");
	assert_string_equal(q->explanation, "optional, shown after answering");
	assert_true(q->time_limit == 10);
	assert_null(q->category);
	pack_free(p);
}

static void
test_pack_answer_as_index(void **state)
{
	struct pack *p = load_good("packs/good/choice_index.json");

	(void)state;
	assert_int_equal(p->nq, 3);
	assert_int_equal(p->q[0].answer, 1);
	assert_string_equal(question_answer_text(&p->q[0]), "b");
	assert_int_equal(p->q[1].answer, 0);
	assert_int_equal(p->q[1].nchoices, 2);
	assert_int_equal(p->q[2].answer, 8);
	assert_int_equal(p->q[2].nchoices, 9);
	assert_string_equal(question_answer_text(&p->q[2]), "9");
	/* Nothing set: 0 means "no limit of its own" and "none". */
	assert_true(p->time_limit == 0);
	assert_string_equal(p->description, "");
	assert_string_equal(p->author, "");
	assert_null(p->q[0].explanation);
	pack_free(p);
}

static void
test_pack_loads_truefalse_question(void **state)
{
	struct pack *p = load_good("packs/good/truefalse.json");

	(void)state;
	assert_int_equal(p->nq, 2);
	assert_int_equal(p->q[0].type, Q_TRUEFALSE);
	assert_true(p->q[0].truth);
	assert_string_equal(question_answer_text(&p->q[0]), "true");
	assert_false(p->q[1].truth);
	assert_string_equal(question_answer_text(&p->q[1]), "false");
	pack_free(p);
}

static void
test_pack_loads_text_question_alternatives(void **state)
{
	struct pack *p = load_good("packs/good/text.json");

	(void)state;
	assert_int_equal(p->q[0].type, Q_TEXT);
	assert_int_equal(p->q[0].nanswers, 2);
	assert_string_equal(p->q[0].answers[0], "Reykjavík");
	assert_string_equal(p->q[0].answers[1], "Reykjavik");
	/* The first accepted answer is the one shown. */
	assert_string_equal(question_answer_text(&p->q[0]), "Reykjavík");
	/* A single string is a list of one. */
	assert_int_equal(p->q[1].nanswers, 1);
	assert_string_equal(p->q[1].answers[0], "Jupiter");
	/* Limits may be fractional. */
	assert_true(p->time_limit == 12.5);
	assert_true(p->q[1].time_limit == 0.5);
	assert_true(p->q[0].time_limit == 0);
	pack_free(p);
}

static void
test_pack_loads_every_type_in_order(void **state)
{
	struct pack *p = load_good("packs/good/all_types.json");

	(void)state;
	assert_int_equal(p->nq, 3);
	assert_int_equal(p->q[0].type, Q_CHOICE);
	assert_int_equal(p->q[1].type, Q_TRUEFALSE);
	assert_int_equal(p->q[2].type, Q_TEXT);
	assert_string_equal(qtype_name(p->q[0].type), "choice");
	assert_string_equal(qtype_name(p->q[1].type), "truefalse");
	assert_string_equal(qtype_name(p->q[2].type), "text");
	assert_string_equal(p->author, "termquiz tests");
	assert_string_equal(p->description, "One question of each type");
	pack_free(p);
}

static void
test_pack_bom_and_crlf_load(void **state)
{
	struct pack *p = load_good("packs/good/bom_crlf.json");

	(void)state;
	assert_string_equal(p->title, "BOM and CRLF");
	assert_string_equal(p->q[0].text, "Windows line ends?");
	pack_free(p);
}

static void
test_pack_schema_key_is_accepted(void **state)
{
	struct pack *p = load_good("packs/good/schema.json");

	(void)state;
	assert_string_equal(p->title, "With a schema key");
	pack_free(p);
}

/* The four questions of the OpenTDB fixtures, whatever their encoding. */
static void
check_opentdb_questions(const struct pack *p, const char *title)
{
	static const char *const wrong0[] = { "Venus", "Jupiter", "Saturn" };
	static const char *const wrong2[] = { "Émile Zola", "Honoré de Balzac",
		"Alexandre Dumas" };
	const struct question *q;
	int i, k;

	assert_int_equal(p->nq, 4);
	assert_string_equal(p->title, title);
	assert_non_null(strstr(p->description, "Open Trivia Database"));
	for (i = 0; i < p->nq; i++)
		check_question_shape(&p->q[i]);

	q = &p->q[0];
	assert_int_equal(q->type, Q_CHOICE);
	assert_string_equal(q->text, "Which planet is known as the \"Red "
	    "Planet\"?");
	assert_int_equal(q->nchoices, 4);
	assert_string_equal(question_answer_text(q), "Mars");
	assert_string_equal(q->category, "Science & Nature");
	assert_string_equal(q->difficulty, "easy");
	for (k = 0; k < 3; k++) {
		for (i = 0; i < 4; i++)
			if (strcmp(q->choices[i], wrong0[k]) == 0)
				break;
		assert_true(i < 4 && i != q->answer);
	}

	q = &p->q[1];
	assert_int_equal(q->type, Q_TRUEFALSE);
	assert_string_equal(q->text, "Water boils at 100 °C at sea level.");
	assert_true(q->truth);

	q = &p->q[2];
	assert_int_equal(q->type, Q_CHOICE);
	assert_string_equal(q->text, "Who wrote “Les Misérables”?");
	assert_string_equal(question_answer_text(q), "Victor Hugo");
	assert_string_equal(q->category, "Entertainment: Books");
	assert_string_equal(q->difficulty, "medium");
	for (k = 0; k < 3; k++) {
		for (i = 0; i < 4; i++)
			if (strcmp(q->choices[i], wrong2[k]) == 0)
				break;
		assert_true(i < 4 && i != q->answer);
	}

	q = &p->q[3];
	assert_int_equal(q->type, Q_TRUEFALSE);
	assert_false(q->truth);
	assert_string_equal(q->category, "History");
}

static void
test_pack_opentdb_decodes_html_entities(void **state)
{
	struct pack *p = load_good("opentdb/html.json");

	(void)state;
	check_opentdb_questions(p, "Open Trivia: html.json");
	pack_free(p);
}

static void
test_pack_opentdb_decodes_base64(void **state)
{
	struct pack *p = load_good("opentdb/base64.json");

	(void)state;
	check_opentdb_questions(p, "Open Trivia: base64.json");
	pack_free(p);
}

static void
test_pack_opentdb_decodes_url3986(void **state)
{
	struct pack *p = load_good("opentdb/url3986.json");

	(void)state;
	check_opentdb_questions(p, "Open Trivia: url3986.json");
	pack_free(p);
}

static void
test_pack_opentdb_title_from_one_category(void **state)
{
	struct pack *p = load_good("opentdb/one_category.json");

	(void)state;
	assert_string_equal(p->title, "Open Trivia: Science: Computers");
	assert_string_equal(p->q[0].text,
	    "\"HTML\" stands for Hypertext Markup Language.");
	assert_string_equal(question_answer_text(&p->q[1]),
	    "Central Processing Unit");
	pack_free(p);
}

static void
test_pack_opentdb_correct_answer_is_not_always_first(void **state)
{
	struct pack *p = load_good("opentdb/html.json");
	struct pack *q = load_good("opentdb/one_category.json");
	int firsts = (p->q[0].answer == 0) + (p->q[2].answer == 0) +
	    (q->q[1].answer == 0);

	(void)state;
	assert_true(firsts < 3);
	pack_free(p);
	pack_free(q);
}

static void
test_pack_opentdb_dump_without_response_code(void **state)
{
	struct pack *p = load_good("opentdb/dump_without_response_code.json");

	(void)state;
	assert_int_equal(p->nq, 3);
	assert_string_equal(p->title,
	    "Open Trivia: dump_without_response_code.json");
	assert_string_equal(p->q[1].category, "Science & Nature");
	assert_int_equal(p->q[1].type, Q_TRUEFALSE);
	assert_true(p->q[1].truth);
	assert_string_equal(question_answer_text(&p->q[2]), "1989");
	pack_free(p);
}

static void
test_pack_missing_file_cannot_open(void **state)
{
	const char *dir = *state;
	char path[4200];
	struct diags d = { 0 };

	snprintf(path, sizeof path, "%s/none.json", dir);
	assert_null(pack_load(path, &d));
	assert_int_equal(d.n, 1);
	tu_check_diag(&d, 0, DIAG_ERROR, 0, 0, "cannot open: No such file");
	diags_fini(&d);
}

static void
test_pack_parse_reports_under_given_name(void **state)
{
	static const char text[] =
	    "{\"title\": \"Inline\", \"questions\": [\n"
	    "  {\"type\": \"truefalse\", \"question\": \"Q?\", \"answer\": 1}\n"
	    "]}";
	static const char good[] =
	    "{\"title\": \"Inline\", \"questions\": [\n"
	    "  {\"type\": \"truefalse\", \"question\": \"Q?\", \"answer\": "
	    "false}\n"
	    "]}";
	struct diags d = { 0 };
	struct pack *p;

	(void)state;
	assert_null(pack_parse("inline.json", text, sizeof text - 1, &d));
	assert_int_equal(d.n, 1);
	tu_check_diag(&d, 0, DIAG_ERROR, 2, 53,
	    "questions[0].answer: must be true or false, not a number");
	assert_string_equal(d.v[0].file, "inline.json");
	diags_fini(&d);
	p = pack_parse("inline.json", good, sizeof good - 1, &d);
	assert_non_null(p);
	assert_int_equal(d.n, 0);
	assert_string_equal(p->path, "inline.json");
	assert_false(p->q[0].truth);
	pack_free(p);
}

/* n copies of question q, as a pack in memory. Caller frees. */
static char *
repeated_pack(int n, const char *q, size_t *len)
{
	static const char head[] = "{\"title\": \"Many\", \"questions\": [\n";
	size_t qn = strlen(q), cap = sizeof head + (size_t)n * (qn + 2) + 4, o;
	char *t = malloc(cap);
	int i;

	assert_non_null(t);
	memcpy(t, head, sizeof head - 1);
	o = sizeof head - 1;
	for (i = 0; i < n; i++) {
		memcpy(t + o, q, qn);
		o += qn;
		t[o++] = i + 1 < n ? ',' : ' ';
		t[o++] = '\n';
	}
	memcpy(t + o, "]}", 2);
	*len = o + 2;
	return t;
}

static void
test_pack_prints_200_problems_and_counts_the_rest(void **state)
{
	size_t len;
	char *text = repeated_pack(40000, "{\"type\": \"text\", \"question\": "
	    "\"Same?\", \"answer\": \"x\"}", &len);
	struct diags d = { 0 };
	struct pack *p;

	(void)state;
	p = pack_parse("many.json", text, len, &d);
	assert_non_null(p);
	assert_int_equal(p->nq, 40000);
	/* Every duplicate counts; 200 are kept, and one line says so. */
	assert_int_equal(d.warnings, 39999);
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.n, JDOC_REPORTS_MAX + 1);
	diags_sort(&d);
	tu_check_diag(&d, 0, DIAG_WARNING, 0, 0, "39999 problems; the first "
	    "200 by place are shown, the other 39799 (0 errors, 39799 "
	    "warnings) are not");
	tu_check_diag(&d, 1, DIAG_WARNING, 3, 30,
	    "questions[1].question: same question as questions[0]");
	tu_check_diag(&d, 200, DIAG_WARNING, 202, 30,
	    "questions[200].question: same question as questions[0]");
	pack_free(p);
	diags_fini(&d);
	free(text);
}

static void
test_pack_errors_past_the_cap_still_fail_it(void **state)
{
	size_t len;
	char *text = repeated_pack(300, "{\"type\": \"text\", \"question\": "
	    "\"Q?\", \"answer\": \"x\", \"colour\": 1}", &len);
	char *bad = strstr(text + len - 80, "\"answer\": \"x\"");
	struct diags d = { 0 };

	(void)state;
	/* The last question's answer made blank: an error after 299
	 * warnings, past the 200 shown, still fails the pack. */
	assert_non_null(bad);
	bad[11] = ' ';
	assert_null(pack_parse("many.json", text, len, &d));
	assert_int_equal(d.errors, 1);
	assert_int_equal(d.warnings, 300);
	assert_int_equal(d.n, JDOC_REPORTS_MAX + 1);
	diags_sort(&d);
	tu_check_diag(&d, 0, DIAG_ERROR, 0, 0, "(1 error, 100 warnings)");
	diags_fini(&d);
	free(text);
}

static void
test_pack_free_null_is_a_no_op(void **state)
{
	(void)state;
	pack_free(NULL);
	assert_string_equal(qtype_name(Q_TEXT), "text");
}

/* One rule for how an answer is shown, screens and plain mode alike. */
static void
test_pack_answer_shown_capitalises_truefalse_only(void **state)
{
	char t[] = "true", f[] = "false";
	char *choices[] = { t, f };
	struct question tf = { .type = Q_TRUEFALSE, .truth = false };
	struct question ch = { .type = Q_CHOICE, .choices = choices,
	    .nchoices = 2, .answer = 0 };

	(void)state;
	assert_string_equal(question_answer_shown(&tf, "true"), "True");
	assert_string_equal(question_answer_shown(&tf, "false"), "False");
	assert_string_equal(question_answer_shown(&tf,
	    question_answer_text(&tf)), "False");
	/* A choice that reads "true" is shown as written. */
	assert_string_equal(question_answer_shown(&ch,
	    question_answer_text(&ch)), "true");
}

int
main(void)
{
	static const struct CMUnitTest named[] = {
		cmocka_unit_test(test_pack_every_fixture_file_is_in_the_table),
		cmocka_unit_test(test_pack_bundled_packs_are_valid),
		cmocka_unit_test(
		    test_pack_bundled_choices_do_not_give_the_answer_away),
		cmocka_unit_test(test_pack_bundled_geography_has_antarctica),
		cmocka_unit_test(test_pack_loads_choice_question),
		cmocka_unit_test(test_pack_answer_as_index),
		cmocka_unit_test(test_pack_loads_truefalse_question),
		cmocka_unit_test(test_pack_loads_text_question_alternatives),
		cmocka_unit_test(test_pack_loads_every_type_in_order),
		cmocka_unit_test(test_pack_bom_and_crlf_load),
		cmocka_unit_test(test_pack_schema_key_is_accepted),
		cmocka_unit_test(test_pack_opentdb_decodes_html_entities),
		cmocka_unit_test(test_pack_opentdb_decodes_base64),
		cmocka_unit_test(test_pack_opentdb_decodes_url3986),
		cmocka_unit_test(test_pack_opentdb_title_from_one_category),
		cmocka_unit_test(
		    test_pack_opentdb_correct_answer_is_not_always_first),
		cmocka_unit_test(test_pack_opentdb_dump_without_response_code),
		cmocka_unit_test_setup_teardown(
		    test_pack_missing_file_cannot_open,
		    tu_setup_tmpdir, tu_teardown_tmpdir),
		cmocka_unit_test(test_pack_parse_reports_under_given_name),
		cmocka_unit_test(test_pack_free_null_is_a_no_op),
		cmocka_unit_test(
		    test_pack_answer_shown_capitalises_truefalse_only),
		cmocka_unit_test(
		    test_pack_prints_200_problems_and_counts_the_rest),
		cmocka_unit_test(test_pack_errors_past_the_cap_still_fail_it),
	};
	return tu_run_table("test_pack", named, sizeof named / sizeof named[0],
	    fixtures, sizeof fixtures[0], NFIXTURES, test_pack_fixture,
	    "test_pack_fixture");
}
