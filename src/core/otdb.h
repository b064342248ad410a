#ifndef TERMQUIZ_OTDB_H
#define TERMQUIZ_OTDB_H

/*
 * The Open Trivia Database API's rules, as pure functions: URLs, categories
 * and their counts, response codes, the session token, the 5-second limit,
 * cache file names, and the plan of requests one fetch makes. No network
 * here: the caller sends the requests the plan asks for and hands back the
 * replies; every time is passed in (Unix milliseconds).
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define OTDB_DEFAULT_URL "https://opentdb.com"
#define OTDB_PER_REQUEST 50           /* the API's most per request */
#define OTDB_INTERVAL_MS 5000         /* one request per 5 s per address */
/* What termquiz leaves between requests: the 5 s and a margin, so that
 * jitter on the way never brings two within the API's 5 s. */
#define OTDB_SPACING_MS (OTDB_INTERVAL_MS + 250)
#define OTDB_TOKEN_IDLE_MS (6LL * 3600 * 1000) /* tokens die after 6 h idle */
#define OTDB_BODY_MAX (2L * 1024 * 1024) /* a reply larger than this is refused */
#define OTDB_TOKEN_MAX 128
#define OTDB_COUNT_MAX 1000           /* questions one fetch may ask for */
#define OTDB_ATTRIBUTION "Questions: Open Trivia Database (opentdb.com), " \
	"CC BY-SA 4.0"

enum otdb_difficulty { OTDB_ANY_DIFFICULTY, OTDB_EASY, OTDB_MEDIUM, OTDB_HARD };
enum otdb_type { OTDB_ANY_TYPE, OTDB_MULTIPLE, OTDB_BOOLEAN };

/* What the player asked for. category 0 is any. */
struct otdb_query {
	int category;
	enum otdb_difficulty difficulty;
	enum otdb_type type;
	int amount;
};

/* "easy", "medium", "hard"; NULL for any. */
const char *otdb_difficulty_name(enum otdb_difficulty d);
/* The API's "multiple" or "boolean"; NULL for any. */
const char *otdb_type_name(enum otdb_type t);
/* Parse "easy"/"medium"/"hard"/"any"; false when none of them. */
bool otdb_difficulty_parse(const char *s, enum otdb_difficulty *out);
/* Parse "choice"/"multiple", "truefalse"/"boolean" or "any". */
bool otdb_type_parse(const char *s, enum otdb_type *out);

/* True when base is an http:// or https:// URL with a host and no query,
 * fragment, space or control byte. */
bool otdb_base_valid(const char *base);

/* The URLs of the API's calls under base (a trailing '/' is fine). Each
 * asks for base64 text where the call returns questions. Caller frees. */
char *otdb_url_questions(const char *base, const struct otdb_query *q,
    int amount, const char *token);
/* token NULL: request a new token; else reset that one. */
char *otdb_url_token(const char *base, const char *token);
char *otdb_url_categories(const char *base);
char *otdb_url_count(const char *base, int category);
/* api_count_global.php: every category's count in one request. */
char *otdb_url_count_global(const char *base);

/* A category with its question counts (-1 while unknown). */
struct otdb_category {
	int id;
	char *name;
	int total, easy, medium, hard;
};

struct otdb_categories {
	struct otdb_category *v;
	int n;
	int all;   /* questions in all categories; -1 while unknown (set by
	            * the parsers; a zeroed struct says 0) */
};

/* Parse api_category.php's reply into c (emptied first). -1 with a reason
 * in err when it is not that reply. */
int otdb_categories_parse(struct otdb_categories *c, const char *text,
    size_t len, char *err, size_t errlen);
/* The API's categories as of 2026, for matching a name without asking. */
void otdb_categories_builtin(struct otdb_categories *c);
/* c as api_category.php's JSON (so a parsed list can be cached). Caller
 * frees. */
char *otdb_categories_json(const struct otdb_categories *c);
void otdb_categories_fini(struct otdb_categories *c);

/* Parse api_count.php's reply into the category it names in c. -1 with a
 * reason in err when it is not that reply or names no category of c. */
int otdb_count_parse(struct otdb_categories *c, const char *text, size_t len,
    char *err, size_t errlen);

/* Parse api_count_global.php's reply into c: each category's total (the
 * verified questions, which the API serves) and all. Categories the reply
 * does not name keep theirs. -1 with a reason in err when it is not that
 * reply. */
int otdb_count_global_parse(struct otdb_categories *c, const char *text,
    size_t len, char *err, size_t errlen);

/* How long a cached category list and its counts are used without asking
 * again: they change slowly, and every request costs a player 5 s. */
#define OTDB_LIST_KEEP_MS (24LL * 3600 * 1000)

/* The cached list: c with its counts as base's API gave them, listed_ms
 * when the list came and counted_ms when the global counts did (0: not
 * yet), as the cache file's JSON. Caller frees. */
char *otdb_list_cache_json(const struct otdb_categories *c, const char *base,
    int64_t listed_ms, int64_t counted_ms);
