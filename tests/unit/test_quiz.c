/*
 * test_quiz.c - unit tests for src/core/quiz.c: building a game from packs
 * and config (seeded shuffles, counts, time limits), recording answers and
 * time-outs, streaks, retry and review games.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "quiz.h"
#include "score.h"
#include "testutil.h"

/* The totals of z, for asserting on. */
static struct quiz_tally
tally_of(const struct quiz *z)
{
	struct quiz_tally t;

	quiz_tally(z, &t);
	return t;
}

/* A pack of n choice questions Q0..Qn-1, four choices each, the answer of
 * Qi at index i % 4; loaded through the real loader. */
static struct pack *
choice_pack(const char *title, int n)
{
	char text[16384];
	size_t len = 0;
	struct diags d = { 0 };
	struct pack *p;
	int i;

	len += (size_t)snprintf(text + len, sizeof text - len,
	    "{\"title\": \"%s\", \"questions\": [", title);
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(text + len, sizeof text - len,
		    "%s{\"type\": \"choice\", \"question\": \"%s Q%d\", "
		    "\"choices\": [\"a%d\", \"b%d\", \"c%d\", \"d%d\"], "
		    "\"answer\": %d}", i ? "," : "", title, i, i, i, i, i,
		    i % 4);
	len += (size_t)snprintf(text + len, sizeof text - len, "]}");
	assert_true(len < sizeof text);
	p = pack_parse(title, text, len, &d);
	assert_int_equal(d.n, 0);
	assert_non_null(p);
	diags_fini(&d);
	return p;
}

static struct pack *
parse_pack(const char *text)
{
	struct diags d = { 0 };
	struct pack *p = pack_parse("test.json", text, strlen(text), &d);

	if (p == NULL) {
		int i;

		for (i = 0; i < d.n; i++)
			print_error("%s\n", d.v[i].msg);
	}
	assert_non_null(p);
	diags_fini(&d);
	return p;
}

/* One of each type: choice (answer "Canberra"), truefalse (true), text. */
static const char mixed_text[] =
    "{\"title\": \"Mixed\", \"questions\": ["
    "{\"type\": \"choice\", \"question\": \"Capital of Australia?\","
    " \"choices\": [\"Sydney\", \"Canberra\", \"Melbourne\", \"Perth\"],"
    " \"answer\": \"Canberra\"},"
    "{\"type\": \"truefalse\", \"question\": \"The Nile flows north.\","
    " \"answer\": true},"
    "{\"type\": \"text\", \"question\": \"Capital of Iceland?\","
    " \"answer\": [\"Reykjavík\", \"Reykjavik\"]},"
    "{\"type\": \"choice\", \"question\": \"Largest ocean?\","
    " \"choices\": [\"Atlantic\", \"Pacific\"], \"answer\": 1}]}";

/* The defaults, but every question of a pack and one limit for every type:
 * what these tests count with. */
static void
base_config(struct config *c)
{
	config_defaults(c);
	c->questions_per_game = 0;
	memset(c->time_limits, 0, sizeof c->time_limits);
}

static struct config
plain_config(void)
{
	struct config c;

	base_config(&c);
	c.shuffle_questions = false;
	c.shuffle_choices = false;
	return c;
}

static struct quiz *
new_game(struct pack *p, const struct config *cfg, int count, uint64_t seed)
{
	struct quiz_opts opts = { 0, count };
	struct rng r;

	rng_seed(&r, seed);
	return quiz_new(&p, 1, cfg, &opts, &r);
}

/* The number shown (0-based) for the choice at index idx. */
static int
shown_for(const struct outcome *o, int idx)
{
	int k;

	for (k = 0; k < o->q->nchoices; k++)
		if (o->order[k] == idx)
			return k;
	fail_msg("choice %d is not shown", idx);
	return -1;
}

static int
index_in_pack(const struct pack *p, const struct question *q)
{
	assert_true(q >= p->q && q < p->q + p->nq);
	return (int)(q - p->q);
}

static void
test_quiz_same_seed_same_game(void **state)
{
	struct pack *p = choice_pack("Seeded", 20);
	struct config cfg;
	struct quiz *a, *b;
	int i;

	(void)state;
	base_config(&cfg);
	a = new_game(p, &cfg, 0, 777);
	b = new_game(p, &cfg, 0, 777);
	assert_int_equal(a->n, 20);
	assert_int_equal(b->n, 20);
	for (i = 0; i < a->n; i++) {
		assert_ptr_equal(a->o[i].q, b->o[i].q);
		assert_memory_equal(a->o[i].order, b->o[i].order,
		    sizeof a->o[i].order);
	}
	quiz_free(a);
	quiz_free(b);
	pack_free(p);
}

