/*
 * test_format.c - unit tests for src/core/format.c and the importers
 * (gift.c, aiken.c, anki.c, quizlet.c, opentriviaqa.c, csv.c): every
 * fixture in tests/fixtures/<format>/ is a row below, loaded by content (or
 * with the row's options), with the format it must be found as, how many
 * questions it gives and every problem it must report at its LINE:COL.
 * Each one that loads is also written as JSON (--convert) and read back by
 * the JSON loader: the same questions, no problem.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fold.h"
#include "format.h"
#include "pack.h"
#include "packwrite.h"
#include "testutil.h"

#define E DIAG_ERROR
#define W DIAG_WARNING
#define MAX_WANT 10

struct want {
	enum diag_level level;
	int line;
	int col;
	const char *part;
};

struct fixture {
	const char *file;               /* under tests/fixtures/ */
	enum format format;             /* found (FORMAT_AUTO: none) */
	int nq;                         /* questions; 0: does not load */
	const struct import_opts *o;    /* NULL: found by content */
	int n;
	struct want w[MAX_WANT];
};

static const struct import_opts force_anki = { .format = FORMAT_ANKI };
static const struct import_opts dash_semicolon = {
	.term_sep = " - ", .row_sep = ";"
};

static const struct fixture fixtures[] = {
	{ "gift/bad_all_skipped.gift", FORMAT_GIFT, 0, NULL, 3, {
		{ E, 1, 1, "no question termquiz can ask (read as GIFT; every "
		    "one was left out)" },
		{ W, 1, 18, "an essay question (empty answer block): left out" },
		{ W, 3, 31, "a matching question: left out" },
	} },
	{ "gift/bad_close_without_open.gift", FORMAT_GIFT, 0, NULL, 1, {
		{ E, 3, 34, "'}' without an opening '{' (write \\} for a brace "
		    "in the text)" },
	} },
	{ "gift/bad_empty_choice.gift", FORMAT_GIFT, 0, NULL, 1, {
		{ E, 1, 21, "a choice must not be empty" },
	} },
	{ "gift/bad_nul.gift", FORMAT_GIFT, 0, NULL, 1, {
		{ E, 3, 6, "NUL byte in the file (is it a text file?)" },
	} },
	{ "gift/bad_numerical_not_number.gift", FORMAT_GIFT, 0, NULL, 1, {
		{ E, 1, 27, "a numerical answer must be a number (as 3, 2.5, "
		    "3:0.1 or 1..5), not \"two\"" },
	} },
	{ "gift/bad_one_choice.gift", FORMAT_GIFT, 0, NULL, 1, {
		{ E, 1, 21, "has 1 choice; a question needs 2 to 9" },
	} },
	{ "gift/bad_several.gift", FORMAT_GIFT, 0, NULL, 3, {
		{ E, 1, 27, "a numerical answer must be a number (as 3, 2.5, "
		    "3:0.1 or 1..5), not \"two\"" },
		{ E, 3, 21, "has 1 choice; a question needs 2 to 9" },
		{ E, 7, 22, "'{' without its closing '}' (write \\{ for a brace "
		    "in the text)" },
	} },
	{ "gift/bad_ten_choices.gift", FORMAT_GIFT, 0, NULL, 1, {
		{ E, 1, 25, "has 10 choices; a question needs 2 to 9" },
	} },
	{ "gift/bad_too_long.gift", FORMAT_GIFT, 0, NULL, 1, {
		{ E, 1, 1, "the question is 4513 bytes long; the limit is 4000" },
	} },
	{ "gift/bad_unclosed_brace.gift", FORMAT_GIFT, 0, NULL, 1, {
		{ E, 3, 21, "'{' without its closing '}' (write \\{ for a brace "
		    "in the text)" },
	} },
	{ "gift/good_all.gift", FORMAT_GIFT, 13, NULL, 0, { { 0 } } },
	{ "gift/good_bom_crlf.gift", FORMAT_GIFT, 2, NULL, 0, { { 0 } } },
	{ "gift/good_lone_cr.gift", FORMAT_GIFT, 2, NULL, 0, { { 0 } } },
	{ "gift/warn_category_typo.gift", FORMAT_GIFT, 1, NULL, 2, {
		{ W, 1, 1, "unknown command \"$CATEGROY:\" (did you mean "
		    "\"$CATEGORY:\"?): read as a question" },
		{ W, 1, 1, "a description (no answer block): left out" },
	} },
	{ "gift/warn_cp1252.gift", FORMAT_GIFT, 1, NULL, 1, {
		{ W, 1, 59, "not valid UTF-8: the file is read as Windows-1252" },
	} },
	{ "gift/warn_image.gift", FORMAT_GIFT, 1, NULL, 1, {
		{ W, 1, 7, "an image (<img>) is left out: the terminal shows text only" },
	} },
	{ "gift/warn_repeated_choice.gift", FORMAT_GIFT, 2, NULL, 2, {
		{ W, 1, 21, "choice 3: the correct answer is repeated among the choices" },
		{ W, 3, 24, "choice 4: same as choice 2" },
	} },
	{ "gift/warn_skipped.gift", FORMAT_GIFT, 1, NULL, 9, {
		{ W, 2, 30, "an essay question (empty answer block): left out" },
		{ W, 4, 1, "a description (no answer block): left out" },
		{ W, 6, 31, "a matching question: left out" },
		{ W, 8, 19, "a multiple-answer question (answers with % weights): left out" },
		{ W, 10, 19, "a multiple-answer question (no answer marked =): left out" },
		{ W, 12, 11, "a multiple-answer question (more than one =): left out" },
		{ W, 14, 27, "a numerical question with a tolerance or range: left out" },
		{ W, 16, 41, "a numerical question with a tolerance or range: left out" },
		{ W, 18, 18, "a short-answer question with no answer worth 100%: left out" },
	} },
	{ "gift/warn_unknown_marker.gift", FORMAT_GIFT, 1, NULL, 1, {
		{ W, 1, 1, "unknown text format \"[htlm]\" (did you mean "
		    "\"[html]\"?): kept as text" },
	} },
	{ "aiken/bad_answer_lowercase.txt", FORMAT_AIKEN, 0, NULL, 1, {
		{ E, 9, 1, "\"Answer:\" (did you mean \"ANSWER:\"? it is "
		    "written in capitals)" },
	} },
	{ "aiken/bad_answer_names_no_option.txt", FORMAT_AIKEN, 0, NULL, 1, {
		{ E, 5, 9, "\"ANSWER: E\" names no option (the options are A to C)" },
	} },
	{ "aiken/bad_answer_without_question.txt", FORMAT_AIKEN, 0, NULL, 1, {
		{ E, 5, 1, "an ANSWER: line with no question before it" },
	} },
	{ "aiken/bad_missing_answer.txt", FORMAT_AIKEN, 0, NULL, 1, {
		{ E, 6, 1, "missing \"ANSWER: X\" line after this question's options" },
	} },
	{ "aiken/bad_one_option.txt", FORMAT_AIKEN, 0, NULL, 1, {
		{ E, 1, 1, "has 1 option; a question needs 2 to 9 (lines as \"A) text\")" },
	} },
	{ "aiken/bad_ten_options.txt", FORMAT_AIKEN, 0, NULL, 1, {
		{ E, 1, 1, "has 10 options; a question needs 2 to 9" },
	} },
	/* The fuzzer's find: an answer letter past the ninth option. */
	{ "aiken/bad_ten_options_answer_past_nine.txt", FORMAT_AIKEN, 0, NULL,
	    1, { { E, 1, 1, "has 10 options; a question needs 2 to 9" } } },
	{ "aiken/good_basic.txt", FORMAT_AIKEN, 3, NULL, 0, { { 0 } } },
	{ "anki/bad_column_number.txt", FORMAT_ANKI, 0, NULL, 1, {
		{ E, 2, 14, "#deck column: must be a column number from 1, not \"zero\"" },
	} },
	{ "anki/bad_empty_answer.txt", FORMAT_ANKI, 0, NULL, 1, {
		{ E, 3, 1, "the answer must not be empty" },
	} },
	{ "anki/bad_html_value.txt", FORMAT_ANKI, 0, NULL, 1, {
		{ E, 2, 7, "#html: must be true or false, not \"yes\"" },
	} },
	{ "anki/bad_one_field.txt", FORMAT_ANKI, 0, NULL, 1, {
		{ E, 3, 1, "a note needs two fields, the question and the "
		    "answer, separated by \"a tab\"" },
	} },
	{ "anki/bad_unclosed_quote.txt", FORMAT_ANKI, 0, NULL, 1, {
		{ E, 3, 1, "a quote (\") that is never closed" },
	} },
	{ "anki/bad_unknown_separator.txt", FORMAT_ANKI, 0, NULL, 1, {
		{ E, 1, 12, "unknown separator \"Semicolom\" (did you mean \"semicolon\"?)" },
	} },
	{ "anki/good_cloze.txt", FORMAT_ANKI, 5, NULL, 0, { { 0 } } },
	{ "anki/good_columns.txt", FORMAT_ANKI, 2, NULL, 0, { { 0 } } },
	{ "anki/good_headerless_tab.txt", FORMAT_ANKI, 3, NULL, 0, { { 0 } } },
	{ "anki/good_headers.txt", FORMAT_ANKI, 5, NULL, 0, { { 0 } } },
	{ "anki/good_no_html.txt", FORMAT_ANKI, 3, NULL, 0, { { 0 } } },
	{ "anki/good_separator_char.txt", FORMAT_ANKI, 2, NULL, 0, { { 0 } } },
	{ "anki/good_sniff_comma.txt", FORMAT_ANKI, 3, &force_anki, 0, { { 0 } } },
	{ "anki/good_sniff_semicolon.txt", FORMAT_ANKI, 3, NULL, 0, { { 0 } } },
	{ "anki/good_sniff_tab.txt", FORMAT_ANKI, 2, &force_anki, 0, { { 0 } } },
	{ "anki/warn_vocabulary.txt", FORMAT_ANKI, 30, NULL, 1, {
		{ W, 25, 1, "same question as the one on line 24" } } },
	{ "anki/warn_header_typo.txt", FORMAT_ANKI, 1, NULL, 1, {
		{ W, 2, 1, "unknown header \"#seperator:\" (did you mean "
		    "\"#separator:\"?): ignored" },
	} },
	{ "anki/warn_media.txt", FORMAT_ANKI, 2, NULL, 2, {
		{ W, 3, 7, "a sound ([sound:...]) is left out: the terminal plays none" },
		{ W, 4, 1, "an image (<img>) is left out: the terminal shows text only" },
	} },
	{ "quizlet/bad_no_tab.txt", FORMAT_QUIZLET, 0, NULL, 1, {
		{ E, 2, 1, "no tab between the term and its definition" },
	} },
	{ "quizlet/bad_only_image.txt", FORMAT_QUIZLET, 0, NULL, 2, {
		{ E, 1, 1, "the question must not be empty" },
		{ W, 1, 16, "an image (<img>) is left out: the terminal shows text only" },
	} },
	{ "quizlet/good_custom_separators.txt", FORMAT_QUIZLET, 3, &dash_semicolon, 0, { { 0 } } },
	{ "quizlet/good_default.txt", FORMAT_QUIZLET, 4, NULL, 0, { { 0 } } },
	{ "quizlet/good_html.txt", FORMAT_QUIZLET, 2, NULL, 0, { { 0 } } },
	{ "opentriviaqa/bad_answer_not_option", FORMAT_OPENTRIVIAQA, 0, NULL, 1, {
		{ E, 2, 1, "the answer \"Pacifik\" is none of the options" },
	} },
	{ "opentriviaqa/bad_missing_answer", FORMAT_OPENTRIVIAQA, 0, NULL, 1, {
		{ E, 1, 1, "missing the \"^ answer\" line of this question" },
	} },
	{ "opentriviaqa/bad_stray_line", FORMAT_OPENTRIVIAQA, 0, NULL, 1, {
		{ E, 5, 1, "expected an option line (\"A text\") or a blank line" },
	} },
	{ "opentriviaqa/bad_text_before_question", FORMAT_OPENTRIVIAQA, 0, NULL, 1, {
		{ E, 1, 1, "text before the first \"#Q\" question line" },
	} },
	{ "opentriviaqa/good_category", FORMAT_OPENTRIVIAQA, 4, NULL, 0, { { 0 } } },
	{ "opentriviaqa/warn_cp1252", FORMAT_OPENTRIVIAQA, 2, NULL, 1, {
		{ W, 6, 4, "not valid UTF-8: the file is read as Windows-1252" },
	} },
	{ "csv/bad_answer_not_choice.csv", FORMAT_CSV, 0, NULL, 1, {
		{ E, 2, 14, "\"5\" is not one of the choices" },
	} },
	{ "csv/bad_empty_fields.csv", FORMAT_CSV, 0, NULL, 2, {
		{ E, 2, 1, "the question must not be empty" },
		{ E, 3, 14, "the answer must not be empty" },
	} },
	{ "csv/bad_missing_answer_column.csv", FORMAT_CSV, 0, NULL, 2, {
		{ E, 1, 1, "the header row names no \"answer\" column" },
		{ W, 1, 10, "unknown column \"solution\": ignored" },
	} },
	{ "csv/bad_no_choices.csv", FORMAT_CSV, 0, NULL, 1, {
		{ E, 2, 1, "a choice question needs its choices, separated by |" },
	} },
	{ "csv/bad_time_limit.csv", FORMAT_CSV, 0, NULL, 2, {
		{ E, 2, 16, "time_limit: \"fast\" is not a number of seconds "
		    "from 0.1 to 86400" },
		{ E, 3, 16, "time_limit: \"0\" is not a number of seconds from "
		    "0.1 to 86400" },
	} },
	{ "csv/bad_truefalse_answer.csv", FORMAT_CSV, 0, NULL, 1, {
		{ E, 2, 14, "a truefalse answer must be true or false, not \"yes\"" },
	} },
	{ "csv/bad_unclosed_quote.csv", FORMAT_CSV, 0, NULL, 1, {
		{ E, 3, 1, "a quote (\") that is never closed" },
	} },
	{ "csv/bad_unknown_type.csv", FORMAT_CSV, 0, NULL, 2, {
		{ E, 2, 16, "unknown question type \"txt\" (did you mean \"text\"?)" },
		{ E, 3, 19, "unknown question type \"boolean\" (choice, truefalse or text)" },
	} },
	{ "csv/good_all_types.csv", FORMAT_CSV, 4, NULL, 0, { { 0 } } },
	{ "csv/good_rfc4180.csv", FORMAT_CSV, 2, NULL, 0, { { 0 } } },
	{ "csv/good_semicolon.csv", FORMAT_CSV, 2, NULL, 0, { { 0 } } },
	{ "csv/good_two_column.csv", FORMAT_CSV, 5, NULL, 0, { { 0 } } },
	{ "csv/warn_extra_fields.csv", FORMAT_CSV, 1, NULL, 1, {
		{ W, 2, 16, "this row has 3 fields and the header 2: the rest is ignored" },
	} },
	{ "csv/warn_unknown_column.csv", FORMAT_CSV, 1, NULL, 2, {
		{ W, 1, 17, "unknown column \"explenation\" (did you mean "
		    "\"explanation\"?): ignored" },
		{ W, 1, 29, "unknown column \"colour\": ignored" },
	} },
	{ "detect/bad_unknown.txt", FORMAT_AUTO, 0, NULL, 1, {
		{ E, 0, 0, "not a format termquiz reads: tried JSON, Anki, CSV "
		    "(a .csv with a header row naming question), "
		    "OpenTriviaQA, Aiken, GIFT and Quizlet (--format "
		    "NAME reads it as one of them)" },
	} },
};

