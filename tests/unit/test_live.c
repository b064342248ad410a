/*
 * test_live.c - unit tests for src/core/live.c: the live game's phases on a
 * fake clock, the host's deadline and grace, the first answer winning,
 * refused answers, scores equal to the single-player rule, nicknames, the
 * PIN and its guard, resuming, ranks and the results file.
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

#include "clock.h"
#include "live.h"
#include "score.h"

/* The totals of z, for asserting on. */
static struct quiz_tally
tally_of(const struct quiz *z)
{
	struct quiz_tally t;

	quiz_tally(z, &t);
	return t;
}

#define MS 1000
#define S CLOCK_US
#define T_LIMIT (10 * S)
#define GRACE (250 * MS)
#define TOK_A "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define TOK_B "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
#define TOK_C "cccccccccccccccccccccccccccccccc"

static const char pack_text[] =
    "{\"title\": \"Live\", \"time_limit\": 10, \"questions\": ["
    "{\"type\": \"choice\", \"question\": \"Capital of Australia?\","
    " \"choices\": [\"Sydney\", \"Canberra\", \"Melbourne\", \"Perth\"],"
    " \"answer\": \"Canberra\"},"
    "{\"type\": \"truefalse\", \"question\": \"The Nile flows north.\","
    " \"answer\": true},"
    "{\"type\": \"text\", \"question\": \"Capital of Iceland?\","
    " \"answer\": [\"Reykjavík\", \"Reykjavik\"]}]}";

struct fixture {
	struct pack *pack;
	struct config cfg;
	struct quiz *master;
	struct quiz *again;     /* a second game's questions, when made */
	struct live *L;
	int64_t now;            /* the fake clock */
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct diags d = { 0 };
	struct quiz_opts opts = { 0, 0 };
	struct live_opts lo;
	struct rng r;

	f->pack = pack_parse("live.json", pack_text, sizeof pack_text - 1, &d);
	assert_non_null(f->pack);
	diags_fini(&d);
	config_defaults(&f->cfg);
	f->cfg.shuffle_questions = false;
	f->cfg.shuffle_choices = false;
	rng_seed(&r, 1);
	f->master = quiz_new(&f->pack, 1, &f->cfg, &opts, &r);
	live_opts_defaults(&lo);
	f->L = live_new(f->master, &lo, "123456");
	f->now = 1000 * S;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	live_free(f->L);
	quiz_free(f->master);
	quiz_free(f->again);
	pack_free(f->pack);
	config_fini(&f->cfg);
	free(f);
	return 0;
}

static int
join(struct fixture *f, const char *nick, const char *token)
{
	int id = -1;

	assert_int_equal(live_join(f->L, "123456", nick, token, f->now, &id),
	    LIVE_OK);
	return id;
}

/* Run the machine to now, as the host's loop does. */
static void
run_to(struct fixture *f, int64_t now)
{
	f->now = now;
	while (live_tick(f->L, f->now))
		;
}

/* Let the clock run from wake-up to wake-up until the phase is ph. */
static void
run_until(struct fixture *f, enum live_phase ph)
{
	int guard = 0;

	while (f->L->phase != ph) {
		int64_t w = live_wake(f->L);

		assert_true(w != CLOCK_NEVER && ++guard < 100);
		run_to(f, w > f->now ? w : f->now);
	}
}

/* Start, wait out "get ready", hand every player their line at now. */
static void
open_q(struct fixture *f)
{
	int i;

	if (f->L->phase == LIVE_LOBBY)
		assert_true(live_start(f->L, f->now));
	run_until(f, LIVE_READY);
	run_to(f, f->now + 3 * S);
	assert_int_equal(f->L->phase, LIVE_OPEN);
	for (i = 0; i < f->L->np; i++)
		live_delivered(f->L, i, f->now);
}

static struct wire_msg
choice(int k)
{
	struct wire_msg m = { .t = W_ANSWER, .akind = WA_INDEX, .a_index = k };

	return m;
}

static struct wire_msg
truth(bool v)
{
	struct wire_msg m = { .t = W_ANSWER, .akind = WA_BOOL, .a_bool = v };

	return m;
}

static struct wire_msg
typed(const char *s)
{
	struct wire_msg m = { .t = W_ANSWER, .akind = WA_TEXT,
	    .a_text = (char *)s };

	return m;
}