static void
test_quiz_different_seed_different_game(void **state)
{
	struct pack *p = choice_pack("Seeded", 20);
	struct config cfg;
	struct quiz *a, *b;
	int i, same_q = 0, same_order = 0;

	(void)state;
	base_config(&cfg);
	a = new_game(p, &cfg, 0, 1);
	b = new_game(p, &cfg, 0, 2);
	for (i = 0; i < a->n; i++) {
		same_q += a->o[i].q == b->o[i].q;
		same_order += memcmp(a->o[i].order, b->o[i].order,
		    sizeof a->o[i].order) == 0;
	}
	assert_true(same_q < a->n);
	assert_true(same_order < a->n);
	quiz_free(a);
	quiz_free(b);
	pack_free(p);
}

static void
test_quiz_shuffle_plays_every_question_once(void **state)
{
	struct pack *p = choice_pack("Perm", 30);
	struct config cfg;
	struct quiz *z;
	int seen[30] = { 0 }, i, k, moved = 0;

	(void)state;
	base_config(&cfg);
	z = new_game(p, &cfg, 0, 42);
	for (i = 0; i < z->n; i++) {
		int seen_choice[4] = { 0 };

		seen[index_in_pack(p, z->o[i].q)]++;
		moved += index_in_pack(p, z->o[i].q) != i;
		for (k = 0; k < 4; k++)
			seen_choice[z->o[i].order[k]]++;
		for (k = 0; k < 4; k++)
			assert_int_equal(seen_choice[k], 1);
	}
	for (i = 0; i < 30; i++)
		assert_int_equal(seen[i], 1);
	assert_true(moved > 0);
	quiz_free(z);
	pack_free(p);
}

static void
test_quiz_unshuffled_keeps_pack_order(void **state)
{
	struct pack *p = choice_pack("Plain", 6);
	struct config cfg = plain_config();
	struct quiz *z = new_game(p, &cfg, 0, 9);
	int i, k;

	(void)state;
	for (i = 0; i < z->n; i++) {
		assert_ptr_equal(z->o[i].q, &p->q[i]);
		for (k = 0; k < 4; k++)
			assert_int_equal(z->o[i].order[k], k);
	}
	quiz_free(z);
	pack_free(p);
}

static void
test_quiz_count_limits_the_game(void **state)
{
	struct pack *p = choice_pack("Count", 10);
	struct config cfg;
	struct quiz *z;

	(void)state;
	base_config(&cfg);
	z = new_game(p, &cfg, 3, 5);
	assert_int_equal(z->n, 3);
	quiz_free(z);
	/* The config's questions_per_game, unless --count says otherwise. */
	cfg.questions_per_game = 5;
	z = new_game(p, &cfg, 0, 5);
	assert_int_equal(z->n, 5);
	quiz_free(z);
	z = new_game(p, &cfg, 2, 5);
	assert_int_equal(z->n, 2);
	quiz_free(z);
	/* Never more than there are. */
	z = new_game(p, &cfg, 100, 5);
	assert_int_equal(z->n, 10);
	quiz_free(z);
	pack_free(p);
}

static void
test_quiz_count_takes_a_seeded_sample(void **state)
{
	struct pack *p = choice_pack("Sample", 40);
	struct config cfg;
	struct quiz *a, *b;
	int i, from_tail = 0;

	(void)state;
	base_config(&cfg);
	a = new_game(p, &cfg, 5, 11);
	b = new_game(p, &cfg, 5, 11);
	for (i = 0; i < 5; i++) {
		assert_ptr_equal(a->o[i].q, b->o[i].q);
		from_tail += index_in_pack(p, a->o[i].q) >= 5;
	}
	/* Shuffled first, then cut: not always the first five. */
	assert_true(from_tail > 0);
	quiz_free(a);
	quiz_free(b);
	pack_free(p);
}

/* Whether a and b ask the same questions with the same choices shown. */
static bool
same_game(const struct quiz *a, const struct quiz *b)
{
	int i;

	if (a->n != b->n)
		return false;
	for (i = 0; i < a->n; i++)
		if (a->o[i].q != b->o[i].q || memcmp(a->o[i].order,
		    b->o[i].order, sizeof a->o[i].order) != 0)
			return false;
	return true;
}

static struct quiz *
deal(struct pack *p, const struct config *cfg, int count, uint64_t seed)
{
	struct quiz_opts opts = { 0, count };

	return quiz_deal(&p, 1, cfg, &opts, seed);
}

static void
test_quiz_deal_round_zero_is_the_seeds_game(void **state)
{
	struct pack *p = choice_pack("Deal", 30);
	struct config cfg, flat = plain_config();
	uint64_t seeds[] = { 0, 1, 4242, QUIZ_DECK_MASK };
	struct quiz *a, *b;
	size_t i;

	(void)state;
	base_config(&cfg);
	for (i = 0; i < sizeof seeds / sizeof seeds[0]; i++) {
		/* What --seed N played before rounds existed, unchanged. */
		a = new_game(p, &cfg, 10, seeds[i]);
		b = deal(p, &cfg, 10, seeds[i]);
		assert_int_equal(quiz_seed_round(seeds[i]), 0);
		assert_true(same_game(a, b));
		quiz_free(a);
		quiz_free(b);
		a = new_game(p, &flat, 10, seeds[i]);
		b = deal(p, &flat, 10, seeds[i]);
		assert_true(same_game(a, b));
		quiz_free(a);
		quiz_free(b);
	}
	pack_free(p);
}