#define NFIXTURES ((int)(sizeof fixtures / sizeof fixtures[0]))

static void
check_same_question(const struct question *a, const struct question *b)
{
	int i;

	assert_int_equal(a->type, b->type);
	assert_string_equal(a->text, b->text);
	if (a->explanation == NULL)
		assert_null(b->explanation);
	else
		assert_string_equal(a->explanation, b->explanation);
	assert_true(a->time_limit == b->time_limit);
	assert_int_equal(a->nchoices, b->nchoices);
	for (i = 0; i < a->nchoices; i++)
		assert_string_equal(a->choices[i], b->choices[i]);
	if (a->type == Q_CHOICE)
		assert_int_equal(a->answer, b->answer);
	if (a->type == Q_TRUEFALSE)
		assert_int_equal(a->truth, b->truth);
	assert_int_equal(a->nanswers, b->nanswers);
	for (i = 0; i < a->nanswers; i++)
		assert_string_equal(a->answers[i], b->answers[i]);
}

/* --convert's JSON, read back by the JSON loader: the same pack. */
static void
check_round_trip(const struct pack *p, const char *file)
{
	char *json = pack_write_json(p, "test", file);
	struct diags d = { 0 };
	struct pack *back = pack_parse("converted.json", json, strlen(json),
	    &d);
	int i;

	if (back == NULL || d.errors != 0) {
		print_error("%s converted:\n%s", file, json);
		tu_print_diags(&d);
	}
	assert_non_null(back);
	/* Warnings the source had (a repeated choice) are said again. */
	assert_int_equal(d.errors, 0);
	assert_string_equal(back->title, p->title);
	assert_int_equal(back->nq, p->nq);
	for (i = 0; i < p->nq; i++)
		check_same_question(&p->q[i], &back->q[i]);
	pack_free(back);
	diags_fini(&d);
	free(json);
}

