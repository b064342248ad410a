/*
 * test_report.c - unit tests for src/core/report.c: the results file's JSON
 * (PRODUCT.md's keys, null for a time-out) and writing it atomically.
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

#include <cJSON.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "report.h"
#include "score.h"
#include "testutil.h"

static const char mixed_text[] =
    "{\"title\": \"World \\\"Capitals\\\"\", \"questions\": ["
    "{\"type\": \"choice\", \"question\": \"Capital of Australia?\","
    " \"choices\": [\"Sydney\", \"Canberra\", \"Melbourne\", \"Perth\"],"
    " \"answer\": \"Canberra\"},"
    "{\"type\": \"truefalse\", \"question\": \"The Nile flows north.\","
    " \"answer\": true},"
    "{\"type\": \"text\", \"question\": \"Capital of Iceland?\","
    " \"answer\": [\"Reykjavík\", \"Reykjavik\"]},"
    "{\"type\": \"text\", \"question\": \"Never reached\", \"answer\": "
    "\"x\"}]}";

/* A game over mixed_text played as: choice right in 2.414 s, truefalse
 * wrong in 5 s, text timed out, the last question never reached. */
struct game {
	struct pack *pack;
	struct config cfg;
	struct quiz *z;
};

static void
play(struct game *g)
{
	struct diags d = { 0 };
	struct quiz_opts opts = { 0, 0 };
	struct rng r;

	g->pack = pack_parse("mixed.json", mixed_text, sizeof mixed_text - 1,
	    &d);
	assert_non_null(g->pack);
	diags_fini(&d);
	config_defaults(&g->cfg);
	memset(g->cfg.time_limits, 0, sizeof g->cfg.time_limits);
	g->cfg.shuffle_questions = false;
	g->cfg.shuffle_choices = false;
	rng_seed(&r, 1);
	g->z = quiz_new(&g->pack, 1, &g->cfg, &opts, &r);
	quiz_answer_choice(g->z, 1, 2.414);
	quiz_next(g->z);
	quiz_answer_truefalse(g->z, false, 5);
	quiz_next(g->z);
	quiz_time_out(g->z);
	quiz_next(g->z);
}

static void
unplay(struct game *g)
{
	quiz_free(g->z);
	pack_free(g->pack);
}

static const struct report_info info = { 42, 1.0, 0, 0 };

static const cJSON *
get(const cJSON *obj, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

	if (v == NULL)
		print_error("missing key \"%s\"\n", key);
	assert_non_null(v);
	return v;
}

static double
num(const cJSON *obj, const char *key)
{
	const cJSON *v = get(obj, key);

	assert_true(cJSON_IsNumber(v));
	return v->valuedouble;
}

static const char *
str(const cJSON *obj, const char *key)
{
	const cJSON *v = get(obj, key);

	assert_true(cJSON_IsString(v));
	return v->valuestring;
}

static bool
boolean(const cJSON *obj, const char *key)
{
	const cJSON *v = get(obj, key);

	assert_true(cJSON_IsBool(v));
	return cJSON_IsTrue(v);
}

static void
test_report_json_has_product_keys(void **state)
{
	struct game g;
	char *text;
	cJSON *root;

	(void)state;
	play(&g);
	text = report_json(g.z, &info);
	root = cJSON_Parse(text);
	assert_non_null(root);
	assert_string_equal(str(root, "pack"), "World \"Capitals\"");
	assert_true(num(root, "score") == score_points(2.414, 20));
	assert_true(num(root, "score") == 940);
	/* 4 questions: 4000 and bonuses 0 + 100 + 200 + 300. */
	assert_true(num(root, "max_score") == 4600);
	assert_true(num(root, "correct") == 1);
	assert_true(num(root, "wrong") == 1);
	assert_true(num(root, "timed_out") == 1);
	assert_true(cJSON_IsArray(get(root, "questions")));
	cJSON_Delete(root);
	free(text);
	unplay(&g);
}

static void
test_report_json_lists_each_answered_question(void **state)
{
	struct game g;
	char *text;
	cJSON *root;
	const cJSON *qs, *q;

	(void)state;
	play(&g);
	text = report_json(g.z, &info);
	root = cJSON_Parse(text);
	assert_non_null(root);
	qs = get(root, "questions");
	/* The question never reached is not in the list. */
	assert_int_equal(cJSON_GetArraySize(qs), 3);

	q = cJSON_GetArrayItem(qs, 0);
	assert_string_equal(str(q, "question"), "Capital of Australia?");
	assert_string_equal(str(q, "type"), "choice");
	assert_string_equal(str(q, "answer"), "Canberra");
	assert_true(boolean(q, "correct"));
	assert_false(boolean(q, "timed_out"));
	assert_true(num(q, "seconds") == 2.41);
	assert_true(num(q, "points") == 940);

	q = cJSON_GetArrayItem(qs, 1);
	assert_string_equal(str(q, "type"), "truefalse");
	/* true/false answers are JSON booleans. */
	assert_true(cJSON_IsFalse(get(q, "answer")));
	assert_false(boolean(q, "correct"));
	assert_true(num(q, "seconds") == 5);
	assert_true(num(q, "points") == 0);
	cJSON_Delete(root);
	free(text);
	unplay(&g);
}

