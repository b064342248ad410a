#ifndef TERMQUIZ_SANITIZE_H
#define TERMQUIZ_SANITIZE_H

/*
 * Text from packs, configs, the history and players is shown to a person
 * only through here, so that it never reaches a terminal as control bytes.
 * Stand-ins are plain ASCII: C0 controls and DEL in caret notation (ESC is
 * "^[", BEL "^G", DEL "^?"), C1 and bidi controls as "<U+XXXX>", a byte that
 * is not UTF-8 as "<0xNN>". Valid printable text passes untouched.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "util.h"

/* Keep newlines and tabs (output of several lines); otherwise they too
 * become stand-ins (one field in a table, one line of a screen). */
#define SANITIZE_KEEP_LINES 1u

/* True for a code point that must never reach a terminal raw: C0 and C1
 * controls, DEL, and the bidi embeddings, overrides and isolates
 * (U+202A..U+202E, U+2066..U+2069). */
bool sanitize_is_control(uint32_t cp);

/* Append s[0..n) to b with every control, bidi control and invalid byte
 * replaced by its stand-in. Returns how many were replaced. */
size_t sanitize_add(struct strbuf *b, const char *s, size_t n, unsigned flags);

/* A copy of s (NULL gives "") safe to show. Caller frees. */
char *sanitize_text(const char *s, unsigned flags);

/* JSON text as cJSON prints it, with C1 controls, DEL and bidi controls
 * escaped as \uXXXX and bytes that are not UTF-8 as \ufffd (cJSON writes
 * those raw; it already escapes C0). Outside strings JSON is ASCII, so the
 * whole text can be rewritten. Caller frees. */
char *sanitize_json(const char *json);

/* A write-only stream that passes everything written to it through the
 * sanitiser (keeping newlines and tabs) to file descriptor fd. A UTF-8
 * sequence cut between two writes is joined before it is judged. Line
 * buffered; a failed write(2) sets the stream's error flag. Closing it does
 * not close fd. NULL when the stream cannot be made. */
FILE *sanitize_stream(int fd);

#endif
