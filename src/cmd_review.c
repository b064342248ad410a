/* --review: a game of the questions due for review (FSRS, most overdue
 * first), filled up with the weakest others: those never met, then those
 * met, the soonest due first. There is always something to practise. */

#include <stdio.h>
#include <stdlib.h>

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

int
cmd_review(struct session *s, const struct options *o, struct diags *d)
{
	struct history *h = session_history(s);
	struct pack **packs;
	int n;

	(void)d;
	if (h == NULL) {
		fprintf(stderr, "termquiz: %s\n", s->history_note);
		return 1;
	}
	n = chosen_packs(s, &packs);
	session_choose_packs(s, packs, n);   /* "play again" plays these */
	if (packs != s->packs)
		free(packs);
	if (n == 0) {
		printf("Nothing to review: no packs found (name some, or put "
		    "them in %s).\n", s->paths.user_packs);
		return 0;
	}
	if (!session_review(s)) {
		puts(s->npacks > 0 ?
		    "Nothing to review: these packs have no questions." :
		    "Nothing to review: the packs found have no questions.");
		return 0;
	}
	return play_session(s, o);
}