static void
test_live_phases_follow_the_fake_clock(void **state)
{
	struct fixture *f = *state;
	struct wire_msg a = choice(1);
	int64_t t0;

	f->L->o.start_when = 2;
	assert_int_equal(f->L->phase, LIVE_LOBBY);
	assert_true(live_wake(f->L) == CLOCK_NEVER);
	join(f, "ann", TOK_A);
	run_to(f, f->now + 60 * S);
	assert_int_equal(f->L->phase, LIVE_LOBBY);   /* one of two is in */
	join(f, "bob", TOK_B);
	run_to(f, f->now);
	assert_int_equal(f->L->phase, LIVE_READY);
	assert_int_equal(f->L->q, 0);
	assert_true(live_wake(f->L) == f->now + 3 * S);
	run_to(f, f->now + 3 * S - 1);
	assert_int_equal(f->L->phase, LIVE_READY);
	run_to(f, f->now + 1);
	assert_int_equal(f->L->phase, LIVE_OPEN);
	t0 = f->now + 2 * MS;
	live_delivered(f->L, 0, t0);
	live_delivered(f->L, 1, t0);
	assert_true(live_wake(f->L) == t0 + T_LIMIT + GRACE);
	assert_int_equal(live_answer(f->L, 0, 1, &a, t0 + S), LIVE_OK);
	run_to(f, t0 + T_LIMIT + GRACE - 1);
	assert_int_equal(f->L->phase, LIVE_OPEN);
	run_to(f, t0 + T_LIMIT + GRACE);
	assert_int_equal(f->L->phase, LIVE_REVEAL);
	run_to(f, f->now + 5 * S);
	assert_int_equal(f->L->phase, LIVE_BOARD);
	run_to(f, f->now + 5 * S);
	assert_int_equal(f->L->phase, LIVE_READY);
	assert_int_equal(f->L->q, 1);
	/* Questions 2 and 3 with nobody answering: each closes on time. */
	open_q(f);
	run_to(f, f->now + T_LIMIT + GRACE);
	run_to(f, f->now + 5 * S);
	assert_int_equal(f->L->phase, LIVE_BOARD);
	run_to(f, f->now + 5 * S);
	assert_int_equal(f->L->q, 2);
	open_q(f);
	run_to(f, f->now + T_LIMIT + GRACE);
	assert_int_equal(f->L->phase, LIVE_REVEAL);
	run_to(f, f->now + 5 * S);
	assert_int_equal(f->L->phase, LIVE_PODIUM);
	assert_true(f->L->finished);
	assert_true(live_wake(f->L) == CLOCK_NEVER);
	assert_false(live_tick(f->L, f->now + 1000 * S));
	assert_int_equal(tally_of(f->L->p[0].z).correct, 1);
	assert_int_equal(tally_of(f->L->p[0].z).timed_out, 2);
	assert_int_equal(tally_of(f->L->p[1].z).timed_out, 3);
}

static void
test_live_start_after_seconds_and_by_the_host(void **state)
{
	struct fixture *f = *state;

	assert_false(live_start(f->L, f->now));       /* nobody in yet */
	f->L->o.start_after_us = 20 * S;
	join(f, "ann", TOK_A);
	assert_true(live_wake(f->L) == f->now + 20 * S);
	run_to(f, f->now + 20 * S - 1);
	assert_int_equal(f->L->phase, LIVE_LOBBY);
	run_to(f, f->now + 1);
	assert_int_equal(f->L->phase, LIVE_READY);
	/* Enter moves on at once, whatever the clock. */
	assert_true(live_next(f->L, f->now));
	assert_int_equal(f->L->phase, LIVE_OPEN);
	assert_true(live_next(f->L, f->now));
	assert_int_equal(f->L->phase, LIVE_REVEAL);
	f->L->o.reveal_us = 0;
	assert_true(live_wake(f->L) == CLOCK_NEVER);  /* waits for Enter */
	assert_true(live_next(f->L, f->now));
	assert_int_equal(f->L->phase, LIVE_BOARD);
}

static void
test_live_deadline_plus_grace_boundary(void **state)
{
	struct fixture *f = *state;
	struct wire_msg a = choice(1);
	int64_t t0;

	join(f, "ann", TOK_A);
	join(f, "bob", TOK_B);
	join(f, "cy", TOK_C);
	open_q(f);
	t0 = f->now;
	assert_int_equal(live_answer(f->L, 0, 1, &a, t0 + T_LIMIT + GRACE +
	    MS), LIVE_TOO_LATE);
	assert_int_equal(live_answer(f->L, 1, 1, &a, t0 + T_LIMIT + GRACE -
	    MS), LIVE_OK);
	assert_int_equal(live_answer(f->L, 2, 1, &a, t0 + T_LIMIT + GRACE),
	    LIVE_OK);
	run_to(f, t0 + T_LIMIT + GRACE);
	/* Inside the grace the time counts as T: the deadline's points. */
	assert_int_equal(quiz_score(f->L->p[1].z), score_points(10, 10));
	assert_int_equal(quiz_score(f->L->p[1].z), 500);
	assert_int_equal(quiz_score(f->L->p[2].z), 500);
	/* Too late is no answer: time ran out. */
	assert_int_equal(quiz_score(f->L->p[0].z), 0);
	assert_true(outcome_timed_out(&f->L->p[0].z->o[0]));
	assert_null(f->L->p[0].z->o[0].given);
}

