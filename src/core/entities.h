#ifndef TERMQUIZ_ENTITIES_H
#define TERMQUIZ_ENTITIES_H

/* Decoders for the three encodings of Open Trivia Database text. */

#include <stddef.h>

/* Decode HTML character references in s: numeric (&#39; &#x27; &#X27;) and
 * every HTML 4 named one (&quot; &eacute; &hellip; ...), plus &apos;; an
 * unknown or malformed reference is kept as written. Returns a new string
 * the caller frees; NULL only when s is NULL. */
char *entities_decode(const char *s);

/* Decode standard base64 (RFC 4648; padding optional, no whitespace).
 * Returns a new string the caller frees, or NULL when s is NULL or not
 * canonical base64, or decodes to a NUL byte. */
char *entities_base64(const char *s);

/* Decode RFC 3986 percent-encoding (%XX; '+' stays '+'). Returns a new
 * string the caller frees, or NULL when s is NULL, an escape is malformed
 * or decodes to a NUL byte. */
char *entities_url3986(const char *s);

/* The number of entries in the named-reference table (for tests). */
size_t entities_table_size(void);

/* 1 when the named-reference table is strictly sorted by strcmp, as bsearch
 * needs, else 0 (for tests). */
int entities_table_sorted(void);

#endif
