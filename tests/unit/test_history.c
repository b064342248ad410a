/* The history database: saving, high scores, statistics, review weights,
 * and that no game is lost to concurrency, kills or a damaged file. */

#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <math.h>
#include <time.h>

#include "fsrs.h"
#include "history.h"
#include "pack.h"
#include "quiz.h"
#include "testutil.h"

static const char pack_json[] =
	"{\"title\": \"Test\", \"questions\": ["
	"{\"type\": \"choice\", \"question\": \"Q1\", \"choices\": [\"a\", \"b\"],"
	" \"answer\": \"a\"},"
	"{\"type\": \"truefalse\", \"question\": \"Q2\", \"answer\": true},"
	"{\"type\": \"text\", \"question\": \"Q3\", \"answer\": \"x\"}]}";

struct fixture {
	struct pack *pack;
	struct config cfg;
	struct rng rng;
	char *dir;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct diags d = { 0 };

	assert_non_null(f);
	f->pack = pack_parse("test.json", pack_json, sizeof pack_json - 1, &d);
	assert_non_null(f->pack);
	diags_fini(&d);
	config_defaults(&f->cfg);
	f->cfg.shuffle_questions = false;
	f->cfg.shuffle_choices = false;
	f->cfg.questions_per_game = 0;
	rng_seed(&f->rng, 1);
	f->dir = tu_tmpdir();
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	pack_free(f->pack);
	config_fini(&f->cfg);
	tu_rmtree(f->dir);
	free(f->dir);
	free(f);
	return 0;
}

/* A game of the test pack: Q1 right after t seconds, Q2 wrong, Q3 timed
 * out (or all right when perfect). */
static struct quiz *
play(struct fixture *f, double t, bool perfect)
{
	struct quiz_opts o = { 0, 0 };
	struct quiz *z = quiz_new(&f->pack, 1, &f->cfg, &o, &f->rng);

	quiz_answer_choice(z, 0, t);
	quiz_next(z);
	quiz_answer_truefalse(z, perfect, 1);
	quiz_next(z);
	if (perfect)
		quiz_answer_text(z, "x", 1);
	else
		quiz_time_out(z);
	quiz_next(z);
	return z;
}

static struct history *
open_db(const char *path)
{
	char note[256], err[256];
	struct history *h = history_open(path, note, sizeof note, err,
	    sizeof err);

	if (h == NULL)
		print_error("history_open(%s): %s\n", path, err);
	assert_non_null(h);
	return h;
}

static int64_t
save(struct history *h, const struct quiz *z, const char *player,
    int64_t at, bool finished)
{
	struct history_meta m = { player, at, finished, 1.0, false, 7,
	    HISTORY_GAME };
	char err[256];
	int64_t id = history_save(h, z, &m, err, sizeof err);

	if (id < 0)
		print_error("history_save: %s\n", err);
	assert_true(id > 0);
	return id;
}

static char *
db_path(const struct fixture *f)
{
	size_t n = strlen(f->dir) + sizeof "/history.db";
	char *p = malloc(n);

	assert_non_null(p);
	snprintf(p, n, "%s/history.db", f->dir);
	return p;
}

/* Read one integer with plain SQLite, beside the module under test. */
static int64_t
query_int(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int64_t v = -1;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY,
	    NULL), SQLITE_OK);
	sqlite3_busy_timeout(db, 10000);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static bool
integrity_ok(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	bool ok = false;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE,
	    NULL), SQLITE_OK);
	sqlite3_busy_timeout(db, 10000);
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1,
	    &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		ok = strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0;
	sqlite3_finalize(st);
	sqlite3_close(db);
	return ok;
}