static void
test_live_each_player_has_their_own_t0(void **state)
{
	struct fixture *f = *state;
	struct wire_msg a = choice(1);
	int64_t open;

	join(f, "ann", TOK_A);
	join(f, "slow", TOK_B);
	assert_true(live_start(f->L, f->now));
	run_to(f, f->now + 3 * S);
	open = f->now;
	live_delivered(f->L, 0, open);
	/* slow's socket was full: its line reached the kernel 400 ms later. */
	live_delivered(f->L, 1, open + 400 * MS);
	live_delivered(f->L, 1, open + 900 * MS);      /* only the first counts */
	assert_true(live_wake(f->L) == open + 400 * MS + T_LIMIT + GRACE);
	assert_int_equal(live_answer(f->L, 0, 1, &a, open + T_LIMIT + GRACE +
	    MS), LIVE_TOO_LATE);
	assert_int_equal(live_answer(f->L, 1, 1, &a, open + 400 * MS + 5 * S),
	    LIVE_OK);
	assert_int_equal(quiz_score(f->L->p[1].z), score_points(5, 10));
	assert_true(live_left_us(f->L, 1, open + 400 * MS + 2 * S) ==
	    T_LIMIT - 2 * S);
}

static void
test_live_first_valid_answer_wins(void **state)
{
	struct fixture *f = *state;
	struct wire_msg right = choice(1), wrong = choice(0), bad = choice(7);

	join(f, "ann", TOK_A);
	join(f, "bob", TOK_B);
	open_q(f);
	assert_int_equal(live_answer(f->L, 0, 1, &bad, f->now + S),
	    LIVE_OUT_OF_RANGE);
	assert_int_equal(live_answer(f->L, 0, 1, &wrong, f->now + 2 * S),
	    LIVE_OK);
	assert_int_equal(live_answer(f->L, 0, 1, &right, f->now + 3 * S),
	    LIVE_ANSWERED);
	assert_int_equal(f->L->answered, 1);
	assert_false(f->L->p[0].z->o[0].correct);
	assert_string_equal(f->L->p[0].z->o[0].given, "Sydney");
	assert_int_equal(f->L->counts[0], 1);
	assert_int_equal(f->L->counts[1], 0);
}

static void
test_live_refuses_answers_out_of_place(void **state)
{
	struct fixture *f = *state;
	struct wire_msg a = choice(1), tf = truth(true), txt = typed("x");

	join(f, "ann", TOK_A);
	join(f, "bob", TOK_B);
	assert_int_equal(live_answer(f->L, 0, 1, &a, f->now), LIVE_NOT_OPEN);
	assert_true(live_start(f->L, f->now));
	assert_int_equal(live_answer(f->L, 0, 1, &a, f->now), LIVE_NOT_OPEN);
	run_to(f, f->now + 3 * S);
	/* Open, but ann's line has not reached the kernel yet. */
	assert_int_equal(live_answer(f->L, 0, 1, &a, f->now), LIVE_NOT_OPEN);
	live_delivered(f->L, 0, f->now);
	live_delivered(f->L, 1, f->now);
	assert_int_equal(live_answer(f->L, 0, 2, &a, f->now), LIVE_WRONG_Q);
	assert_int_equal(live_answer(f->L, 0, 0, &a, f->now), LIVE_WRONG_Q);
	assert_int_equal(live_answer(f->L, 0, 1, &tf, f->now),
	    LIVE_OUT_OF_RANGE);
	assert_int_equal(live_answer(f->L, 0, 1, &txt, f->now),
	    LIVE_OUT_OF_RANGE);
	a.a_index = 4;
	assert_int_equal(live_answer(f->L, 0, 1, &a, f->now),
	    LIVE_OUT_OF_RANGE);
	a.a_index = -1;
	assert_int_equal(live_answer(f->L, 0, 1, &a, f->now),
	    LIVE_OUT_OF_RANGE);
	assert_int_equal(f->L->answered, 0);
	run_to(f, f->now + T_LIMIT + GRACE);
	assert_int_equal(f->L->phase, LIVE_REVEAL);
	a.a_index = 1;
	assert_int_equal(live_answer(f->L, 1, 1, &a, f->now), LIVE_NOT_OPEN);
	assert_int_equal(quiz_score(f->L->p[1].z), 0);
}

