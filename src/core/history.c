#include "history.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsrs.h"
#include "util.h"

struct history {
	sqlite3 *db;
	struct fsrs_params fsrs;
	sqlite3_stmt *card_q;   /* history_card's, prepared once: a review
	                         * asks it for every question of its packs */
};

static const char schema_v1[] =
	"CREATE TABLE packs ("
	"  id INTEGER PRIMARY KEY,"
	"  title TEXT NOT NULL,"
	"  hash TEXT NOT NULL,"
	"  UNIQUE (title, hash));"
	"CREATE TABLE questions ("
	"  id INTEGER PRIMARY KEY,"
	"  hash TEXT NOT NULL UNIQUE,"
	"  type TEXT NOT NULL,"
	"  text TEXT NOT NULL,"
	"  answer TEXT NOT NULL);"
	"CREATE TABLE games ("
	"  id INTEGER PRIMARY KEY,"
	"  pack_id INTEGER NOT NULL REFERENCES packs (id),"
	"  player TEXT NOT NULL,"
	"  started_at INTEGER NOT NULL,"
	"  finished INTEGER NOT NULL,"
	"  score INTEGER NOT NULL,"
	"  max_score INTEGER NOT NULL,"
	"  correct INTEGER NOT NULL,"
	"  wrong INTEGER NOT NULL,"
	"  timed_out INTEGER NOT NULL,"
	"  questions INTEGER NOT NULL,"
	"  time_scale REAL NOT NULL,"
	"  untimed INTEGER NOT NULL,"
	"  seed TEXT NOT NULL);"
	"CREATE TABLE answers ("
	"  game_id INTEGER NOT NULL REFERENCES games (id) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL,"
	"  question_id INTEGER NOT NULL REFERENCES questions (id),"
	"  given TEXT,"
	"  outcome TEXT NOT NULL CHECK (outcome IN"
	"    ('correct', 'wrong', 'timeout')),"
	"  seconds REAL NOT NULL,"
	"  points INTEGER NOT NULL,"
	"  PRIMARY KEY (game_id, position));"
	"CREATE INDEX games_by_pack ON games (pack_id, finished, score);"
	"CREATE INDEX answers_by_question ON answers (question_id);";

/* Version 2: each answer's FSRS grade (NULL in games saved before), and
 * each player's memory of each question. */
#define CARDS_TABLE \
	"CREATE TABLE cards (" \
	"  player TEXT NOT NULL," \
	"  question_id INTEGER NOT NULL REFERENCES questions (id)," \
	"  state INTEGER NOT NULL," \
	"  step INTEGER NOT NULL," \
	"  stability REAL NOT NULL," \
	"  difficulty REAL NOT NULL," \
	"  last_review INTEGER NOT NULL," \
	"  due INTEGER NOT NULL," \
	"  PRIMARY KEY (player, question_id));" \
	"CREATE INDEX cards_by_due ON cards (player, due);"

static const char schema_v2[] =
	"ALTER TABLE answers ADD COLUMN grade INTEGER CHECK (grade BETWEEN 1 "
	"  AND 4);"
	CARDS_TABLE;

/* Version 3: whether a game was a whole game, a retry or a review (only
 * whole games make high scores). */
static const char schema_v3[] =
	"ALTER TABLE games ADD COLUMN kind TEXT NOT NULL DEFAULT 'game' "
	"  CHECK (kind IN ('game', 'retry', 'review'));";

static int rebuild_cards(struct history *h);

/* Each entry takes the database from version i to i + 1: its SQL, then
 * its function if any. */
static const struct migration {
	const char *sql;
	int (*then)(struct history *h);
} migrations[HISTORY_VERSION] = {
	{ schema_v1, NULL },
	{ schema_v2, rebuild_cards },
	{ schema_v3, NULL },
};

static void
set_err(char *err, size_t len, const char *what, sqlite3 *db)
{
	snprintf(err, len, "%s: %s", what, db ? sqlite3_errmsg(db) :
	    "out of memory");
}

