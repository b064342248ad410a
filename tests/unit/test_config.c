/*
 * test_config.c - unit tests for src/core/config.c: defaults, config.json
 * keys, and every bad value reported at its LINE:COL.
 *
 * The fixtures are in tests/fixtures/config/{good,warn,bad}; each file is a
 * row of the table below, run as a test of its own.
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

#include "config.h"
#include "testutil.h"

#define E DIAG_ERROR
#define W DIAG_WARNING
#define MAX_WANT 3

struct want {
	enum diag_level level;
	int line;
	int col;
	const char *part;
};

/* A config fixture: whether it loads, whether the config then still equals
 * the defaults (a bad value leaves its key as it was), what it reports. */
struct fixture {
	const char *file;
	bool loads;
	bool keeps_defaults;
	int n;
	struct want w[MAX_WANT];
};

static const struct fixture fixtures[] = {
	{ "config/good/empty_object.json", true, true, 0, { { 0 } } },
	{ "config/good/full.json", true, false, 0, { { 0 } } },
	{ "config/good/time_limits_partial.json", true, false, 0, { { 0 } } },

	{ "config/warn/unknown_keys.json", true, true, 3, {
		{ W, 2, 3, "time_limt: unknown key \"time_limt\" (did you mean "
		    "\"time_limit\"?)" },
		{ W, 3, 3, "colour: unknown key \"colour\" (ignored)" },
		{ W, 4, 19, "time_limits.chioce: unknown key \"chioce\" (did "
		    "you mean \"choice\"?)" } } },

	{ "config/bad/syntax_error.json", false, true, 1, {
		{ E, 3, 24, "JSON syntax error near 'yes'" } } },
	{ "config/bad/top_level_array.json", false, true, 1, {
		{ E, 1, 1, "(top level): the configuration must be a JSON "
		    "object, not an array" } } },
	{ "config/bad/time_limit_zero.json", false, true, 1, {
		{ E, 2, 17, "time_limit: 0 is out of range (0.1 to "
		    "86400)" } } },
	{ "config/bad/time_limit_string.json", false, true, 1, {
		{ E, 2, 17, "time_limit: must be a number, not a string" } } },
	{ "config/bad/time_limit_huge.json", false, true, 1, {
		{ E, 2, 17, "time_limit: 100000 is out of range (0.1 to "
		    "86400)" } } },
	{ "config/bad/time_limits_not_object.json", false, true, 1, {
		{ E, 2, 18, "time_limits: must be an object like {\"choice\": "
		    "15, \"text\": 30}, not an array" } } },
	{ "config/bad/time_limits_bad_value.json", false, false, 1, {
		{ E, 5, 18, "time_limits.truefalse: -1 is out of range (0.1 to "
		    "86400)" } } },
	{ "config/bad/questions_per_game_fraction.json", false, true, 1, {
		{ E, 2, 25, "questions_per_game: must be a whole number, not "
		    "2.5" } } },
	{ "config/bad/questions_per_game_negative.json", false, true, 1, {
		{ E, 2, 25, "questions_per_game: -1 is out of range (0 to "
		    "1000000)" } } },
	{ "config/bad/shuffle_questions_string.json", false, true, 1, {
		{ E, 2, 24, "shuffle_questions: must be true or false, not a "
		    "string" } } },
	{ "config/bad/shuffle_choices_number.json", false, true, 1, {
		{ E, 2, 22, "shuffle_choices: must be true or false, not a "
		    "number" } } },
	{ "config/bad/feedback_seconds_negative.json", false, true, 1, {
		{ E, 2, 23, "feedback_seconds: -1 is out of range (0 to "
		    "3600)" } } },
	{ "config/bad/feedback_seconds_string.json", false, true, 1, {
		{ E, 2, 23, "feedback_seconds: must be a number, not a "
		    "string" } } },
	{ "config/bad/streak_bonus_fraction.json", false, true, 1, {
		{ E, 2, 19, "streak_bonus: must be a whole number, not "
		    "0.5" } } },
	{ "config/bad/streak_bonus_max_huge.json", false, true, 1, {
		{ E, 2, 23, "streak_bonus_max: 20000 is out of range (0 to "
		    "10000)" } } },
	{ "config/bad/desired_retention_one.json", false, true, 1, {
		{ E, 2, 24, "desired_retention: 1 is out of range (0.5 to "
		    "0.99)" } } },
	{ "config/bad/time_scale_zero.json", false, true, 1, {
		{ E, 2, 17, "time_scale: 0 is out of range (0.1 to 100)" } } },
	{ "config/bad/untimed_string.json", false, true, 1, {
		{ E, 2, 14, "untimed: must be true or false, not a "
		    "string" } } },
	{ "config/bad/more_time_seconds_negative.json", false, true, 1, {
		{ E, 2, 24, "more_time_seconds: -10 is out of range (0 to "
		    "3600)" } } },
	{ "config/bad/allow_pause_null.json", false, true, 1, {
		{ E, 2, 18, "allow_pause: must be true or false, not "
		    "null" } } },
	{ "config/bad/theme_unknown.json", false, true, 1, {
		{ E, 2, 12, "theme: unknown theme \"dark\" (default, "
		    "high-contrast or mono)" } } },
	{ "config/bad/theme_not_string.json", false, true, 1, {
		{ E, 2, 12, "theme: must be a string, not a number" } } },
	{ "config/bad/bell_number.json", false, true, 1, {
		{ E, 2, 11, "bell: must be true or false, not a number" } } },
	{ "config/bad/announce_not_array.json", false, true, 1, {
		{ E, 2, 15, "announce: must be a list of up to 8 fractions of "
		    "the time limit" } } },
	{ "config/bad/announce_out_of_range.json", false, true, 1, {
		{ E, 2, 21, "announce[1]: must be a number between 0 and 1 "
		    "(exclusive)" } } },
	{ "config/bad/announce_too_many.json", false, true, 1, {
		{ E, 2, 15, "announce: must be a list of up to 8 "
		    "fractions" } } },
	{ "config/bad/announce_last_seconds_string.json", false, true, 1, {
		{ E, 2, 28, "announce_last_seconds: must be a number, not a "
		    "string" } } },
	{ "config/bad/opentdb_url_ftp.json", false, true, 1, {
		{ E, 2, 18, "opentdb_url: must be an http:// or https:// "
		    "address without a query, like \"https://opentdb.com\"" } } },
	{ "config/bad/player_not_string.json", false, true, 1, {
		{ E, 2, 13, "player: must be a string, not an array" } } },
	{ "config/bad/several_errors.json", false, false, 3, {
		{ E, 2, 17, "time_limit: -3 is out of range (0.1 to 86400)" },
		{ E, 4, 12, "theme: unknown theme \"dark\"" },
		{ E, 5, 11, "bell: must be true or false, not a string" } } },
};

