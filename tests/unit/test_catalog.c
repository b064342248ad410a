/*
 * test_catalog.c - unit tests for src/core/catalog.c: the packs found in a
 * folder for the menu, loaded or with the reason why not.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <sys/stat.h>
#include <unistd.h>

#include "catalog.h"
#include "testutil.h"

static const char zebra[] =
    "{\"title\": \"Zebra facts\", \"questions\": [\n"
    "  {\"type\": \"truefalse\", \"question\": \"Stripes?\", \"answer\": "
    "true}]}\n";
static const char apple[] =
    "{\"title\": \"Apple facts\", \"questions\": [\n"
    "  {\"type\": \"truefalse\", \"question\": \"Red?\", \"answer\": true}]}\n";
static const char broken[] =
    "{\"title\": \"Broken\", \"questions\": [\n"
    "  {\"type\": \"truefalse\", \"question\": \"Q?\", \"answer\": "
    "\"yes\"}]}\n";

static void
write_str(const char *dir, const char *name, const char *text)
{
	free(tu_write(dir, name, text, strlen(text)));
}

/* Does an entry's path end in /name? */
static int
ends_with(const char *path, const char *name)
{
	size_t n = strlen(path), k = strlen(name);

	return n > k && path[n - k - 1] == '/' &&
	    strcmp(path + n - k, name) == 0;
}

static void
test_catalog_scans_good_and_broken_packs(void **state)
{
	const char *dir = *state;
	struct catalog c = { 0 };

	write_str(dir, "good.json", zebra);
	write_str(dir, "broken.json", broken);
	catalog_scan(&c, dir);
	assert_int_equal(c.n, 2);
	assert_int_equal(catalog_playable(&c), 1);
	/* Playable packs first. */
	assert_non_null(c.v[0].pack);
	assert_true(ends_with(c.v[0].path, "good.json"));
	assert_string_equal(c.v[0].pack->title, "Zebra facts");
	assert_null(c.v[0].problem);
	/* The broken one says why, with its place, like --check. */
	assert_null(c.v[1].pack);
	assert_true(ends_with(c.v[1].path, "broken.json"));
	assert_non_null(c.v[1].problem);
	assert_non_null(strstr(c.v[1].problem, "broken.json:2:53: error: "
	    "questions[0].answer: must be true or false, not a string"));
	catalog_fini(&c);
	assert_int_equal(c.n, 0);
	assert_null(c.v);
}

static void
test_catalog_sorts_playable_packs_by_title(void **state)
{
	const char *dir = *state;
	struct catalog c = { 0 };

	write_str(dir, "a.json", zebra);
	write_str(dir, "b.json", broken);
	write_str(dir, "c.json", apple);
	write_str(dir, "0.json", "");
	catalog_scan(&c, dir);
	assert_int_equal(c.n, 4);
	assert_int_equal(catalog_playable(&c), 2);
	assert_string_equal(c.v[0].pack->title, "Apple facts");
	assert_string_equal(c.v[1].pack->title, "Zebra facts");
	/* Broken ones after, by path. */
	assert_true(ends_with(c.v[2].path, "0.json"));
	assert_non_null(strstr(c.v[2].problem, "the file is empty"));
	assert_true(ends_with(c.v[3].path, "b.json"));
	catalog_fini(&c);
}