static void
test_live_scores_equal_the_single_player_rule(void **state)
{
	struct fixture *f = *state;
	struct wire_msg a1 = choice(1), a2 = truth(true),
	    a3 = typed(" reykjavik ");
	struct quiz_opts opts = { 0, 0 };
	struct quiz *alone;
	struct rng r;

	join(f, "ann", TOK_A);
	join(f, "bob", TOK_B);
	open_q(f);
	assert_int_equal(live_answer(f->L, 0, 1, &a1, f->now + 2414 * MS),
	    LIVE_OK);
	run_to(f, f->now + T_LIMIT + GRACE + 10 * S);
	open_q(f);
	assert_int_equal(live_answer(f->L, 0, 2, &a2, f->now + 7 * S),
	    LIVE_OK);
	run_to(f, f->now + T_LIMIT + GRACE + 10 * S);
	open_q(f);
	assert_int_equal(live_answer(f->L, 0, 3, &a3, f->now + 333 * MS),
	    LIVE_OK);
	run_until(f, LIVE_PODIUM);

	rng_seed(&r, 1);
	alone = quiz_new(&f->pack, 1, &f->cfg, &opts, &r);
	quiz_answer_choice(alone, 1, 2.414);
	quiz_next(alone);
	quiz_answer_truefalse(alone, true, 7);
	quiz_next(alone);
	quiz_answer_text(alone, " reykjavik ", 0.333);
	assert_int_equal(quiz_score(f->L->p[0].z), quiz_score(alone));
	assert_int_equal(f->L->p[0].z->o[1].points, alone->o[1].points);
	assert_int_equal(f->L->p[0].z->o[2].bonus, alone->o[2].bonus);
	assert_int_equal(f->L->p[0].z->streak, 3);
	assert_true(alone->o[2].bonus > 0);
	assert_int_equal(f->L->p[0].rank, 1);
	assert_int_equal(f->L->p[1].rank, 2);
	assert_int_equal(f->L->p[1].gap, quiz_score(alone));
	quiz_free(alone);
}

static void
test_live_closes_early_when_everyone_answered(void **state)
{
	struct fixture *f = *state;
	struct wire_msg a = choice(1);

	join(f, "ann", TOK_A);
	join(f, "bob", TOK_B);
	open_q(f);
	assert_int_equal(live_answer(f->L, 0, 1, &a, f->now + S), LIVE_OK);
	run_to(f, f->now + 2 * S);
	assert_int_equal(f->L->phase, LIVE_OPEN);
	/* bob drops: nobody left to wait for. */
	live_drop(f->L, 1);
	run_to(f, f->now + MS);
	assert_int_equal(f->L->phase, LIVE_REVEAL);
	assert_true(outcome_timed_out(&f->L->p[1].z->o[0]));
}

static void
test_live_nick_rules(void **state)
{
	struct fixture *f = *state;
	int id;

	assert_null(live_nick_error("ann"));
	assert_null(live_nick_error("Zoë"));
	assert_null(live_nick_error("1234567890123456"));
	assert_null(live_nick_error("日本語のなまえ"));      /* 14 columns */
	assert_non_null(live_nick_error("日本語のなまえです"));   /* 18 */
	assert_non_null(live_nick_error("12345678901234567"));
	assert_non_null(live_nick_error(""));
	assert_non_null(live_nick_error(" ann"));
	assert_non_null(live_nick_error("ann "));
	assert_non_null(live_nick_error("a\033[2Jb"));
	assert_non_null(live_nick_error("a\tb"));
	assert_non_null(live_nick_error("a\xC2\x9b" "b"));         /* C1 CSI */
	assert_non_null(live_nick_error("abc\xE2\x80\xAE" "def"));  /* RLO */
	assert_non_null(live_nick_error("a\xE2\x81\xA6" "b"));      /* LRI */
	assert_non_null(live_nick_error("a\xff" "b"));
	assert_non_null(live_nick_error("\xCC\x81"));   /* a lone accent */
	assert_int_equal(live_columns("e\xCC\x81"), 1);
	assert_int_equal(live_columns("\xff"), -1);
	join(f, "Ann", TOK_A);
	assert_int_equal(live_join(f->L, "123456", "ann", TOK_B, f->now, &id),
	    LIVE_NICK_TAKEN);
	assert_int_equal(live_join(f->L, "123456", "a\033b", TOK_B, f->now,
	    &id), LIVE_BAD_NICK);
	assert_int_equal(f->L->np, 1);
}

