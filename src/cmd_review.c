/* --review: a game of the questions due for review (FSRS, most overdue
 * first), filled up with the weakest others: those never met, then those
 * met, the soonest due first. There is always something to practise. */

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cmd.h"
#include "core/util.h"

/* The packs to review: those named, else every pack the menu would list.
 * *packs is s->packs or a new array the caller frees. */
static int
chosen_packs(struct session *s, struct pack ***packs)
{
	int i, n = 0;

	if (s->npacks > 0) {
		*packs = s->packs;
		return s->npacks;
	}
	session_load_catalog(s);
	*packs = xcalloc((size_t)s->catalog.n + 1, sizeof **packs);
	for (i = 0; i < s->catalog.n; i++)
		if (s->catalog.v[i].pack != NULL)
			(*packs)[n++] = s->catalog.v[i].pack;
	return n;
}

/* How much each question of packs wants reviewing (fsrs_weight), in pack
 * order. Caller frees. */
static double *
review_weights(struct session *s, struct history *h, struct pack **packs,
    int n)
{
	int64_t now = (int64_t)time(NULL);
	int i, j, k = 0, total = 0;
	double *w;

	for (i = 0; i < n; i++)
		total += packs[i]->nq;
	w = xcalloc((size_t)total + 1, sizeof *w);
	for (i = 0; i < n; i++)
		for (j = 0; j < packs[i]->nq; j++) {
			char hash[HASH_HEX];
			struct fsrs_card c;

			question_hash(&packs[i]->q[j], hash);
			w[k++] = fsrs_weight(history_card(h, s->player, hash,
			    &c) ? &c : NULL, now);
		}
	return w;
}

int
cmd_review(struct session *s, const struct options *o, struct diags *d)
{
	struct history *h = session_history(s);
	struct pack **packs;
	struct quiz *z;
	double *w;
	int n;

	(void)d;
	if (h == NULL) {
		fprintf(stderr, "termquiz: %s\n", s->history_note);
		return 1;
	}
	n = chosen_packs(s, &packs);
	w = review_weights(s, h, packs, n);
	z = quiz_review(packs, n, w, &s->cfg, &s->opts, &s->rng);
	free(w);
	if (z == NULL) {
		puts("Nothing to review: these packs have no questions.");
		if (packs != s->packs)
			free(packs);
		return 0;
	}
	session_choose_packs(s, packs, n);   /* "play again" plays these */
	session_set_game(s, z);
	if (packs != s->packs)
		free(packs);
	return play_session(s, o);
}