static void
test_catalog_ignores_other_files(void **state)
{
	const char *dir = *state;
	char sub[4200];
	struct catalog c = { 0 };

	write_str(dir, "pack.json", apple);
	write_str(dir, "notes.txt", "not a pack");
	write_str(dir, ".hidden.json", zebra);
	write_str(dir, "pack.json~", apple);
	write_str(dir, ".json", apple);
	snprintf(sub, sizeof sub, "%s/sub", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	write_str(sub, "inner.json", zebra);
	catalog_scan(&c, dir);
	assert_int_equal(c.n, 1);
	assert_true(ends_with(c.v[0].path, "pack.json"));
	catalog_fini(&c);
}

static void
test_catalog_skips_and_names_what_is_not_a_file(void **state)
{
	const char *dir = *state;
	char path[4200];
	struct catalog c = { 0 };
	int i, fifo = -1, dev = -1, folder = -1;

	write_str(dir, "apple.json", apple);
	snprintf(path, sizeof path, "%s/fifo.json", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	snprintf(path, sizeof path, "%s/dev.json", dir);
	assert_int_equal(symlink("/dev/zero", path), 0);
	snprintf(path, sizeof path, "%s/folder.json", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	/* Opening the FIFO for reading used to wait for a writer forever
	 * (and /dev/zero never ends): fail the test instead of hanging. */
	alarm(20);
	catalog_scan(&c, dir);
	alarm(0);
	assert_int_equal(c.n, 4);
	assert_int_equal(catalog_playable(&c), 1);
	for (i = 0; i < c.n; i++) {
		if (ends_with(c.v[i].path, "fifo.json"))
			fifo = i;
		if (ends_with(c.v[i].path, "dev.json"))
			dev = i;
		if (ends_with(c.v[i].path, "folder.json"))
			folder = i;
	}
	assert_true(fifo >= 0 && dev >= 0 && folder >= 0);
	assert_null(c.v[fifo].pack);
	assert_non_null(strstr(c.v[fifo].problem, "fifo.json: error: a FIFO, "
	    "not a regular file: skipped"));
	assert_non_null(strstr(c.v[dev].problem, "a character device"));
	assert_non_null(strstr(c.v[folder].problem, "a folder"));
	catalog_fini(&c);
}

/* GIFT, Anki and OpenTriviaQA files are listed by title with their
 * format; a broken one is listed as broken; prose beside them is not. */
static void
test_catalog_lists_other_formats(void **state)
{
	const char *dir = *state;
	struct catalog c = { 0 };
	int i, gift = -1, anki = -1, otqa = -1, bad = -1;

	write_str(dir, "quiz.gift", "$CATEGORY: Rivers\n\nLongest river?"
	    "{=Nile ~Thames}\n");
	write_str(dir, "deck.txt", "#separator:tab\n#deck:Spanish\nuno\tone\n");
	write_str(dir, "animals", "#Q Largest animal?\n^ Blue whale\n"
	    "A Elephant\nB Blue whale\n");
	write_str(dir, "broken.gift", "Which?{=a ~b\n");
	write_str(dir, "README.txt", "These are my packs.\n");
	catalog_scan(&c, dir);
	assert_int_equal(c.n, 4);
	assert_int_equal(catalog_playable(&c), 3);
	for (i = 0; i < c.n; i++) {
		if (ends_with(c.v[i].path, "quiz.gift"))
			gift = i;
		if (ends_with(c.v[i].path, "deck.txt"))
			anki = i;
		if (ends_with(c.v[i].path, "animals"))
			otqa = i;
		if (ends_with(c.v[i].path, "broken.gift"))
			bad = i;
	}
	assert_true(gift >= 0 && anki >= 0 && otqa >= 0 && bad >= 0);
	assert_string_equal(c.v[gift].pack->title, "Rivers");
	assert_int_equal(c.v[gift].format, FORMAT_GIFT);
	assert_string_equal(c.v[anki].pack->title, "Spanish");
	assert_int_equal(c.v[anki].format, FORMAT_ANKI);
	assert_int_equal(c.v[otqa].format, FORMAT_OPENTRIVIAQA);
	assert_null(c.v[bad].pack);
	assert_non_null(strstr(c.v[bad].problem, "'{' without its closing"));
	catalog_fini(&c);
}

static void
test_catalog_missing_folder_adds_nothing(void **state)
{
	const char *dir = *state;
	char gone[4200];
	struct catalog c = { 0 };

	snprintf(gone, sizeof gone, "%s/none", dir);
	catalog_scan(&c, gone);
	assert_int_equal(c.n, 0);
	assert_int_equal(catalog_playable(&c), 0);
	catalog_fini(&c);
}

static void
test_catalog_scans_add_up(void **state)
{
	const char *dir = *state;
	char a[4200], b[4200];
	struct catalog c = { 0 };

	snprintf(a, sizeof a, "%s/one", dir);
	snprintf(b, sizeof b, "%s/two", dir);
	assert_int_equal(mkdir(a, 0700), 0);
	assert_int_equal(mkdir(b, 0700), 0);
	write_str(a, "z.json", zebra);
	write_str(b, "a.json", apple);
	catalog_scan(&c, a);
	catalog_scan(&c, b);
	assert_int_equal(c.n, 2);
	assert_int_equal(catalog_playable(&c), 2);
	assert_string_equal(c.v[0].pack->title, "Apple facts");
	catalog_fini(&c);
}

/* --as-choice reaches the folder's flashcards; a forced --format or
 * Quizlet's separators do not (each file is found by content). */
static void
test_catalog_reads_flashcards_as_asked(void **state)
{
	static const char deck[] = "uno\tone\ndos\ttwo\ntres\tthree\n"
	    "cuatro\tfour\ncinco\tfive\n";
	const char *dir = *state;
	struct catalog c = { 0 };
	const struct pack *d, *z;
	int i;

	write_str(dir, "deck.txt", deck);
	write_str(dir, "zebra.json", zebra);
	catalog_scan(&c, dir);
	assert_int_equal(catalog_playable(&c), 2);
	/* "Zebra facts" sorts before "deck". */
	assert_int_equal(c.v[1].format, FORMAT_QUIZLET);
	assert_int_equal(c.v[1].pack->q[0].type, Q_TEXT);
	catalog_fini(&c);
	c.import.as_choice = true;
	c.import.seed = 7;
	c.import.format = FORMAT_CSV;
	c.import.term_sep = " - ";
	catalog_scan(&c, dir);
	assert_int_equal(catalog_playable(&c), 2);
	assert_int_equal(c.v[0].format, FORMAT_JSON);
	assert_int_equal(c.v[1].format, FORMAT_QUIZLET);
	z = c.v[0].pack;
	d = c.v[1].pack;
	assert_int_equal(z->q[0].type, Q_TRUEFALSE);
	assert_int_equal(d->nq, 5);
	for (i = 0; i < d->nq; i++) {
		assert_int_equal(d->q[i].type, Q_CHOICE);
		assert_int_equal(d->q[i].nchoices, 4);
	}
	catalog_fini(&c);
}

static void
test_catalog_bundled_packs_are_all_playable(void **state)
{
	char *dir = tu_path("assets/packs");
	struct catalog c = { 0 };
	int i;

	(void)state;
	catalog_scan(&c, dir);
	assert_true(c.n >= 4);
	for (i = 0; i < c.n; i++)
		if (c.v[i].problem != NULL)
			print_error("%s\n", c.v[i].problem);
	assert_int_equal(catalog_playable(&c), c.n);
	for (i = 1; i < c.n; i++)
		assert_true(strcmp(c.v[i - 1].pack->title,
		    c.v[i].pack->title) <= 0);
	catalog_fini(&c);
	free(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_catalog_scans_good_and_broken_packs,
		    tu_setup_tmpdir, tu_teardown_tmpdir),
		cmocka_unit_test_setup_teardown(
		    test_catalog_sorts_playable_packs_by_title,
		    tu_setup_tmpdir, tu_teardown_tmpdir),
		cmocka_unit_test_setup_teardown(
		    test_catalog_ignores_other_files,
		    tu_setup_tmpdir, tu_teardown_tmpdir),
		cmocka_unit_test_setup_teardown(
		    test_catalog_lists_other_formats,
		    tu_setup_tmpdir, tu_teardown_tmpdir),
		cmocka_unit_test_setup_teardown(
		    test_catalog_missing_folder_adds_nothing,
		    tu_setup_tmpdir, tu_teardown_tmpdir),
		cmocka_unit_test_setup_teardown(
		    test_catalog_skips_and_names_what_is_not_a_file,
		    tu_setup_tmpdir, tu_teardown_tmpdir),
		cmocka_unit_test_setup_teardown(test_catalog_scans_add_up,
		    tu_setup_tmpdir, tu_teardown_tmpdir),
		cmocka_unit_test_setup_teardown(
		    test_catalog_reads_flashcards_as_asked,
		    tu_setup_tmpdir, tu_teardown_tmpdir),
		cmocka_unit_test(test_catalog_bundled_packs_are_all_playable),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
