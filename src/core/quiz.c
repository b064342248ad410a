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

struct quiz *
quiz_new(struct pack *const *packs, int npacks, const struct config *cfg,
    const struct quiz_opts *opts, struct rng *r)
{
	struct quiz *z;
	int total, count, i, *perm;
	struct pick *all = gather(packs, npacks, &total);

	count = opts->count > 0 ? opts->count : cfg->questions_per_game;
	if (count <= 0 || count > total)
		count = total;
	perm = xcalloc((size_t)total, sizeof *perm);
	for (i = 0; i < total; i++)
		perm[i] = i;
	if (cfg->shuffle_questions)
		rng_shuffle(r, perm, total);
	z = quiz_alloc(count);
	for (i = 0; i < count; i++) {
		const struct pick *k = &all[perm[i]];

		outcome_init(&z->o[i], k->q, quiz_limit(k->q, k->p, cfg,
		    opts->time), cfg->shuffle_choices, r);
	}
	z->n = count;
	z->cfg = cfg;
	z->title = join_titles(packs, npacks);
	pack_hash_many(packs, npacks, z->key);
	free(perm);
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
