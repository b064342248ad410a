/* An Open Trivia Database game: from the options to a game in the session. */

#include "online.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

const char *
online_base(const struct session *s)
{
	return s->cfg.opentdb_url != NULL ? s->cfg.opentdb_url :
	    OTDB_DEFAULT_URL;
}

int
online_query(const struct session *s, const struct options *o,
    struct otdb_query *q, char *err, size_t errlen)
{
	struct otdb_categories c = { 0 };
	char why[400];

	memset(q, 0, sizeof *q);
	q->amount = o->count > 0 ? (int)o->count :
	    s->cfg.questions_per_game > 0 ? s->cfg.questions_per_game : 10;
	if (q->amount > OTDB_COUNT_MAX) {
		snprintf(err, errlen, "--count: at most %d questions from the "
		    "Open Trivia Database", OTDB_COUNT_MAX);
		return -1;
	}
	if (o->difficulty != NULL && !otdb_difficulty_parse(o->difficulty,
	    &q->difficulty)) {
		snprintf(err, errlen, "--difficulty wants easy, medium or hard, "
		    "not '%s'", o->difficulty);
		return -1;
	}
	if (o->type != NULL && !otdb_type_parse(o->type, &q->type)) {
		snprintf(err, errlen, "--type wants choice or truefalse, not "
		    "'%s'", o->type);
		return -1;
	}
	if (o->category == NULL)
		return 0;
	/* The API's category list as of 2026: naming one needs no request. */
	otdb_categories_builtin(&c);
	q->category = otdb_category_match(&c, o->category, why, sizeof why);
	otdb_categories_fini(&c);
	if (q->category == 0) {
		snprintf(err, errlen, "--category: %s", why);
		return -1;
	}
	return 0;
}

void
online_fetch(struct session *s, struct fetch *f, const struct otdb_query *q)
{
	fetch_questions(f, online_base(s), q, s->paths.state, s->paths.cache);
}

/* The session owns pk from now on. */
static void
add_pack(struct session *s, struct pack *pk)
{
	s->packs = xrealloc(s->packs, ((size_t)s->npacks + 1) *
	    sizeof *s->packs);
	s->packs[s->npacks++] = pk;
}

void
online_choose_fetched(struct session *s, struct fetch *f)
{
	struct pack *pk = f->pack;

	f->pack = NULL;
	add_pack(s, pk);
	session_choose_packs(s, &s->packs[s->npacks - 1], 1);
}

int
online_load_cached(struct session *s, const struct otdb_query *q,
    int *first)
{
	struct pack **packs;
	int n = fetch_cached(s->paths.cache, q, &packs, &(int){ 0 }), i;
	int questions = 0;

	*first = s->npacks;
	for (i = 0; i < n; i++) {
		questions += packs[i]->nq;
		add_pack(s, packs[i]);
	}
	free(packs);
	return questions;
}

void
online_choose_cached(struct session *s, int first)
{
	if (first >= 0 && first < s->npacks)
		session_choose_packs(s, &s->packs[first], s->npacks - first);
}

const char *
online_offer(const struct fetch *f, int n, char *buf, size_t len)
{
	snprintf(buf, len, "No connection to %s — play the %d cached "
	    "question%s?", f->host, n, n == 1 ? "" : "s");
	return buf;
}