static void
test_history_saves_game_with_null_for_timeout(void **state)
{
	struct fixture *f = *state;
	char *path = db_path(f);
	struct history *h = open_db(path);
	struct quiz *z = play(f, 2, false);

	save(h, z, "ann", 1000, true);
	assert_int_equal(history_count(h, "games"), 1);
	assert_int_equal(history_count(h, "answers"), 3);
	assert_int_equal(history_count(h, "questions"), 3);
	history_close(h);
	assert_int_equal(query_int(path, "SELECT COUNT(*) FROM answers WHERE "
	    "given IS NULL AND outcome = 'timeout'"), 1);
	assert_int_equal(query_int(path, "SELECT score FROM games"), quiz_score(z));
	assert_int_equal(query_int(path, "PRAGMA user_version"),
	    HISTORY_VERSION);
	assert_true(integrity_ok(path));
	quiz_free(z);
	free(path);
}

static void
test_history_uses_wal(void **state)
{
	struct fixture *f = *state;
	char *path = db_path(f);
	struct history *h = open_db(path);
	sqlite3 *db;
	sqlite3_stmt *st;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
	sqlite3_finalize(st);
	sqlite3_close(db);
	history_close(h);
	free(path);
}

static void
test_history_top_is_best_first_and_skips_unfinished(void **state)
{
	struct fixture *f = *state;
	struct history *h = open_db(":memory:");
	struct history_top top[10];
	struct quiz *slow = play(f, 9, true), *fast = play(f, 0, true);
	struct quiz *quit = play(f, 0, true);
	int64_t a, b;

	a = save(h, slow, "ann", 100, true);
	b = save(h, fast, "bob", 200, true);
	save(h, quit, "cid", 300, false);
	assert_int_equal(history_top(h, fast->key, 3, top, 10), 2);
	assert_true(top[0].game == b && top[1].game == a);
	assert_string_equal(top[0].player, "bob");
	assert_true(top[0].score > top[1].score);
	assert_int_equal(history_top(h, "0000000000000000", 3, top, 10), 0);
	quiz_free(slow);
	quiz_free(fast);
	quiz_free(quit);
	history_close(h);
}

/* High scores compare like with like: retries and reviews never count, and
 * a game of fewer questions has a table of its own. */
static void
test_history_top_is_per_count_and_skips_retries_and_reviews(void **state)
{
	struct fixture *f = *state;
	struct history *h = open_db(":memory:");
	struct history_top top[10];
	struct history_meta m = { "ann", 100, true, 1.0, false, 7,
	    HISTORY_GAME };
	struct quiz *whole = play(f, 9, true), *retry = play(f, 0, true);
	struct quiz *review = play(f, 0, true), *part;
	struct quiz_opts o = { 0, 0 };
	char err[256];
	int64_t g, r, v, p;

	g = history_save(h, whole, &m, err, sizeof err);
	m.kind = HISTORY_RETRY;
	r = history_save(h, retry, &m, err, sizeof err);
	m.kind = HISTORY_REVIEW;
	v = history_save(h, review, &m, err, sizeof err);
	assert_true(g > 0 && r > 0 && v > 0);
	assert_true(quiz_score(retry) > quiz_score(whole));
	assert_int_equal(history_top(h, whole->key, 3, top, 10), 1);
	assert_true(top[0].game == g);
	assert_int_equal(history_best_before(h, whole->key, 3, "ann", v + 1),
	    quiz_score(whole));
	/* A two-question game: a table of its own. */
	f->cfg.questions_per_game = 2;
	part = quiz_new(&f->pack, 1, &f->cfg, &o, &f->rng);
	quiz_answer_choice(part, 0, 0);
	quiz_next(part);
	quiz_answer_truefalse(part, true, 0);
	quiz_next(part);
	m.kind = HISTORY_GAME;
	p = history_save(h, part, &m, err, sizeof err);
	assert_true(p > 0);
	assert_int_equal(history_top(h, whole->key, 2, top, 10), 1);
	assert_true(top[0].game == p);
	assert_int_equal(history_top(h, whole->key, 3, top, 10), 1);
	assert_true(top[0].game == g);
	quiz_free(whole);
	quiz_free(retry);
	quiz_free(review);
	quiz_free(part);
	history_close(h);
}