/* Rounds 0..rounds-1 of deck, count questions each from a pack of total:
 * how many times each question was asked, into seen[]; asserts that no
 * game asks a question twice and that each seed deals its game again. */
static void
play_rounds(struct pack *p, const struct config *cfg, int count,
    uint64_t deck, int rounds, int *seen)
{
	int k, i, j;

	for (k = 0; k < rounds; k++) {
		uint64_t seed = quiz_seed(deck, k);
		struct quiz *z = deal(p, cfg, count, seed), *again;

		assert_int_equal(quiz_seed_round(seed), k);
		assert_true(seed <= 9007199254740991ULL);
		assert_int_equal(z->n, count);
		for (i = 0; i < z->n; i++) {
			for (j = 0; j < i; j++)
				assert_ptr_not_equal(z->o[i].q, z->o[j].q);
			seen[index_in_pack(p, z->o[i].q)]++;
		}
		again = deal(p, cfg, count, seed);
		assert_true(same_game(z, again));
		quiz_free(again);
		quiz_free(z);
	}
}

static void
test_quiz_deal_next_rounds_ask_unseen_questions_first(void **state)
{
	struct pack *p = choice_pack("Rounds", 30);
	struct config cfg;
	int seen[30] = { 0 }, i;

	(void)state;
	base_config(&cfg);
	/* Three games of ten: the whole pack, each question once. */
	play_rounds(p, &cfg, 10, 77, 3, seen);
	for (i = 0; i < 30; i++)
		assert_int_equal(seen[i], 1);
	/* Four games of seven take 28 different questions; the fifth asks
	 * the last two unseen ones, then seven of the seen (no repeats). */
	memset(seen, 0, sizeof seen);
	play_rounds(p, &cfg, 7, 91, 4, seen);
	for (i = 0; i < 30; i++)
		assert_true(seen[i] <= 1);
	{
		struct quiz *z = deal(p, &cfg, 7, quiz_seed(91, 4));

		assert_int_equal(seen[index_in_pack(p, z->o[0].q)], 0);
		assert_int_equal(seen[index_in_pack(p, z->o[1].q)], 0);
		quiz_free(z);
	}
	memset(seen, 0, sizeof seen);
	play_rounds(p, &cfg, 7, 91, 9, seen);  /* 63 asked: 2 or 3 each */
	for (i = 0; i < 30; i++)
		assert_true(seen[i] >= 2 && seen[i] <= 3);
	pack_free(p);
}

static void
test_quiz_deal_unshuffled_rounds_go_on_in_pack_order(void **state)
{
	struct pack *p = choice_pack("Order", 25);
	struct config cfg = plain_config();
	struct quiz *z = deal(p, &cfg, 10, quiz_seed(5, 1));
	int i;

	(void)state;
	for (i = 0; i < 10; i++)
		assert_int_equal(index_in_pack(p, z->o[i].q), 10 + i);
	quiz_free(z);
	/* Round 2: the last five, then the first five again. */
	z = deal(p, &cfg, 10, quiz_seed(5, 2));
	for (i = 0; i < 10; i++)
		assert_int_equal(index_in_pack(p, z->o[i].q), (20 + i) % 25);
	quiz_free(z);
	pack_free(p);
}

static void
test_quiz_seed_keeps_deck_and_round_apart(void **state)
{
	(void)state;
	assert_int_equal(quiz_seed(12345, 3) & QUIZ_DECK_MASK, 12345);
	assert_int_equal(quiz_seed_round(quiz_seed(12345, 3)), 3);
	/* The highest seed --seed takes is a round too. */
	assert_int_equal(quiz_seed_round(9007199254740991ULL), 255);
	assert_int_equal(quiz_seed_round(quiz_seed(1, QUIZ_ROUNDS)), 0);
}

static void
test_quiz_limit_precedence(void **state)
{
	struct question q;
	struct pack p;
	struct config cfg;

	(void)state;
	memset(&q, 0, sizeof q);
	memset(&p, 0, sizeof p);
	base_config(&cfg);
	q.type = Q_TEXT;
	/* config, then config per type, pack, question, --time. */
	assert_true(quiz_limit(&q, &p, &cfg, 0) == 20);
	cfg.time_limits[Q_TEXT] = 30;
	cfg.time_limits[Q_CHOICE] = 5;
	assert_true(quiz_limit(&q, &p, &cfg, 0) == 30);
	p.time_limit = 25;
	assert_true(quiz_limit(&q, &p, &cfg, 0) == 25);
	q.time_limit = 12.5;
	assert_true(quiz_limit(&q, &p, &cfg, 0) == 12.5);
	assert_true(quiz_limit(&q, &p, &cfg, 7) == 7);
	/* No pack known: straight to the config. */
	q.time_limit = 0;
	assert_true(quiz_limit(&q, NULL, &cfg, 0) == 30);
	q.type = Q_TRUEFALSE;
	assert_true(quiz_limit(&q, NULL, &cfg, 0) == 20);
}

