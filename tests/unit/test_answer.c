/*
 * test_answer.c - unit tests for src/core/answer.c: how typed text is
 * compared with a text question's accepted answers (folding itself:
 * test_fold.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "answer.h"
#include "fold.h"
#include "testutil.h"

/* Does typed match a text question accepting the NULL-terminated list? */
static bool
matches(const char *const *accepted, const char *typed)
{
	struct question q;
	bool hit;
	int i, n = 0;

	memset(&q, 0, sizeof q);
	while (accepted[n] != NULL)
		n++;
	q.type = Q_TEXT;
	q.answers = calloc((size_t)n, sizeof *q.answers);
	assert_non_null(q.answers);
	for (i = 0; i < n; i++) {
		q.answers[i] = strdup(accepted[i]);
		assert_non_null(q.answers[i]);
	}
	q.nanswers = n;
	hit = answer_text_matches(&q, typed);
	for (i = 0; i < n; i++)
		free(q.answers[i]);
	free(q.answers);
	return hit;
}

static bool
matches1(const char *answer, const char *typed)
{
	const char *list[2];

	list[0] = answer;
	list[1] = NULL;
	return matches(list, typed);
}

static void
check_fold(const char *in, const char *expected)
{
	char *out = fold_text(in);

	assert_non_null(out);
	assert_string_equal(out, expected);
	free(out);
}

static void
test_answer_ignores_case(void **state)
{
	(void)state;
	assert_true(matches1("Canberra", "canberra"));
	assert_true(matches1("Canberra", "CANBERRA"));
	assert_true(matches1("canberra", "CaNbErRa"));
	check_fold("CANBERRA", "canberra");
}

static void
test_answer_ignores_accents(void **state)
{
	(void)state;
	assert_true(matches1("Reykjavík", "reykjavik"));
	assert_true(matches1("Reykjavik", "Reykjavík"));
	assert_true(matches1("España", "espana"));
	assert_true(matches1("Zürich", "ZURICH"));
	assert_true(matches1("Crème brûlée", "creme brulee"));
	assert_true(matches1("Ångström", "angstrom"));
	assert_true(matches1("Dvořák", "dvorak"));
	check_fold("ÀÉÎÕÜÇÑ", "aeioucn");
}

static void
test_answer_folds_sharp_s_to_ss(void **state)
{
	(void)state;
	assert_true(matches1("Straße", "strasse"));
	assert_true(matches1("Strasse", "STRAßE"));
	check_fold("ß", "ss");
}

static void
test_answer_folds_o_stroke_and_ligatures(void **state)
{
	(void)state;
	assert_true(matches1("Øresund", "oresund"));
	assert_true(matches1("København", "kobenhavn"));
	assert_true(matches1("Encyclopædia", "encyclopaedia"));
	assert_true(matches1("Œuvre", "oeuvre"));
	check_fold("Øø", "oo");
}

static void
test_answer_ignores_decomposed_accents(void **state)
{
	(void)state;
	/* e followed by U+0301 COMBINING ACUTE ACCENT */
	assert_true(matches1("Cafe\xcc\x81", "cafe"));
	assert_true(matches1("Café", "Cafe\xcc\x81"));
	assert_true(matches1("cafe\xcc\x81", "CAFÉ"));
	check_fold("e\xcc\x81", "e");
}

static void
test_answer_trims_surrounding_spaces(void **state)
{
	(void)state;
	assert_true(matches1("New York", "  New York  "));
	assert_true(matches1("  New York\t", "new york"));
	assert_true(matches1("Paris", "\tParis\n"));
	check_fold("  a b  ", "a b");
}

static void
test_answer_collapses_repeated_spaces(void **state)
{
	(void)state;
	assert_true(matches1("New York", "New    York"));
	assert_true(matches1("New York", "New \t York"));
	/* No-break space and ideographic space count as spaces too. */
	assert_true(matches1("New York", "New\xc2\xa0York"));
	assert_true(matches1("New York", "New\xe3\x80\x80York"));
	check_fold("a   b \t c", "a b c");
}

static void
test_answer_keeps_word_boundaries(void **state)
{
	(void)state;
	assert_false(matches1("New York", "NewYork"));
	assert_false(matches1("Newark", "New ark"));
}

static void
test_answer_accepts_any_alternative(void **state)
{
	static const char *const list[] = {
		"Reykjavík", "Reykjavik", "Reikiavik", NULL
	};

	(void)state;
	assert_true(matches(list, "Reykjavík"));
	assert_true(matches(list, "reykjavik"));
	assert_true(matches(list, "REIKIAVIK"));
	assert_false(matches(list, "Oslo"));
	assert_false(matches(list, "Reykja"));
}

