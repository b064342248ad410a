#ifndef TERMQUIZ_OPENTDB_H
#define TERMQUIZ_OPENTDB_H

/* Open Trivia Database API files, loaded as packs (used by pack.c only). */

#include <stdbool.h>

#include "jdoc.h"
#include "pack.h"

/* True when root is an API answer: "response_code" with "results" (or a
 * token or a message), or no code and "results" whose objects have a
 * "correct_answer" (a whole-database dump). root is an object. */
bool opentdb_detect(const cJSON *root);

/* Fill pk from the API's JSON, decoding entities, base64 or url3986 text.
 * Problems go to the document's diagnostics; -1 when any is an error. */
int opentdb_load(struct jdoc *doc, struct pack *pk);

#endif