static void
test_quiz_limit_scales_every_limit(void **state)
{
	struct question q;
	struct pack p;
	struct config cfg;

	(void)state;
	memset(&q, 0, sizeof q);
	memset(&p, 0, sizeof p);
	base_config(&cfg);
	cfg.time_scale = 1.5;
	q.type = Q_CHOICE;
	assert_true(quiz_limit(&q, &p, &cfg, 0) == 30);
	cfg.time_limits[Q_CHOICE] = 10;
	assert_true(quiz_limit(&q, &p, &cfg, 0) == 15);
	p.time_limit = 4;
	assert_true(quiz_limit(&q, &p, &cfg, 0) == 6);
	q.time_limit = 2;
	assert_true(quiz_limit(&q, &p, &cfg, 0) == 3);
	assert_true(quiz_limit(&q, &p, &cfg, 8) == 12);
}

static void
test_quiz_untimed_has_no_limit(void **state)
{
	struct question q;
	struct config cfg;

	(void)state;
	memset(&q, 0, sizeof q);
	base_config(&cfg);
	cfg.untimed = true;
	q.time_limit = 10;
	assert_true(quiz_limit(&q, NULL, &cfg, 5) == 0);
}

static void
test_quiz_game_uses_limits_per_question(void **state)
{
	static const char text[] =
	    "{\"title\": \"Limits\", \"time_limit\": 25, \"questions\": ["
	    "{\"type\": \"truefalse\", \"question\": \"A\", \"answer\": true,"
	    " \"time_limit\": 3.5},"
	    "{\"type\": \"truefalse\", \"question\": \"B\","
	    " \"answer\": true}]}";
	struct pack *p = parse_pack(text);
	struct config cfg = plain_config();
	struct quiz_opts opts = { 0, 0 };
	struct rng r;
	struct quiz *z;

	(void)state;
	rng_seed(&r, 1);
	z = quiz_new(&p, 1, &cfg, &opts, &r);
	assert_true(z->o[0].limit == 3.5);
	assert_true(z->o[1].limit == 25);
	quiz_free(z);
	opts.time = 9;
	z = quiz_new(&p, 1, &cfg, &opts, &r);
	assert_true(z->o[0].limit == 9);
	assert_true(z->o[1].limit == 9);
	quiz_free(z);
	pack_free(p);
}

static void
test_quiz_answer_choice_right(void **state)
{
	struct pack *p = parse_pack(mixed_text);
	struct config cfg;
	struct quiz *z;
	const struct outcome *o;
	struct outcome *cur;

	(void)state;
	base_config(&cfg);
	cfg.shuffle_questions = false;
	z = new_game(p, &cfg, 0, 3);
	cur = quiz_current(z);
	assert_ptr_equal(cur, &z->o[0]);
	o = quiz_answer_choice(z, shown_for(cur, 1), 2.5);
	assert_true(o->done);
	assert_true(o->correct);
	assert_false(outcome_timed_out(o));
	assert_string_equal(o->given, "Canberra");
	assert_true(o->seconds == 2.5);
	assert_int_equal(o->points, score_points(2.5, 20));
	assert_int_equal(o->points, 938);
	assert_int_equal(quiz_score(z), 938);
	assert_int_equal(tally_of(z).correct, 1);
	assert_int_equal(z->streak, 1);
	quiz_free(z);
	pack_free(p);
}

static void
test_quiz_answer_choice_wrong(void **state)
{
	struct pack *p = parse_pack(mixed_text);
	struct config cfg;
	struct quiz *z;
	const struct outcome *o;

	(void)state;
	base_config(&cfg);
	cfg.shuffle_questions = false;
	z = new_game(p, &cfg, 0, 3);
	o = quiz_answer_choice(z, shown_for(quiz_current(z), 3), 1);
	assert_true(o->done);
	assert_false(o->correct);
	assert_false(outcome_timed_out(o));
	assert_string_equal(o->given, "Perth");
	assert_int_equal(o->points, 0);
	assert_int_equal(quiz_score(z), 0);
	assert_int_equal(tally_of(z).wrong, 1);
	assert_int_equal(tally_of(z).correct, 0);
	quiz_free(z);
	pack_free(p);
}