static void
test_answer_rejects_other_text(void **state)
{
	(void)state;
	assert_false(matches1("Canberra", "Sydney"));
	assert_false(matches1("Canberra", "Canberr"));
	assert_false(matches1("Canberra", "Canberras"));
	assert_false(matches1("Straße", "strase"));
}

static void
test_answer_curly_apostrophe_matches_straight(void **state)
{
	(void)state;
	assert_true(matches1("O’Hare", "O'Hare"));
	assert_true(matches1("O'Hare", "o’hare"));
	assert_true(matches1("“Hamlet”", "\"hamlet\""));
	assert_true(matches1("rock ‘n’ roll", "rock 'n' roll"));
	check_fold("‘’“”", "''\"\"");
}

static void
test_answer_empty_input_never_matches(void **state)
{
	(void)state;
	assert_false(matches1("Paris", ""));
	assert_false(matches1("Paris", "   "));
	assert_false(matches1("Paris", "\t\n"));
	/* Not even when an accepted answer folds to nothing. */
	assert_false(matches1("\xcc\x81", ""));
	assert_false(matches1(" ", " "));
}

static void
test_answer_folds_greek_case(void **state)
{
	(void)state;
	assert_true(matches1("ΑΘΗΝΑ", "αθηνα"));
	assert_true(matches1("Ζεύς", "ΖΕΥΣ"));
	/* Final sigma is sigma; accented vowels are bare. */
	assert_true(matches1("Οδυσσεύς", "ΟΔΥΣΣΕΥΣ"));
	assert_true(matches1("Αθήνα", "ΑΘΗΝΑ"));
	check_fold("ΩΜΕΓΑ", "ωμεγα");
	check_fold("ς", "σ");
	check_fold("ΆΈΉΊΌΎΏ", "αεηιουω");
}

static void
test_answer_folds_cyrillic_case(void **state)
{
	(void)state;
	assert_true(matches1("Москва", "МОСКВА"));
	assert_true(matches1("москва", "Москва"));
	/* U+0400..U+040F lower to U+0450..U+045F. */
	assert_true(matches1("Ёж", "ёж"));
	assert_true(matches1("Їжак", "їжак"));
	check_fold("АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
	    "абвгдежзийклмнопрстуфхцчшщъыьэюя");
	assert_false(matches1("Москва", "Мосвка"));
}

static void
test_answer_fold_survives_invalid_utf8(void **state)
{
	(void)state;
	/* Each bad byte stands for U+FFFD; the rest still folds. */
	check_fold("A\xff" "B", "a\xef\xbf\xbd" "b");
	assert_false(matches1("ab", "a\xff" "b"));
}

static void
test_answer_ignores_leading_articles(void **state)
{
	(void)state;
	assert_true(matches1("Pacific", "the Pacific"));
	assert_true(matches1("Pacific Ocean", "The Pacific Ocean"));
	assert_true(matches1("Vatican", "the Vatican"));
	assert_true(matches1("Herbivore", "a herbivore"));
	assert_true(matches1("Event horizon", "an event horizon"));
	assert_true(matches1("The skin", "skin"));
	assert_true(matches1("THE   Milky Way", "milky way"));
	/* Only a whole leading word, and only the articles. */
	assert_false(matches1("Pacific", "thepacific"));
	assert_false(matches1("Andes", "Andes the"));
	assert_false(matches1("Pacific", "some Pacific"));
}

static void
test_answer_article_alone_is_kept(void **state)
{
	(void)state;
	/* "A" (say, a vitamin) is an answer, not an article. */
	assert_true(matches1("A", "a"));
	assert_true(matches1("Vitamin A", "vitamin a"));
	assert_false(matches1("A", "the"));
	assert_true(matches1("The The", "the the"));
	assert_false(matches1("The The", ""));
}

static void
test_answer_ignores_surrounding_punctuation(void **state)
{
	(void)state;
	assert_true(matches1("Jupiter", "Jupiter."));
	assert_true(matches1("Skin", "Skin."));
	assert_true(matches1("Jupiter", "\"Jupiter!\""));
	assert_true(matches1("Jupiter", "(Jupiter)?"));
	assert_true(matches1("Jupiter", "\xc2\xbfJupiter?"));
	assert_true(matches1("Jupiter", "Jupiter\xe2\x80\xa6"));
	assert_true(matches1("Pacific", "  the Pacific . "));
	assert_true(matches1("Washington, D.C.", "washington, d.c"));
	/* Inside an answer, punctuation still counts; a sign is no mark. */
	assert_false(matches1("Jupiter", "Jup.iter"));
	assert_false(matches1("5", "-5"));
	assert_false(matches1("Jupiter", "..."));
}