static bool
repeats_a_choice(const struct fixture *f)
{
	int i;

	for (i = 0; i < f->n; i++)
		if (strstr(f->w[i].part, "choice ") != NULL)
			return true;
	return false;
}

static void
test_format_fixture(void **state)
{
	const struct fixture *f = *state;
	char *path = tu_fixture(f->file);
	struct diags d = { 0 };
	enum format found = FORMAT_COUNT;
	struct pack *p = format_load(path, f->o, &d, &found);
	int i, errors = 0;

	diags_sort(&d);
	if (d.n != f->n || (p != NULL) != (f->nq > 0) || found != f->format) {
		print_error("%s: expected %s as %s with %d diagnostic(s), got "
		    "%s as %s with %d\n", f->file, f->nq ? "a pack" : "no pack",
		    format_name(f->format), f->n, p ? "a pack" : "no pack",
		    format_name(found), d.n);
		tu_print_diags(&d);
	}
	assert_int_equal(found, f->format);
	assert_int_equal(d.n, f->n);
	for (i = 0; i < f->n; i++) {
		tu_check_diag(&d, i, f->w[i].level, f->w[i].line, f->w[i].col,
		    f->w[i].part);
		assert_string_equal(d.v[i].file, path);
		errors += f->w[i].level == E;
	}
	assert_int_equal(d.errors, errors);
	if (f->nq > 0) {
		assert_non_null(p);
		assert_int_equal(p->nq, f->nq);
		assert_string_equal(p->path, path);
		assert_true(p->title[0] != '\0');
		if (!repeats_a_choice(f))
			check_round_trip(p, f->file);
	} else {
		assert_null(p);
		assert_true(d.errors > 0);
	}
	pack_free(p);
	diags_fini(&d);
	free(path);
}