static void
test_history_best_before_is_per_player(void **state)
{
	struct fixture *f = *state;
	struct history *h = open_db(":memory:");
	struct quiz *z1 = play(f, 5, false), *z2 = play(f, 0, true);
	int64_t g1, g2;

	g1 = save(h, z1, "ann", 100, true);
	assert_int_equal(history_best_before(h, z1->key, 3, "ann", g1), -1);
	g2 = save(h, z2, "ann", 200, true);
	assert_int_equal(history_best_before(h, z2->key, 3, "ann", g2),
	    quiz_score(z1));
	assert_int_equal(history_best_before(h, z2->key, 3, "bob", g2), -1);
	quiz_free(z1);
	quiz_free(z2);
	history_close(h);
}

static void
test_history_stats_sum_up_finished_games(void **state)
{
	struct fixture *f = *state;
	struct history *h = open_db(":memory:");
	struct history_stats s[4];
	struct quiz *z1 = play(f, 2, false), *z2 = play(f, 0, true);
	const char *key = z1->key;

	save(h, z1, "ann", 100, true);
	save(h, z2, "ann", 200, true);
	save(h, z2, "ann", 300, false);   /* unfinished: not counted */
	assert_int_equal(history_stats(h, &key, 1, s, 4), 1);
	assert_int_equal(s[0].games, 2);
	assert_string_equal(s[0].title, "Test");
	assert_int_equal(s[0].best, quiz_score(z2));
	assert_true(s[0].mean_score > quiz_score(z1) && s[0].mean_score < quiz_score(z2));
	/* 6 answers: 4 right, 1 wrong, 1 timed out. */
	assert_true(s[0].accuracy > 0.66 && s[0].accuracy < 0.67);
	assert_true(s[0].timed_out > 0.16 && s[0].timed_out < 0.17);
	assert_int_equal(history_stats(h, NULL, 0, s, 4), 1);
	quiz_free(z1);
	quiz_free(z2);
	history_close(h);
}

static void
test_history_due_counts_misses_until_answered_right(void **state)
{
	struct fixture *f = *state;
	struct history *h = open_db(":memory:");
	struct quiz *z = play(f, 2, false), *right = play(f, 1, true);
	int64_t day = 86400, now = 100 * day;

	assert_int_equal(history_due(h, z->key, "ann", now), 0);
	save(h, z, "ann", now, true);   /* Q2 wrong, Q3 timed out */
	assert_int_equal(history_due(h, z->key, "ann", now), 2);
	assert_int_equal(history_due(h, z->key, "ann", now + day), 2);
	assert_int_equal(history_due(h, z->key, "bob", now), 0);
	assert_int_equal(history_due(h, "0000000000000000", "ann", now), 0);
	save(h, right, "ann", now + 60, true);   /* all right, quickly */
	assert_int_equal(history_due(h, z->key, "ann", now + 120), 0);
	assert_int_equal(history_due(h, z->key, "ann", now + 60 * day), 3);
	quiz_free(z);
	quiz_free(right);
	history_close(h);
}

static void
test_history_edited_question_is_a_new_question(void **state)
{
	struct fixture *f = *state;
	struct history *h = open_db(":memory:");
	struct quiz *z = play(f, 2, false);
	char *old = f->pack->q[0].text;

	save(h, z, "ann", 100, true);
	f->pack->q[0].text = strdup("Q1, reworded");
	assert_non_null(f->pack->q[0].text);
	save(h, z, "ann", 200, true);
	assert_int_equal(history_count(h, "questions"), 4);
	assert_int_equal(history_count(h, "packs"), 1);
	free(f->pack->q[0].text);
	f->pack->q[0].text = old;
	quiz_free(z);
	history_close(h);
}