#define NFIXTURES ((int)(sizeof fixtures / sizeof fixtures[0]))

/* Every field of two configs, compared one by one. */
static void
assert_config_equal(const struct config *a, const struct config *b)
{
	int i;

	assert_true(a->time_limit == b->time_limit);
	for (i = 0; i < QTYPE_COUNT; i++)
		assert_true(a->time_limits[i] == b->time_limits[i]);
	assert_int_equal(a->questions_per_game, b->questions_per_game);
	assert_int_equal(a->shuffle_questions, b->shuffle_questions);
	assert_int_equal(a->shuffle_choices, b->shuffle_choices);
	assert_true(a->feedback_seconds == b->feedback_seconds);
	assert_int_equal(a->streak_bonus, b->streak_bonus);
	assert_int_equal(a->streak_bonus_max, b->streak_bonus_max);
	assert_true(a->time_scale == b->time_scale);
	assert_int_equal(a->untimed, b->untimed);
	assert_true(a->more_time_seconds == b->more_time_seconds);
	assert_int_equal(a->allow_pause, b->allow_pause);
	assert_int_equal(a->theme, b->theme);
	assert_int_equal(a->bell, b->bell);
	assert_int_equal(a->nannounce, b->nannounce);
	for (i = 0; i < a->nannounce; i++)
		assert_true(a->announce[i] == b->announce[i]);
	assert_true(a->announce_last_seconds == b->announce_last_seconds);
	assert_true(a->desired_retention == b->desired_retention);
	if (a->player == NULL || b->player == NULL)
		assert_ptr_equal(a->player, b->player);
	else
		assert_string_equal(a->player, b->player);
}

