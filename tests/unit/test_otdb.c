/*
 * test_otdb.c - unit tests for src/core/otdb.c: the Open Trivia Database
 * API's rules without a network (URLs, categories, counts, codes, the token,
 * the 5-second limit, cache names, and the plan of one fetch).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "otdb.h"
#include "util.h"
#include "testutil.h"

#define T0 1764600000000LL   /* 2025-12-01 14:40:00 UTC, in ms */
#define TOKEN "abc123DEF"
#define S OTDB_SPACING_MS   /* what is left between two requests */

static const struct otdb_query any10 = { 0, OTDB_ANY_DIFFICULTY,
	OTDB_ANY_TYPE, 10 };

static void
test_otdb_urls_carry_the_query(void **state)
{
	struct otdb_query q = { 17, OTDB_MEDIUM, OTDB_MULTIPLE, 10 };
	char *u;

	(void)state;
	u = otdb_url_questions("https://opentdb.com/", &q, 10, TOKEN);
	assert_string_equal(u, "https://opentdb.com/api.php?amount=10&"
	    "category=17&difficulty=medium&type=multiple&encode=base64&"
	    "token=" TOKEN);
	free(u);
	u = otdb_url_questions("http://127.0.0.1:8080", &any10, 3, "");
	assert_string_equal(u, "http://127.0.0.1:8080/api.php?amount=3&"
	    "encode=base64");
	free(u);
	u = otdb_url_token("https://opentdb.com", NULL);
	assert_string_equal(u, "https://opentdb.com/api_token.php?"
	    "command=request");
	free(u);
	u = otdb_url_token("https://opentdb.com", TOKEN);
	assert_string_equal(u, "https://opentdb.com/api_token.php?"
	    "command=reset&token=" TOKEN);
	free(u);
	u = otdb_url_categories("https://opentdb.com//");
	assert_string_equal(u, "https://opentdb.com/api_category.php");
	free(u);
	u = otdb_url_count("https://opentdb.com", 9);
	assert_string_equal(u, "https://opentdb.com/api_count.php?category=9");
	free(u);
}

static void
test_otdb_base_url_is_checked(void **state)
{
	(void)state;
	assert_true(otdb_base_valid("https://opentdb.com"));
	assert_true(otdb_base_valid("http://127.0.0.1:4567/sub"));
	assert_false(otdb_base_valid("ftp://opentdb.com"));
	assert_false(otdb_base_valid("https://"));
	assert_false(otdb_base_valid("https://a b"));
	assert_false(otdb_base_valid("https://x/?q=1"));
	assert_false(otdb_base_valid("opentdb.com"));
}

static void
test_otdb_names_parse(void **state)
{
	enum otdb_difficulty d;
	enum otdb_type t;

	(void)state;
	assert_true(otdb_difficulty_parse("hard", &d));
	assert_int_equal(d, OTDB_HARD);
	assert_true(otdb_difficulty_parse("any", &d));
	assert_int_equal(d, OTDB_ANY_DIFFICULTY);
	assert_false(otdb_difficulty_parse("Hard!", &d));
	assert_true(otdb_type_parse("choice", &t));
	assert_int_equal(t, OTDB_MULTIPLE);
	assert_true(otdb_type_parse("truefalse", &t));
	assert_int_equal(t, OTDB_BOOLEAN);
	assert_false(otdb_type_parse("text", &t));
	assert_string_equal(otdb_type_name(OTDB_BOOLEAN), "boolean");
	assert_null(otdb_difficulty_name(OTDB_ANY_DIFFICULTY));
}

static const char categories_reply[] =
    "{\"trivia_categories\":[{\"id\":9,\"name\":\"General Knowledge\"},"
    "{\"id\":11,\"name\":\"Entertainment: Film\"},"
    "{\"id\":12,\"name\":\"Entertainment: Music\"},"
    "{\"id\":17,\"name\":\"Science & Nature\"},"
    "{\"id\":18,\"name\":\"Science: Computers\"},"
    "{\"id\":22,\"name\":\"Geography\"}]}";

