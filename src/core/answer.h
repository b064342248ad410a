#ifndef TERMQUIZ_ANSWER_H
#define TERMQUIZ_ANSWER_H

#include <stdbool.h>

#include "pack.h"

/* True when typed text matches one of a text question's accepted answers,
 * both folded by fold_text (case, accents and spacing aside), and neither
 * surrounding punctuation nor a leading English article (the, a, an)
 * decides it. Empty text never matches. q and typed are not NULL. */
bool answer_text_matches(const struct question *q, const char *typed);

#endif
