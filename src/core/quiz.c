#include "quiz.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "score.h"
#include "util.h"

double
quiz_limit(const struct question *q, const struct pack *p,
    const struct config *cfg, double time_override)
{
	double t;

	if (cfg->untimed)
		return 0;
	if (time_override > 0)
		t = time_override;
	else if (q->time_limit > 0)
		t = q->time_limit;
	else if (p != NULL && p->time_limit > 0)
		t = p->time_limit;
	else if (cfg->time_limits[q->type] > 0)
		t = cfg->time_limits[q->type];
	else
		t = cfg->time_limit;
	return t * cfg->time_scale;
}

static void
outcome_init(struct outcome *o, const struct question *q, double limit,
    bool shuffle, struct rng *r)
{
	int k;

	memset(o, 0, sizeof *o);
	o->q = q;
	o->limit = limit;
	for (k = 0; k < q->nchoices; k++)
		o->order[k] = k;
	if (shuffle && q->type == Q_CHOICE)
		rng_shuffle(r, o->order, q->nchoices);
}

static char *
join_titles(struct pack *const *packs, int npacks)
{
	struct strbuf b = { 0 };
	int i;

	if (npacks > 3)
		return xasprintf("%s and %d more packs", packs[0]->title,
		    npacks - 1);
	for (i = 0; i < npacks; i++)
		strbuf_printf(&b, "%s%s", i ? " + " : "", packs[i]->title);
	return strbuf_take(&b);
}

/* An empty game with room for n outcomes; its clock not yet started
 * (untimed, running). */
static struct quiz *
quiz_alloc(int n)
{
	struct quiz *z = xcalloc(1, sizeof *z);

	z->o = xcalloc((size_t)n + 1, sizeof *z->o);
	countdown_start(&z->clock, 0, 0);
	return z;
}

/* Every question of every pack, numbered in one sequence. */
struct pick {
	const struct pack *p;
	const struct question *q;
};

static struct pick *
gather(struct pack *const *packs, int npacks, int *total)
{
	struct pick *v;
	int i, j, n = 0;

	for (i = 0; i < npacks; i++)
		n += packs[i]->nq;
	v = xcalloc((size_t)n, sizeof *v);
	for (n = 0, i = 0; i < npacks; i++)
		for (j = 0; j < packs[i]->nq; j++, n++) {
			v[n].p = packs[i];
			v[n].q = &packs[i]->q[j];
		}
	*total = n;
	return v;
}

/* How many questions a game of total takes. */
static int
game_count(const struct config *cfg, const struct quiz_opts *opts, int total)
{
	int count = opts->count > 0 ? opts->count : cfg->questions_per_game;

	return count <= 0 || count > total ? total : count;
}

/* A game of the questions all[pick[0..count)], choices shuffled with r. */
static struct quiz *
quiz_of(struct pack *const *packs, int npacks, const struct config *cfg,
    const struct quiz_opts *opts, struct rng *r, const struct pick *all,
    const int *pick, int count)
{
	struct quiz *z = quiz_alloc(count);
	int i;

	for (i = 0; i < count; i++) {
		const struct pick *k = &all[pick[i]];

		outcome_init(&z->o[i], k->q, quiz_limit(k->q, k->p, cfg,
		    opts->time), cfg->shuffle_choices, r);
	}
	z->n = count;
	z->cfg = cfg;
	z->title = join_titles(packs, npacks);
	pack_hash_many(packs, npacks, z->key);
	return z;
}

struct quiz *
quiz_new(struct pack *const *packs, int npacks, const struct config *cfg,
    const struct quiz_opts *opts, struct rng *r)
{
	struct quiz *z;
	int total, count, i, *perm;
	struct pick *all = gather(packs, npacks, &total);

	count = game_count(cfg, opts, total);
	perm = xcalloc((size_t)total + 1, sizeof *perm);
	for (i = 0; i < total; i++)
		perm[i] = i;
	if (cfg->shuffle_questions)
		rng_shuffle(r, perm, total);
	z = quiz_of(packs, npacks, cfg, opts, r, all, perm, count);
	free(perm);
	free(all);
	return z;
}