static void
test_otdb_categories_parse_and_round_trip(void **state)
{
	struct otdb_categories c = { 0 }, again = { 0 };
	char err[128], *json;

	(void)state;
	assert_int_equal(otdb_categories_parse(&c, categories_reply,
	    strlen(categories_reply), err, sizeof err), 0);
	assert_int_equal(c.n, 6);
	assert_int_equal(c.v[3].id, 17);
	assert_string_equal(c.v[3].name, "Science & Nature");
	assert_int_equal(c.v[3].total, -1);
	json = otdb_categories_json(&c);
	assert_int_equal(otdb_categories_parse(&again, json, strlen(json), err,
	    sizeof err), 0);
	assert_int_equal(again.n, 6);
	assert_string_equal(again.v[5].name, "Geography");
	free(json);
	otdb_categories_fini(&again);
	otdb_categories_fini(&c);
}

static void
test_otdb_categories_reject_broken_replies(void **state)
{
	static const char *const bad[] = {
		"", "{", "{\"trivia_categories\":[]}",
		"{\"trivia_categories\":[{\"id\":\"9\",\"name\":\"X\"}]}",
		"{\"trivia_categories\":[{\"id\":9.5,\"name\":\"X\"}]}",
		"{\"trivia_categories\":[{\"id\":9,\"name\":\"a\\u001bb\"}]}",
		"{\"trivia_categories\":[{\"id\":9,\"name\":\"X\"}]} x",
		"[1,2]",
	};
	struct otdb_categories c = { 0 };
	char err[128];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err[0] = '\0';
		assert_int_equal(otdb_categories_parse(&c, bad[i],
		    strlen(bad[i]), err, sizeof err), -1);
		assert_int_equal(c.n, 0);
		assert_true(err[0] != '\0');
	}
	/* Not NUL-terminated: only len bytes are read. */
	assert_int_equal(otdb_categories_parse(&c, categories_reply, 10, err,
	    sizeof err), -1);
}

static void
test_otdb_count_fills_its_category(void **state)
{
	static const char reply[] = "{\"category_id\":17,"
	    "\"category_question_count\":{\"total_question_count\":250,"
	    "\"total_easy_question_count\":70,"
	    "\"total_medium_question_count\":110,"
	    "\"total_hard_question_count\":70}}";
	static const char other[] = "{\"category_id\":99,"
	    "\"category_question_count\":{\"total_question_count\":1,"
	    "\"total_easy_question_count\":1,"
	    "\"total_medium_question_count\":0,"
	    "\"total_hard_question_count\":0}}";
	struct otdb_categories c = { 0 };
	char err[128];

	(void)state;
	assert_int_equal(otdb_categories_parse(&c, categories_reply,
	    strlen(categories_reply), err, sizeof err), 0);
	assert_int_equal(otdb_count_parse(&c, reply, strlen(reply), err,
	    sizeof err), 0);
	assert_int_equal(c.v[3].total, 250);
	assert_int_equal(c.v[3].medium, 110);
	assert_int_equal(c.v[3].hard, 70);
	assert_int_equal(otdb_count_parse(&c, other, strlen(other), err,
	    sizeof err), -1);
	assert_non_null(strstr(err, "99"));
	assert_int_equal(otdb_count_parse(&c, "{\"category_id\":17}", 18, err,
	    sizeof err), -1);
	otdb_categories_fini(&c);
}