static const char *const fixture_dirs[] = {
	"gift", "aiken", "anki", "quizlet", "opentriviaqa", "csv", "detect"
};

static void
test_format_every_fixture_file_is_in_the_table(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof fixture_dirs / sizeof fixture_dirs[0]; i++)
		assert_int_equal(tu_untested(fixture_dirs[i], &fixtures[0].file,
		    sizeof fixtures[0], NFIXTURES, "test_format.c"), 0);
}

/* A fixture that must load with warnings warnings and no error. */
static struct pack *
load_warned(const char *rel, const struct import_opts *o, int warnings)
{
	char *path = tu_fixture(rel);
	struct diags d = { 0 };
	struct pack *p = format_load(path, o, &d, NULL);

	if (p == NULL || d.n != warnings)
		tu_print_diags(&d);
	assert_non_null(p);
	assert_int_equal(d.n, warnings);
	assert_int_equal(d.warnings, warnings);
	diags_fini(&d);
	free(path);
	return p;
}

/* A fixture that must load without a word. */
static struct pack *
load_good(const char *rel, const struct import_opts *o)
{
	return load_warned(rel, o, 0);
}

static void
test_format_gift_maps_each_question_kind(void **state)
{
	struct pack *p = load_good("gift/good_all.gift", NULL);

	(void)state;
	assert_string_equal(p->title, "Astronomy Basics");   /* $CATEGORY */
	assert_int_equal(p->nq, 13);
	/* ::title:: is not shown; =right #feedback is the explanation. */
	assert_int_equal(p->q[0].type, Q_CHOICE);
	assert_string_equal(p->q[0].text, "Which planet is the largest?");
	assert_int_equal(p->q[0].nchoices, 4);
	assert_string_equal(p->q[0].choices[p->q[0].answer], "Jupiter");
	assert_string_equal(p->q[0].explanation, "Jupiter is more than twice "
	    "as massive as all others together.");
	/* {T} {FALSE} {TRUE} {F}; {F#wrong#right}: the right one's. */
	assert_int_equal(p->q[1].type, Q_TRUEFALSE);
	assert_true(p->q[1].truth);
	assert_false(p->q[2].truth);
	assert_string_equal(p->q[2].explanation, "Right: Mercury is.");
	assert_true(p->q[3].truth);
	assert_false(p->q[4].truth);
	/* Short answer: the 100 % answers only. */
	assert_int_equal(p->q[5].type, Q_TEXT);
	assert_int_equal(p->q[5].nanswers, 2);
	assert_string_equal(p->q[5].answers[0], "the Moon");
	assert_string_equal(p->q[5].answers[1], "Moon");
	/* Numerical without tolerance; #### general feedback. */
	assert_string_equal(p->q[6].answers[0], "8");
	assert_string_equal(p->q[7].answers[0], "0");
	assert_string_equal(p->q[7].explanation,
	    "Mercury and Venus have none.");
	/* Text after the block: a missing word. */
	assert_string_equal(p->q[8].text,
	    "The Moon orbits the _____ once in about 27 days.");
	/* Escapes, \n a line break. */
	assert_string_equal(p->q[9].text,
	    "What does { } = ~ # : \\ look like?\nTwo lines.");
	/* [html]: tags stripped, entities decoded. */
	assert_string_equal(p->q[10].text, "Which is a gas giant?");
	assert_string_equal(p->q[10].choices[1], "Mars\xc2\xa0& Venus");
	/* [markdown] and [plain] are kept as written. */
	assert_string_equal(p->q[11].text,
	    "Which planet has *rings* you can see?");
	pack_free(p);
}

