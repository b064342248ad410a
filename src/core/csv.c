/*
 * csv.c - a spreadsheet's questions (RFC 4180): a header row naming the
 * columns question, answer and optionally choices (separated by |), type,
 * explanation and time_limit; one question a row. Fields are separated by
 * commas, or by semicolons when the header row has more of those.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import.h"
#include "loadutil.h"
#include "util.h"

enum col { C_QUESTION, C_ANSWER, C_CHOICES, C_TYPE, C_EXPLANATION,
    C_TIME_LIMIT, C_COUNT };

static const char *const col_names[C_COUNT + 1] = {
	"question", "answer", "choices", "type", "explanation", "time_limit",
	NULL
};

struct csv {
	struct importer *im;
	int col[C_COUNT];   /* field index of each column, -1 when absent */
	int ncols;
};

static void
header(struct csv *c, const struct record *r)
{
	int i, k;

	for (k = 0; k < C_COUNT; k++)
		c->col[k] = -1;
	c->ncols = r->n;
	for (i = 0; i < r->n; i++) {
		char *name = text_trim(r->f[i], strlen(r->f[i]));

		for (k = 0; k < C_COUNT; k++)
			if (strcasecmp(name, col_names[k]) == 0)
				break;
		if (k < C_COUNT && c->col[k] < 0) {
			c->col[k] = i;
		} else if (k < C_COUNT) {
			imp_report(c->im, DIAG_WARNING, r->off[i], "a second "
			    "\"%s\" column: ignored", name);
		} else {
			for (k = 0; k < C_COUNT; k++)
				if (lu_distance(name, col_names[k], 2) <= 2)
					break;
			if (k < C_COUNT)
				imp_report(c->im, DIAG_WARNING, r->off[i],
				    "unknown column \"%s\" (did you mean "
				    "\"%s\"?): ignored", name, col_names[k]);
			else
				imp_report(c->im, DIAG_WARNING, r->off[i],
				    "unknown column \"%s\": ignored", name);
		}
		free(name);
	}
	for (k = 0; k < 2; k++)
		if (c->col[k] < 0)
			imp_report(c->im, DIAG_ERROR, r->start, "the header "
			    "row names no \"%s\" column", col_names[k]);
}

/* Field k of row r, trimmed ("" when the row is short). */
static char *
cell(const struct csv *c, const struct record *r, enum col k)
{
	int i = c->col[k];

	if (i < 0 || i >= r->n)
		return xstrdup("");
	return text_trim(r->f[i], strlen(r->f[i]));
}

static size_t
cell_at(const struct csv *c, const struct record *r, enum col k)
{
	int i = c->col[k];

	return i >= 0 && i < r->n ? r->off[i] : r->start;
}

/* Split s at each |, every part trimmed and given to add. */
static void
split_bars(const char *s, struct question *q, void (*add)(struct question *,
    char *))
{
	const char *p = s;

	for (;;) {
		const char *bar = strchr(p, '|');
		size_t n = bar ? (size_t)(bar - p) : strlen(p);

		add(q, text_trim(p, n));
		if (bar == NULL)
			break;
		p = bar + 1;
	}
}

static const char *const type_names[] = { "choice", "truefalse", "text",
	NULL };

static int
row_type(struct csv *c, const struct record *r, const char *t,
    bool has_choices, enum qtype *out)
{
	int k;

	if (*t == '\0') {
		*out = has_choices ? Q_CHOICE : Q_TEXT;
		return 0;
	}
	for (k = 0; type_names[k] != NULL; k++)
		if (strcasecmp(t, type_names[k]) == 0) {
			*out = (enum qtype)k;
			return 0;
		}
	for (k = 0; type_names[k] != NULL; k++)
		if (lu_distance(t, type_names[k], 2) <= 2)
			break;
	if (type_names[k] != NULL)
		imp_report(c->im, DIAG_ERROR, cell_at(c, r, C_TYPE), "unknown "
		    "question type \"%s\" (did you mean \"%s\"?)", t,
		    type_names[k]);
	else
		imp_report(c->im, DIAG_ERROR, cell_at(c, r, C_TYPE), "unknown "
		    "question type \"%s\" (choice, truefalse or text)", t);
	return -1;
}