static void
test_live_pin_and_its_guard(void **state)
{
	struct fixture *f = *state;
	struct live_guard *g = calloc(1, sizeof *g);
	int id, i;

	assert_int_equal(live_join(f->L, "654321", "ann", TOK_A, f->now, &id),
	    LIVE_BAD_PIN);
	assert_int_equal(live_join(f->L, "12345", "ann", TOK_A, f->now, &id),
	    LIVE_BAD_PIN);
	assert_int_equal(live_join(f->L, "1234567", "ann", TOK_A, f->now,
	    &id), LIVE_BAD_PIN);
	assert_int_equal(f->L->np, 0);
	for (i = 0; i < LIVE_PIN_TRIES - 1; i++) {
		live_guard_fail(g, "10.0.0.9", f->now);
		assert_true(live_guard_allows(g, "10.0.0.9", f->now));
	}
	live_guard_fail(g, "10.0.0.9", f->now);
	assert_false(live_guard_allows(g, "10.0.0.9", f->now));
	assert_false(live_guard_allows(g, "10.0.0.9",
	    f->now + LIVE_PIN_WAIT_US - 1));
	assert_true(live_guard_allows(g, "10.0.0.8", f->now));
	assert_true(live_guard_allows(g, "10.0.0.9",
	    f->now + LIVE_PIN_WAIT_US));
	/* Many addresses: the table stays bounded and keeps working. */
	for (i = 0; i < 3 * LIVE_GUARD_SLOTS; i++) {
		char a[32];

		snprintf(a, sizeof a, "10.1.%d.%d", i / 256, i % 256);
		live_guard_fail(g, a, f->now + i);
	}
	for (i = 0; i < LIVE_PIN_TRIES; i++)
		live_guard_fail(g, "10.0.0.7", f->now + 10000 + i);
	assert_false(live_guard_allows(g, "10.0.0.7", f->now + 20000));
	free(g);
}

static void
test_live_join_refusals_full_locked_over(void **state)
{
	struct fixture *f = *state;
	int id, i;

	f->L->o.max_players = 2;
	join(f, "ann", TOK_A);
	join(f, "bob", TOK_B);
	assert_int_equal(live_join(f->L, "123456", "cy", TOK_C, f->now, &id),
	    LIVE_FULL);
	f->L->o.max_players = 3;
	f->L->o.lock = true;
	assert_true(live_start(f->L, f->now));
	assert_int_equal(live_join(f->L, "123456", "cy", TOK_C, f->now, &id),
	    LIVE_LOCKED);
	f->L->o.lock = false;
	/* A late joiner waits for the next question that opens. */
	open_q(f);
	assert_int_equal(live_join(f->L, "123456", "cy", TOK_C, f->now, &id),
	    LIVE_OK);
	assert_false(f->L->p[id].in_q);
	assert_int_equal(f->L->in_q, 2);
	for (i = 0; i < 20 && f->L->phase != LIVE_PODIUM; i++)
		live_next(f->L, f->now);
	assert_int_equal(f->L->phase, LIVE_PODIUM);
	assert_int_equal(tally_of(f->L->p[id].z).timed_out, 2);   /* questions 2, 3 */
	assert_int_equal(live_join(f->L, "123456", "dee", TOK_C, f->now, &id),
	    LIVE_OVER);
	assert_int_equal(strcmp(live_why_text(LIVE_NICK_TAKEN), "?") != 0, 1);
}

static void
test_live_resume_keeps_nick_score_and_streak(void **state)
{
	struct fixture *f = *state;
	struct wire_msg a = choice(1), m;
	int id;

	join(f, "ann", TOK_A);
	join(f, "bob", TOK_B);
	open_q(f);
	assert_int_equal(live_answer(f->L, 0, 1, &a, f->now + S), LIVE_OK);
	run_to(f, f->now + T_LIMIT + GRACE + 10 * S);
	open_q(f);
	live_drop(f->L, 0);
	assert_int_equal(live_connected(f->L), 1);
	assert_int_equal(live_resume(f->L, "dddddddddddddddddddddddddddddddd"),
	    -1);
	id = live_resume(f->L, TOK_A);
	assert_int_equal(id, 0);
	assert_string_equal(f->L->p[id].nick, "ann");
	assert_int_equal(quiz_score(f->L->p[id].z), score_points(1, 10));
	assert_int_equal(f->L->p[id].z->streak, 1);
	/* The question still open for ann is sent again with its real time
	 * left, and an answer still counts against the first t0. */
	live_msg_question(f->L, id, f->now + 4 * S, &m);
	assert_int_equal(m.left_ms, 6000);
	assert_int_equal(m.limit_ms, 10000);
	assert_int_equal(m.q, 2);
	wire_msg_fini(&m);
	a = truth(true);
	assert_int_equal(live_answer(f->L, id, 2, &a, f->now + 4 * S),
	    LIVE_OK);
	assert_int_equal(f->L->p[id].z->streak, 2);
	/* A player who left is gone for good. */
	live_leave(f->L, 1);
	assert_int_equal(live_resume(f->L, TOK_B), -1);
}