static void
test_format_gift_line_ends_and_bom(void **state)
{
	struct pack *a = load_good("gift/good_bom_crlf.gift", NULL);
	struct pack *b = load_good("gift/good_lone_cr.gift", NULL);
	int i;

	(void)state;
	assert_int_equal(a->nq, 2);
	for (i = 0; i < a->nq; i++)
		check_same_question(&a->q[i], &b->q[i]);
	assert_string_equal(a->q[1].choices[0], "Ceres");
	pack_free(a);
	pack_free(b);
}

static void
test_format_aiken_options_and_answer(void **state)
{
	struct pack *p = load_good("aiken/good_basic.txt", NULL);

	(void)state;
	assert_string_equal(p->title, "good_basic");   /* the file's name */
	assert_int_equal(p->q[0].nchoices, 4);
	assert_string_equal(p->q[0].choices[p->q[0].answer],
	    "Carbon dioxide");
	assert_string_equal(p->q[1].choices[p->q[1].answer], "Au");
	assert_string_equal(p->q[2].text, "Which of these\nis a mammal?");
	pack_free(p);
}

static void
test_format_anki_headers_quotes_and_html(void **state)
{
	struct pack *p = load_good("anki/good_headers.txt", NULL);

	(void)state;
	assert_string_equal(p->title, "Spanish Basics");   /* #deck, last */
	assert_int_equal(p->nq, 5);
	assert_string_equal(p->q[0].text, "el perro");
	assert_string_equal(p->q[0].answers[0], "the dog");
	assert_string_equal(p->q[1].answers[0], "the cat");
	assert_string_equal(p->q[3].text, "el \"agua\"");
	/* A quoted field holds a newline; as HTML it is a space. */
	assert_string_equal(p->q[3].answers[0], "the water");
	assert_string_equal(p->q[4].answers[0], "the sun & its light");
	pack_free(p);
	p = load_good("anki/good_no_html.txt", NULL);
	assert_string_equal(p->q[2].text, "la <b>playa</b>");
	pack_free(p);
}

static void
test_format_anki_columns_and_cloze(void **state)
{
	struct pack *p = load_good("anki/good_columns.txt", NULL);

	(void)state;
	assert_string_equal(p->title, "Rivers");          /* deck column */
	assert_string_equal(p->q[0].text, "Longest river in Africa?");
	assert_string_equal(p->q[0].answers[0], "The Nile");
	pack_free(p);
	p = load_good("anki/good_cloze.txt", NULL);
	assert_int_equal(p->nq, 5);
	assert_string_equal(p->q[0].text,
	    "[...] is the capital of Spain.");
	assert_string_equal(p->q[0].answers[0], "Madrid");
	assert_string_equal(p->q[0].explanation, "On the Manzanares.");
	/* A hint is shown in the deletion's place, as Anki shows it. */
	assert_string_equal(p->q[1].text,
	    "Madrid is the capital of [a country].");
	assert_string_equal(p->q[1].answers[0], "Spain");
	assert_null(p->q[2].explanation);
	assert_string_equal(p->q[3].text, "The [...] and the [...] are rivers.");
	assert_string_equal(p->q[3].answers[0], "Loire, Seine");
	assert_string_equal(p->q[4].text, "The [...] runs through Rome.");
	assert_string_equal(p->q[4].answers[0], "Tiber");
	pack_free(p);
}

/* Anki's notes without headers and a semicolon CSV, found by content:
 * the fields as the readers split them. */
static void
test_format_headerless_anki_and_semicolon_csv(void **state)
{
	struct pack *p = load_good("anki/good_headerless_tab.txt", NULL);

	(void)state;
	assert_string_equal(p->q[0].text, "la casa");
	assert_string_equal(p->q[0].answers[0], "the house (a home)");
	assert_string_equal(p->q[2].text, "el \"gato\"");
	assert_string_equal(p->q[2].answers[0], "the cat");
	pack_free(p);
	p = load_good("anki/good_sniff_semicolon.txt", NULL);
	assert_string_equal(p->q[2].text, "tres");
	assert_string_equal(p->q[2].answers[0], "three");
	pack_free(p);
	p = load_good("csv/good_semicolon.csv", NULL);
	assert_string_equal(p->q[0].text, "Capital of France?");
	assert_string_equal(p->q[0].answers[0], "Paris");
	assert_string_equal(p->q[0].explanation,
	    "On the Seine, with \"a tower\"");
	assert_string_equal(p->q[1].text, "Largest planet; by mass?");
	assert_string_equal(p->q[1].answers[0], "Jupiter");
	pack_free(p);
}

