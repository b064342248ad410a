#ifndef TERMQUIZ_ANSWER_H
#define TERMQUIZ_ANSWER_H

#include <stdbool.h>
#include <stddef.h>

#include "pack.h"

/* Fold s for comparing answers: lower case, accents and marks removed,
 * typographic quotes made plain, spaces trimmed and runs of them made one.
 * Returns a new string the caller frees. */
char *answer_fold(const char *s);

/* Room answer_fold_into needs for n bytes of input: a fold is never longer
 * than 3 bytes a byte (an invalid byte becomes U+FFFD), and most are
 * shorter than their input. */
#define ANSWER_FOLD_MAX(n) (3 * (n) + 1)

/* answer_fold of s[0..n) into out (ANSWER_FOLD_MAX(n) bytes), without
 * allocating. Returns the folded length. */
size_t answer_fold_into(const char *s, size_t n, char *out);

/* True when typed text matches one of a text question's accepted answers. */
bool answer_text_matches(const struct question *q, const char *typed);

#endif
