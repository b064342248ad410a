#ifndef TERMQUIZ_ANSWER_H
#define TERMQUIZ_ANSWER_H

#include <stdbool.h>

#include "pack.h"

/* Fold s for comparing answers: lower case, accents and marks removed,
 * typographic quotes made plain, spaces trimmed and runs of them made one.
 * Returns a new string the caller frees. */
char *answer_fold(const char *s);

/* True when typed text matches one of a text question's accepted answers. */
bool answer_text_matches(const struct question *q, const char *typed);

#endif