static void
test_live_messages_for_the_players(void **state)
{
	struct fixture *f = *state;
	struct wire_msg a = choice(1), m;

	join(f, "ann", TOK_A);
	join(f, "bob", TOK_B);
	join(f, "cy", TOK_C);
	assert_true(live_start(f->L, f->now));
	live_msg_ready(f->L, &m);
	assert_int_equal(m.t, W_READY);
	assert_int_equal(m.of, 3);
	assert_int_equal(m.in_ms, 3000);
	assert_string_equal(m.text, "Capital of Australia?");
	wire_msg_fini(&m);
	run_to(f, f->now + 3 * S);
	live_msg_question(f->L, 0, f->now, &m);
	assert_int_equal(m.qtype, WQ_CHOICE);
	assert_int_equal(m.nchoices, 4);
	assert_string_equal(m.choices[1], "Canberra");
	assert_int_equal(m.left_ms, 10000);
	wire_msg_fini(&m);
	live_delivered(f->L, 0, f->now);
	live_delivered(f->L, 1, f->now);
	live_delivered(f->L, 2, f->now);
	assert_int_equal(live_answer(f->L, 0, 1, &a, f->now + 2 * S), LIVE_OK);
	assert_int_equal(live_answer(f->L, 1, 1, &a, f->now + 2 * S), LIVE_OK);
	a.a_index = 3;
	assert_int_equal(live_answer(f->L, 2, 1, &a, f->now + S), LIVE_OK);
	run_to(f, f->now + 3 * S);
	assert_int_equal(f->L->phase, LIVE_REVEAL);
	live_msg_result(f->L, 2, &m);
	assert_false(m.correct);
	assert_false(m.timed_out);
	assert_string_equal(m.answer, "Canberra");
	assert_int_equal(m.rank, 3);
	assert_int_equal(m.gap, 900);
	wire_msg_fini(&m);
	live_msg_result(f->L, 1, &m);
	assert_true(m.correct);
	assert_int_equal(m.points, 900);
	assert_int_equal(m.rank, 1);      /* a tie with ann */
	assert_int_equal(m.gap, 0);
	wire_msg_fini(&m);
	live_msg_board(f->L, 2, false, &m);
	assert_int_equal(m.t, W_BOARD);
	assert_int_equal(m.ntop, 3);
	assert_string_equal(m.top[0].nick, "ann");
	assert_string_equal(m.top[2].nick, "cy");
	assert_int_equal(m.top[1].rank, 1);
	assert_int_equal(m.rank, 3);
	wire_msg_fini(&m);
}

static void
test_live_results_hold_every_players_answers(void **state)
{
	struct fixture *f = *state;
	struct wire_msg a = choice(1), w = choice(2);
	struct report_info info = { 7, 1.0, 0, 0 };
	const cJSON *ps, *p, *qs;
	cJSON *root;
	char *text;

	join(f, "fast", TOK_A);
	join(f, "wrong", TOK_B);
	join(f, "slow", TOK_C);
	open_q(f);
	assert_int_equal(live_answer(f->L, 0, 1, &a, f->now + S), LIVE_OK);
	assert_int_equal(live_answer(f->L, 1, 1, &w, f->now + S), LIVE_OK);
	run_to(f, f->now + T_LIMIT + GRACE);
	text = live_report_json(f->L, &info);
	root = cJSON_Parse(text);
	assert_non_null(root);
	assert_true(cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(root,
	    "finished")));
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(
	    root, "questions")), 1);
	ps = cJSON_GetObjectItemCaseSensitive(root, "players");
	assert_int_equal(cJSON_GetArraySize(ps), 3);
	p = cJSON_GetArrayItem(ps, 0);
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(p, "nick")
	    ->valuestring, "fast");
	assert_int_equal(cJSON_GetObjectItemCaseSensitive(p, "score")
	    ->valueint, 950);
	assert_int_equal(cJSON_GetObjectItemCaseSensitive(p, "rank")
	    ->valueint, 1);
	p = cJSON_GetArrayItem(ps, 2);
	qs = cJSON_GetObjectItemCaseSensitive(p, "questions");
	assert_int_equal(cJSON_GetArraySize(qs), 1);
	assert_true(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(
	    cJSON_GetArrayItem(qs, 0), "answer")));
	assert_true(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(
	    cJSON_GetArrayItem(qs, 0), "timed_out")));
	assert_int_equal(cJSON_GetObjectItemCaseSensitive(p, "timed_out")
	    ->valueint, 1);
	p = cJSON_GetArrayItem(ps, 1);
	qs = cJSON_GetObjectItemCaseSensitive(p, "questions");
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(
	    cJSON_GetArrayItem(qs, 0), "answer")->valuestring, "Melbourne");
	cJSON_Delete(root);
	free(text);
}