static void
test_quiz_answer_follows_shown_order(void **state)
{
	struct pack *p = choice_pack("Order", 1);
	struct config cfg;
	int seed, k;

	(void)state;
	base_config(&cfg);
	/* Whatever the shuffle, the key shown for the right answer wins. */
	for (seed = 0; seed < 20; seed++) {
		for (k = 0; k < 4; k++) {
			struct quiz *z = new_game(p, &cfg, 0, (uint64_t)seed);
			const struct outcome *o;
			int idx = z->o[0].order[k];

			o = quiz_answer_choice(z, k, 1);
			assert_int_equal(o->correct, idx == 0);
			assert_string_equal(o->given, p->q[0].choices[idx]);
			quiz_free(z);
		}
	}
	pack_free(p);
}

static void
test_quiz_answer_truefalse(void **state)
{
	struct pack *p = parse_pack(mixed_text);
	struct config cfg = plain_config();
	struct quiz *z = new_game(p, &cfg, 0, 3);
	const struct outcome *o;

	(void)state;
	assert_true(quiz_next(z));
	o = quiz_answer_truefalse(z, true, 4);
	assert_true(o->correct);
	assert_string_equal(o->given, "true");
	assert_int_equal(o->points, score_points(4, 20));
	quiz_free(z);
	z = new_game(p, &cfg, 0, 3);
	quiz_next(z);
	o = quiz_answer_truefalse(z, false, 4);
	assert_false(o->correct);
	assert_string_equal(o->given, "false");
	assert_int_equal(o->points, 0);
	quiz_free(z);
	pack_free(p);
}

static void
test_quiz_answer_text_records_what_was_typed(void **state)
{
	struct pack *p = parse_pack(mixed_text);
	struct config cfg = plain_config();
	struct quiz *z = new_game(p, &cfg, 0, 3);
	const struct outcome *o;

	(void)state;
	quiz_next(z);
	quiz_next(z);
	o = quiz_answer_text(z, "  REYKJAVIK ", 10);
	assert_true(o->correct);
	assert_string_equal(o->given, "  REYKJAVIK ");
	assert_int_equal(o->points, 750);
	quiz_free(z);
	z = new_game(p, &cfg, 0, 3);
	quiz_next(z);
	quiz_next(z);
	o = quiz_answer_text(z, "Oslo", 10);
	assert_false(o->correct);
	assert_string_equal(o->given, "Oslo");
	assert_int_equal(o->points, 0);
	assert_int_equal(tally_of(z).wrong, 1);
	quiz_free(z);
	pack_free(p);
}

static void
test_quiz_time_out_records_no_answer(void **state)
{
	struct pack *p = parse_pack(mixed_text);
	struct config cfg = plain_config();
	struct quiz *z = new_game(p, &cfg, 0, 3);
	const struct outcome *o;

	(void)state;
	/* A streak of two, then time runs out. */
	quiz_answer_choice(z, 1, 1);
	quiz_next(z);
	quiz_answer_truefalse(z, true, 1);
	quiz_next(z);
	assert_int_equal(z->streak, 2);
	o = quiz_time_out(z);
	assert_true(o->done);
	assert_null(o->given);
	assert_true(outcome_timed_out(o));
	assert_false(o->correct);
	assert_true(o->seconds == o->limit);
	assert_true(o->seconds == 20);
	assert_int_equal(o->points, 0);
	assert_int_equal(o->bonus, 0);
	assert_int_equal(z->streak, 0);
	assert_int_equal(z->best_streak, 2);
	assert_int_equal(tally_of(z).timed_out, 1);
	assert_int_equal(tally_of(z).wrong, 0);
	assert_int_equal(tally_of(z).correct, 2);
	quiz_free(z);
	pack_free(p);
}

static void
test_quiz_streak_bonus_grows_and_resets(void **state)
{
	struct pack *p = choice_pack("Streak", 6);
	struct config cfg = plain_config();
	struct quiz *z = new_game(p, &cfg, 0, 3);
	static const bool right[] = { true, true, true, false, true, true };
	static const int bonus[] = { 0, 100, 200, 0, 0, 100 };
	int i;

	(void)state;
	for (i = 0; i < 6; i++) {
		const struct outcome *o;
		int answer = i % 4;

		o = quiz_answer_choice(z, right[i] ? answer : (answer + 1) % 4,
		    0);
		assert_int_equal(o->correct, right[i]);
		assert_int_equal(o->bonus, bonus[i]);
		assert_int_equal(o->points, right[i] ? 1000 + bonus[i] : 0);
		quiz_next(z);
	}
	assert_int_equal(z->best_streak, 3);
	assert_int_equal(z->streak, 2);
	assert_int_equal(quiz_score(z), 5000 + 400);
	assert_int_equal(tally_of(z).correct, 5);
	assert_int_equal(tally_of(z).wrong, 1);
	quiz_free(z);
	pack_free(p);
}

