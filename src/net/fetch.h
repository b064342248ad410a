#ifndef TERMQUIZ_FETCH_H
#define TERMQUIZ_FETCH_H

/*
 * Fetching from the Open Trivia Database: core's plan (otdb.c) driven over
 * http.c, with the session token and the time of the last request kept in
 * $XDG_STATE_HOME/termquiz/opentdb.json and the questions fetched cached
 * under $XDG_CACHE_HOME/termquiz/opentdb/ as the API's JSON. Nothing blocks:
 * a front end calls fetch_wait with its own timeout (and the terminal's fd),
 * then fetch_step, and draws fetch_line meanwhile.
 */

#include <stdbool.h>
#include <stdint.h>

#include "core/otdb.h"
#include "core/pack.h"

enum fetch_kind { FETCH_QUESTIONS, FETCH_CATEGORIES, FETCH_COUNT,
	FETCH_COUNT_GLOBAL };
enum fetch_status { FETCH_RUNNING, FETCH_DONE, FETCH_FAILED };

struct http;

struct fetch {
	enum fetch_kind kind;
	enum fetch_status status;
	struct otdb_plan plan;     /* FETCH_QUESTIONS */
	struct otdb_state st;      /* the others: for the 5 s limit */
	char *url;                 /* the others: the one call */
	bool asked;                /* the others: the call was sent */
	struct http *h;            /* the request in flight, or NULL */
	int64_t wait_until;        /* while waiting: when to go on (ms) */
	bool rate_limited;         /* waiting after a code 5 */
	int64_t prev_request_ms;   /* the last request before this one */
	int64_t last_saved_ms;     /* the last request the state file holds */
	char *host;                /* for messages */
	char *state_file;
	char *cache_dir;
	bool unreachable;          /* FAILED without reaching the server */
	char error[400];           /* FAILED: why */
	char note[256];            /* DONE: "" or something to tell */
	char *body;                /* DONE, not questions: the reply */
	size_t len;
	struct pack *pack;         /* DONE, questions: loaded; the caller may
	                            * take it (set to NULL) */
	char *cache_path;          /* DONE, questions: the cached file, or
	                            * NULL when it could not be written */
};

/* Start fetching q's questions from base; state_dir and cache_dir are
 * termquiz's XDG folders (made when needed). */
void fetch_questions(struct fetch *f, const char *base,
    const struct otdb_query *q, const char *state_dir, const char *cache_dir);

/* Start the category list, or one category's question counts. */
void fetch_categories(struct fetch *f, const char *base,
    const char *state_dir);
void fetch_count(struct fetch *f, const char *base, int category,
    const char *state_dir);
/* Start every category's question count in one request. */
void fetch_count_global(struct fetch *f, const char *base,
    const char *state_dir);

/* The category list and its counts from base kept in cache_dir
 * (opentdb-categories.json beside the questions' folder): load it into c
 * with the times it was listed and counted (otdb_list_cache_parse); -1
 * when there is none, it is damaged or it is another base's. */
int fetch_list_load(const char *cache_dir, const char *base,
    struct otdb_categories *c, int64_t *listed_ms, int64_t *counted_ms);
/* Keep c there (atomically; best effort). */
void fetch_list_save(const char *cache_dir, const char *base,
    const struct otdb_categories *c, int64_t listed_ms, int64_t counted_ms);

/* Wait at most timeout_ms for the fetch or for fd (-1: none) to be
 * readable; true when fd is. */
bool fetch_wait(struct fetch *f, int fd, int timeout_ms);

/* Move on without blocking; the status after. */
enum fetch_status fetch_step(struct fetch *f);

/* What it is doing, for a status line ("Fetching questions from
 * opentdb.com", "Waiting 4 s: ..."), in buf. */
const char *fetch_line(const struct fetch *f, char *buf, size_t n);

/* Stop (cancel) and free everything but a taken pack; NULL-safe fields. */
void fetch_fini(struct fetch *f);

/* The cached questions that fit q, as packs loaded from cache_dir's
 * opentdb/ folder: *packs (caller frees each with pack_free, and the
 * array), their number the return value; *questions their questions. */
int fetch_cached(const char *cache_dir, const struct otdb_query *q,
    struct pack ***packs, int *questions);

/* The wall clock in milliseconds, which the 5 s limit is kept on (it
 * holds across runs). */
int64_t fetch_now(void);

#endif