static void
test_history_moves_a_damaged_file_aside(void **state)
{
	struct fixture *f = *state;
	char *path = db_path(f), note[512], err[256], *aside;
	static const char junk[] = "this is not a database, just text........"
	    "................................................................";
	struct history *h;
	struct stat st;
	struct quiz *z = play(f, 2, false);

	free(tu_write(NULL, path, junk, sizeof junk - 1));
	h = history_open(path, note, sizeof note, err, sizeof err);
	assert_non_null(h);
	assert_non_null(strstr(note, "damaged"));
	aside = malloc(strlen(path) + 16);
	assert_non_null(aside);
	sprintf(aside, "%s.corrupt-1", path);
	assert_int_equal(stat(aside, &st), 0);
	assert_int_equal((size_t)st.st_size, sizeof junk - 1);
	save(h, z, "ann", 100, true);
	assert_int_equal(history_count(h, "games"), 1);
	history_close(h);
	quiz_free(z);
	free(aside);
	free(path);
}

static void
test_history_refuses_a_newer_version(void **state)
{
	struct fixture *f = *state;
	char *path = db_path(f), note[256], err[256];
	sqlite3 *db;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 99", NULL,
	    NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_null(history_open(path, note, sizeof note, err, sizeof err));
	assert_non_null(strstr(err, "newer"));
	free(path);
}

static void
test_history_full_disk_fails_cleanly(void **state)
{
	struct fixture *f = *state;
	char *path = db_path(f), err[256];
	struct history *h = open_db(path);
	struct quiz *z = play(f, 2, false);
	struct history_meta m = { "ann", 100, true, 1.0, false, 7,
	    HISTORY_GAME };
	struct rlimit old, tiny = { 0, 0 };
	int64_t before = history_count(h, "games");
	void (*prev)(int) = signal(SIGXFSZ, SIG_IGN);

	/* A file size limit makes every write fail the way a full disk does. */
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
	tiny.rlim_max = old.rlim_max;
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &tiny), 0);
	assert_true(history_save(h, z, &m, err, sizeof err) < 0);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
	signal(SIGXFSZ, prev);
	assert_true(strlen(err) > 0);
	assert_int_equal(history_count(h, "games"), before);
	save(h, z, "ann", 100, true);   /* and it works again after */
	history_close(h);
	assert_true(integrity_ok(path));
	quiz_free(z);
	free(path);
}

/* Children wait on a pipe so that all of them save at the same moment. */
static void
test_history_eight_games_at_once_all_land(void **state)
{
	struct fixture *f = *state;
	char *path = db_path(f);
	int go[2], i, status;
	pid_t pid[8];

	history_close(open_db(path));   /* the schema exists first */
	assert_int_equal(pipe(go), 0);
	for (i = 0; i < 8; i++) {
		pid[i] = fork();
		assert_true(pid[i] >= 0);
		if (pid[i] == 0) {
			struct quiz *z = play(f, i, false);
			struct history_meta m = { "kid", 1000, true, 1, 0,
			    0, HISTORY_GAME };
			char err[256], c;
			struct history *h;

			close(go[1]);
			if (read(go[0], &c, 1) != 0)
				_exit(3);
			int tries;

			h = history_open(path, err, sizeof err, err, sizeof err);
			/* A save that finds the lock taken fails at once; the
			 * caller tries again later. */
			for (tries = 0; h != NULL && tries < 500; tries++) {
				if (history_save(h, z, &m, err, sizeof err) > 0)
					_exit(0);
				usleep(10000);
			}
			_exit(2);
		}
	}
	close(go[0]);
	close(go[1]);   /* EOF: everyone starts */
	for (i = 0; i < 8; i++) {
		assert_int_equal(waitpid(pid[i], &status, 0), pid[i]);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}
	assert_int_equal(query_int(path, "SELECT COUNT(*) FROM games"), 8);
	assert_int_equal(query_int(path, "SELECT COUNT(*) FROM answers"), 24);
	assert_true(integrity_ok(path));
	free(path);
}