static void
test_quiz_untimed_answers_score_full_points(void **state)
{
	struct pack *p = choice_pack("Untimed", 2);
	struct config cfg = plain_config();
	struct quiz *z;
	const struct outcome *o;

	(void)state;
	cfg.untimed = true;
	z = new_game(p, &cfg, 0, 3);
	assert_true(z->o[0].limit == 0);
	o = quiz_answer_choice(z, 0, 300);
	assert_int_equal(o->points, 1000);
	quiz_free(z);
	pack_free(p);
}

static void
test_quiz_next_walks_to_the_end(void **state)
{
	struct pack *p = choice_pack("Walk", 3);
	struct config cfg = plain_config();
	struct quiz *z = new_game(p, &cfg, 0, 3);

	(void)state;
	assert_false(quiz_over(z));
	assert_ptr_equal(quiz_current(z), &z->o[0]);
	assert_true(quiz_next(z));
	assert_true(quiz_next(z));
	assert_ptr_equal(quiz_current(z), &z->o[2]);
	assert_false(quiz_next(z));
	assert_true(quiz_over(z));
	assert_null(quiz_current(z));
	assert_false(quiz_next(z));
	assert_int_equal(z->cur, 3);
	quiz_free(z);
	pack_free(p);
}

static void
test_quiz_retry_keeps_only_missed_questions(void **state)
{
	struct pack *p = choice_pack("Retry", 5);
	struct config cfg = plain_config();
	struct quiz *z = new_game(p, &cfg, 0, 3), *r;
	struct rng rg;

	(void)state;
	quiz_answer_choice(z, 0, 1);      /* Q0 right */
	quiz_next(z);
	quiz_answer_choice(z, 0, 1);      /* Q1 wrong */
	quiz_next(z);
	quiz_time_out(z);                 /* Q2 timed out */
	quiz_next(z);
	quiz_answer_choice(z, 3, 1);      /* Q3 right */
	/* Q4 never answered (quit). */
	z->o[2].limit = 7;
	rng_seed(&rg, 1);
	r = quiz_retry(z, &rg);
	assert_non_null(r);
	assert_int_equal(r->n, 2);
	assert_ptr_equal(r->o[0].q, &p->q[1]);
	assert_ptr_equal(r->o[1].q, &p->q[2]);
	assert_true(r->o[1].limit == 7);
	/* A fresh game: nothing answered, nothing scored. */
	assert_false(r->o[0].done);
	assert_null(r->o[0].given);
	assert_int_equal(quiz_score(r), 0);
	assert_int_equal(r->cur, 0);
	assert_string_equal(r->title, z->title);
	quiz_free(r);
	quiz_free(z);
	pack_free(p);
}

static void
test_quiz_retry_with_nothing_missed_is_null(void **state)
{
	struct pack *p = choice_pack("Perfect", 2);
	struct config cfg = plain_config();
	struct quiz *z = new_game(p, &cfg, 0, 3);
	struct rng rg;

	(void)state;
	quiz_answer_choice(z, 0, 1);
	quiz_next(z);
	quiz_answer_choice(z, 1, 1);
	rng_seed(&rg, 1);
	assert_null(quiz_retry(z, &rg));
	quiz_free(z);
	pack_free(p);
}

static void
test_quiz_max_score_counts_streak_bonuses(void **state)
{
	struct pack *p = choice_pack("Max", 4);
	struct config cfg = plain_config();
	struct quiz *z = new_game(p, &cfg, 0, 3);
	int i;

	(void)state;
	/* 4 x 1000 plus bonuses 0 + 100 + 200 + 300. */
	assert_int_equal(quiz_max_score(z), 4600);
	cfg.streak_bonus_max = 150;
	assert_int_equal(quiz_max_score(z), 4000 + 0 + 100 + 150 + 150);
	cfg.streak_bonus = 0;
	assert_int_equal(quiz_max_score(z), 4000);
	/* A perfect instant game scores exactly the maximum. */
	cfg.streak_bonus = 100;
	cfg.streak_bonus_max = 500;
	for (i = 0; i < 4; i++) {
		quiz_answer_choice(z, i % 4, 0);
		quiz_next(z);
	}
	assert_int_equal(quiz_score(z), quiz_max_score(z));
	quiz_free(z);
	pack_free(p);
}

static void
test_quiz_max_score_does_not_overflow_int(void **state)
{
	struct pack *p = choice_pack("Huge", 4);
	struct config cfg = plain_config();
	struct quiz *z = new_game(p, &cfg, 0, 3);
	int i;

	(void)state;
	cfg.streak_bonus = 1000000000;
	cfg.streak_bonus_max = INT_MAX;
	/* 4 x 1000 plus bonuses 0 + 1e9 + 2e9 + INT_MAX: past INT_MAX. */
	assert_true(quiz_max_score(z) == 4000 + 1000000000LL + 2000000000LL +
	    INT_MAX);
	for (i = 0; i < 4; i++) {
		quiz_answer_choice(z, i % 4, 0);
		quiz_next(z);
	}
	assert_true(quiz_score(z) == quiz_max_score(z));
	assert_true(quiz_score(z) > INT_MAX);
	quiz_free(z);
	pack_free(p);
}