/* Open Trivia Database questions hosted live: the results credit the source
 * (CC BY-SA 4.0), as a solo game's do; a pack of our own has no "source". */
static void
test_live_results_credit_the_open_trivia_database(void **state)
{
	static const char otdb[] =
	    "{\"response_code\": 0, \"results\": [{\"category\": \"History\","
	    " \"type\": \"boolean\", \"difficulty\": \"easy\","
	    " \"question\": \"Rome was founded before Paris.\","
	    " \"correct_answer\": \"True\", \"incorrect_answers\": [\"False\"]}]}";
	struct fixture *f = *state;
	struct report_info info = { 7, 1.0, 0, 0 };
	struct diags d = { 0 };
	struct quiz_opts opts = { 0, 0 };
	struct live_opts lo;
	struct pack *pk;
	struct quiz *z;
	struct live *L;
	struct rng r;
	cJSON *root;
	char *text;

	text = live_report_json(f->L, &info);
	root = cJSON_Parse(text);
	assert_null(cJSON_GetObjectItemCaseSensitive(root, "source"));
	cJSON_Delete(root);
	free(text);

	pk = pack_parse("otdb.json", otdb, sizeof otdb - 1, &d);
	assert_non_null(pk);
	diags_fini(&d);
	rng_seed(&r, 1);
	z = quiz_new(&pk, 1, &f->cfg, &opts, &r);
	live_opts_defaults(&lo);
	L = live_new(z, &lo, "123456");
	text = live_report_json(L, &info);
	root = cJSON_Parse(text);
	assert_non_null(root);
	assert_string_equal(cJSON_GetObjectItemCaseSensitive(root, "source")
	    ->valuestring, "Questions: Open Trivia Database (opentdb.com), "
	    "CC BY-SA 4.0");
	cJSON_Delete(root);
	free(text);
	live_free(L);
	quiz_free(z);
	pack_free(pk);
}

/* Play again: from the podium only, back to the lobby with the same PIN
 * and the players still there (the one who left is gone, the others
 * renumbered), every score and streak from zero, the new questions; a
 * dropped player can still resume, and a game 2 plays to its own podium. */