/* A child saves games in a loop; kill it at a random moment, 200 times.
 * Every game reported saved must be there, whole, and the file sound. The
 * seed of the moments is printed; TEST_SEED=N replays it. */
static void
test_history_survives_200_kills(void **state)
{
	struct fixture *f = *state;
	char *path = db_path(f);
	int64_t games = 0, now;
	struct rng r;
	int i, during = 0;
	const char *env = getenv("TEST_SEED");
	uint64_t seed = env ? strtoull(env, NULL, 10) : (uint64_t)time(NULL);

	print_message("# kill moments seeded with TEST_SEED=%llu\n",
	    (unsigned long long)seed);
	rng_seed(&r, seed);
	history_close(open_db(path));
	for (i = 0; i < 200; i++) {
		int done[2], status;
		pid_t pid;
		char c, last = 0;
		int64_t saved = 0;

		assert_int_equal(pipe(done), 0);
		pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			struct quiz *z = play(f, 1, false);
			struct history_meta m = { "k", 1, true, 1, 0, 0,
			    HISTORY_GAME };
			char err[256];
			struct history *h = history_open(path, err, sizeof err,
			    err, sizeof err);

			close(done[0]);
			/* "s" as a save starts, "x" once it committed. */
			for (;;)
				if (h == NULL || write(done[1], "s", 1) != 1 ||
				    (history_save(h, z, &m, err, sizeof err) > 0 &&
				    write(done[1], "x", 1) != 1))
					_exit(2);
		}
		close(done[1]);
		usleep(rng_below(&r, 30000));
		kill(pid, SIGKILL);
		assert_int_equal(waitpid(pid, &status, 0), pid);
		while (read(done[0], &c, 1) == 1) {
			saved += c == 'x';
			last = c;
		}
		close(done[0]);
		during += last == 's';   /* killed with a save under way */
		now = query_int(path, "SELECT COUNT(*) FROM games");
		/* Each committed game is there; at most one more committed
		 * after its byte could be written. */
		assert_true(now >= games + saved && now <= games + saved + 1);
		assert_int_equal(query_int(path, "SELECT COUNT(*) FROM answers"),
		    3 * now);
		games = now;
	}
	/* The kills must have landed during saves, and games committed
	 * between them. */
	print_message("# %lld games committed across 200 kills, %d kills "
	    "during a save\n", (long long)games, during);
	assert_true(games > 0);
	assert_true(during > 0);
	assert_true(integrity_ok(path));
	free(path);
}


/* Each answer's grade as saved (position 0..2 of game id). */
static int64_t
grade_at(const char *path, int64_t game, int pos)
{
	char sql[128];

	snprintf(sql, sizeof sql, "SELECT grade FROM answers WHERE game_id = "
	    "%lld AND position = %d", (long long)game, pos);
	return query_int(path, sql);
}

static void
assert_card(struct history *h, const char *player, const struct question *q,
    const struct fsrs_card *want)
{
	char hash[HASH_HEX];
	struct fsrs_card c;

	question_hash(q, hash);
	assert_true(history_card(h, player, hash, &c));
	assert_int_equal(c.state, want->state);
	assert_int_equal(c.step, want->step);
	assert_true(c.stability == want->stability);
	assert_true(c.difficulty == want->difficulty);
	assert_true(c.last == want->last);
	assert_true(c.due == want->due);
}

/* A new card after the grades g (0-terminated), all given at t. */
static struct fsrs_card
replay(const enum fsrs_grade *g, int64_t t)
{
	struct fsrs_params p;
	struct fsrs_card c;

	fsrs_defaults(&p, HISTORY_RETENTION);
	fsrs_card_new(&c, t);
	for (; *g != 0; g++)
		c = fsrs_review(&p, &c, *g, t);
	return c;
}

