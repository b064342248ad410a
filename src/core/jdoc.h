#ifndef TERMQUIZ_JDOC_H
#define TERMQUIZ_JDOC_H

/*
 * A JSON file being loaded: its text, cJSON's tree of it, and the means to
 * report a problem at the LINE:COL of any value, which cJSON does not keep.
 * Only the loaders (pack.c, config.c) use this; no cJSON pointer leaves them.
 */

#include <cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

#define JDOC_MAX_BYTES (64L * 1024 * 1024)
#define JPATH_MAX 8

/* A path from the root: .key or [index] steps. */
struct jpath {
	int n;
	struct {
		const char *key; /* NULL for an array index */
		int index;
	} seg[JPATH_MAX];
};

struct jdoc {
	const char *file;   /* name used in messages */
	char *buf;          /* the file, NUL-terminated */
	const char *text;   /* buf past a UTF-8 BOM */
	size_t len;         /* bytes of text */
	cJSON *root;
	struct diags *diags;
	/* Resume point for the most recent array element looked up. */
	struct jpath cache_path;
	size_t cache_off;
	/* Offset of the top-level "questions" array when it was left out of
	 * root, to be parsed one element at a time; -1 when not. */
	long stream_at;
	size_t stream_end;  /* just past its ']' */
};

/* The streamed array's first element (-1: empty), then each element parsed
 * in turn: NULL at the end or on a syntax error (*bad set, reported).
 * Caller cJSON_Deletes each element. */
long jdoc_stream_first(const struct jdoc *doc);
cJSON *jdoc_stream_next(struct jdoc *doc, long *pos, bool *bad);

/* Read and parse file. On failure a diagnostic is added and -1 returned;
 * the jdoc must be finalised either way. */
int jdoc_load(struct jdoc *doc, const char *file, struct diags *d);

/* Parse text[0..len) (need not be NUL-terminated) as if read from name. */
int jdoc_parse(struct jdoc *doc, const char *name, const char *text,
    size_t len, struct diags *d);

void jdoc_fini(struct jdoc *doc);

struct jpath jpath_key(struct jpath p, const char *key);
struct jpath jpath_index(struct jpath p, int index);

/* Format a path as questions[3].answer. Caller frees. */
char *jpath_str(const struct jpath *p);

/* Report at the value (or, with at_key, at the member name) that p names. */
void jdoc_report(struct jdoc *doc, enum diag_level level, const struct jpath *p,
    bool at_key, const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* The same at p's member key: report_key(doc, l, &p, "answer", ...) is
 * report at p.answer, the path built only when there is a problem. */
void jdoc_report_key(struct jdoc *doc, enum diag_level level,
    const struct jpath *p, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Line and column (1-based, columns in characters) of byte offset off. */
void jdoc_linecol(const char *text, size_t off, int *line, int *col);

/* Byte offset of the value (or key) p names in text, or -1 if not found. */
long jpos_find(const char *text, size_t len, const struct jpath *p, bool at_key);

#endif