static void
test_quiz_extend_moves_limit_and_deadline_together(void **state)
{
	struct pack *p = choice_pack("More", 2);
	struct config cfg = plain_config();
	struct quiz *z = new_game(p, &cfg, 0, 3);
	const int64_t t0 = 5000 * (int64_t)CLOCK_US;
	const struct outcome *o;

	(void)state;
	quiz_start_clock(z, t0);
	assert_true(z->o[0].limit == 20);
	assert_true(countdown_limit(&z->clock) == 20 * (int64_t)CLOCK_US);
	quiz_extend(z, 7.5);
	assert_true(z->o[0].limit == 27.5);
	assert_true(countdown_limit(&z->clock) == 27500000);
	assert_false(countdown_expired(&z->clock, t0 + 25 * (int64_t)CLOCK_US));
	assert_true(quiz_elapsed(z, t0 + 60 * (int64_t)CLOCK_US) == 27.5);
	/* A pause leaves its time out of the answer's. */
	quiz_pause(z, t0 + 2 * (int64_t)CLOCK_US);
	quiz_resume(z, t0 + 12 * (int64_t)CLOCK_US);
	assert_true(quiz_elapsed(z, t0 + 13 * (int64_t)CLOCK_US) == 3);
	o = quiz_time_out(z);
	assert_true(o->seconds == 27.5);
	quiz_free(z);
	pack_free(p);
}

static void
test_quiz_tally_counts_accuracy_and_mean_time(void **state)
{
	struct pack *p = choice_pack("Mean", 4);
	struct config cfg = plain_config();
	struct quiz *z = new_game(p, &cfg, 0, 3);
	struct quiz_tally t;

	(void)state;
	assert_int_equal(quiz_answered(z), 0);
	quiz_tally(z, &t);
	assert_int_equal(t.answered, 0);
	assert_int_equal(t.accuracy, 0);
	assert_true(t.mean_seconds == 0);
	assert_true(t.mean_answer_seconds == 0);
	quiz_answer_choice(z, 0, 2);      /* Q0's answer is choice 0: right */
	quiz_next(z);
	quiz_answer_choice(z, 0, 4);      /* Q1's is choice 1: wrong */
	quiz_next(z);
	quiz_time_out(z);                 /* counts as 20 s */
	assert_int_equal(quiz_answered(z), 3);
	quiz_tally(z, &t);
	assert_int_equal(t.correct, 1);
	assert_int_equal(t.wrong, 1);
	assert_int_equal(t.timed_out, 1);
	assert_int_equal(t.answered, 3);
	assert_int_equal(t.accuracy, 33);  /* 1 of 3, rounded */
	assert_true(t.mean_seconds == (2 + 4 + 20) / 3.0);
	/* "Avg answer": the answers given, the time-out left out. */
	assert_true(t.mean_answer_seconds == (2 + 4) / 2.0);
	assert_true(t.score == quiz_score(z));
	assert_true(t.score == z->o[0].points && t.score > 0);
	assert_true(t.max_score == quiz_max_score(z));
	quiz_free(z);
	pack_free(p);
}

static void
test_quiz_plays_several_packs_as_one_game(void **state)
{
	struct pack *v[4];
	struct config cfg = plain_config();
	struct quiz_opts opts = { 0, 0 };
	struct rng r;
	struct quiz *z;

	(void)state;
	v[0] = choice_pack("Alpha", 2);
	v[1] = choice_pack("Beta", 3);
	v[2] = choice_pack("Gamma", 1);
	v[3] = choice_pack("Delta", 1);
	rng_seed(&r, 1);
	z = quiz_new(v, 1, &cfg, &opts, &r);
	assert_string_equal(z->title, "Alpha");
	quiz_free(z);
	z = quiz_new(v, 2, &cfg, &opts, &r);
	assert_string_equal(z->title, "Alpha + Beta");
	assert_int_equal(z->n, 5);
	assert_ptr_equal(z->o[1].q, &v[0]->q[1]);
	assert_ptr_equal(z->o[2].q, &v[1]->q[0]);
	quiz_free(z);
	z = quiz_new(v, 4, &cfg, &opts, &r);
	assert_string_equal(z->title, "Alpha and 3 more packs");
	assert_int_equal(z->n, 7);
	quiz_free(z);
	pack_free(v[0]);
	pack_free(v[1]);
	pack_free(v[2]);
	pack_free(v[3]);
}

