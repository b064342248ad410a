#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "sanitize.h"
#include "util.h"

void
diags_add(struct diags *d, enum diag_level level, const char *file, int line,
    int col, const char *fmt, ...)
{
	struct diag *e;
	va_list ap;

	if (d == NULL)
		return;
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 8;
		d->v = xrealloc(d->v, (size_t)d->cap * sizeof *d->v);
	}
	e = &d->v[d->n++];
	e->level = level;
	e->file = xstrdup(file);
	e->line = line;
	e->col = col;
	va_start(ap, fmt);
	e->msg = xvasprintf(fmt, ap);
	va_end(ap);
	if (level == DIAG_ERROR)
		d->errors++;
	else
		d->warnings++;
}

char *
diags_format(const struct diags *d, int i)
{
	const struct diag *e = &d->v[i];
	const char *lv = e->level == DIAG_ERROR ? "error" : "warning";

	if (e->line > 0)
		return xasprintf("%s:%d:%d: %s: %s", e->file, e->line, e->col,
		    lv, e->msg);
	return xasprintf("%s: %s: %s", e->file, lv, e->msg);
}

void
diags_print(const struct diags *d, FILE *fp)
{
	int i;

	for (i = 0; i < d->n; i++) {
		char *s = diags_format(d, i);
		/* Messages quote packs and configs: one line each, no control
		 * byte reaches the terminal. */
		char *safe = sanitize_text(s, 0);

		fprintf(fp, "%s\n", safe);
		free(safe);
		free(s);
	}
}

/* The sort key: the file's first appearance, then the place, then the order
 * of reporting (qsort is not stable). */
struct sort_item {
	int file, line, col, seq;
	struct diag e;
};

static int
item_cmp(const void *pa, const void *pb)
{
	const struct sort_item *a = pa, *b = pb;

	if (a->file != b->file)
		return a->file < b->file ? -1 : 1;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void
diags_sort(struct diags *d)
{
	struct sort_item *v = xcalloc((size_t)d->n, sizeof *v);
	int i, j;

	for (i = 0; i < d->n; i++) {
		for (j = 0; j < i; j++)
			if (strcmp(d->v[j].file, d->v[i].file) == 0)
				break;
		v[i].file = j < i ? v[j].file : i;
		v[i].line = d->v[i].line;
		v[i].col = d->v[i].col;
		v[i].seq = i;
		v[i].e = d->v[i];
	}
	qsort(v, (size_t)d->n, sizeof *v, item_cmp);
	for (i = 0; i < d->n; i++)
		d->v[i] = v[i].e;
	free(v);
}

void
diags_fini(struct diags *d)
{
	int i;

	for (i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
	}
	free(d->v);
	d->v = NULL;
	d->n = d->cap = d->errors = d->warnings = 0;
}