static void
test_report_json_timeout_answer_is_null(void **state)
{
	struct game g;
	char *text;
	cJSON *root;
	const cJSON *q;

	(void)state;
	play(&g);
	text = report_json(g.z, &info);
	root = cJSON_Parse(text);
	assert_non_null(root);
	q = cJSON_GetArrayItem(get(root, "questions"), 2);
	assert_string_equal(str(q, "question"), "Capital of Iceland?");
	assert_string_equal(str(q, "type"), "text");
	assert_true(cJSON_IsNull(get(q, "answer")));
	assert_false(boolean(q, "correct"));
	assert_true(boolean(q, "timed_out"));
	assert_true(num(q, "seconds") == 20);
	assert_true(num(q, "points") == 0);
	/* The text itself says null, not "null" or "". */
	assert_non_null(strstr(text, "\"answer\":\tnull"));
	cJSON_Delete(root);
	free(text);
	unplay(&g);
}

static void
test_report_json_escapes_typed_text(void **state)
{
	static const char typed[] = "Reykja\"vík\\ \t😀";
	struct game g;
	struct rng r;
	struct quiz_opts opts = { 0, 0 };
	struct quiz *z;
	char *text;
	cJSON *root;
	const cJSON *q;

	(void)state;
	play(&g);
	rng_seed(&r, 1);
	z = quiz_new(&g.pack, 1, &g.cfg, &opts, &r);
	quiz_next(z);
	quiz_next(z);
	quiz_answer_text(z, typed, 3);
	text = report_json(z, &info);
	root = cJSON_Parse(text);
	assert_non_null(root);
	q = cJSON_GetArrayItem(get(root, "questions"), 0);
	assert_string_equal(str(q, "answer"), typed);
	cJSON_Delete(root);
	free(text);
	quiz_free(z);
	unplay(&g);
}

static void
test_report_json_records_game_settings(void **state)
{
	struct report_info big = { (1ULL << 53) - 1, 1.5, 1, 1 };
	struct game g;
	char *text;
	cJSON *root;

	(void)state;
	play(&g);
	text = report_json(g.z, &info);
	assert_true(text[strlen(text) - 1] == '\n');
	root = cJSON_Parse(text);
	assert_true(num(root, "seed") == 42);
	assert_false(boolean(root, "finished"));
	assert_false(boolean(root, "untimed"));
	assert_true(num(root, "best_streak") == 1);
	cJSON_Delete(root);
	free(text);
	/* Every seed is written as the exact integer, never as a double. */
	text = report_json(g.z, &big);
	root = cJSON_Parse(text);
	assert_non_null(strstr(text, "\"seed\":\t9007199254740991,"));
	assert_true(num(root, "seed") == 9007199254740991.0);
	assert_true(boolean(root, "finished"));
	assert_true(boolean(root, "untimed"));
	assert_true(num(root, "time_scale") == 1.5);
	cJSON_Delete(root);
	free(text);
	unplay(&g);
}

static void
test_report_json_seed_is_never_exponent_notation(void **state)
{
	/* cJSON printed this one as 1.80367635503209e+15. */
	struct report_info seeded = { 1803676355032090ULL, 1.0, 0, 0 };
	struct game g;
	char *text;

	(void)state;
	play(&g);
	text = report_json(g.z, &seeded);
	assert_non_null(strstr(text, "\"seed\":\t1803676355032090,"));
	assert_null(strstr(text, "e+"));
	free(text);
	unplay(&g);
}