static void
test_otdb_count_global_fills_every_category(void **state)
{
	/* The real API's shape: "categories" by id as text, each with the
	 * total, pending, verified and rejected questions; 99 is not listed. */
	static const char reply[] = "{\"overall\":{\"total_num_of_questions\":"
	    "900,\"total_num_of_pending_questions\":50,"
	    "\"total_num_of_verified_questions\":800,"
	    "\"total_num_of_rejected_questions\":50},\"categories\":{"
	    "\"9\":{\"total_num_of_questions\":320,"
	    "\"total_num_of_pending_questions\":10,"
	    "\"total_num_of_verified_questions\":305,"
	    "\"total_num_of_rejected_questions\":5},"
	    "\"17\":{\"total_num_of_questions\":240,"
	    "\"total_num_of_pending_questions\":6,"
	    "\"total_num_of_verified_questions\":229,"
	    "\"total_num_of_rejected_questions\":5},"
	    "\"99\":{\"total_num_of_verified_questions\":1}}}";
	struct otdb_categories c = { 0 };
	char err[128], *u;

	(void)state;
	u = otdb_url_count_global("https://opentdb.com/");
	assert_string_equal(u, "https://opentdb.com/api_count_global.php");
	free(u);
	assert_int_equal(otdb_categories_parse(&c, categories_reply,
	    strlen(categories_reply), err, sizeof err), 0);
	assert_int_equal(c.all, -1);
	assert_int_equal(otdb_count_global_parse(&c, reply, strlen(reply), err,
	    sizeof err), 0);
	assert_int_equal(c.all, 800);
	assert_int_equal(c.v[0].id, 9);
	assert_int_equal(c.v[0].total, 305);
	assert_int_equal(c.v[3].id, 17);
	assert_int_equal(c.v[3].total, 229);
	assert_int_equal(c.v[3].easy, -1);   /* only api_count.php says */
	assert_int_equal(c.v[1].total, -1);  /* not in the reply */
	/* Not that reply: c keeps what it had. */
	assert_int_equal(otdb_count_global_parse(&c, "{\"categories\":[]}",
	    17, err, sizeof err), -1);
	assert_int_equal(otdb_count_global_parse(&c, "{\"overall\":{},"
	    "\"categories\":{}}", 30, err, sizeof err), -1);
	assert_int_equal(otdb_count_global_parse(&c, "nope", 4, err,
	    sizeof err), -1);
	assert_int_equal(c.v[3].total, 229);
	otdb_categories_fini(&c);
}

static void
test_otdb_list_cache_round_trips_and_survives_damage(void **state)
{
	/* Each broken in one way only: the url is right. */
#define U "{\"url\": \"https://opentdb.com\", "
	static const char *const bad[] = {
		"", U "\"listed\": 1", "[]",
		U "\"listed\": 5, \"counted\": 0, \"all\": -1, \"categories\": []}",
		U "\"listed\": 5, \"counted\": 0, \"all\": -1, \"categories\":"
		" [{\"id\": 9, \"name\": \"X\", \"total\": 1, \"easy\": 1,"
		" \"medium\": 0}]}",
		U "\"listed\": -5, \"counted\": 0, \"all\": -1, \"categories\":"
		" [{\"id\": 9, \"name\": \"X\", \"total\": 1, \"easy\": 1,"
		" \"medium\": 0, \"hard\": 0}]}",
		U "\"listed\": 5, \"counted\": 0, \"all\": -1, \"categories\":"
		" [{\"id\": 9, \"name\": \"a\\u001bb\", \"total\": 1,"
		" \"easy\": 1, \"medium\": 0, \"hard\": 0}]}",
		/* All good but the url: missing. */
		"{\"listed\": 5, \"counted\": 0, \"all\": -1, \"categories\":"
		" [{\"id\": 9, \"name\": \"X\", \"total\": 1, \"easy\": 1,"
		" \"medium\": 0, \"hard\": 0}]}",
	};
	static const char good[] = U "\"listed\": 5, \"counted\": 0,"
	    " \"all\": -1, \"categories\": [{\"id\": 9, \"name\": \"X\","
	    " \"total\": 1, \"easy\": 1, \"medium\": 0, \"hard\": 0}]}";
#undef U
	static const char reply[] = "{\"category_id\":17,"
	    "\"category_question_count\":{\"total_question_count\":250,"
	    "\"total_easy_question_count\":70,"
	    "\"total_medium_question_count\":110,"
	    "\"total_hard_question_count\":70}}";
	struct otdb_categories c = { 0 }, again = { 0 };
	int64_t listed, counted;
	char err[128], *json;
	size_t i;

	(void)state;
	assert_int_equal(otdb_categories_parse(&c, categories_reply,
	    strlen(categories_reply), err, sizeof err), 0);
	assert_int_equal(otdb_count_parse(&c, reply, strlen(reply), err,
	    sizeof err), 0);
	c.all = 800;
	json = otdb_list_cache_json(&c, "https://opentdb.com/", T0, T0 + 5250);
	/* Another server's list is not this one's. */
	assert_int_equal(otdb_list_cache_parse(&again, json, strlen(json),
	    "http://127.0.0.1:8080", &listed, &counted), -1);
	assert_int_equal(again.n, 0);
	assert_int_equal(otdb_list_cache_parse(&again, json, strlen(json),
	    "https://opentdb.com", &listed, &counted), 0);
	free(json);
	assert_int_equal(listed, T0);
	assert_int_equal(counted, T0 + 5250);
	assert_int_equal(again.n, 6);
	assert_int_equal(again.all, 800);
	assert_string_equal(again.v[3].name, "Science & Nature");
	assert_int_equal(again.v[3].total, 250);
	assert_int_equal(again.v[3].easy, 70);
	assert_int_equal(again.v[3].medium, 110);
	assert_int_equal(again.v[3].hard, 70);
	assert_int_equal(again.v[0].total, -1);
	assert_int_equal(otdb_list_cache_parse(&again, good, strlen(good),
	    "https://opentdb.com/", &listed, &counted), 0);
	assert_int_equal(again.n, 1);
	assert_int_equal(listed, 5);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(otdb_list_cache_parse(&again, bad[i],
		    strlen(bad[i]), "https://opentdb.com", &listed, &counted),
		    -1);
		assert_int_equal(again.n, 0);
		assert_int_equal(listed, 0);
		assert_int_equal(counted, 0);
	}
	otdb_categories_fini(&again);
	otdb_categories_fini(&c);
}