static void
test_history_save_grades_answers_and_schedules_them(void **state)
{
	struct fixture *f = *state;
	char *path = db_path(f);
	struct history *h = open_db(path);
	struct quiz *z = play(f, 2, false);
	static const enum fsrs_grade easy[] = { FSRS_EASY, 0 };
	static const enum fsrs_grade again[] = { FSRS_AGAIN, 0 };
	struct fsrs_card want;
	char hash[HASH_HEX];
	int64_t id, at = 1000000;

	/* Q1 right in 2 s of 20 (Easy), Q2 wrong, Q3 timed out. */
	assert_true(z->o[0].limit == 20);
	id = save(h, z, "ann", at, true);
	assert_int_equal(grade_at(path, id, 0), FSRS_EASY);
	assert_int_equal(grade_at(path, id, 1), FSRS_AGAIN);
	assert_int_equal(grade_at(path, id, 2), FSRS_AGAIN);
	want = replay(easy, at);
	assert_int_equal(want.state, FSRS_REVIEW);
	assert_true(want.due == at + 8 * FSRS_DAY);
	assert_card(h, "ann", &f->pack->q[0], &want);
	want = replay(again, at);
	assert_true(want.due == at + 60);
	assert_card(h, "ann", &f->pack->q[1], &want);
	assert_card(h, "ann", &f->pack->q[2], &want);
	/* Another player's memory is their own. */
	question_hash(&f->pack->q[0], hash);
	assert_false(history_card(h, "bob", hash, &want));
	quiz_free(z);

	/* The same game later the same day: a short-term step on Q1. */
	z = play(f, 8, false);
	save(h, z, "ann", at + 3600, true);
	want = replay(easy, at);
	{
		struct fsrs_params p;

		fsrs_defaults(&p, HISTORY_RETENTION);
		want = fsrs_review(&p, &want, FSRS_GOOD, at + 3600);
	}
	assert_card(h, "ann", &f->pack->q[0], &want);
	quiz_free(z);
	history_close(h);
	free(path);
}

/* The database of tests/fixtures/history/v1.sql, made at path. */
static void
make_v1(const char *path)
{
	char *file = tu_fixture("history/v1.sql");
	char *sql = tu_read(file, NULL);
	sqlite3 *db;

	assert_non_null(sql);
	free(file);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	free(sql);
	assert_int_equal(query_int(path, "PRAGMA user_version"), 1);
}

/* Each player's grades in v1.sql, per question of v1-pack.json, as the
 * rebuild must read them: right Good, wrong Again; three games at T1. */
#define T1 ((int64_t)1796160121)
static const enum fsrs_grade v1_ann[4][3] = {
	{ FSRS_GOOD, FSRS_GOOD, 0 }, { FSRS_GOOD, FSRS_GOOD, 0 },
	{ FSRS_GOOD, FSRS_AGAIN, 0 }, { FSRS_AGAIN, FSRS_GOOD, 0 },
};
static const enum fsrs_grade v1_bob[4][2] = {
	{ FSRS_AGAIN, 0 }, { FSRS_AGAIN, 0 }, { FSRS_GOOD, 0 },
	{ FSRS_GOOD, 0 },
};

static void
assert_v1_cards(struct history *h, const struct pack *p)
{
	int i;

	for (i = 0; i < 4; i++) {
		struct fsrs_card a = replay(v1_ann[i], T1);
		struct fsrs_card b = replay(v1_bob[i], T1);

		assert_card(h, "ann", &p->q[i], &a);
		assert_card(h, "bob", &p->q[i], &b);
	}
}

static struct pack *
v1_pack(void)
{
	struct diags d = { 0 };
	char *file = tu_fixture("history/v1-pack.json");
	struct pack *p = pack_load(file, &d);

	assert_non_null(p);
	diags_fini(&d);
	free(file);
	return p;
}