static void
test_report_json_escapes_c1_and_bidi_controls(void **state)
{
	static const char hostile[] = "{\"title\": \"T\\u202eX\\u009b2J\","
	    " \"questions\": [{\"type\": \"text\", \"question\": "
	    "\"Q\\u0085\\u2066?\", \"answer\": \"a\\u009d\"}]}";
	struct diags d = { 0 };
	struct pack *pk = pack_parse("h.json", hostile, sizeof hostile - 1, &d);
	struct config cfg;
	struct quiz_opts opts = { 0, 0 };
	struct rng r;
	struct quiz *z;
	char *text;
	cJSON *root;

	(void)state;
	assert_non_null(pk);
	config_defaults(&cfg);
	rng_seed(&r, 1);
	z = quiz_new(&pk, 1, &cfg, &opts, &r);
	quiz_answer_text(z, "typed\xc2\x9b\xe2\x80\xae", 1);
	text = report_json(z, &info);
	/* No C1 (C2 80..9F) or bidi (E2 80 AA..AE, E2 81 A6..A9) raw. */
	assert_null(strstr(text, "\xc2\x9b"));
	assert_null(strstr(text, "\xc2\x85"));
	assert_null(strstr(text, "\xc2\x9d"));
	assert_null(strstr(text, "\xe2\x80\xae"));
	assert_null(strstr(text, "\xe2\x81\xa6"));
	assert_non_null(strstr(text, "\"T\\u202eX\\u009b2J\""));
	root = cJSON_Parse(text);
	assert_non_null(root);
	assert_string_equal(str(root, "pack"), "T\xe2\x80\xaeX\xc2\x9b" "2J");
	cJSON_Delete(root);
	free(text);
	quiz_free(z);
	pack_free(pk);
	diags_fini(&d);
}

/* Names in dir other than . and .., sorted, joined by spaces. */
static void
list_dir(const char *dir, char *out, size_t n)
{
	struct dirent **names;
	int k, i;

	out[0] = '\0';
	k = scandir(dir, &names, NULL, alphasort);
	assert_true(k >= 0);
	for (i = 0; i < k; i++) {
		if (strcmp(names[i]->d_name, ".") != 0 &&
		    strcmp(names[i]->d_name, "..") != 0) {
			if (out[0] != '\0')
				strncat(out, " ", n - strlen(out) - 1);
			strncat(out, names[i]->d_name, n - strlen(out) - 1);
		}
		free(names[i]);
	}
	free(names);
}

static void
test_report_write_is_atomic_and_complete(void **state)
{
	const char *dir = *state;
	char path[4200], err[256] = "", ls[512];
	struct game g;
	char *want, *got;
	struct stat st;
	mode_t old = umask(022);

	play(&g);
	snprintf(path, sizeof path, "%s/results.json", dir);
	assert_int_equal(report_write(g.z, &info, path, err, sizeof err), 0);
	assert_string_equal(err, "");
	want = report_json(g.z, &info);
	got = tu_read(path, NULL);
	assert_non_null(got);
	assert_string_equal(got, want);
	/* The temporary file was renamed, not left behind. */
	list_dir(dir, ls, sizeof ls);
	assert_string_equal(ls, "results.json");
	/* The mode a plain create would give, not mkstemp's 0600. */
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0644);
	free(want);
	free(got);
	umask(old);
	unplay(&g);
}

static void
test_report_write_replaces_existing_file(void **state)
{
	const char *dir = *state;
	char *path, err[256] = "", ls[512];
	char old[8192];
	struct game g;
	char *got;
	cJSON *root;

	play(&g);
	/* Old contents longer than the new: nothing of them may remain. */
	memset(old, 'x', sizeof old);
	path = tu_write(dir, "r.json", old, sizeof old);
	assert_int_equal(report_write(g.z, &info, path, err, sizeof err), 0);
	got = tu_read(path, NULL);
	root = cJSON_Parse(got);
	assert_non_null(root);
	assert_null(strstr(got, "xxxx"));
	list_dir(dir, ls, sizeof ls);
	assert_string_equal(ls, "r.json");
	cJSON_Delete(root);
	free(got);
	free(path);
	unplay(&g);
}

static void
test_report_write_missing_folder_fails_cleanly(void **state)
{
	const char *dir = *state;
	char path[4200], err[512] = "", ls[512];
	struct game g;

	play(&g);
	snprintf(path, sizeof path, "%s/no/such/folder/results.json", dir);
	assert_int_equal(report_write(g.z, &info, path, err, sizeof err), -1);
	assert_non_null(strstr(err, path));
	assert_non_null(strstr(err, "cannot write results"));
	assert_non_null(strstr(err, "No such file or directory"));
	list_dir(dir, ls, sizeof ls);
	assert_string_equal(ls, "");
	unplay(&g);
}

/*
 * root writes into any folder, so as root the write is tried as "nobody"
 * (seteuid, undone at once); without that right the test is skipped.
 */