static void
test_config_fixture(void **state)
{
	const struct fixture *f = *state;
	char *path = tu_fixture(f->file);
	struct diags d = { 0 };
	struct config c, defaults;
	int r, i, errors = 0;

	config_defaults(&c);
	config_defaults(&defaults);
	r = config_load(&c, path, &d);
	diags_sort(&d);
	if (d.n != f->n || (r == 0) != f->loads) {
		print_error("%s: expected %s with %d diagnostic(s), got %d "
		    "with %d\n", f->file, f->loads ? "0" : "-1", f->n, r, d.n);
		tu_print_diags(&d);
	}
	assert_int_equal(r, f->loads ? 0 : -1);
	assert_int_equal(d.n, f->n);
	for (i = 0; i < f->n; i++) {
		tu_check_diag(&d, i, f->w[i].level, f->w[i].line, f->w[i].col,
		    f->w[i].part);
		assert_string_equal(d.v[i].file, path);
		errors += f->w[i].level == DIAG_ERROR;
	}
	assert_int_equal(d.errors, errors);
	if (f->keeps_defaults)
		assert_config_equal(&c, &defaults);
	config_fini(&c);
	diags_fini(&d);
	free(path);
}

/* Files in dir (under tests/fixtures) missing from the table. */
static int
untested_in(const char *dir)
{
	return tu_untested(dir, &fixtures[0].file, sizeof fixtures[0],
	    NFIXTURES, "test_config.c");
}

static void
test_config_every_fixture_file_is_in_the_table(void **state)
{
	(void)state;
	assert_int_equal(untested_in("config/good"), 0);
	assert_int_equal(untested_in("config/warn"), 0);
	assert_int_equal(untested_in("config/bad"), 0);
}

static void
test_config_defaults(void **state)
{
	struct config c;

	(void)state;
	memset(&c, 0x5a, sizeof c);
	config_defaults(&c);
	assert_true(c.time_limit == 20);
	assert_true(c.time_limits[Q_CHOICE] == 20);
	assert_true(c.time_limits[Q_TRUEFALSE] == 15);
	assert_true(c.time_limits[Q_TEXT] == 30);
	assert_int_equal(c.questions_per_game, 10);
	assert_true(c.shuffle_questions);
	assert_true(c.shuffle_choices);
	assert_true(c.feedback_seconds == 0);
	assert_int_equal(c.streak_bonus, 100);
	assert_int_equal(c.streak_bonus_max, 500);
	assert_true(c.time_scale == 1);
	assert_false(c.untimed);
	assert_true(c.more_time_seconds == 0);
	assert_false(c.allow_pause);
	assert_int_equal(c.theme, THEME_DEFAULT);
	assert_false(c.bell);
	assert_int_equal(c.nannounce, 2);
	assert_true(c.announce[0] == 0.5);
	assert_true(c.announce[1] == 0.25);
	assert_true(c.announce_last_seconds == 5);
	assert_true(c.desired_retention == 0.9);
	assert_null(c.player);
	config_fini(&c);
}

/* The live game's keys: defaults, values, and a bad one refused. */
static void
test_config_live_keys(void **state)
{
	static const char good[] = "{\"live\": {\"grace_ms\": 100, "
	    "\"read_seconds\": 1.5, \"reveal_seconds\": 0}}";
	static const char bad[] = "{\"live\": {\"grace_ms\": -1}}";
	static const char typo[] = "{\"live\": {\"grace\": 100}}";
	struct diags d = { 0 };
	struct config c;

	(void)state;
	config_defaults(&c);
	assert_true(c.live_grace_ms == 250);
	assert_true(c.live_read_seconds == 3);
	assert_true(c.live_reveal_seconds == 5);
	assert_int_equal(config_parse(&c, "live.json", good, sizeof good - 1,
	    &d), 0);
	assert_true(c.live_grace_ms == 100);
	assert_true(c.live_read_seconds == 1.5);
	assert_true(c.live_reveal_seconds == 0);
	assert_int_equal(config_parse(&c, "bad.json", bad, sizeof bad - 1, &d),
	    -1);
	assert_true(c.live_grace_ms == 100);   /* the bad value is not taken */
	diags_fini(&d);
	memset(&d, 0, sizeof d);
	config_parse(&c, "typo.json", typo, sizeof typo - 1, &d);
	assert_true(d.warnings + d.errors > 0);  /* an unknown key is named */
	diags_fini(&d);
	config_fini(&c);
}