static void
test_history_migrates_v1_keeping_games_and_rebuilding_memory(void **state)
{
	struct fixture *f = *state;
	char *path = db_path(f);
	struct pack *p = v1_pack();
	struct history_top top[10];
	struct history_stats st;
	const char *key = "46be31632608052a";
	struct history *h;
	struct quiz *z;
	int64_t id;

	make_v1(path);
	h = open_db(path);
	assert_int_equal(query_int(path, "PRAGMA user_version"),
	    HISTORY_VERSION);
	assert_int_equal(history_count(h, "games"), 3);
	assert_int_equal(history_count(h, "answers"), 12);
	assert_int_equal(query_int(path, "SELECT COUNT(*) FROM answers "
	    "WHERE grade IS NULL"), 12);
	assert_int_equal(history_top(h, key, 4, top, 10), 3);
	assert_int_equal(top[0].score, 3300);
	assert_int_equal(history_stats(h, &key, 1, &st, 1), 1);
	assert_int_equal(st.games, 3);
	assert_true(fabs(st.accuracy - 8.0 / 12) < 1e-9);
	assert_int_equal(history_count(h, "cards"), 8);
	assert_v1_cards(h, p);

	/* A game after the migration is graded and saved beside them. */
	z = play(f, 2, true);
	id = save(h, z, "ann", T1 + FSRS_DAY, true);
	assert_int_equal(grade_at(path, id, 0), FSRS_EASY);
	assert_int_equal(history_count(h, "games"), 4);
	assert_int_equal(history_count(h, "cards"), 11);
	quiz_free(z);
	history_close(h);

	/* Opening again changes nothing. */
	h = open_db(path);
	assert_int_equal(history_count(h, "cards"), 11);
	assert_v1_cards(h, p);
	history_close(h);
	pack_free(p);
	free(path);
}

static void
test_history_rebuilds_a_missing_cards_table(void **state)
{
	struct fixture *f = *state;
	char *path = db_path(f);
	struct pack *p = v1_pack();
	struct history *h;
	sqlite3 *db;

	make_v1(path);
	history_close(open_db(path));
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "DROP TABLE cards", NULL, NULL,
	    NULL), SQLITE_OK);
	sqlite3_close(db);
	h = open_db(path);
	assert_int_equal(history_count(h, "cards"), 8);
	assert_v1_cards(h, p);
	history_close(h);
	pack_free(p);
	free(path);
}

static double
now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Another program holds the write lock: opening works, a save fails at
 * once (it froze the score screen for 10 s), and once the lock is gone
 * the same handle saves. */