static void
test_live_play_again_from_the_podium(void **state)
{
	struct fixture *f = *state;
	struct wire_msg a = choice(1);
	struct quiz_opts opts = { .count = 2 };   /* two questions this time */
	int moved[8];
	struct rng r;
	char *text;
	cJSON *root;

	join(f, "ann", TOK_A);
	join(f, "cat", TOK_C);
	join(f, "bob", TOK_B);
	rng_seed(&r, 2);
	f->again = quiz_new(&f->pack, 1, &f->cfg, &opts, &r);
	assert_int_equal(f->again->n, 2);
	assert_false(live_again(f->L, f->again, f->now, moved));  /* lobby */
	open_q(f);
	assert_false(live_again(f->L, f->again, f->now, moved));  /* open */
	assert_int_equal(f->L->phase, LIVE_OPEN);
	assert_int_equal(live_answer(f->L, 0, 1, &a, f->now + S), LIVE_OK);
	live_leave(f->L, 1);
	live_drop(f->L, 2);
	run_until(f, LIVE_PODIUM);
	assert_true(quiz_score(f->L->p[0].z) > 0);
	assert_int_equal(f->L->game, 1);

	assert_true(live_again(f->L, f->again, f->now, moved));
	assert_int_equal(f->L->phase, LIVE_LOBBY);
	assert_int_equal(f->L->game, 2);
	assert_int_equal(f->L->q, -1);
	assert_false(f->L->finished);
	assert_string_equal(f->L->pin, "123456");
	assert_int_equal(f->L->np, 2);
	assert_int_equal(moved[0], 0);
	assert_int_equal(moved[1], -1);
	assert_int_equal(moved[2], 1);
	assert_string_equal(f->L->p[0].nick, "ann");
	assert_string_equal(f->L->p[1].nick, "bob");
	assert_int_equal(f->L->p[1].id, 1);
	assert_true(f->L->p[0].connected);
	assert_false(f->L->p[1].connected);
	assert_int_equal(quiz_score(f->L->p[0].z), 0);
	assert_int_equal(f->L->p[0].z->streak, 0);
	assert_int_equal(f->L->p[0].z->n, 2);
	assert_int_equal(quiz_answered(f->L->p[0].z), 0);
	/* Nobody is in a question; the next board ranks everyone alike. */
	assert_int_equal(f->L->in_q, 0);
	assert_int_equal(f->L->p[0].rank, 1);
	assert_int_equal(f->L->p[1].rank, 1);
	assert_true(live_wake(f->L) == CLOCK_NEVER);   /* the host starts it */
	/* Who left cannot come back, but the nickname is free again; who
	 * dropped resumes into game 2 with the same token. */
	assert_int_equal(live_resume(f->L, TOK_C), -1);
	assert_int_equal(live_resume(f->L, TOK_B), 1);
	assert_int_equal(join(f, "cat", "dddddddddddddddddddddddddddddddd"), 2);

	/* Game 2: its own questions, its own scores, its own podium. */
	open_q(f);
	assert_int_equal(f->L->q, 0);
	assert_int_equal(f->L->in_q, 3);
	assert_true(f->L->p[2].in_q);
	assert_int_equal(live_answer(f->L, 1, 1, &a, f->now + 2 * S),
	    f->again->o[0].q->type == Q_CHOICE ? LIVE_OK : LIVE_OUT_OF_RANGE);
	run_until(f, LIVE_PODIUM);
	assert_true(f->L->finished);
	assert_int_equal(f->L->p[0].z->o[0].done, true);
	assert_int_equal(f->L->p[0].z->o[0].correct, false);  /* timed out */
	text = live_report_json(f->L, &(struct report_info){ .finished = true });
	root = cJSON_Parse(text);
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(
	    root, "questions")), 2);
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(
	    root, "players")), 3);
	cJSON_Delete(root);
	free(text);
	/* And a third game after that one. */
	assert_true(live_again(f->L, f->master, f->now, moved));
	assert_int_equal(f->L->game, 3);
	assert_int_equal(f->L->p[0].z->n, f->master->n);
}

/* --start-after counts again from the lobby of the next game; --start-when
 * starts it as soon as enough are still in. */
static void
test_live_play_again_keeps_the_start_rules(void **state)
{
	struct fixture *f = *state;
	int moved[4];

	f->L->o.start_after_us = 20 * S;
	join(f, "ann", TOK_A);
	run_to(f, f->now + 20 * S);
	assert_int_equal(f->L->phase, LIVE_READY);
	run_until(f, LIVE_PODIUM);
	f->now += 60 * S;
	assert_true(live_again(f->L, f->master, f->now, moved));
	assert_true(live_wake(f->L) == f->now + 20 * S);
	run_to(f, f->now + 20 * S - 1);
	assert_int_equal(f->L->phase, LIVE_LOBBY);
	run_to(f, f->now + 1);
	assert_int_equal(f->L->phase, LIVE_READY);
	run_until(f, LIVE_PODIUM);
	f->L->o.start_after_us = 0;
	f->L->o.start_when = 1;
	assert_true(live_again(f->L, f->master, f->now, moved));
	run_to(f, f->now);
	assert_int_equal(f->L->phase, LIVE_READY);
	assert_int_equal(f->L->game, 3);
}

int
main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_live_phases_follow_the_fake_clock),
		T(test_live_start_after_seconds_and_by_the_host),
		T(test_live_deadline_plus_grace_boundary),
		T(test_live_each_player_has_their_own_t0),
		T(test_live_first_valid_answer_wins),
		T(test_live_refuses_answers_out_of_place),
		T(test_live_scores_equal_the_single_player_rule),
		T(test_live_closes_early_when_everyone_answered),
		T(test_live_nick_rules),
		T(test_live_pin_and_its_guard),
		T(test_live_join_refusals_full_locked_over),
		T(test_live_resume_keeps_nick_score_and_streak),
		T(test_live_messages_for_the_players),
		T(test_live_results_hold_every_players_answers),
		T(test_live_results_credit_the_open_trivia_database),
		T(test_live_play_again_from_the_podium),
		T(test_live_play_again_keeps_the_start_rules),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
