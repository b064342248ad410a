#ifndef TERMQUIZ_DIAG_H
#define TERMQUIZ_DIAG_H

#include <stdio.h>

enum diag_level { DIAG_WARNING, DIAG_ERROR };

/* One problem found in a file. line is 0 when only a path (in msg) is known. */
struct diag {
	enum diag_level level;
	char *file;
	int line;
	int col;
	char *msg;
};

/* Everything found while loading; the caller owns and finalises it. */
struct diags {
	struct diag *v;
	int n;
	int cap;
	int errors;
	int warnings;
};

/* Add a message at file:line:col (0: no place) to d, counted as an error
 * or a warning; d NULL drops it. */
void diags_add(struct diags *d, enum diag_level level, const char *file,
    int line, int col, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Print every entry as FILE:LINE:COL: error: MESSAGE (FILE: ... without a
 * place), one line each, through the sanitiser: controls and bidi controls
 * quoted from a file are shown as stand-ins. */
void diags_print(const struct diags *d, FILE *fp);

/* Format entry i the same way. Caller frees. */
char *diags_format(const struct diags *d, int i);

/* Order entries by file (in order of first appearance), line and column. */
void diags_sort(struct diags *d);

void diags_fini(struct diags *d);

#endif
