#ifndef TERMQUIZ_JPOS_H
#define TERMQUIZ_JPOS_H

/*
 * Positions in a JSON text, which cJSON does not keep: the byte offset of
 * the value (or member name) a path names, and the LINE:COL of an offset.
 * A scanner for text cJSON has accepted; it knows no file format (packs,
 * configs) and allocates nothing but jpath_str's result.
 */

#include <stdbool.h>
#include <stddef.h>

#define JPATH_MAX 8

/* A path from the root: .key or [index] steps. */
struct jpath {
	int n;
	struct {
		const char *key; /* NULL for an array index */
		int index;       /* the array index; for a key, which of the
				  * members of that name (0: the first) */
	} seg[JPATH_MAX];
};

/* p followed by .key (the first member of that name); p itself when full.
 * key is borrowed: it must outlive the path. */
struct jpath jpath_key(struct jpath p, const char *key);

/* p followed by the nth (0: first) member named key. */
struct jpath jpath_key_nth(struct jpath p, const char *key, int nth);

/* p followed by [index]; p itself when full. */
struct jpath jpath_index(struct jpath p, int index);

/* Format a path as questions[3].answer ("" for the root). Caller frees. */
char *jpath_str(const struct jpath *p);

/* Offset of the first byte at or after i in t[0..len) that is not JSON
 * whitespace (len if none). */
size_t jpos_skip_ws(const char *t, size_t len, size_t i);

/* The bracket scanner: from t[i] (a string, a scalar, '{' or '['), the
 * offset just past that one value, without recursion. *deepest (if not
 * NULL) gets the deepest nesting inside it (a bare '[' ... ']' is 1); the
 * scan stops early, returning where it is, once nesting passes limit
 * (limit < 0: no limit). Strings are skipped with their escapes. */
size_t jpos_skip_value(const char *t, size_t len, size_t i, long limit,
    long *deepest);

/* i at an array element: the offset of the element count places further
 * on, or -1 when the array ends first. */
long jpos_skip_elements(const char *t, size_t len, size_t i, int count);

/* Offset of the value (or, with at_key, the member name) p names in text,
 * searched from the root; -1 if not found. */
long jpos_find(const char *text, size_t len, const struct jpath *p,
    bool at_key);

/* The same from pos, the offset of the value that p's first `from` steps
 * name. */
long jpos_walk(const char *text, size_t len, size_t pos, const struct jpath *p,
    int from, bool at_key);

/* Line and column (1-based, columns in characters) of byte offset off of
 * NUL-terminated text, counted from the start. */
void jpos_linecol(const char *text, size_t off, int *line, int *col);

/* A resumable line counter: positions asked in increasing order cost one
 * pass over the text in all, not one each. Zero-initialise; no free. */
struct jpos_lines {
	size_t off;  /* where line and col were last computed */
	int line, col;
};

/* jpos_linecol through the counter c: resumes from c's last offset when off
 * is at or after it, restarts from the beginning otherwise. */
void jpos_lines_at(struct jpos_lines *c, const char *text, size_t off,
    int *line, int *col);

#endif
