#ifndef TERMQUIZ_ENTITIES_H
#define TERMQUIZ_ENTITIES_H
#include <stddef.h>
/* Decode HTML character references in s: numeric (&#39; &#x27; &#X27;) and the whole HTML 4 named table (all 252: &quot; &amp; &lt; &gt; &nbsp; &eacute; &deg; &uuml; &ldquo; &hellip; &euro; ...), plus &apos;. Returns a new NUL-terminated UTF-8 string the caller frees, or NULL when out of memory. */
char *entities_decode(const char *s);
/* Decode standard base64 (RFC 4648, padding optional, no whitespace allowed except none). Returns a new NUL-terminated string (caller frees), or NULL on invalid input or out of memory. */
char *entities_base64(const char *s);
/* Decode RFC 3986 percent-encoding (%XX; '+' is kept as '+'). Returns a new string (caller frees), or NULL on a malformed escape or out of memory. */
char *entities_url3986(const char *s);

/* for tests */
/* Return the number of entries in the named-entity table (252 HTML 4.01 entities plus apos). */
size_t entities_table_size(void);
/* Return 1 when the named-entity table is strictly sorted by name with strcmp (as bsearch needs), else 0. */
int entities_table_sorted(void);
#endif