static void
test_otdb_list_is_kept_a_day(void **state)
{
	(void)state;
	assert_false(otdb_list_fresh(0, T0));
	assert_true(otdb_list_fresh(T0, T0));
	assert_true(otdb_list_fresh(T0, T0 + OTDB_LIST_KEEP_MS - 1));
	assert_false(otdb_list_fresh(T0, T0 + OTDB_LIST_KEEP_MS));
	/* Fetched "in the future": the clock went back; ask again. */
	assert_false(otdb_list_fresh(T0 + 1000, T0));
}

static void
test_otdb_category_match_by_id_name_and_part(void **state)
{
	struct otdb_categories c = { 0 };
	char err[256];

	(void)state;
	otdb_categories_builtin(&c);
	assert_int_equal(c.n, 24);
	assert_int_equal(otdb_category_match(&c, "17", err, sizeof err), 17);
	assert_int_equal(otdb_category_match(&c, "science", err, sizeof err),
	    17);
	assert_int_equal(otdb_category_match(&c, "Science: Computers", err,
	    sizeof err), 18);
	assert_int_equal(otdb_category_match(&c, "computers", err, sizeof err),
	    18);
	assert_int_equal(otdb_category_match(&c, "FILM", err, sizeof err), 11);
	assert_int_equal(otdb_category_match(&c, "geo", err, sizeof err), 22);
	assert_int_equal(otdb_category_match(&c, "anime", err, sizeof err), 31);
	otdb_categories_fini(&c);
}

static void
test_otdb_category_match_explains_misses(void **state)
{
	struct otdb_categories c = { 0 };
	char err[256];

	(void)state;
	otdb_categories_builtin(&c);
	assert_int_equal(otdb_category_match(&c, "entertainment", err,
	    sizeof err), 0);
	assert_non_null(strstr(err, "could be"));
	assert_non_null(strstr(err, "\"Entertainment: Books\""));
	assert_int_equal(otdb_category_match(&c, "cooking", err, sizeof err),
	    0);
	assert_string_equal(err, "no category is called \"cooking\"");
	assert_int_equal(otdb_category_match(&c, "5", err, sizeof err), 0);
	assert_string_equal(err, "no category has the id 5");
	assert_int_equal(otdb_category_match(&c, "", err, sizeof err), 0);
	otdb_categories_fini(&c);
}

