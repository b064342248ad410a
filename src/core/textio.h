#ifndef TERMQUIZ_TEXTIO_H
#define TERMQUIZ_TEXTIO_H

/*
 * Text files the importers read: bytes made into UTF-8 with LF line ends,
 * and the line and field readers every text format shares.
 */

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

#define TEXT_MAX_BYTES (64L * 1024 * 1024)

/* A file's text: UTF-8 without a BOM, every CRLF or lone CR made LF, so
 * that byte offsets give the file's own LINE:COL. */
struct text {
	char *mem;    /* what to free */
	char *s;      /* NUL-terminated, in mem */
	size_t len;
	bool cp1252;  /* it was not UTF-8 and was read as Windows-1252 */
	/* The last place text_linecol found: reports come mostly in order,
	 * so each one counts from there, not from the start. */
	size_t lc_off;
	int lc_line, lc_col;
};

/* Read a whole file (at most TEXT_MAX_BYTES). Returns a NUL-terminated
 * buffer the caller frees, or NULL with an error in d naming file. */
char *text_read_file(const char *file, size_t *len, struct diags *d);

/* Make t from n bytes: strip a BOM, normalise line ends, read invalid
 * UTF-8 as Windows-1252 (a warning in d). A NUL byte is an error: returns
 * -1. t must be finalised either way. */
int text_init(struct text *t, const char *file, const char *buf, size_t n,
    struct diags *d);

/* text_init of buf[0..n), a malloc'd buffer with room for a NUL after n
 * bytes, which t takes (it is changed in place and freed by text_fini). */
int text_take(struct text *t, const char *file, char *buf, size_t n,
    struct diags *d);

/* Free what t holds (its buffer); t itself is the caller's. */
void text_fini(struct text *t);

/* The next line at *pos (without its LF) as [*start, *end); advances *pos.
 * False at the end of the text. */
bool text_line(const struct text *t, size_t *pos, size_t *start,
    size_t *end);

/* One record of delimited fields, each a new string with its offset. */
struct record {
	char **f;
	size_t *off;
	int n;
	int cap;
	size_t start;   /* offset of the record's first byte */
};

/* Read the record at *pos: fields split by sep (any string), records by
 * LF; with quotes, a field that starts with '"' runs to the next lone '"'
 * and may hold sep, LF and "" for a quote (RFC 4180). False at the end.
 * An unclosed quote sets *bad to its offset (else *bad is (size_t)-1) and
 * the field runs to the end of the text. */
bool text_record(const struct text *t, size_t *pos, const char *sep,
    bool quotes, struct record *r, size_t *bad);

/* Free the fields r holds; r itself is the caller's. */
void record_fini(struct record *r);

/* LINE:COL (1-based, columns in characters) of offset off in t. */
void text_linecol(struct text *t, size_t off, int *line, int *col);

/* A copy of s[0..n) with leading and trailing white space removed. Caller
 * frees. */
char *text_trim(const char *s, size_t n);

#endif
