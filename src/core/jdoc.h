#ifndef TERMQUIZ_JDOC_H
#define TERMQUIZ_JDOC_H

/*
 * A JSON file being loaded: its text, cJSON's tree of it, and reports of
 * problems at the LINE:COL of any value (positions: jpos.c). One member of
 * the top-level object may be asked for as a stream: its array's elements
 * are then parsed one at a time, so that the tree of a large file never
 * exists whole. Only the loaders use this; no cJSON pointer leaves them.
 */

#include <cJSON.h>
#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "jpos.h"

#define JDOC_MAX_BYTES (64L * 1024 * 1024)
#define JDOC_MAX_MIB (JDOC_MAX_BYTES / 1024 / 1024)

/* Messages a file prints at most: the first by place are kept, the rest
 * only counted (and said so in one more line). */
#define JDOC_REPORTS_MAX 200

/* jdoc_load's result when the member asked for is streamed. */
#define JDOC_STREAMING 1

struct jdoc_arena;

struct jdoc {
	const char *file;   /* name used in messages */
	char *buf;          /* the file, NUL-terminated */
	const char *text;   /* buf past a UTF-8 BOM */
	size_t len;         /* bytes of text */
	cJSON *root;        /* while streaming: NULL until jdoc_stream_end */
	struct diags *diags;   /* where reports go now */
	/* The rest is jdoc.c's own. */
	struct diags *out;     /* the caller's list */
	struct diags pending;  /* reports made while streaming */
	struct jpath cache_path;   /* the array element last looked up */
	size_t cache_off;
	struct jpos_lines lines;   /* the line counter of reports */
	const char *stream_key;
	long stream_at;     /* offset of the streamed array's '[', or -1 */
	long stream_pos;    /* the next element, -1 at the end */
	size_t stream_end;  /* just past the array's ']' once known */
	int stream_state;
	struct jdoc_arena *arena;  /* the streamed element's nodes */
	int first;          /* out->n when this file's reports began */
	int kept;           /* reports of this file in out or pending */
	int max_line, max_col;     /* the last place among them */
	int dropped[2];     /* counted, not kept: out's, by level */
	int dropped_pending[2];    /* the same while streaming */
};

/* Read and parse file. With stream_key (not NULL), a member of that name in
 * the top-level object whose value is an array is left out of the tree:
 * JDOC_STREAMING is returned, the elements come from jdoc_stream_next and
 * the rest from jdoc_stream_end. Otherwise 0 with root set, or -1 with the
 * problem reported to d. The jdoc must be finalised with jdoc_fini in every
 * case. */
int jdoc_load(struct jdoc *doc, const char *file, struct diags *d,
    const char *stream_key);

/* The same for text[0..len) (need not be NUL-terminated; copied), reported
 * under name. */
int jdoc_parse(struct jdoc *doc, const char *name, const char *text,
    size_t len, struct diags *d, const char *stream_key);

/* The streamed array's next element, or NULL at its end, after a syntax
 * error (reported, *bad set) or when an element nests too deep to be
 * parsed alone (jdoc_stream_end then reports it). Borrowed: valid until the
 * next call. Reports made while streaming are held back (see
 * jdoc_stream_flush). */
const cJSON *jdoc_stream_next(struct jdoc *doc, bool *bad);

/* How far the stream has come: bytes of the text read past the array's
 * start so far, and in all (for sizing what is built from it). */
void jdoc_stream_progress(const struct jdoc *doc, size_t *done,
    size_t *total);

/* End the stream and parse the rest of the text. Returns JDOC_STREAMING
 * when root holds everything but the streamed array (left empty) and the
 * elements stand; 0 when the whole text had to be parsed instead (root is
 * all of it: forget what the stream gave); -1 when the text is not valid
 * JSON (reported; the stream's held-back reports are dropped). */
int jdoc_stream_end(struct jdoc *doc);

/* Add the reports held back while streaming to the caller's list, here in
 * the order of reports; without this call they are dropped. */
void jdoc_stream_flush(struct jdoc *doc);

/* Free the text, the tree and anything held back; past JDOC_REPORTS_MAX
 * reports of this file, keep the first by place in the caller's list and
 * add one line that counts the others (the counts of errors and warnings
 * stay whole). doc may be loaded again. */
void jdoc_fini(struct jdoc *doc);

/* Report at the value (or, with at_key, at the member name) that p names. */
void jdoc_report(struct jdoc *doc, enum diag_level level, const struct jpath *p,
    bool at_key, const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* The same at p's member key: report_key(doc, l, &p, "answer", ...) is
 * report at p.answer, the path built only when there is a problem. */
void jdoc_report_key(struct jdoc *doc, enum diag_level level,
    const struct jpath *p, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Warn at the nth (>= 1) member named key of the object at p that the
 * name is repeated, naming the place of the first (which the loaders
 * use, as cJSON's getters do). */
void jdoc_warn_repeated_key(struct jdoc *doc, const struct jpath *p,
    const char *key, int nth);

#endif