static void
test_otdb_rate_wait_spaces_requests_5_s_and_a_margin(void **state)
{
	(void)state;
	assert_int_equal(otdb_rate_wait(0, T0), 0);
	assert_int_equal(otdb_rate_wait(T0, T0), S);
	assert_int_equal(otdb_rate_wait(T0, T0 + 1200), S - 1200);
	assert_int_equal(otdb_rate_wait(T0, T0 + 5000), S - 5000);
	assert_int_equal(otdb_rate_wait(T0, T0 + S), 0);
	assert_int_equal(otdb_rate_wait(T0, T0 + 60000), 0);
	/* The clock went back: wait the full interval, not forever. */
	assert_int_equal(otdb_rate_wait(T0 + 999999, T0), S);
}

static void
test_otdb_state_round_trips_and_survives_damage(void **state)
{
	struct otdb_state st = { 0 }, back;
	char *json;

	(void)state;
	snprintf(st.token, sizeof st.token, "%s", TOKEN);
	st.token_used_ms = T0;
	st.last_request_ms = T0 + 10;
	json = otdb_state_json(&st);
	assert_int_equal(otdb_state_parse(&back, json, strlen(json)), 0);
	assert_string_equal(back.token, TOKEN);
	assert_true(back.token_used_ms == T0);
	assert_true(back.last_request_ms == T0 + 10);
	free(json);
	assert_int_equal(otdb_state_parse(&back, "{\"token\": \"a b\", "
	    "\"token_used\": 1, \"last_request\": 1}", 49), -1);
	assert_string_equal(back.token, "");
	assert_int_equal(otdb_state_parse(&back, "garbage", 7), -1);
	assert_true(back.last_request_ms == 0);
	st.token[0] = '\0';
	json = otdb_state_json(&st);
	assert_int_equal(otdb_state_parse(&back, json, strlen(json)), 0);
	assert_string_equal(back.token, "");
	free(json);
}

static void
test_otdb_token_lives_6_hours_idle(void **state)
{
	struct otdb_state st = { 0 };

	(void)state;
	assert_false(otdb_token_usable(&st, T0));
	snprintf(st.token, sizeof st.token, "%s", TOKEN);
	st.token_used_ms = T0;
	assert_true(otdb_token_usable(&st, T0 + OTDB_TOKEN_IDLE_MS - 1));
	assert_false(otdb_token_usable(&st, T0 + OTDB_TOKEN_IDLE_MS));
	assert_true(otdb_token_usable(&st, T0 - 1));
	assert_true(otdb_token_valid("abcDEF0123"));
	assert_false(otdb_token_valid("abc&x=1"));
	assert_false(otdb_token_valid(""));
}

static void
test_otdb_cache_names_match_their_query(void **state)
{
	struct otdb_query q = { 17, OTDB_MEDIUM, OTDB_MULTIPLE, 10 };
	struct otdb_query other = q;
	char *name = otdb_cache_name(&q, T0 + 123, 7);

	(void)state;
	assert_string_equal(name,
	    "20251201-144000-123-cat17-medium-multiple-7.json");
	assert_true(otdb_cache_matches(name, &q));
	assert_true(otdb_cache_matches(name, &any10));
	other.category = 18;
	assert_false(otdb_cache_matches(name, &other));
	other = q;
	other.difficulty = OTDB_HARD;
	assert_false(otdb_cache_matches(name, &other));
	other = q;
	other.type = OTDB_BOOLEAN;
	assert_false(otdb_cache_matches(name, &other));
	assert_false(otdb_cache_matches("notes.txt", &any10));
	assert_false(otdb_cache_matches(
	    "20251201-144000-123-cat17-medium-multiple-7.json.tmp", &any10));
	free(name);
	name = otdb_cache_name(&any10, T0, 10);
	assert_string_equal(name, "20251201-144000-000-catany-any-any-10.json");
	assert_false(otdb_cache_matches(name, &q));
	free(name);
}

/* --- the plan --------------------------------------------------------------- */

/* A reply with n results (base64 text of any question). */
static char *
questions(int code, int n)
{
	struct strbuf b = { 0 };
	int i;

	strbuf_printf(&b, "{\"response_code\":%d,\"results\":[", code);
	for (i = 0; i < n; i++)
		strbuf_printf(&b, "%s{\"type\":\"Ym9vbGVhbg==\",\"question\":"
		    "\"UT8=\",\"correct_answer\":\"VHJ1ZQ==\","
		    "\"incorrect_answers\":[\"RmFsc2U=\"]}", i ? "," : "");
	strbuf_puts(&b, "]}");
	return strbuf_take(&b);
}