/* Read a cache file's text back into c (emptied first) and the two times.
 * -1 (c empty, times 0) when it is damaged or from another base than base
 * (a trailing '/' aside). */
int otdb_list_cache_parse(struct otdb_categories *c, const char *text,
    size_t len, const char *base, int64_t *listed_ms, int64_t *counted_ms);
/* Whether something fetched at at_ms (0: never) is still to be used at
 * now_ms: under OTDB_LIST_KEEP_MS old, and not from the future. */
bool otdb_list_fresh(int64_t at_ms, int64_t now_ms);

/* The category query names: its id as a number, its name (any case), a
 * unique word-part of names ("science" is "Science & Nature", "film" is
 * "Entertainment: Film") or a unique substring. 0 with a reason in err when
 * none or several match. */
int otdb_category_match(const struct otdb_categories *c, const char *query,
    char *err, size_t errlen);

/* Borrowed from c; NULL when c has no such id. */
const char *otdb_category_name(const struct otdb_categories *c, int id);

struct quiz;

/* OTDB_ATTRIBUTION when any question of z came from the Open Trivia
 * Database (they carry a category), else NULL: the score screen and the
 * results file credit the source (CC BY-SA 4.0). */
const char *otdb_attribution(const struct quiz *z);

/* What a response_code means, for messages: "success", "no results"... */
const char *otdb_code_meaning(int code);

/* Milliseconds to wait before the next request when the last one to the
 * same address was at last_ms (0: none): 0 to OTDB_SPACING_MS. A last_ms in
 * the future (the clock went back) counts as now. */
int64_t otdb_rate_wait(int64_t last_ms, int64_t now_ms);

/* What is kept between runs: the session token and the last request. */
struct otdb_state {
	char token[OTDB_TOKEN_MAX + 1]; /* "" when none */
	int64_t token_used_ms;          /* when it was last used */
	int64_t last_request_ms;        /* 0 when never */
};

/* Whether st's token may still be alive at now (used in the last 6 h, or
 * after now). */
bool otdb_token_usable(const struct otdb_state *st, int64_t now_ms);
/* A token the API could send: 1 to OTDB_TOKEN_MAX letters and digits. */
bool otdb_token_valid(const char *s);
/* Read the state file's text into st (zeroed first); a damaged file gives
 * an empty state and -1. */
int otdb_state_parse(struct otdb_state *st, const char *text, size_t len);
/* The state as the file's JSON text. Caller frees. */
char *otdb_state_json(const struct otdb_state *st);

/* A cache file's name for a fetch of n questions at now_ms, like
 * "20261201-211500-123-cat9-medium-multiple-10.json" (UTC). Caller frees. */
char *otdb_cache_name(const struct otdb_query *q, int64_t now_ms, int n);
/* Whether a cache file name is one of ours and fits q's category,
 * difficulty and type (any in q fits everything). */
bool otdb_cache_matches(const char *name, const struct otdb_query *q);

/* One fetch of questions as the API wants it: a token first when there is
 * none alive, at most 50 per request, 5 s apart, code 3 a new token, code
 * 4 a reset, code 5 one retry after the 5 s. */
enum otdb_action {
	OTDB_REQUEST,  /* send the GET at plan->url, then otdb_plan_reply */
	OTDB_WAIT,     /* wait (the time is given), then ask again */
	OTDB_DONE,     /* plan->body holds the questions */
	OTDB_FAIL      /* plan->error says why */
};

enum otdb_phase { OTDB_PH_TOKEN, OTDB_PH_RESET, OTDB_PH_QUESTIONS,
	OTDB_PH_DONE, OTDB_PH_FAILED };

struct otdb_plan {
	char *base;
	struct otdb_query q;
	struct otdb_state st;        /* updated as it goes: save it after */
	enum otdb_phase phase;
	bool rate_retried, token_renewed, token_reset;
	bool rate_limited;           /* the current wait is after a code 5 */
	int got;                     /* questions received so far */
	void *results;               /* the received results (private) */
	char *url;                   /* REQUEST: the call to send */
	char *body;                  /* DONE: the API's JSON of all of them */
	char note[256];              /* "" or what the player should know */
	char error[256];             /* FAIL: the reason */
};

/* Start a plan for q (amount 1 to OTDB_COUNT_MAX) from base with the saved
 * state st. */
void otdb_plan_init(struct otdb_plan *p, const char *base,
    const struct otdb_query *q, const struct otdb_state *st);
/* What to do at now. OTDB_REQUEST records now as the last request; for
 * OTDB_WAIT *wait_ms gets the milliseconds to wait. */
enum otdb_action otdb_plan_next(struct otdb_plan *p, int64_t now,
    int64_t *wait_ms);
/* The reply to the request (body need not be NUL-terminated). */
void otdb_plan_reply(struct otdb_plan *p, const char *body, size_t len,
    int64_t now);
/* The request got no reply: why (a transport error). */
void otdb_plan_failed(struct otdb_plan *p, const char *why);
void otdb_plan_fini(struct otdb_plan *p);

#endif