static void
test_format_anki_sniffs_the_separator(void **state)
{
	struct pack *p = load_good("anki/good_sniff_comma.txt", &force_anki);

	(void)state;
	assert_string_equal(p->q[2].text, "tres, three");
	assert_string_equal(p->q[2].answers[0], "3");
	pack_free(p);
	p = load_good("anki/good_sniff_semicolon.txt", &force_anki);
	assert_string_equal(p->q[1].answers[0], "two");
	pack_free(p);
}

static void
test_format_quizlet_asks_the_definition(void **state)
{
	struct import_opts swap = { .swap = true };
	struct pack *p = load_good("quizlet/good_default.txt", NULL);

	(void)state;
	assert_string_equal(p->q[0].text, "how plants make sugar from light");
	assert_string_equal(p->q[0].answers[0], "photosynthesis");
	pack_free(p);
	p = load_good("quizlet/good_default.txt", &swap);
	assert_string_equal(p->q[0].text, "photosynthesis");
	assert_string_equal(p->q[0].answers[0],
	    "how plants make sugar from light");
	pack_free(p);
	p = load_good("quizlet/good_custom_separators.txt", &dash_semicolon);
	assert_int_equal(p->nq, 3);
	assert_string_equal(p->q[1].answers[0], "mitosis");
	pack_free(p);
	p = load_good("quizlet/good_html.txt", NULL);
	assert_string_equal(p->q[0].answers[0], "H2O");
	assert_string_equal(p->q[1].text, "table salt & sea salt");
	pack_free(p);
}

static void
test_format_opentriviaqa_matches_answer_by_text(void **state)
{
	struct pack *p = load_good("opentriviaqa/good_category", NULL);

	(void)state;
	assert_string_equal(p->q[0].text,
	    "Which ocean is the largest on Earth?");
	assert_string_equal(p->q[0].choices[p->q[0].answer], "Pacific");
	assert_int_equal(p->q[1].type, Q_TRUEFALSE);
	assert_true(p->q[1].truth);
	assert_false(p->q[2].truth);
	/* "^ nile" is the option "Nile". */
	assert_string_equal(p->q[3].choices[p->q[3].answer], "Nile");
	pack_free(p);
}

static void
test_format_opentriviaqa_windows_1252(void **state)
{
	char *path = tu_fixture("opentriviaqa/warn_cp1252");
	struct diags d = { 0 };
	struct pack *p = format_load(path, NULL, &d, NULL);

	(void)state;
	assert_non_null(p);
	assert_string_equal(p->q[0].choices[3], "S\xc3\xa3o Paulo");
	/* 0x96 is an en dash in Windows-1252. */
	assert_non_null(strstr(p->q[1].text, "boot \xe2\x80\x93 Italy"));
	pack_free(p);
	diags_fini(&d);
	free(path);
}

static void
test_format_csv_types_and_quoting(void **state)
{
	struct pack *p = load_good("csv/good_all_types.csv", NULL);

	(void)state;
	assert_int_equal(p->q[0].type, Q_CHOICE);
	assert_string_equal(p->q[0].choices[p->q[0].answer], "Rome");
	assert_true(p->q[0].time_limit == 15);
	assert_string_equal(p->q[0].explanation,
	    "Rome has been the capital since 1871.");
	assert_int_equal(p->q[1].type, Q_TRUEFALSE);
	assert_true(p->q[1].truth);
	assert_int_equal(p->q[2].nanswers, 3);
	assert_string_equal(p->q[2].answers[2], "yellow");
	assert_int_equal(p->q[3].type, Q_CHOICE);
	pack_free(p);
	p = load_good("csv/good_rfc4180.csv", NULL);
	assert_string_equal(p->q[0].answers[0], "Washington, D.C.");
	assert_string_equal(p->q[1].text, "Who said \"Eureka\"?");
	assert_string_equal(p->q[1].explanation,
	    "Reportedly in his bath,\nin Syracuse.");
	pack_free(p);
}

/* Every card of the vocabulary deck as a 4-choice question: its own answer
 * once, three others' answers, none of which is also right. */
static void
check_as_choice(const struct pack *text, const struct pack *ch)
{
	int i, j, k;

	assert_int_equal(ch->nq, text->nq);
	for (i = 0; i < ch->nq; i++) {
		const struct question *q = &ch->q[i];
		char *right = fold_text(text->q[i].answers[0]);

		assert_int_equal(q->type, Q_CHOICE);
		assert_int_equal(q->nchoices, 4);
		assert_string_equal(q->choices[q->answer],
		    text->q[i].answers[0]);
		for (j = 0; j < q->nchoices; j++) {
			char *f = fold_text(q->choices[j]);

			/* Never the right answer again (folded). */
			if (j != q->answer)
				assert_string_not_equal(f, right);
			/* Never another card's answer to the same question. */
			for (k = 0; k < text->nq && j != q->answer; k++) {
				char *fq = fold_text(text->q[k].text);
				char *mq = fold_text(text->q[i].text);
				char *fa = fold_text(text->q[k].answers[0]);

				if (strcmp(fq, mq) == 0)
					assert_string_not_equal(f, fa);
				free(fq);
				free(mq);
				free(fa);
			}
			/* No choice twice. */
			for (k = 0; k < j; k++) {
				char *g = fold_text(q->choices[k]);

				assert_string_not_equal(f, g);
				free(g);
			}
			free(f);
		}
		free(right);
	}
}