static void
reply(struct otdb_plan *p, const char *text, int64_t now)
{
	otdb_plan_reply(p, text, strlen(text), now);
}

static void
reply_questions(struct otdb_plan *p, int code, int n, int64_t now)
{
	char *t = questions(code, n);

	reply(p, t, now);
	free(t);
}

/* Step the plan at now: it must ask for a request whose URL contains part. */
static void
expect_request(struct otdb_plan *p, int64_t now, const char *part)
{
	int64_t w = -1;

	assert_int_equal(otdb_plan_next(p, now, &w), OTDB_REQUEST);
	if (strstr(p->url, part) == NULL)
		print_error("url %s lacks %s\n", p->url, part);
	assert_non_null(strstr(p->url, part));
}

static void
expect_wait(struct otdb_plan *p, int64_t now, int64_t ms)
{
	int64_t w = -1;

	assert_int_equal(otdb_plan_next(p, now, &w), OTDB_WAIT);
	assert_true(w == ms);
}

static void
plan_with_token(struct otdb_plan *p, const struct otdb_query *q)
{
	struct otdb_state st = { 0 };

	snprintf(st.token, sizeof st.token, "%s", TOKEN);
	st.token_used_ms = T0 - 1000;
	st.last_request_ms = T0 - 60000;
	otdb_plan_init(p, "http://h", q, &st);
}

static void
test_otdb_plan_first_run_gets_a_token_then_waits_5_s(void **state)
{
	struct otdb_state st = { 0 };
	struct otdb_plan p;
	int64_t w;

	(void)state;
	otdb_plan_init(&p, "http://h", &any10, &st);
	expect_request(&p, T0, "/api_token.php?command=request");
	reply(&p, "{\"response_code\":0,\"response_message\":\"ok\","
	    "\"token\":\"" TOKEN "\"}", T0 + 100);
	expect_wait(&p, T0 + 100, S - 100);
	expect_wait(&p, T0 + S - 1, 1);
	expect_request(&p, T0 + S, "amount=10&encode=base64&token=" TOKEN);
	reply_questions(&p, 0, 10, T0 + S + 100);
	assert_int_equal(otdb_plan_next(&p, T0 + S + 100, &w), OTDB_DONE);
	assert_non_null(strstr(p.body, "\"response_code\":\t0"));
	assert_int_equal(p.got, 10);
	assert_string_equal(p.st.token, TOKEN);
	assert_true(p.st.last_request_ms == T0 + S);
	assert_string_equal(p.note, "");
	otdb_plan_fini(&p);
}

static void
test_otdb_plan_with_a_live_token_asks_at_once(void **state)
{
	struct otdb_query q = { 9, OTDB_EASY, OTDB_BOOLEAN, 5 };
	struct otdb_plan p;
	int64_t w;

	(void)state;
	plan_with_token(&p, &q);
	expect_request(&p, T0, "amount=5&category=9&difficulty=easy&"
	    "type=boolean&encode=base64&token=" TOKEN);
	reply_questions(&p, 0, 5, T0 + 50);
	assert_int_equal(otdb_plan_next(&p, T0 + 50, &w), OTDB_DONE);
	assert_true(p.st.token_used_ms == T0 + 50);
	otdb_plan_fini(&p);
}

static void
test_otdb_plan_asks_50_at_a_time(void **state)
{
	struct otdb_query q = any10;
	struct otdb_plan p;
	int64_t w;

	(void)state;
	q.amount = 120;
	plan_with_token(&p, &q);
	expect_request(&p, T0, "amount=50&");
	reply_questions(&p, 0, 50, T0 + 10);
	expect_wait(&p, T0 + 10, S - 10);
	expect_request(&p, T0 + S, "amount=50&");
	reply_questions(&p, 0, 50, T0 + S + 10);
	expect_request(&p, T0 + 2 * S, "amount=20&");
	reply_questions(&p, 0, 20, T0 + 2 * S + 10);
	assert_int_equal(otdb_plan_next(&p, T0 + 2 * S + 10, &w), OTDB_DONE);
	assert_int_equal(p.got, 120);
	otdb_plan_fini(&p);
}