static void
test_quiz_review_plays_heaviest_first(void **state)
{
	struct pack *p = choice_pack("Review", 5);
	struct config cfg = plain_config();
	struct quiz_opts opts = { 0, 0 };
	static const double w[] = { 0, 2, 5, 2, 0 };
	static const double none[] = { 0, 0, 0, 0, 0 };
	struct rng r;
	struct quiz *z;

	(void)state;
	rng_seed(&r, 1);
	z = quiz_review(&p, 1, w, &cfg, &opts, &r);
	assert_non_null(z);
	assert_int_equal(z->n, 3);
	assert_ptr_equal(z->o[0].q, &p->q[2]);
	assert_ptr_equal(z->o[1].q, &p->q[1]);  /* ties keep pack order */
	assert_ptr_equal(z->o[2].q, &p->q[3]);
	assert_non_null(strstr(z->title, "Review"));
	quiz_free(z);
	opts.count = 1;
	z = quiz_review(&p, 1, w, &cfg, &opts, &r);
	assert_int_equal(z->n, 1);
	assert_ptr_equal(z->o[0].q, &p->q[2]);
	quiz_free(z);
	assert_null(quiz_review(&p, 1, none, &cfg, &opts, &r));
	pack_free(p);
}

/* The bundled packs leave each type its limit from config: true/false 15 s,
 * choice 20 s, text 30 s, unless a question needs its own. */
static void
test_quiz_bundled_packs_use_the_per_type_limits(void **state)
{
	static const char *const names[] = {
		"history", "science-nature", "space", "world-geography"
	};
	static const double want[QTYPE_COUNT] = {
		[Q_CHOICE] = 20, [Q_TRUEFALSE] = 15, [Q_TEXT] = 30
	};
	struct config cfg;
	size_t k;
	int i, typed[QTYPE_COUNT] = { 0 };

	(void)state;
	config_defaults(&cfg);
	for (k = 0; k < sizeof names / sizeof names[0]; k++) {
		char rel[128], *path;
		struct diags d = { 0 };
		struct pack *p;

		snprintf(rel, sizeof rel, "assets/packs/%s.json", names[k]);
		path = tu_path(rel);
		p = pack_load(path, &d);
		assert_non_null(p);
		assert_true(p->time_limit == 0);
		for (i = 0; i < p->nq; i++) {
			const struct question *q = &p->q[i];

			if (q->time_limit > 0)
				continue;
			assert_true(quiz_limit(q, p, &cfg, 0) == want[q->type]);
			typed[q->type]++;
		}
		pack_free(p);
		diags_fini(&d);
		free(path);
	}
	for (i = 0; i < QTYPE_COUNT; i++)
		assert_true(typed[i] >= 20);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quiz_bundled_packs_use_the_per_type_limits),
		cmocka_unit_test(test_quiz_same_seed_same_game),
		cmocka_unit_test(test_quiz_different_seed_different_game),
		cmocka_unit_test(test_quiz_shuffle_plays_every_question_once),
		cmocka_unit_test(test_quiz_unshuffled_keeps_pack_order),
		cmocka_unit_test(test_quiz_count_limits_the_game),
		cmocka_unit_test(test_quiz_count_takes_a_seeded_sample),
		cmocka_unit_test(test_quiz_deal_round_zero_is_the_seeds_game),
		cmocka_unit_test(
		    test_quiz_deal_next_rounds_ask_unseen_questions_first),
		cmocka_unit_test(
		    test_quiz_deal_unshuffled_rounds_go_on_in_pack_order),
		cmocka_unit_test(test_quiz_seed_keeps_deck_and_round_apart),
		cmocka_unit_test(test_quiz_limit_precedence),
		cmocka_unit_test(test_quiz_limit_scales_every_limit),
		cmocka_unit_test(test_quiz_untimed_has_no_limit),
		cmocka_unit_test(test_quiz_game_uses_limits_per_question),
		cmocka_unit_test(test_quiz_answer_choice_right),
		cmocka_unit_test(test_quiz_answer_choice_wrong),
		cmocka_unit_test(test_quiz_answer_follows_shown_order),
		cmocka_unit_test(test_quiz_answer_truefalse),
		cmocka_unit_test(test_quiz_answer_text_records_what_was_typed),
		cmocka_unit_test(test_quiz_time_out_records_no_answer),
		cmocka_unit_test(test_quiz_streak_bonus_grows_and_resets),
		cmocka_unit_test(test_quiz_untimed_answers_score_full_points),
		cmocka_unit_test(test_quiz_next_walks_to_the_end),
		cmocka_unit_test(test_quiz_retry_keeps_only_missed_questions),
		cmocka_unit_test(test_quiz_retry_with_nothing_missed_is_null),
		cmocka_unit_test(test_quiz_max_score_counts_streak_bonuses),
		cmocka_unit_test(test_quiz_max_score_does_not_overflow_int),
		cmocka_unit_test(test_quiz_extend_moves_limit_and_deadline_together),
		cmocka_unit_test(test_quiz_tally_counts_accuracy_and_mean_time),
		cmocka_unit_test(test_quiz_plays_several_packs_as_one_game),
		cmocka_unit_test(test_quiz_review_plays_heaviest_first),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