static void
test_report_write_read_only_folder_fails_cleanly(void **state)
{
	const char *dir = *state;
	char path[4200], err[512] = "", ls[512];
	struct game g;
	bool as_nobody = geteuid() == 0;
	int r, back = 0;

	if (as_nobody && seteuid(65534) != 0)
		skip();
	if (as_nobody)
		assert_int_equal(seteuid(0), 0);
	play(&g);
	assert_int_equal(chmod(dir, 0555), 0);
	snprintf(path, sizeof path, "%s/results.json", dir);
	if (as_nobody)
		back = seteuid(65534);
	r = report_write(g.z, &info, path, err, sizeof err);
	if (as_nobody)
		back |= seteuid(0);
	assert_int_equal(back, 0);
	assert_int_equal(r, -1);
	assert_non_null(strstr(err, path));
	assert_non_null(strstr(err, "cannot write results"));
	assert_non_null(strstr(err, "Permission denied"));
	list_dir(dir, ls, sizeof ls);
	assert_string_equal(ls, "");
	unplay(&g);
}

static void
test_report_write_onto_a_folder_leaves_no_temp_file(void **state)
{
	const char *dir = *state;
	char path[4200], err[512] = "", ls[512];
	struct game g;

	play(&g);
	/* The temporary file is made, then cannot replace a folder. */
	snprintf(path, sizeof path, "%s/taken", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	assert_int_equal(report_write(g.z, &info, path, err, sizeof err), -1);
	assert_non_null(strstr(err, path));
	assert_non_null(strstr(err, "cannot write results"));
	list_dir(dir, ls, sizeof ls);
	assert_string_equal(ls, "taken");
	unplay(&g);
}

static void
test_report_write_error_fits_small_buffer(void **state)
{
	const char *dir = *state;
	char path[4200], err[12];
	struct game g;

	play(&g);
	memset(err, 'x', sizeof err);
	snprintf(path, sizeof path, "%s/missing/r.json", dir);
	assert_int_equal(report_write(g.z, &info, path, err, sizeof err), -1);
	assert_int_equal(strlen(err), sizeof err - 1);
	assert_memory_equal(err, dir, sizeof err - 1);
	unplay(&g);
}

static void
test_report_write_into_a_fifo_in_place(void **state)
{
	const char *dir = *state;
	char path[4200], err[512] = "", got[65536], ls[512];
	struct game g;
	struct stat st;
	char *want;
	ssize_t n;
	int rfd;

	play(&g);
	snprintf(path, sizeof path, "%s/fifo", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	rfd = open(path, O_RDONLY | O_NONBLOCK);
	assert_true(rfd >= 0);
	assert_int_equal(report_check(path, err, sizeof err), 0);
	assert_int_equal(report_write(g.z, &info, path, err, sizeof err), 0);
	n = read(rfd, got, sizeof got - 1);
	assert_true(n > 0);
	got[n] = '\0';
	want = report_json(g.z, &info);
	assert_string_equal(got, want);
	close(rfd);
	/* Still the FIFO, and no temporary file beside it. */
	assert_int_equal(lstat(path, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	list_dir(dir, ls, sizeof ls);
	assert_string_equal(ls, "fifo");
	free(want);
	unplay(&g);
}

static void
test_report_write_fifo_nobody_reads_fails_at_once(void **state)
{
	const char *dir = *state;
	char path[4200], err[512] = "";
	struct game g;
	struct stat st;

	play(&g);
	snprintf(path, sizeof path, "%s/fifo", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	/* Without O_NONBLOCK this open would wait for a reader forever. */
	assert_int_equal(report_write(g.z, &info, path, err, sizeof err), -1);
	assert_non_null(strstr(err, "no program is reading"));
	assert_int_equal(lstat(path, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	unplay(&g);
}

static void
test_report_write_through_link_to_device_keeps_both(void **state)
{
	const char *dir = *state;
	char path[4200], err[512] = "";
	struct game g;
	struct stat st;

	play(&g);
	/* Like --results /dev/stdout: the link and the device stay. */
	snprintf(path, sizeof path, "%s/out", dir);
	assert_int_equal(symlink("/dev/null", path), 0);
	assert_int_equal(report_check(path, err, sizeof err), 0);
	assert_int_equal(report_write(g.z, &info, path, err, sizeof err), 0);
	assert_int_equal(lstat(path, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(stat("/dev/null", &st), 0);
	assert_true(S_ISCHR(st.st_mode));
	unplay(&g);
}

static void
test_report_write_through_link_to_file_replaces_the_file(void **state)
{
	const char *dir = *state;
	char link[4200], err[512] = "", ls[512];
	struct game g;
	struct stat st;
	char *file, *got, *want;

	play(&g);
	file = tu_write(dir, "real.json", "old", 3);
	snprintf(link, sizeof link, "%s/link.json", dir);
	assert_int_equal(symlink("real.json", link), 0);
	assert_int_equal(report_write(g.z, &info, link, err, sizeof err), 0);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	got = tu_read(file, NULL);
	want = report_json(g.z, &info);
	assert_string_equal(got, want);
	list_dir(dir, ls, sizeof ls);
	assert_string_equal(ls, "link.json real.json");
	free(got);
	free(want);
	free(file);
	unplay(&g);
}

static void
test_report_check_fails_before_the_game(void **state)
{
	const char *dir = *state;
	char path[4200], err[512] = "";

	(void)state;
	snprintf(path, sizeof path, "%s/no/such/r.json", dir);
	assert_int_equal(report_check(path, err, sizeof err), -1);
	assert_non_null(strstr(err, path));
	assert_non_null(strstr(err, "No such file or directory"));
	assert_int_equal(report_check(dir, err, sizeof err), -1);
	assert_non_null(strstr(err, "it is a folder"));
	snprintf(path, sizeof path, "%s/new.json", dir);
	assert_int_equal(report_check(path, err, sizeof err), 0);
	assert_int_equal(report_check("/dev/null", err, sizeof err), 0);
	/* Nothing was made by asking. */
	assert_int_equal(access(path, F_OK), -1);
}

/* The n-th results file of a run: out.json, out-2.json, out-3.json; a
 * name without an extension gets the number at its end; a device is
 * written in place every time. */
static void
test_report_path_nth_numbers_later_games(void **state)
{
	static const struct {
		const char *path;
		int n;
		const char *want;
	} cases[] = {
		{ "out.json", 1, "out.json" },
		{ "out.json", 2, "out-2.json" },
		{ "dir.d/out.json", 3, "dir.d/out-3.json" },
		{ "dir.d/out", 2, "dir.d/out-2" },
		{ ".hidden", 2, ".hidden-2" },
		{ "/dev/null", 2, "/dev/null" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = report_path_nth(cases[i].path, cases[i].n);

		assert_string_equal(got, cases[i].want);
		free(got);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report_json_has_product_keys),
		cmocka_unit_test(test_report_json_lists_each_answered_question),
		cmocka_unit_test(test_report_json_timeout_answer_is_null),
		cmocka_unit_test(test_report_json_escapes_typed_text),
		cmocka_unit_test(test_report_json_records_game_settings),
		cmocka_unit_test(test_report_json_seed_is_never_exponent_notation),
		cmocka_unit_test(test_report_json_escapes_c1_and_bidi_controls),
		cmocka_unit_test(test_report_path_nth_numbers_later_games),
		cmocka_unit_test_setup_teardown(
		    test_report_write_is_atomic_and_complete,
		    tu_setup_tmpdir, tu_teardown_tmpdir),
		cmocka_unit_test_setup_teardown(
		    test_report_write_replaces_existing_file,
		    tu_setup_tmpdir, tu_teardown_tmpdir),
		cmocka_unit_test_setup_teardown(
		    test_report_write_missing_folder_fails_cleanly,
		    tu_setup_tmpdir, tu_teardown_tmpdir),
		cmocka_unit_test_setup_teardown(
		    test_report_write_read_only_folder_fails_cleanly,
		    tu_setup_tmpdir, tu_teardown_tmpdir),
		cmocka_unit_test_setup_teardown(
		    test_report_write_onto_a_folder_leaves_no_temp_file,
		    tu_setup_tmpdir, tu_teardown_tmpdir),
		cmocka_unit_test_setup_teardown(
		    test_report_write_error_fits_small_buffer,
		    tu_setup_tmpdir, tu_teardown_tmpdir),
		cmocka_unit_test_setup_teardown(
		    test_report_write_into_a_fifo_in_place,
		    tu_setup_tmpdir, tu_teardown_tmpdir),
		cmocka_unit_test_setup_teardown(
		    test_report_write_fifo_nobody_reads_fails_at_once,
		    tu_setup_tmpdir, tu_teardown_tmpdir),
		cmocka_unit_test_setup_teardown(
		    test_report_write_through_link_to_device_keeps_both,
		    tu_setup_tmpdir, tu_teardown_tmpdir),
		cmocka_unit_test_setup_teardown(
		    test_report_write_through_link_to_file_replaces_the_file,
		    tu_setup_tmpdir, tu_teardown_tmpdir),
		cmocka_unit_test_setup_teardown(
		    test_report_check_fails_before_the_game,
		    tu_setup_tmpdir, tu_teardown_tmpdir),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