uint64_t
quiz_seed(uint64_t deck, int round)
{
	return (deck & QUIZ_DECK_MASK) |
	    ((uint64_t)(round % QUIZ_ROUNDS) << QUIZ_DECK_BITS);
}

int
quiz_seed_round(uint64_t seed)
{
	return (int)((seed >> QUIZ_DECK_BITS) % QUIZ_ROUNDS);
}

/* The deck's order in its pass c over every question: pass 0 is what
 * quiz_new shuffles from the same seed (r goes on from it, for the
 * choices); each later pass is shuffled afresh. */
static void
deck_pass(int *perm, int total, int c, uint64_t deck, bool shuffle,
    struct rng *r)
{
	struct rng other;
	int i;

	for (i = 0; i < total; i++)
		perm[i] = i;
	if (!shuffle)
		return;
	if (c == 0) {
		rng_seed(r, deck);
		rng_shuffle(r, perm, total);
		return;
	}
	rng_seed(&other, deck ^ ((uint64_t)c * 0xD1B54A32D192ED03ULL));
	rng_shuffle(&other, perm, total);
}

/* The deck as it is dealt: perm holds its pass `pass` (renewed when a deal
 * crosses into the next), pos is where the deal is in its endless run of
 * passes, and late holds the questions a round could not take because it
 * had them already (a pass ran out mid-round): the next round takes them
 * first, so that every pass is asked in full. */
struct deck {
	uint64_t seed;
	bool shuffle;
	int total;
	int *perm;
	int pass;
	long pos;
	int *late;
	int nlate;
	bool *taken;   /* this round's questions */
};

/* Deal the next round of d: count different questions into pick. */
static void
deal_round(struct deck *d, int count, int *pick)
{
	struct rng unused;
	int n = 0, i, nlate = d->nlate;

	d->nlate = 0;
	for (i = 0; i < nlate && n < count; i++) {
		d->taken[d->late[i]] = true;
		pick[n++] = d->late[i];
	}
	while (n < count) {
		int c = (int)(d->pos / d->total), q;

		if (c != d->pass) {
			deck_pass(d->perm, d->total, c, d->seed, d->shuffle,
			    &unused);
			d->pass = c;
		}
		q = d->perm[d->pos++ % d->total];
		if (d->taken[q])
			d->late[d->nlate++] = q;
		else {
			d->taken[q] = true;
			pick[n++] = q;
		}
	}
	for (i = 0; i < n; i++)
		d->taken[pick[i]] = false;
}

struct quiz *
quiz_deal(struct pack *const *packs, int npacks, const struct config *cfg,
    const struct quiz_opts *opts, uint64_t seed)
{
	int round = quiz_seed_round(seed), total, count, k;
	struct pick *all = gather(packs, npacks, &total);
	int *pick = xcalloc((size_t)total + 1, sizeof *pick);
	struct deck d = { seed & QUIZ_DECK_MASK, cfg->shuffle_questions, total,
	    NULL, 0, 0, NULL, 0, NULL };
	struct quiz *z;
	struct rng r;

	d.perm = xcalloc((size_t)total + 1, sizeof *d.perm);
	d.late = xcalloc((size_t)total + 1, sizeof *d.late);
	d.taken = xcalloc((size_t)total + 1, sizeof *d.taken);
	count = game_count(cfg, opts, total);
	/* Pass 0 first, as quiz_new shuffles it: round 0 is its game. */
	deck_pass(d.perm, total, 0, d.seed, d.shuffle, &r);
	for (k = 0; k <= round; k++)
		deal_round(&d, count, pick);
	if (round > 0)
		rng_seed(&r, seed);    /* the choices: this round's own */
	else if (!d.shuffle)
		rng_seed(&r, d.seed);
	z = quiz_of(packs, npacks, cfg, opts, &r, all, pick, count);
	free(d.taken);
	free(d.late);
	free(d.perm);
	free(pick);
	free(all);
	return z;
}

