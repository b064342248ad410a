#ifndef TERMQUIZ_LINEIN_H
#define TERMQUIZ_LINEIN_H

/*
 * Lines typed or piped in (plain mode): bytes go in as they are read, whole
 * lines come out. One line is one answer however long: past LINEIN_KEEP
 * bytes the rest of the line is dropped (and counted). What comes out is
 * valid UTF-8 without NUL: a NUL or a byte that is not UTF-8 becomes U+FFFD
 * (and is counted), so that nothing kept (results, history) holds raw bytes.
 */

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

#define LINEIN_KEEP 4096

/* One line taken out: the text (NUL-terminated), and what was done to it. */
struct line {
	char *text;        /* caller frees */
	size_t dropped;    /* bytes cut off past LINEIN_KEEP */
	size_t replaced;   /* NULs and invalid bytes made U+FFFD */
};

struct linein {
	struct strbuf cur;   /* the line being read (at most LINEIN_KEEP) */
	size_t cur_dropped;
	struct line *ready;  /* complete lines not yet taken, oldest first */
	size_t nready, first, cap;
	bool eof;
};

/* Add n bytes as read. */
void linein_feed(struct linein *in, const char *s, size_t n);

/* The input ended: a last line without a newline still counts. */
void linein_end(struct linein *in);

/* Take the oldest complete line into *out (a trailing CR removed). False
 * when none is complete yet. */
bool linein_take(struct linein *in, struct line *out);

/* Whether complete lines are waiting (read ahead from a pipe). */
bool linein_ready(const struct linein *in);

/* Throw away what was typed of the unfinished line; whole lines stay. */
void linein_drop_partial(struct linein *in);

void linein_fini(struct linein *in);

#endif