static void
test_format_as_choice_vocabulary(void **state)
{
	struct import_opts o = { .as_choice = true, .seed = 7 };
	struct pack *text = load_warned("anki/warn_vocabulary.txt", NULL, 1);
	struct pack *a, *b, *c;
	int i, same = 0;

	(void)state;
	assert_int_equal(text->nq, 30);
	assert_string_equal(text->title, "Kitchen and Home");
	/* Many seeds, so that "the menu" is drawn for "la carta" (and "tea"
	 * for "Tea") at least once if it could be. */
	for (o.seed = 1; o.seed <= 40; o.seed++) {
		a = load_warned("anki/warn_vocabulary.txt", &o, 1);
		check_as_choice(text, a);
		pack_free(a);
	}
	o.seed = 7;
	a = load_warned("anki/warn_vocabulary.txt", &o, 1);
	b = load_warned("anki/warn_vocabulary.txt", &o, 1);
	o.seed = 8;
	c = load_warned("anki/warn_vocabulary.txt", &o, 1);
	/* The same seed, the same choices; another seed, others. */
	for (i = 0; i < a->nq; i++) {
		check_same_question(&a->q[i], &b->q[i]);
		same += a->q[i].answer == c->q[i].answer &&
		    strcmp(a->q[i].choices[(a->q[i].answer + 1) % 4],
		    c->q[i].choices[(c->q[i].answer + 1) % 4]) == 0;
	}
	assert_true(same < a->nq / 2);
	pack_free(text);
	pack_free(a);
	pack_free(b);
	pack_free(c);
}

static void
test_format_as_choice_leaves_real_questions_alone(void **state)
{
	struct import_opts o = { .as_choice = true, .seed = 1 };
	struct pack *p = load_good("csv/good_all_types.csv", &o);

	(void)state;
	/* Typed-answer rows with a type column are questions, not cards. */
	assert_int_equal(p->q[2].type, Q_TEXT);
	assert_int_equal(p->q[1].type, Q_TRUEFALSE);
	pack_free(p);
	p = load_good("csv/good_two_column.csv", &o);
	assert_int_equal(p->q[0].type, Q_CHOICE);
	assert_int_equal(p->q[0].nchoices, 4);
	pack_free(p);
}

/* One card alone has no other answer to offer: it stays typed, said. */
static void
test_format_as_choice_single_card(void **state)
{
	struct import_opts o = { .as_choice = true, .seed = 1 };
	static const char deck[] = "#separator:tab\nuno\tone\n";
	struct diags d = { 0 };
	struct pack *p = format_parse("one.txt", deck, sizeof deck - 1, &o,
	    &d, NULL);

	(void)state;
	assert_non_null(p);
	assert_int_equal(p->q[0].type, Q_TEXT);
	assert_int_equal(d.warnings, 1);
	assert_non_null(strstr(d.v[0].msg, "no other card's answer"));
	pack_free(p);
	diags_fini(&d);
}

struct detect_case {
	const char *name;
	const char *text;
	enum format f;
};

static void
test_format_detects_by_content(void **state)
{
	static const struct detect_case v[] = {
		{ "a.txt", "  {\"title\": \"x\"}", FORMAT_JSON },
		{ "a.txt", "[ {\"a\": 1} ]", FORMAT_JSON },
		{ "a.txt", "", FORMAT_JSON },
		{ "a.txt", "#separator:tab\na\tb\n", FORMAT_ANKI },
		{ "a.txt", "#html:true\na;b\n", FORMAT_ANKI },
		{ "a.txt", "#Q Who?\n^ Me\nA Me\nB You\n", FORMAT_OPENTRIVIAQA },
		{ "a.txt", "Q?\nA) x\nB) y\nANSWER: A\n", FORMAT_AIKEN },
		{ "a.txt", "Q?\r\nA. x\r\nB. y\r\nANSWER:B\r\n", FORMAT_AIKEN },
		{ "a.gift", "Q?{=a ~b}\n", FORMAT_GIFT },
		{ "a.txt", "// c\nQ?{T}\n", FORMAT_GIFT },
		{ "a.txt", "[html]Q?{#3}\n", FORMAT_GIFT },
		{ "a.txt", "Q \\{not\\} a block\n", FORMAT_AUTO },
		{ "a.csv", "question,answer\nq,a\n", FORMAT_CSV },
		{ "a.txt", "question,answer\nq,a\n", FORMAT_AUTO },
		{ "a.txt", "term\tdefinition\nt2\td2\n", FORMAT_QUIZLET },
		{ "a.txt", "t\t<b>d</b>\nt2\td2\n", FORMAT_QUIZLET },
		{ "a.txt", "just prose\n", FORMAT_AUTO },
		/* Anki without #headers: semicolons (two notes or more), or
		 * tabs with what a Quizlet export never has. */
		{ "a.txt", "uno;one\ndos;two\n", FORMAT_ANKI },
		{ "a.txt", "\xef\xbb\xbfuno;one\r\n\r\ndos;two\r\n", FORMAT_ANKI },
		{ "a.txt", "\"a;b\";one\n", FORMAT_ANKI },
		{ "a.txt", "f\tb\ttag\nf2\tb2\ttag\n", FORMAT_ANKI },
		{ "a.txt", "f\t\"two\nlines\"\nf2\tb2\n", FORMAT_ANKI },
		{ "a.txt", "{{c1::Paris}} is in France.\textra\n", FORMAT_ANKI },
		{ "a.txt", "one;note\n", FORMAT_AUTO },
		{ "a.txt", "a;b\nc;d;e\n", FORMAT_AUTO },
		{ "a.txt", "Hello; world.\nNo semicolon here.\n", FORMAT_AUTO },
		{ "a.txt", "\"never closed;x\ny;z\n", FORMAT_AUTO },
		{ "a.txt", "uno,one\ndos,two\n", FORMAT_AUTO },
		{ "a.txt", "\nuno;one\ndos;two\n", FORMAT_AUTO },
		{ "a.txt", "Q; really?{=a ~b}\nR; x\n", FORMAT_GIFT },
		{ "a.txt", "Q; x?\nA) a; b\nB) c; d\nANSWER: A\n", FORMAT_AIKEN },
		{ "a.txt", "#Q a;b\n^ c\nA c\nB d\n", FORMAT_OPENTRIVIAQA },
		/* A semicolon CSV names both columns in its header. */
		{ "a.csv", "question;answer\nq;a\n", FORMAT_CSV },
		{ "a.csv", "Question;Answer;Explanation\nq;a;e, f\n", FORMAT_CSV },
		{ "a.csv", "question;solution\nq;a\nr;b\n", FORMAT_ANKI },
		{ "a.csv", "question,answer;x\nq,a;y\n", FORMAT_CSV },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		enum format f = format_detect(v[i].name, v[i].text,
		    strlen(v[i].text), NULL);

		if (f != v[i].f)
			print_error("%s \"%s\": %s, not %s\n", v[i].name,
			    v[i].text, format_name(f), format_name(v[i].f));
		assert_int_equal(f, v[i].f);
	}
}

