#ifndef TERMQUIZ_UTF8_H
#define TERMQUIZ_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decode one code point from s (at most n bytes) into *cp. Returns the bytes
 * used (1..4), or 0 on an invalid or truncated sequence (then *cp = U+FFFD). */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Encode cp as UTF-8 into out (4 bytes room). Returns the bytes written. */
size_t utf8_encode(uint32_t cp, char *out);

/* True when s[0..n) is valid UTF-8; otherwise *bad (if not NULL) is the offset
 * of the first invalid byte. */
bool utf8_valid(const char *s, size_t n, size_t *bad);

/* Byte offset of the start of the code point before position pos in s. */
size_t utf8_prev(const char *s, size_t pos);

/* The value of a hex digit (either case), or -1. */
int hex_digit(char c);

/* Byte offset just after the code point starting at pos in s (NUL-terminated). */
size_t utf8_next(const char *s, size_t pos);

#endif