static int
fill_answer(struct csv *c, const struct record *r, struct question *q,
    const char *ans)
{
	int i;

	switch (q->type) {
	case Q_CHOICE:
		for (i = 0; i < q->nchoices; i++)
			if (strcmp(q->choices[i], ans) == 0) {
				q->answer = i;
				return 0;
			}
		imp_report(c->im, DIAG_ERROR, cell_at(c, r, C_ANSWER), "\"%s\" "
		    "is not one of the choices", ans);
		return -1;
	case Q_TRUEFALSE:
		if (strcasecmp(ans, "true") == 0 || strcasecmp(ans, "false") ==
		    0) {
			q->truth = strcasecmp(ans, "true") == 0;
			return 0;
		}
		imp_report(c->im, DIAG_ERROR, cell_at(c, r, C_ANSWER), "a "
		    "truefalse answer must be true or false, not \"%s\"", ans);
		return -1;
	default:
		split_bars(ans, q, imp_answer);
		return 0;
	}
}

static int
time_limit(struct csv *c, const struct record *r, struct question *q)
{
	char *s = cell(c, r, C_TIME_LIMIT), *end;
	double x;

	if (*s == '\0') {
		free(s);
		return 0;
	}
	x = strtod(s, &end);
	if (*end != '\0' || !isfinite(x) || x < 0.1 || x > TIME_LIMIT_MAX) {
		imp_report(c->im, DIAG_ERROR, cell_at(c, r, C_TIME_LIMIT),
		    "time_limit: \"%s\" is not a number of seconds from 0.1 "
		    "to 86400", s);
		free(s);
		return -1;
	}
	q->time_limit = x;
	free(s);
	return 0;
}

static void
row(struct csv *c, const struct record *r)
{
	char *type = cell(c, r, C_TYPE), *choices = cell(c, r, C_CHOICES);
	char *ans = cell(c, r, C_ANSWER);
	struct question *q;
	enum qtype t;
	bool card = *type == '\0' && *choices == '\0';

	if (r->n > c->ncols)
		imp_report(c->im, DIAG_WARNING, r->off[c->ncols], "this row has "
		    "%d fields and the header %d: the rest is ignored", r->n,
		    c->ncols);
	if (row_type(c, r, type, *choices != '\0', &t) == 0) {
		q = imp_new(c->im, r->start, t, cell(c, r, C_QUESTION));
		q->explanation = cell(c, r, C_EXPLANATION);
		if (t == Q_CHOICE && *choices != '\0')
			split_bars(choices, q, imp_choice);
		if (t == Q_CHOICE && q->nchoices < CHOICES_MIN) {
			imp_report(c->im, DIAG_ERROR, cell_at(c, r, C_CHOICES),
			    "a choice question needs its choices, separated "
			    "by |");
			imp_new_cancel(c->im);
		} else if ((*ans == '\0' && t != Q_TEXT) ||
		    fill_answer(c, r, q, ans) < 0 || time_limit(c, r, q) < 0) {
			if (*ans == '\0' && t != Q_TEXT)
				imp_report(c->im, DIAG_ERROR, cell_at(c, r,
				    C_ANSWER), "the answer must not be empty");
			imp_new_cancel(c->im);
		} else {
			imp_done(c->im, cell_at(c, r, C_ANSWER), card);
		}
	}
	free(type);
	free(choices);
	free(ans);
}

char
csv_separator(const char *s, size_t n)
{
	size_t i, commas = 0, semicolons = 0;

	for (i = 0; i < n && s[i] != '\n' && s[i] != '\r'; i++) {
		commas += s[i] == ',';
		semicolons += s[i] == ';';
	}
	return semicolons > commas ? ';' : ',';
}

int
csv_read(struct importer *im)
{
	struct csv c = { im, { 0 }, 0 };
	struct record r = { 0 };
	size_t pos = 0, bad, head;
	bool first = true;
	char sep[2] = { ',', '\0' };

	/* The separator is the header row's: the first line not blank. */
	head = strspn(im->t->s, " \t\n");
	sep[0] = csv_separator(im->t->s + head, im->t->len - head);
	while (text_record(im->t, &pos, sep, true, &r, &bad)) {
		if (bad != (size_t)-1) {
			imp_report(im, DIAG_ERROR, bad, "a quote (\") that is "
			    "never closed");
			break;
		}
		if (r.n == 1 && r.f[0][strspn(r.f[0], " \t")] == '\0')
			continue;
		if (first) {
			header(&c, &r);
			first = false;
			if (c.col[C_QUESTION] < 0 || c.col[C_ANSWER] < 0)
				break;
		} else {
			row(&c, &r);
		}
	}
	record_fini(&r);
	return 0;
}
