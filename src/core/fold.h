#ifndef TERMQUIZ_FOLD_H
#define TERMQUIZ_FOLD_H

/*
 * Folding text for comparisons that a person would make: the answer matcher
 * (answer.c) and the loader's duplicate checks (pack.c). Depends on utf8.c
 * (and util.c's allocator) only.
 */

#include <stddef.h>

/* Room fold_text_into needs for n bytes of input: a fold is never longer
 * than 3 bytes a byte (an invalid byte becomes U+FFFD), and most are
 * shorter than their input. */
#define FOLD_TEXT_MAX(n) (3 * (n) + 1)

/* Fold s[0..n) into out (FOLD_TEXT_MAX(n) bytes) without allocating: lower
 * case, accents and marks removed, typographic quotes and dashes made plain,
 * spaces trimmed and runs of them made one. Returns the folded length; out
 * is NUL-terminated. */
size_t fold_text_into(const char *s, size_t n, char *out);

/* fold_text_into of the string s, as a new string the caller frees
 * (never NULL: out of memory ends the program). */
char *fold_text(const char *s);

#endif