struct ranked {
	int i;
	double w;
};

/* Heaviest first; equal weights keep their order. */
static int
ranked_cmp(const void *pa, const void *pb)
{
	const struct ranked *a = pa, *b = pb;

	if (a->w != b->w)
		return a->w > b->w ? -1 : 1;
	return (a->i > b->i) - (a->i < b->i);
}

struct quiz *
quiz_review(struct pack *const *packs, int npacks, const double *weights,
    const struct config *cfg, const struct quiz_opts *opts, struct rng *r)
{
	struct quiz *z;
	int total, i, n = 0, count;
	struct pick *all = gather(packs, npacks, &total);
	struct ranked *idx = xcalloc((size_t)total, sizeof *idx);

	for (i = 0; i < total; i++)
		if (weights[i] > 0) {
			idx[n].i = i;
			idx[n++].w = weights[i];
		}
	if (n == 0) {
		free(idx);
		free(all);
		return NULL;
	}
	qsort(idx, (size_t)n, sizeof *idx, ranked_cmp);
	count = opts->count > 0 ? opts->count : cfg->questions_per_game;
	if (count <= 0 || count > n)
		count = n;
	z = quiz_alloc(count);
	for (i = 0; i < count; i++) {
		const struct pick *k = &all[idx[i].i];

		outcome_init(&z->o[i], k->q, quiz_limit(k->q, k->p, cfg,
		    opts->time), cfg->shuffle_choices, r);
	}
	z->n = count;
	z->cfg = cfg;
	z->title = xasprintf("Review: %s", npacks == 1 ? packs[0]->title :
	    "due questions");
	pack_hash_many(packs, npacks, z->key);
	free(idx);
	free(all);
	return z;
}

struct quiz *
quiz_retry(const struct quiz *prev, struct rng *r)
{
	struct quiz *z;
	int i, n = 0;

	for (i = 0; i < prev->n; i++)
		if (prev->o[i].done && !prev->o[i].correct)
			n++;
	if (n == 0)
		return NULL;
	z = quiz_alloc(n);
	for (i = 0; i < prev->n; i++)
		if (prev->o[i].done && !prev->o[i].correct)
			outcome_init(&z->o[z->n++], prev->o[i].q,
			    prev->o[i].limit, prev->cfg->shuffle_choices, r);
	z->cfg = prev->cfg;
	z->title = xstrdup(prev->title);
	memcpy(z->key, prev->key, sizeof z->key);
	return z;
}

void
quiz_free(struct quiz *z)
{
	int i;

	if (z == NULL)
		return;
	for (i = 0; i < z->n; i++)
		free(z->o[i].given);
	free(z->o);
	free(z->title);
	free(z);
}

struct outcome *
quiz_current(struct quiz *z)
{
	return z->cur < z->n ? &z->o[z->cur] : NULL;
}

void
quiz_start_clock(struct quiz *z, int64_t now)
{
	const struct outcome *o = quiz_current(z);

	assert(o != NULL);
	countdown_start(&z->clock, now, o->limit);
}

void
quiz_pause(struct quiz *z, int64_t now)
{
	countdown_pause(&z->clock, now);
}

void
quiz_resume(struct quiz *z, int64_t now)
{
	countdown_resume(&z->clock, now);
}

double
quiz_elapsed(const struct quiz *z, int64_t now)
{
	return countdown_elapsed(&z->clock, now);
}

/* Score the current question (given NULL: time ran out) and keep the
 * streak. */