static void
test_otdb_plan_code_1_plays_what_came_or_says_none(void **state)
{
	struct otdb_plan p;
	int64_t w;

	(void)state;
	plan_with_token(&p, &any10);
	expect_request(&p, T0, "amount=10");
	reply_questions(&p, 1, 4, T0 + 10);
	assert_int_equal(otdb_plan_next(&p, T0 + 10, &w), OTDB_DONE);
	assert_int_equal(p.got, 4);
	assert_non_null(strstr(p.note, "only 4 of the 10"));
	otdb_plan_fini(&p);

	plan_with_token(&p, &any10);
	expect_request(&p, T0, "amount=10");
	reply_questions(&p, 1, 0, T0 + 10);
	assert_int_equal(otdb_plan_next(&p, T0 + 10, &w), OTDB_FAIL);
	assert_non_null(strstr(p.error, "does not have 10 questions"));
	assert_null(p.body);
	otdb_plan_fini(&p);
}

static void
test_otdb_plan_code_2_fails(void **state)
{
	struct otdb_plan p;
	int64_t w;

	(void)state;
	plan_with_token(&p, &any10);
	expect_request(&p, T0, "amount=10");
	reply(&p, "{\"response_code\":2,\"results\":[]}", T0 + 10);
	assert_int_equal(otdb_plan_next(&p, T0 + 10, &w), OTDB_FAIL);
	assert_non_null(strstr(p.error, "code 2 (invalid parameter)"));
	otdb_plan_fini(&p);
}

static void
test_otdb_plan_code_3_gets_a_new_token_once(void **state)
{
	struct otdb_plan p;
	int64_t w;

	(void)state;
	plan_with_token(&p, &any10);
	expect_request(&p, T0, "token=" TOKEN);
	reply(&p, "{\"response_code\":3,\"results\":[]}", T0 + 10);
	expect_wait(&p, T0 + 10, S - 10);
	expect_request(&p, T0 + S, "command=request");
	reply(&p, "{\"response_code\":0,\"token\":\"fresh1\"}", T0 + S + 10);
	expect_request(&p, T0 + 2 * S, "token=fresh1");
	reply(&p, "{\"response_code\":3,\"results\":[]}", T0 + 2 * S + 10);
	assert_int_equal(otdb_plan_next(&p, T0 + 2 * S + 10, &w), OTDB_FAIL);
	assert_non_null(strstr(p.error, "code 3"));
	otdb_plan_fini(&p);
}

static void
test_otdb_plan_code_4_resets_the_token_and_says_so(void **state)
{
	struct otdb_plan p;
	int64_t w;

	(void)state;
	plan_with_token(&p, &any10);
	expect_request(&p, T0, "token=" TOKEN);
	reply(&p, "{\"response_code\":4,\"results\":[]}", T0 + 10);
	assert_non_null(strstr(p.note, "session token was reset"));
	expect_request(&p, T0 + S, "command=reset&token=" TOKEN);
	reply(&p, "{\"response_code\":0,\"token\":\"" TOKEN "\"}", T0 + S + 10);
	expect_request(&p, T0 + 2 * S, "api.php?amount=10");
	reply_questions(&p, 0, 10, T0 + 2 * S + 10);
	assert_int_equal(otdb_plan_next(&p, T0 + 2 * S + 10, &w), OTDB_DONE);
	otdb_plan_fini(&p);
}

static void
test_otdb_plan_code_5_waits_5_s_and_retries_once(void **state)
{
	struct otdb_plan p;
	int64_t w;

	(void)state;
	plan_with_token(&p, &any10);
	expect_request(&p, T0, "amount=10");
	reply(&p, "{\"response_code\":5,\"results\":[]}", T0 + 300);
	expect_wait(&p, T0 + 300, S);
	assert_true(p.rate_limited);
	expect_wait(&p, T0 + 2300, S - 2000);
	expect_request(&p, T0 + S + 300, "amount=10");
	assert_false(p.rate_limited);
	reply(&p, "{\"response_code\":5,\"results\":[]}", T0 + S + 400);
	assert_int_equal(otdb_plan_next(&p, T0 + S + 400, &w), OTDB_FAIL);
	assert_non_null(strstr(p.error, "code 5"));
	otdb_plan_fini(&p);
}