/* A user's file that names one key keeps every documented default. */
static void
test_config_user_file_overrides_only_its_keys(void **state)
{
	static const char text[] = "{\"bell\": true}";
	struct diags d = { 0 };
	struct config c, want;

	(void)state;
	config_defaults(&c);
	assert_int_equal(config_parse(&c, "user.json", text, sizeof text - 1,
	    &d), 0);
	assert_int_equal(d.n, 0);
	config_defaults(&want);
	want.bell = true;
	assert_config_equal(&c, &want);
	assert_int_equal(c.questions_per_game, 10);
	assert_true(c.time_limits[Q_TRUEFALSE] == 15);
	config_fini(&c);
	diags_fini(&d);
}

static void
test_config_shipped_file_is_valid(void **state)
{
	char *path = tu_path("config.json");
	struct diags d = { 0 };
	struct config c, want;

	(void)state;
	config_defaults(&c);
	assert_int_equal(config_load(&c, path, &d), 0);
	if (d.n)
		tu_print_diags(&d);
	assert_int_equal(d.n, 0);
	/* It documents the built-in defaults, key for key. */
	config_defaults(&want);
	assert_config_equal(&c, &want);
	config_fini(&c);
	diags_fini(&d);
	free(path);
}

static void
test_config_full_file_sets_every_key(void **state)
{
	char *path = tu_fixture("config/good/full.json");
	struct diags d = { 0 };
	struct config c;

	(void)state;
	config_defaults(&c);
	assert_int_equal(config_load(&c, path, &d), 0);
	assert_int_equal(d.n, 0);
	assert_true(c.time_limit == 12.5);
	assert_true(c.time_limits[Q_CHOICE] == 15);
	assert_true(c.time_limits[Q_TRUEFALSE] == 8);
	assert_true(c.time_limits[Q_TEXT] == 40);
	assert_int_equal(c.questions_per_game, 7);
	assert_false(c.shuffle_questions);
	assert_false(c.shuffle_choices);
	assert_true(c.feedback_seconds == 2.5);
	assert_int_equal(c.streak_bonus, 50);
	assert_int_equal(c.streak_bonus_max, 200);
	assert_true(c.time_scale == 1.5);
	assert_true(c.untimed);
	assert_true(c.more_time_seconds == 10);
	assert_true(c.allow_pause);
	assert_int_equal(c.theme, THEME_HIGH_CONTRAST);
	assert_true(c.bell);
	assert_int_equal(c.nannounce, 3);
	assert_true(c.announce[0] == 0.75);
	assert_true(c.announce[2] == 0.1);
	assert_true(c.announce_last_seconds == 3);
	assert_string_equal(c.player, "Ada");
	assert_true(c.desired_retention == 0.85);
	config_fini(&c);
	assert_null(c.player);
	diags_fini(&d);
	free(path);
}

static void
test_config_time_limits_per_type(void **state)
{
	char *path = tu_fixture("config/good/time_limits_partial.json");
	struct diags d = { 0 };
	struct config c;

	(void)state;
	config_defaults(&c);
	assert_int_equal(config_load(&c, path, &d), 0);
	assert_true(c.time_limits[Q_TEXT] == 45);
	/* Types not named keep their defaults. */
	assert_true(c.time_limits[Q_CHOICE] == 20);
	assert_true(c.time_limits[Q_TRUEFALSE] == 15);
	assert_true(c.time_limit == 20);
	config_fini(&c);
	diags_fini(&d);
	free(path);
}

static void
test_config_loads_over_earlier_values(void **state)
{
	char *full = tu_fixture("config/good/full.json");
	char *empty = tu_fixture("config/good/empty_object.json");
	char *partial = tu_fixture("config/good/time_limits_partial.json");
	struct diags d = { 0 };
	struct config c;

	(void)state;
	config_defaults(&c);
	assert_int_equal(config_load(&c, full, &d), 0);
	assert_int_equal(config_load(&c, empty, &d), 0);
	assert_true(c.time_limit == 12.5);
	assert_string_equal(c.player, "Ada");
	assert_int_equal(config_load(&c, partial, &d), 0);
	assert_true(c.time_limits[Q_CHOICE] == 15);
	assert_true(c.time_limits[Q_TRUEFALSE] == 8);
	assert_true(c.time_limits[Q_TEXT] == 45);
	assert_int_equal(d.n, 0);
	config_fini(&c);
	diags_fini(&d);
	free(full);
	free(empty);
	free(partial);
}