static const struct outcome *
score_answer(struct quiz *z, char *given, bool correct, double seconds)
{
	struct outcome *o = quiz_current(z);

	assert(o != NULL && !o->done);
	o->done = true;
	o->given = given;
	o->correct = correct;
	o->seconds = seconds;
	if (correct) {
		z->streak++;
		if (z->streak > z->best_streak)
			z->best_streak = z->streak;
		o->bonus = score_streak_bonus(z->streak, z->cfg->streak_bonus,
		    z->cfg->streak_bonus_max);
		o->points = score_points(seconds, o->limit) + o->bonus;
	} else {
		z->streak = 0;
	}
	return o;
}

const struct outcome *
quiz_answer_choice(struct quiz *z, int shown, double seconds)
{
	const struct outcome *o = quiz_current(z);
	int k;

	assert(o != NULL && shown >= 0 && shown < o->q->nchoices);
	k = o->order[shown];
	return score_answer(z, xstrdup(o->q->choices[k]), k == o->q->answer,
	    seconds);
}

const struct outcome *
quiz_answer_truefalse(struct quiz *z, bool value, double seconds)
{
	const struct outcome *o = quiz_current(z);

	assert(o != NULL);
	return score_answer(z, xstrdup(value ? "true" : "false"),
	    value == o->q->truth, seconds);
}

const struct outcome *
quiz_answer_text(struct quiz *z, const char *typed, double seconds)
{
	const struct outcome *o = quiz_current(z);

	assert(o != NULL);
	return score_answer(z, xstrdup(typed), answer_text_matches(o->q, typed),
	    seconds);
}

const struct outcome *
quiz_time_out(struct quiz *z)
{
	const struct outcome *o = quiz_current(z);

	assert(o != NULL);
	return score_answer(z, NULL, false, o->limit);
}

void
quiz_extend(struct quiz *z, double seconds)
{
	struct outcome *o = quiz_current(z);

	assert(o != NULL && !o->done);
	if (o->limit > 0 && seconds > 0) {
		o->limit += seconds;
		countdown_extend(&z->clock, seconds);
	}
}

bool
quiz_next(struct quiz *z)
{
	if (z->cur < z->n)
		z->cur++;
	return z->cur < z->n;
}

bool
quiz_over(const struct quiz *z)
{
	return z->cur >= z->n;
}

bool
outcome_timed_out(const struct outcome *o)
{
	return o->done && o->given == NULL;
}

int64_t
quiz_max_score(const struct quiz *z)
{
	int64_t max = 0;
	int i;

	for (i = 0; i < z->n; i++)
		max += SCORE_MAX + score_streak_bonus(i + 1,
		    z->cfg->streak_bonus, z->cfg->streak_bonus_max);
	return max;
}

int64_t
quiz_score(const struct quiz *z)
{
	int64_t sum = 0;
	int i;

	for (i = 0; i < z->n; i++)
		sum += z->o[i].points;
	return sum;
}

int
quiz_answered(const struct quiz *z)
{
	int i, n = 0;

	for (i = 0; i < z->n; i++)
		n += z->o[i].done;
	return n;
}

void
quiz_tally(const struct quiz *z, struct quiz_tally *t)
{
	double sum = 0, given = 0;
	int i;

	memset(t, 0, sizeof *t);
	for (i = 0; i < z->n; i++) {
		const struct outcome *o = &z->o[i];

		if (!o->done)
			continue;
		t->score += o->points;
		sum += o->seconds;
		if (!outcome_timed_out(o))
			given += o->seconds;
		if (o->correct)
			t->correct++;
		else if (outcome_timed_out(o))
			t->timed_out++;
		else
			t->wrong++;
	}
	t->answered = t->correct + t->wrong + t->timed_out;
	t->max_score = quiz_max_score(z);
	if (t->answered > 0) {
		t->accuracy = (t->correct * 100 + t->answered / 2) /
		    t->answered;
		t->mean_seconds = sum / t->answered;
	}
	if (t->correct + t->wrong > 0)
		t->mean_answer_seconds = given / (t->correct + t->wrong);
}
