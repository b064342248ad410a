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
	struct quiz *z = xcalloc(1, sizeof *z);
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
	z->o = xcalloc((size_t)count, sizeof *z->o);
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
	z = xcalloc(1, sizeof *z);
	z->o = xcalloc((size_t)count, sizeof *z->o);
	for (i = 0; i < count; i++) {
		const struct pick *k = &all[idx[i].i];

		outcome_init(&z->o[i], k->q, quiz_limit(k->q, k->p, cfg,
		    opts->time), cfg->shuffle_choices, r);
	}
	z->n = count;
	z->cfg = cfg;
	z->title = xasprintf("Review: %s", npacks == 1 ? packs[0]->title :
	    "missed questions");
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
	z = xcalloc(1, sizeof *z);
	z->o = xcalloc((size_t)n, sizeof *z->o);
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

/* Record the current question's result and update the running totals. */
static const struct outcome *
record(struct quiz *z, char *given, bool correct, double seconds)
{
	struct outcome *o = quiz_current(z);

	assert(o != NULL && !o->done);
	o->done = true;
	o->given = given;
	o->correct = correct;
	o->timed_out = given == NULL;
	o->seconds = seconds;
	if (correct) {
		z->streak++;
		if (z->streak > z->best_streak)
			z->best_streak = z->streak;
		o->bonus = score_streak_bonus(z->streak, z->cfg->streak_bonus,
		    z->cfg->streak_bonus_max);
		o->points = score_points(seconds, o->limit) + o->bonus;
		z->correct++;
	} else {
		z->streak = 0;
		if (o->timed_out)
			z->timed_out++;
		else
			z->wrong++;
	}
	z->score += o->points;
	return o;
}

const struct outcome *
quiz_answer_choice(struct quiz *z, int shown, double seconds)
{
	const struct outcome *o = quiz_current(z);
	int k;

	assert(o != NULL && shown >= 0 && shown < o->q->nchoices);
	k = o->order[shown];
	return record(z, xstrdup(o->q->choices[k]), k == o->q->answer, seconds);
}

const struct outcome *
quiz_answer_truefalse(struct quiz *z, bool value, double seconds)
{
	const struct outcome *o = quiz_current(z);

	assert(o != NULL);
	return record(z, xstrdup(value ? "true" : "false"), value == o->q->truth,
	    seconds);
}

const struct outcome *
quiz_answer_text(struct quiz *z, const char *typed, double seconds)
{
	const struct outcome *o = quiz_current(z);

	assert(o != NULL);
	return record(z, xstrdup(typed), answer_text_matches(o->q, typed),
	    seconds);
}

const struct outcome *
quiz_time_out(struct quiz *z)
{
	const struct outcome *o = quiz_current(z);

	assert(o != NULL);
	return record(z, NULL, false, o->limit);
}

void
quiz_extend(struct quiz *z, double seconds)
{
	struct outcome *o = quiz_current(z);

	assert(o != NULL && !o->done);
	if (o->limit > 0 && seconds > 0)
		o->limit += seconds;
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

int
quiz_max_score(const struct quiz *z)
{
	int i, max = 0;

	for (i = 0; i < z->n; i++)
		max += SCORE_MAX + score_streak_bonus(i + 1,
		    z->cfg->streak_bonus, z->cfg->streak_bonus_max);
	return max;
}

int
quiz_answered(const struct quiz *z)
{
	int i, n = 0;

	for (i = 0; i < z->n; i++)
		n += z->o[i].done;
	return n;
}

double
quiz_mean_seconds(const struct quiz *z)
{
	double sum = 0;
	int i, n = 0;

	for (i = 0; i < z->n; i++) {
		if (z->o[i].done) {
			sum += z->o[i].seconds;
			n++;
		}
	}
	return n ? sum / n : 0;
}