static void
test_otdb_plan_refuses_broken_replies(void **state)
{
	static const char *const bad[] = {
		"", "{\"response_code\":0,\"results\":[{}", "<html>502</html>",
		"{\"results\":[]}", "{\"response_code\":0}",
		"{\"response_code\":\"0\",\"results\":[]}",
	};
	struct otdb_plan p;
	size_t i;
	int64_t w;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		plan_with_token(&p, &any10);
		expect_request(&p, T0, "amount=10");
		reply(&p, bad[i], T0 + 10);
		assert_int_equal(otdb_plan_next(&p, T0 + 10, &w), OTDB_FAIL);
		assert_non_null(strstr(p.error, "broken"));
		assert_null(p.body);
		otdb_plan_fini(&p);
	}
}

static void
test_otdb_plan_refuses_a_bad_token(void **state)
{
	struct otdb_state st = { 0 };
	struct otdb_plan p;
	int64_t w;

	(void)state;
	otdb_plan_init(&p, "http://h", &any10, &st);
	expect_request(&p, T0, "command=request");
	reply(&p, "{\"response_code\":0,\"token\":\"x&amount=50\"}", T0 + 10);
	assert_int_equal(otdb_plan_next(&p, T0 + 10, &w), OTDB_FAIL);
	assert_non_null(strstr(p.error, "no session token"));
	otdb_plan_fini(&p);
}

static void
test_otdb_plan_transport_failure_fails(void **state)
{
	struct otdb_plan p;
	int64_t w;

	(void)state;
	plan_with_token(&p, &any10);
	expect_request(&p, T0, "amount=10");
	otdb_plan_failed(&p, "cannot connect");
	assert_int_equal(otdb_plan_next(&p, T0 + 10, &w), OTDB_FAIL);
	assert_string_equal(p.error, "cannot connect");
	otdb_plan_fini(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_otdb_urls_carry_the_query),
		cmocka_unit_test(test_otdb_base_url_is_checked),
		cmocka_unit_test(test_otdb_names_parse),
		cmocka_unit_test(test_otdb_categories_parse_and_round_trip),
		cmocka_unit_test(test_otdb_categories_reject_broken_replies),
		cmocka_unit_test(test_otdb_count_fills_its_category),
		cmocka_unit_test(test_otdb_count_global_fills_every_category),
		cmocka_unit_test(test_otdb_list_cache_round_trips_and_survives_damage),
		cmocka_unit_test(test_otdb_list_is_kept_a_day),
		cmocka_unit_test(test_otdb_category_match_by_id_name_and_part),
		cmocka_unit_test(test_otdb_category_match_explains_misses),
		cmocka_unit_test(test_otdb_rate_wait_spaces_requests_5_s_and_a_margin),
		cmocka_unit_test(test_otdb_state_round_trips_and_survives_damage),
		cmocka_unit_test(test_otdb_token_lives_6_hours_idle),
		cmocka_unit_test(test_otdb_cache_names_match_their_query),
		cmocka_unit_test(test_otdb_plan_first_run_gets_a_token_then_waits_5_s),
		cmocka_unit_test(test_otdb_plan_with_a_live_token_asks_at_once),
		cmocka_unit_test(test_otdb_plan_asks_50_at_a_time),
		cmocka_unit_test(test_otdb_plan_code_1_plays_what_came_or_says_none),
		cmocka_unit_test(test_otdb_plan_code_2_fails),
		cmocka_unit_test(test_otdb_plan_code_3_gets_a_new_token_once),
		cmocka_unit_test(test_otdb_plan_code_4_resets_the_token_and_says_so),
		cmocka_unit_test(test_otdb_plan_code_5_waits_5_s_and_retries_once),
		cmocka_unit_test(test_otdb_plan_refuses_broken_replies),
		cmocka_unit_test(test_otdb_plan_refuses_a_bad_token),
		cmocka_unit_test(test_otdb_plan_transport_failure_fails),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