/*
 * Prepare sql, bind the arguments that types lists ('t' text or NULL, 'i'
 * int64, 'f' double), and step once. Returns the step's result code; the
 * statement is left for the caller to read when it is SQLITE_ROW.
 */
static int
run(sqlite3 *db, sqlite3_stmt **st, const char *sql, const char *types, ...)
{
	va_list ap;
	int i, rc;

	rc = sqlite3_prepare_v2(db, sql, -1, st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	va_start(ap, types);
	for (i = 0; types[i] != '\0'; i++) {
		if (types[i] == 't') {
			const char *s = va_arg(ap, const char *);

			rc = s ? sqlite3_bind_text(*st, i + 1, s, -1,
			    SQLITE_TRANSIENT) : sqlite3_bind_null(*st, i + 1);
		} else if (types[i] == 'i') {
			rc = sqlite3_bind_int64(*st, i + 1, va_arg(ap, int64_t));
		} else {
			rc = sqlite3_bind_double(*st, i + 1, va_arg(ap, double));
		}
		if (rc != SQLITE_OK)
			break;
	}
	va_end(ap);
	return rc == SQLITE_OK ? sqlite3_step(*st) : rc;
}

/* Run one statement that returns nothing we need. */
static int
exec(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

static int
user_version(sqlite3 *db, int *v)
{
	sqlite3_stmt *st;
	int rc = run(db, &st, "PRAGMA user_version", "");

	if (rc == SQLITE_ROW) {
		*v = sqlite3_column_int(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

static bool
has_table(sqlite3 *db, const char *name)
{
	sqlite3_stmt *st;
	int rc = run(db, &st, "SELECT 1 FROM sqlite_master WHERE type = "
	    "'table' AND name = ?", "t", name);

	sqlite3_finalize(st);
	return rc == SQLITE_ROW;
}

/* Bring the schema up to date, inside one write transaction so that two
 * first runs at once do not both create it; memories lost with their
 * table are rebuilt from the answers. */
static int
migrate(struct history *h, char *err, size_t errlen)
{
	sqlite3 *db = h->db;
	int v = 0, rc;

	if ((rc = exec(db, "BEGIN IMMEDIATE")) != SQLITE_OK)
		return rc;
	rc = user_version(db, &v);
	if (rc == SQLITE_OK && v > HISTORY_VERSION) {
		exec(db, "ROLLBACK");
		snprintf(err, errlen, "the history database is from a newer "
		    "termquiz (version %d)", v);
		return SQLITE_ERROR;
	}
	for (; rc == SQLITE_OK && v < HISTORY_VERSION; v++) {
		char *set = xasprintf("PRAGMA user_version = %d", v + 1);

		rc = exec(db, migrations[v].sql);
		if (rc == SQLITE_OK && migrations[v].then != NULL)
			rc = migrations[v].then(h);
		if (rc == SQLITE_OK)
			rc = exec(db, set);
		free(set);
	}
	if (rc == SQLITE_OK && !has_table(db, "cards") &&
	    (rc = exec(db, CARDS_TABLE)) == SQLITE_OK)
		rc = rebuild_cards(h);
	if (rc == SQLITE_OK)
		return exec(db, "COMMIT");
	exec(db, "ROLLBACK");
	return rc;
}

static bool
is_corrupt(int rc)
{
	rc &= 0xff;
	return rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT;
}

/* Another program holds the write lock, so the upkeep of the schema must
 * wait; a schema already current is usable now (a save then waits its
 * turn). Returns SQLITE_OK or SQLITE_BUSY. */
static int
usable_while_locked(sqlite3 *db)
{
	int v = 0;

	return user_version(db, &v) == SQLITE_OK && v == HISTORY_VERSION ?
	    SQLITE_OK : SQLITE_BUSY;
}

/* Open and set up; returns an SQLite code (SQLITE_CORRUPT for a bad file). */
static int
setup(const char *path, struct history *h, char *err, size_t errlen)
{
	sqlite3 **db = &h->db;
	sqlite3_stmt *st;
	int rc;

	rc = sqlite3_open_v2(path, db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK)
		return rc;
	/* Another program holding the write lock must not freeze the screen
	 * (a 10 s timeout did, signals included): wait a frame or two, then
	 * fail; the caller tries again later. */
	sqlite3_busy_timeout(*db, HISTORY_WAIT_MS);
	if (strcmp(path, ":memory:") != 0 &&
	    (rc = exec(*db, "PRAGMA journal_mode = WAL")) != SQLITE_OK)
		return rc;
	exec(*db, "PRAGMA synchronous = FULL");
	exec(*db, "PRAGMA foreign_keys = ON");
	rc = run(*db, &st, "PRAGMA quick_check", "");
	if (rc == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(st,
	    0), "ok") != 0)
		rc = SQLITE_CORRUPT;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return rc;
	rc = migrate(h, err, errlen);
	return rc == SQLITE_BUSY ? usable_while_locked(*db) : rc;
}

/* Move a bad database (and its WAL files) aside as path.corrupt-N. */
static int
move_aside(const char *path, char *note, size_t notelen)
{
	char *to = NULL;
	int n;
	struct stat st;

	for (n = 1; n < 1000; n++) {
		free(to);
		to = xasprintf("%s.corrupt-%d", path, n);
		if (stat(to, &st) < 0 && errno == ENOENT)
			break;
	}
	if (rename(path, to) < 0) {
		free(to);
		return -1;
	}
	for (n = 0; n < 2; n++) {
		char *side = xasprintf("%s%s", path, n ? "-shm" : "-wal");

		unlink(side);
		free(side);
	}
	snprintf(note, notelen, "%s was damaged: moved it to %s and started a "
	    "new history", path, to);
	free(to);
	return 0;
}

struct history *
history_open(const char *path, char *note, size_t notelen, char *err,
    size_t errlen)
{
	struct history *h = xcalloc(1, sizeof *h);
	int rc;

	note[0] = err[0] = '\0';
	fsrs_defaults(&h->fsrs, HISTORY_RETENTION);
	rc = setup(path, h, err, errlen);
	if (is_corrupt(rc) && strcmp(path, ":memory:") != 0) {
		sqlite3_close(h->db);
		h->db = NULL;
		if (move_aside(path, note, notelen) == 0)
			rc = setup(path, h, err, errlen);
	}
	if (rc != SQLITE_OK && rc != SQLITE_DONE) {
		if (err[0] == '\0')
			snprintf(err, errlen, "%s: %s", path, h->db ?
			    sqlite3_errmsg(h->db) : sqlite3_errstr(rc));
		history_close(h);
		return NULL;
	}
	return h;
}

void
history_close(struct history *h)
{
	if (h == NULL)
		return;
	sqlite3_finalize(h->card_q);
	sqlite3_close(h->db);
	free(h);
}

/* The id of the row that (title, hash) names in packs, made if new. */
static int64_t
pack_id(sqlite3 *db, const struct quiz *z)
{
	sqlite3_stmt *st;
	int64_t id = -1;
	int rc;

	rc = run(db, &st, "INSERT OR IGNORE INTO packs (title, hash) "
	    "VALUES (?, ?)", "tt", z->title, z->key);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return -1;
	if (run(db, &st, "SELECT id FROM packs WHERE title = ? AND hash = ?",
	    "tt", z->title, z->key) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

static int64_t
question_id(sqlite3 *db, const struct question *q)
{
	char hash[HASH_HEX];
	sqlite3_stmt *st;
	int64_t id = -1;
	int rc;

	question_hash(q, hash);
	rc = run(db, &st, "INSERT OR IGNORE INTO questions (hash, type, text, "
	    "answer) VALUES (?, ?, ?, ?)", "tttt", hash, qtype_name(q->type),
	    q->text, question_answer_text(q));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return -1;
	if (run(db, &st, "SELECT id FROM questions WHERE hash = ?", "t",
	    hash) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

static int64_t
insert_game(sqlite3 *db, int64_t pack, const struct quiz *z,
    const struct history_meta *m)
{
	sqlite3_stmt *st;
	struct quiz_tally t;
	char seed[24];
	int rc;

	static const char *const kinds[] = { "game", "retry", "review" };

	quiz_tally(z, &t);
	snprintf(seed, sizeof seed, "%llu", (unsigned long long)m->seed);
	rc = run(db, &st, "INSERT INTO games (pack_id, player, started_at, "
	    "finished, score, max_score, correct, wrong, timed_out, questions, "
	    "time_scale, untimed, seed, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
	    "?, ?, ?, ?, ?, ?)", "itiiiiiiiifitt", pack, m->player,
	    m->started_at,
	    (int64_t)m->finished, t.score, t.max_score, (int64_t)t.correct,
	    (int64_t)t.wrong, (int64_t)t.timed_out, (int64_t)t.answered,
	    m->time_scale, (int64_t)m->untimed, seed, kinds[m->kind]);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? sqlite3_last_insert_rowid(db) : -1;
}

/* player's memory of question q (a row id), or a new card at now. */
static int
card_load(sqlite3 *db, const char *player, int64_t q, int64_t now,
    struct fsrs_card *c)
{
	sqlite3_stmt *st;
	int rc;

	fsrs_card_new(c, now);
	rc = run(db, &st, "SELECT state, step, stability, difficulty, "
	    "last_review, due FROM cards WHERE player = ? AND question_id = ?",
	    "ti", player, q);
	if (rc == SQLITE_ROW) {
		c->state = (enum fsrs_state)sqlite3_column_int(st, 0);
		c->step = sqlite3_column_int(st, 1);
		c->stability = sqlite3_column_double(st, 2);
		c->difficulty = sqlite3_column_double(st, 3);
		c->last = sqlite3_column_int64(st, 4);
		c->due = sqlite3_column_int64(st, 5);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

static int
card_store(sqlite3 *db, const char *player, int64_t q,
    const struct fsrs_card *c)
{
	sqlite3_stmt *st;
	int rc;

	rc = run(db, &st, "INSERT OR REPLACE INTO cards (player, question_id, "
	    "state, step, stability, difficulty, last_review, due) VALUES "
	    "(?, ?, ?, ?, ?, ?, ?, ?)", "tiiiffii", player, q,
	    (int64_t)c->state, (int64_t)c->step, c->stability, c->difficulty,
	    c->last, c->due);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The memory of q after an answer graded g at now. */
static int
card_answer(struct history *h, const char *player, int64_t q,
    enum fsrs_grade g, int64_t now)
{
	struct fsrs_card c;

	if (card_load(h->db, player, q, now, &c) < 0)
		return -1;
	c = fsrs_review(&h->fsrs, &c, g, now);
	return card_store(h->db, player, q, &c);
}

/*
 * Every player's memory of every question, replayed from the answers in
 * the order they were given. Answers saved before grades were kept count
 * Good when right, Again otherwise. An answer is taken to be given when
 * its game began.
 */
static int
rebuild_cards(struct history *h)
{
	sqlite3_stmt *st;
	int rc;

	if (exec(h->db, "DELETE FROM cards") != SQLITE_OK)
		return SQLITE_ERROR;
	rc = run(h->db, &st, "SELECT g.player, a.question_id, a.outcome = "
	    "'correct', a.grade, g.started_at FROM answers a JOIN games g ON "
	    "g.id = a.game_id ORDER BY g.started_at, g.id, a.position", "");
	for (; rc == SQLITE_ROW; rc = sqlite3_step(st)) {
		const char *player = (const char *)sqlite3_column_text(st, 0);
		enum fsrs_grade g = sqlite3_column_type(st, 3) != SQLITE_NULL ?
		    (enum fsrs_grade)sqlite3_column_int(st, 3) :
		    sqlite3_column_int(st, 2) ? FSRS_GOOD : FSRS_AGAIN;

		if (card_answer(h, player, sqlite3_column_int64(st, 1), g,
		    sqlite3_column_int64(st, 4)) < 0) {
			rc = SQLITE_ERROR;
			break;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
}

static int
insert_answers(struct history *h, int64_t game, const struct quiz *z,
    const struct history_meta *m)
{
	int i;

	for (i = 0; i < z->n; i++) {
		const struct outcome *o = &z->o[i];
		enum fsrs_grade g = fsrs_grade(o->correct, o->seconds,
		    o->limit);
		int64_t q;
		sqlite3_stmt *st;
		int rc;

		if (!o->done)
			continue;
		if ((q = question_id(h->db, o->q)) < 0)
			return -1;
		rc = run(h->db, &st, "INSERT INTO answers (game_id, position, "
		    "question_id, given, outcome, seconds, points, grade) "
		    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", "iiittfii", game,
		    (int64_t)i, q, o->given, o->correct ? "correct" :
		    outcome_timed_out(o) ? "timeout" : "wrong", o->seconds,
		    (int64_t)o->points, (int64_t)g);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE ||
		    card_answer(h, m->player, q, g, m->started_at) < 0)
			return -1;
	}
	return 0;
}

int64_t
history_save(struct history *h, const struct quiz *z,
    const struct history_meta *m, char *err, size_t errlen)
{
	int64_t pack, game = -1;

	if (exec(h->db, "BEGIN IMMEDIATE") != SQLITE_OK) {
		set_err(err, errlen, "cannot save the game", h->db);
		return -1;
	}
	if ((pack = pack_id(h->db, z)) >= 0 &&
	    (game = insert_game(h->db, pack, z, m)) >= 0 &&
	    insert_answers(h, game, z, m) == 0 &&
	    exec(h->db, "COMMIT") == SQLITE_OK)
		return game;
	set_err(err, errlen, "cannot save the game", h->db);
	exec(h->db, "ROLLBACK");
	return -1;
}

int
history_top(struct history *h, const char *key, int questions,
    struct history_top *out, int n)
{
	sqlite3_stmt *st;
	int rc, k = 0;

	rc = run(h->db, &st, "SELECT g.id, g.player, g.score, g.started_at "
	    "FROM games g JOIN packs p ON p.id = g.pack_id WHERE p.hash = ? "
	    "AND g.finished = 1 AND g.kind = 'game' AND g.questions = ? "
	    "ORDER BY g.score DESC, g.started_at, g.id LIMIT ?", "tii", key,
	    (int64_t)questions, (int64_t)n);
	for (; rc == SQLITE_ROW && k < n; rc = sqlite3_step(st), k++) {
		out[k].game = sqlite3_column_int64(st, 0);
		snprintf(out[k].player, sizeof out[k].player, "%s",
		    (const char *)sqlite3_column_text(st, 1));
		out[k].score = sqlite3_column_int(st, 2);
		out[k].started_at = sqlite3_column_int64(st, 3);
	}
	sqlite3_finalize(st);
	return k;
}

int
history_best_before(struct history *h, const char *key, int questions,
    const char *player, int64_t game)
{
	sqlite3_stmt *st;
	int best = -1;

	if (run(h->db, &st, "SELECT MAX(g.score) FROM games g JOIN packs p "
	    "ON p.id = g.pack_id WHERE p.hash = ? AND g.player = ? AND "
	    "g.finished = 1 AND g.kind = 'game' AND g.questions = ? AND "
	    "g.id < ?", "ttii", key, player, (int64_t)questions, game) ==
	    SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		best = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return best;
}

static int
stats_one(struct history *h, const char *key, struct history_stats *s)
{
	sqlite3_stmt *st;
	int rc;

	memset(s, 0, sizeof *s);
	snprintf(s->key, sizeof s->key, "%s", key);
	rc = run(h->db, &st, "SELECT (SELECT title FROM packs WHERE hash = ?1 "
	    "ORDER BY id DESC LIMIT 1), COUNT(DISTINCT g.id), MAX(g.score), "
	    "AVG(g.score), SUM(a.outcome = 'correct'), COUNT(a.game_id), "
	    "AVG(a.seconds), SUM(a.outcome = 'timeout') FROM games g "
	    "JOIN packs p ON p.id = g.pack_id LEFT JOIN answers a ON "
	    "a.game_id = g.id WHERE p.hash = ?1 AND g.finished = 1", "t", key);
	if (rc == SQLITE_ROW) {
		double answers = sqlite3_column_double(st, 5);

		if (sqlite3_column_text(st, 0) != NULL)
			snprintf(s->title, sizeof s->title, "%s",
			    (const char *)sqlite3_column_text(st, 0));
		s->games = sqlite3_column_int(st, 1);
		s->best = sqlite3_column_int(st, 2);
		s->accuracy = answers > 0 ?
		    sqlite3_column_double(st, 4) / answers : 0;
		s->mean_seconds = sqlite3_column_double(st, 6);
		s->timed_out = answers > 0 ?
		    sqlite3_column_double(st, 7) / answers : 0;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return -1;
	/* The join repeats each game once per answer: average games alone. */
	rc = run(h->db, &st, "SELECT AVG(g.score) FROM games g JOIN packs p "
	    "ON p.id = g.pack_id WHERE p.hash = ? AND g.finished = 1", "t", key);
	if (rc == SQLITE_ROW)
		s->mean_score = sqlite3_column_double(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

int
history_stats(struct history *h, const char *const *keys, int nkeys,
    struct history_stats *out, int max)
{
	sqlite3_stmt *st;
	int n = 0, rc, i;

	if (nkeys > 0) {
		for (i = 0; i < nkeys && n < max; i++)
			if (stats_one(h, keys[i], &out[n++]) < 0)
				return -1;
		return n;
	}
	rc = run(h->db, &st, "SELECT hash FROM packs GROUP BY hash "
	    "ORDER BY MIN(title)", "");
	for (; rc == SQLITE_ROW && n < max; rc = sqlite3_step(st)) {
		char key[HASH_HEX];

		snprintf(key, sizeof key, "%s",
		    (const char *)sqlite3_column_text(st, 0));
		if (stats_one(h, key, &out[n]) < 0)
			break;
		if (out[n].games > 0)
			n++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE || n == max ? n : -1;
}

int64_t
history_count(struct history *h, const char *table)
{
	sqlite3_stmt *st;
	char *sql = xasprintf("SELECT COUNT(*) FROM \"%s\"", table);
	int64_t n = -1;

	if (run(h->db, &st, sql, "") == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	free(sql);
	return n;
}

void
history_set_retention(struct history *h, double retention)
{
	h->fsrs.retention = retention;
}

bool
history_card(struct history *h, const char *player, const char *qhash,
    struct fsrs_card *c)
{
	sqlite3_stmt *st = h->card_q;
	int rc;

	if (st == NULL && sqlite3_prepare_v2(h->db, "SELECT c.state, c.step, "
	    "c.stability, c.difficulty, c.last_review, c.due FROM cards c "
	    "JOIN questions q ON q.id = c.question_id WHERE c.player = ? AND "
	    "q.hash = ?", -1, &h->card_q, NULL) != SQLITE_OK)
		return false;
	st = h->card_q;
	if (sqlite3_bind_text(st, 1, player, -1, SQLITE_TRANSIENT) !=
	    SQLITE_OK || sqlite3_bind_text(st, 2, qhash, -1,
	    SQLITE_TRANSIENT) != SQLITE_OK) {
		sqlite3_reset(st);
		return false;
	}
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		c->state = (enum fsrs_state)sqlite3_column_int(st, 0);
		c->step = sqlite3_column_int(st, 1);
		c->stability = sqlite3_column_double(st, 2);
		c->difficulty = sqlite3_column_double(st, 3);
		c->last = sqlite3_column_int64(st, 4);
		c->due = sqlite3_column_int64(st, 5);
	}
	/* Reset at once: a statement left running would hold a read lock. */
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_ROW;
}

const struct fsrs_params *
history_fsrs(const struct history *h)
{
	return &h->fsrs;
}

int
history_due(struct history *h, const char *key, const char *player,
    int64_t now)
{
	sqlite3_stmt *st;
	int n = -1;

	if (run(h->db, &st, "SELECT COUNT(*) FROM cards c WHERE c.player = ?1 "
	    "AND c.due <= ?2 AND c.question_id IN (SELECT a.question_id FROM "
	    "answers a JOIN games g ON g.id = a.game_id JOIN packs p ON p.id = "
	    "g.pack_id WHERE p.hash = ?3 AND g.player = ?1)", "tit", player,
	    now + FSRS_LEARN_AHEAD, key) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

int
history_series(struct history *h, const char *key, const char *player,
    struct history_point *out, int n)
{
	sqlite3_stmt *st;
	int rc, k = 0, i;

	rc = run(h->db, &st, "SELECT g.id, g.started_at, g.score, g.max_score, "
	    "g.correct, g.questions FROM games g JOIN packs p ON p.id = "
	    "g.pack_id WHERE p.hash = ?1 AND g.finished = 1 AND (?2 IS NULL OR "
	    "g.player = ?2) ORDER BY g.started_at DESC, g.id DESC LIMIT ?3",
	    "tti", key, player, (int64_t)n);
	for (; rc == SQLITE_ROW && k < n; rc = sqlite3_step(st), k++) {
		int answered = sqlite3_column_int(st, 5);

		out[k].game = sqlite3_column_int64(st, 0);
		out[k].started_at = sqlite3_column_int64(st, 1);
		out[k].score = sqlite3_column_int64(st, 2);
		out[k].max_score = sqlite3_column_int64(st, 3);
		out[k].accuracy = answered > 0 ?
		    (double)sqlite3_column_int(st, 4) / answered : 0;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return -1;
	for (i = 0; i < k / 2; i++) {   /* newest first to oldest first */
		struct history_point t = out[i];

		out[i] = out[k - 1 - i];
		out[k - 1 - i] = t;
	}
	return k;
}

/* s into out[len], cut (if it must be) at a UTF-8 character boundary. */
static void
copy_text(char *out, size_t len, const char *s)
{
	size_t n = strlen(s);

	if (n >= len) {
		n = len - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(out, s, n);
	out[n] = '\0';
}

int
history_missed(struct history *h, const char *key, struct history_missed *out,
    int n)
{
	sqlite3_stmt *st;
	int rc, k = 0;

	rc = run(h->db, &st, "SELECT q.text, SUM(a.outcome != 'correct') AS m, "
	    "COUNT(*) AS c FROM answers a JOIN games g ON g.id = a.game_id "
	    "JOIN packs p ON p.id = g.pack_id JOIN questions q ON q.id = "
	    "a.question_id WHERE p.hash = ? AND g.finished = 1 GROUP BY "
	    "a.question_id HAVING m > 0 ORDER BY m DESC, 1.0 * m / c DESC, "
	    "a.question_id LIMIT ?", "ti", key, (int64_t)n);
	for (; rc == SQLITE_ROW && k < n; rc = sqlite3_step(st), k++) {
		copy_text(out[k].text, sizeof out[k].text,
		    (const char *)sqlite3_column_text(st, 0));
		out[k].misses = sqlite3_column_int(st, 1);
		out[k].answers = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? k : -1;
}