static void
test_format_names(void **state)
{
	int f;

	(void)state;
	for (f = FORMAT_JSON; f < FORMAT_COUNT; f++)
		assert_int_equal(format_from_name(format_name((enum format)f)),
		    f);
	assert_int_equal(format_from_name("GIFT"), FORMAT_GIFT);
	assert_int_equal(format_from_name("word"), FORMAT_AUTO);
	assert_string_equal(format_suggest("ankki"), "anki");
	assert_null(format_suggest("spreadsheet"));
}

/* A forced format reads what detection would not. */
static void
test_format_forced(void **state)
{
	static const char text[] = "uno,one\ndos,two\n";
	struct import_opts o = { .format = FORMAT_ANKI };
	struct diags d = { 0 };
	enum format found;
	struct pack *p = format_parse("v.txt", text, sizeof text - 1, NULL,
	    &d, &found);

	(void)state;
	assert_null(p);
	assert_int_equal(found, FORMAT_AUTO);
	assert_non_null(strstr(d.v[0].msg, "not a format termquiz reads"));
	diags_fini(&d);
	p = format_parse("v.txt", text, sizeof text - 1, &o, &d, &found);
	assert_non_null(p);
	assert_int_equal(found, FORMAT_ANKI);
	assert_int_equal(p->nq, 2);
	pack_free(p);
	diags_fini(&d);
}

/* JSON goes on to the JSON loader, with its own messages. */
static void
test_format_json_is_the_json_loader(void **state)
{
	char *path = tu_fixture("packs/bad/top_level_array.json");
	struct diags d = { 0 };
	enum format found;
	struct pack *p = format_load(path, NULL, &d, &found);

	(void)state;
	assert_null(p);
	assert_int_equal(found, FORMAT_JSON);
	assert_non_null(strstr(d.v[0].msg, "a pack must be a JSON object"));
	diags_fini(&d);
	free(path);
	path = tu_fixture("opentdb/html.json");
	p = format_load(path, NULL, &d, &found);
	assert_non_null(p);
	assert_int_equal(found, FORMAT_OPENTDB);
	pack_free(p);
	diags_fini(&d);
	free(path);
}

int
main(void)
{
	static const struct CMUnitTest named[] = {
		cmocka_unit_test(test_format_every_fixture_file_is_in_the_table),
		cmocka_unit_test(test_format_gift_maps_each_question_kind),
		cmocka_unit_test(test_format_gift_line_ends_and_bom),
		cmocka_unit_test(test_format_aiken_options_and_answer),
		cmocka_unit_test(test_format_anki_headers_quotes_and_html),
		cmocka_unit_test(test_format_anki_columns_and_cloze),
		cmocka_unit_test(test_format_headerless_anki_and_semicolon_csv),
		cmocka_unit_test(test_format_anki_sniffs_the_separator),
		cmocka_unit_test(test_format_quizlet_asks_the_definition),
		cmocka_unit_test(test_format_opentriviaqa_matches_answer_by_text),
		cmocka_unit_test(test_format_opentriviaqa_windows_1252),
		cmocka_unit_test(test_format_csv_types_and_quoting),
		cmocka_unit_test(test_format_as_choice_vocabulary),
		cmocka_unit_test(test_format_as_choice_leaves_real_questions_alone),
		cmocka_unit_test(test_format_as_choice_single_card),
		cmocka_unit_test(test_format_detects_by_content),
		cmocka_unit_test(test_format_names),
		cmocka_unit_test(test_format_forced),
		cmocka_unit_test(test_format_json_is_the_json_loader),
	};
	return tu_run_table("test_format", named,
	    sizeof named / sizeof named[0], fixtures, sizeof fixtures[0],
	    NFIXTURES, test_format_fixture, "test_format_fixture");
}
