#ifndef TERMQUIZ_ONLINE_H
#define TERMQUIZ_ONLINE_H

/* An Open Trivia Database game for either front end: the query from the
 * options and config, the fetch's questions (or the cached ones) put into
 * the session as a game. */

#include <stdbool.h>
#include <stddef.h>

#include "core/otdb.h"
#include "net/fetch.h"
#include "options.h"
#include "session.h"

/* Where the API is: the config's opentdb_url or the real one. Borrowed. */
const char *online_base(const struct session *s);

/* The query --category, --difficulty, --type and --count (else the
 * config's questions_per_game, else 10) ask for. -1 with the reason in err
 * when one is wrong. */
int online_query(const struct session *s, const struct options *o,
    struct otdb_query *q, char *err, size_t errlen);

/* Start fetching q's questions into f from the session's folders. */
void online_fetch(struct session *s, struct fetch *f,
    const struct otdb_query *q);

/* Choose the questions f fetched as what session_new_game plays (the
 * session owns the pack from now on). */
void online_choose_fetched(struct session *s, struct fetch *f);

/* Load the cached questions that fit q into the session (s->packs from
 * *first on); their number (0: none). online_choose_cached(s, *first)
 * then chooses them for session_new_game. */
int online_load_cached(struct session *s, const struct otdb_query *q,
    int *first);
void online_choose_cached(struct session *s, int first);

/* "no connection to HOST — play the N cached questions?" in buf. */
const char *online_offer(const struct fetch *f, int n, char *buf,
    size_t len);

#endif