static void
test_config_bad_value_keeps_the_valid_ones(void **state)
{
	char *path = tu_fixture("config/bad/time_limits_bad_value.json");
	struct diags d = { 0 };
	struct config c;

	(void)state;
	config_defaults(&c);
	assert_int_equal(config_load(&c, path, &d), -1);
	assert_true(c.time_limits[Q_CHOICE] == 15);
	assert_true(c.time_limits[Q_TRUEFALSE] == 15);  /* the default */
	assert_true(c.time_limits[Q_TEXT] == 30);
	config_fini(&c);
	diags_fini(&d);
	free(path);
}

static void
test_config_theme_names(void **state)
{
	static const struct {
		const char *text;
		enum theme theme;
	} v[] = {
		{ "{\"theme\": \"default\"}", THEME_DEFAULT },
		{ "{\"theme\": \"high-contrast\"}", THEME_HIGH_CONTRAST },
		{ "{\"theme\": \"mono\"}", THEME_MONO },
	};
	struct diags d = { 0 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		struct config c;

		config_defaults(&c);
		c.theme = (enum theme)99;
		assert_int_equal(config_parse(&c, "t.json", v[i].text,
		    strlen(v[i].text), &d), 0);
		assert_int_equal(c.theme, v[i].theme);
		config_fini(&c);
	}
	assert_int_equal(d.n, 0);
	diags_fini(&d);
}

static void
test_config_empty_player_means_none(void **state)
{
	static const char text[] = "{\"player\": \"\"}";
	struct diags d = { 0 };
	struct config c;

	(void)state;
	config_defaults(&c);
	assert_int_equal(config_parse(&c, "p.json", text, sizeof text - 1, &d),
	    0);
	assert_null(c.player);
	config_fini(&c);
	diags_fini(&d);
}

static void
test_config_parse_reports_under_given_name(void **state)
{
	static const char text[] = "{\n\t\"time_scale\": 1000\n}";
	struct diags d = { 0 };
	struct config c;

	(void)state;
	config_defaults(&c);
	assert_int_equal(config_parse(&c, "inline.json", text, sizeof text - 1,
	    &d), -1);
	assert_int_equal(d.n, 1);
	tu_check_diag(&d, 0, DIAG_ERROR, 2, 16,
	    "time_scale: 1000 is out of range (0.1 to 100)");
	assert_string_equal(d.v[0].file, "inline.json");
	assert_true(c.time_scale == 1);
	config_fini(&c);
	diags_fini(&d);
}

static void
test_config_missing_file_cannot_open(void **state)
{
	const char *dir = *state;
	char path[4200];
	struct diags d = { 0 };
	struct config c;

	snprintf(path, sizeof path, "%s/config.json", dir);
	config_defaults(&c);
	assert_int_equal(config_load(&c, path, &d), -1);
	tu_check_diag(&d, 0, DIAG_ERROR, 0, 0, "cannot open");
	config_fini(&c);
	config_fini(&c); /* twice is harmless */
	diags_fini(&d);
}

int
main(void)
{
	static const struct CMUnitTest named[] = {
		cmocka_unit_test(
		    test_config_every_fixture_file_is_in_the_table),
		cmocka_unit_test(test_config_defaults),
		cmocka_unit_test(test_config_user_file_overrides_only_its_keys),
		cmocka_unit_test(test_config_shipped_file_is_valid),
		cmocka_unit_test(test_config_full_file_sets_every_key),
		cmocka_unit_test(test_config_time_limits_per_type),
		cmocka_unit_test(test_config_loads_over_earlier_values),
		cmocka_unit_test(test_config_bad_value_keeps_the_valid_ones),
		cmocka_unit_test(test_config_theme_names),
		cmocka_unit_test(test_config_empty_player_means_none),
		cmocka_unit_test(test_config_parse_reports_under_given_name),
		cmocka_unit_test(test_config_live_keys),
		cmocka_unit_test_setup_teardown(
		    test_config_missing_file_cannot_open,
		    tu_setup_tmpdir, tu_teardown_tmpdir),
	};
	return tu_run_table("test_config", named, sizeof named / sizeof named[0],
	    fixtures, sizeof fixtures[0], NFIXTURES, test_config_fixture,
	    "test_config_fixture");
}