static void
test_history_locked_database_fails_fast_then_saves(void **state)
{
	struct fixture *f = *state;
	char *path = db_path(f), err[256] = "", note[256];
	struct history_meta m = { "p", 1000, true, 1, 0, 0,
	    HISTORY_GAME };
	struct quiz *z = play(f, 1, true);
	struct history *h;
	sqlite3 *other;
	double t;

	history_close(open_db(path));
	assert_int_equal(sqlite3_open_v2(path, &other, SQLITE_OPEN_READWRITE,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL,
	    NULL), SQLITE_OK);
	t = now_seconds();
	h = history_open(path, note, sizeof note, err, sizeof err);
	if (h == NULL)
		print_error("history_open: %s\n", err);
	assert_non_null(h);
	assert_true(now_seconds() - t < 2);
	t = now_seconds();
	assert_true(history_save(h, z, &m, err, sizeof err) < 0);
	assert_true(now_seconds() - t < 2);
	assert_non_null(strstr(err, "locked"));
	assert_int_equal(sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(other);
	assert_true(history_save(h, z, &m, err, sizeof err) > 0);
	assert_int_equal(query_int(path, "SELECT COUNT(*) FROM games"), 1);
	history_close(h);
	quiz_free(z);
	free(path);
}

static void
test_history_series_is_oldest_first_per_player(void **state)
{
	struct fixture *f = *state;
	struct history *h = open_db(":memory:");
	struct quiz *z = play(f, 2, false), *right = play(f, 1, true);
	struct history_point pt[20];
	int64_t id[4];

	id[0] = save(h, z, "ann", 100, true);
	id[1] = save(h, right, "ann", 200, true);
	save(h, right, "ann", 250, false);   /* quit midway: not a score */
	id[2] = save(h, z, "bob", 300, true);
	id[3] = save(h, right, "ann", 400, true);
	assert_int_equal(history_series(h, z->key, "ann", pt, 20), 3);
	assert_true(pt[0].game == id[0] && pt[1].game == id[1] &&
	    pt[2].game == id[3]);
	assert_true(pt[0].started_at == 100);
	assert_true(pt[0].score == quiz_score(z) &&
	    pt[1].score == quiz_score(right));
	assert_true(pt[0].max_score == quiz_max_score(z));
	assert_true(fabs(pt[0].accuracy - 1.0 / 3) < 1e-9);
	assert_true(pt[1].accuracy == 1);
	assert_int_equal(history_series(h, z->key, NULL, pt, 20), 4);
	assert_true(pt[2].game == id[2]);
	/* The last n: the newest, still oldest first. */
	assert_int_equal(history_series(h, z->key, NULL, pt, 2), 2);
	assert_true(pt[0].game == id[2] && pt[1].game == id[3]);
	assert_int_equal(history_series(h, "0000000000000000", NULL, pt, 20),
	    0);
	quiz_free(z);
	quiz_free(right);
	history_close(h);
}

static void
test_history_missed_most_first(void **state)
{
	struct fixture *f = *state;
	struct history *h = open_db(":memory:");
	struct quiz *z = play(f, 2, false), *right = play(f, 1, true);
	struct history_missed m[10];

	save(h, z, "ann", 100, true);       /* Q2 wrong, Q3 timed out */
	save(h, right, "ann", 200, true);
	save(h, z, "ann", 300, false);      /* unfinished: not counted */
	assert_int_equal(history_missed(h, z->key, m, 10), 2);
	assert_string_equal(m[0].text, "Q2");
	assert_int_equal(m[0].misses, 1);
	assert_int_equal(m[0].answers, 2);
	assert_string_equal(m[1].text, "Q3");
	/* Only Q3 missed, twice more: now the most missed. */
	quiz_free(right);
	right = quiz_new(&f->pack, 1, &f->cfg, &(struct quiz_opts){ 0, 0 },
	    &f->rng);
	quiz_answer_choice(right, 0, 1);
	quiz_next(right);
	quiz_answer_truefalse(right, true, 1);
	quiz_next(right);
	quiz_time_out(right);
	quiz_next(right);
	save(h, right, "bob", 400, true);
	save(h, right, "bob", 500, true);
	assert_int_equal(history_missed(h, z->key, m, 10), 2);
	assert_string_equal(m[0].text, "Q3");
	assert_int_equal(m[0].misses, 3);
	assert_int_equal(m[0].answers, 4);
	assert_string_equal(m[1].text, "Q2");
	assert_int_equal(history_missed(h, z->key, m, 1), 1);
	quiz_free(z);
	quiz_free(right);
	history_close(h);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_history_saves_game_with_null_for_timeout, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_history_uses_wal, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_history_top_is_best_first_and_skips_unfinished, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_history_best_before_is_per_player, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_history_top_is_per_count_and_skips_retries_and_reviews,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_history_stats_sum_up_finished_games, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_history_due_counts_misses_until_answered_right, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_history_edited_question_is_a_new_question, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_history_moves_a_damaged_file_aside, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_history_refuses_a_newer_version, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_history_full_disk_fails_cleanly, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_history_eight_games_at_once_all_land, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_history_locked_database_fails_fast_then_saves, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_history_survives_200_kills,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_history_save_grades_answers_and_schedules_them, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_history_migrates_v1_keeping_games_and_rebuilding_memory,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_history_rebuilds_a_missing_cards_table, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_history_series_is_oldest_first_per_player, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_history_missed_most_first,
		    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