/* The bundled pack assets/packs/name.json. */
static struct pack *
bundled(const char *name)
{
	char rel[256];
	char *path;
	struct diags d = { 0 };
	struct pack *p;

	snprintf(rel, sizeof rel, "assets/packs/%s.json", name);
	path = tu_path(rel);
	p = pack_load(path, &d);
	if (p == NULL)
		tu_print_diags(&d);
	assert_non_null(p);
	diags_fini(&d);
	free(path);
	return p;
}

/* Does typed answer the question of pack name that starts with start? */
static bool
bundled_accepts(const char *name, const char *start, const char *typed)
{
	struct pack *p = bundled(name);
	bool hit = false;
	int i, found = 0;

	for (i = 0; i < p->nq; i++) {
		if (strncmp(p->q[i].text, start, strlen(start)) != 0)
			continue;
		assert_int_equal(p->q[i].type, Q_TEXT);
		hit = answer_text_matches(&p->q[i], typed);
		found++;
	}
	if (found != 1)
		print_error("%s: %d questions start \"%s\"\n", name, found,
		    start);
	assert_int_equal(found, 1);
	pack_free(p);
	return hit;
}

/* What a fair marker accepts, in the bundled packs' own questions. */
static void
test_answer_bundled_packs_accept_fair_forms(void **state)
{
	static const struct {
		const char *pack, *start, *typed;
	} v[] = {
		{ "world-geography", "Which is the largest ocean", "the Pacific" },
		{ "world-geography", "Which is the largest ocean",
		    "The Pacific Ocean" },
		{ "world-geography", "What is the smallest country",
		    "the Vatican" },
		{ "world-geography", "What is the longest river in Europe",
		    "River Volga" },
		{ "world-geography", "What is the longest river in Europe",
		    "the Volga." },
		{ "space", "Who was the first human", "Yury Gagarin" },
		{ "space", "What is the largest planet", "Jupiter." },
		{ "history", "Which Egyptian boy-king", "King Tutankhamun" },
		{ "history", "Which civilisation built", "Inca civilisation" },
		{ "history", "Which civilisation built", "the Incas" },
		{ "history", "Which Soviet nuclear", "Chornobyl" },
		{ "science-nature", "What is the largest organ", "Skin." },
		{ "science-nature", "What is the largest organ", "the skin" },
		{ "science-nature", "What is the term for an animal",
		    "a herbivore" },
		{ "science-nature", "What is the term for an animal",
		    "an herbivore" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		bool hit = bundled_accepts(v[i].pack, v[i].start, v[i].typed);

		if (!hit)
			print_error("%s: \"%s\" not accepted\n", v[i].start,
			    v[i].typed);
		assert_true(hit);
	}
	/* Still a test: a near miss is wrong. */
	assert_false(bundled_accepts("space", "What is the largest planet",
	    "Saturn"));
	assert_false(bundled_accepts("space", "What is the name of the galaxy",
	    "galaxy"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_answer_ignores_case),
		cmocka_unit_test(test_answer_ignores_accents),
		cmocka_unit_test(test_answer_folds_sharp_s_to_ss),
		cmocka_unit_test(test_answer_folds_o_stroke_and_ligatures),
		cmocka_unit_test(test_answer_ignores_decomposed_accents),
		cmocka_unit_test(test_answer_trims_surrounding_spaces),
		cmocka_unit_test(test_answer_collapses_repeated_spaces),
		cmocka_unit_test(test_answer_keeps_word_boundaries),
		cmocka_unit_test(test_answer_accepts_any_alternative),
		cmocka_unit_test(test_answer_rejects_other_text),
		cmocka_unit_test(test_answer_curly_apostrophe_matches_straight),
		cmocka_unit_test(test_answer_empty_input_never_matches),
		cmocka_unit_test(test_answer_folds_greek_case),
		cmocka_unit_test(test_answer_folds_cyrillic_case),
		cmocka_unit_test(test_answer_fold_survives_invalid_utf8),
		cmocka_unit_test(test_answer_ignores_leading_articles),
		cmocka_unit_test(test_answer_article_alone_is_kept),
		cmocka_unit_test(test_answer_ignores_surrounding_punctuation),
		cmocka_unit_test(test_answer_bundled_packs_accept_fair_forms),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
