/*
 * gift.c - Moodle's GIFT format, as question/format/gift/format.php reads
 * it: questions separated by blank lines, // comments, ::title::,
 * $CATEGORY:, [format] markers, \-escapes and one {answer block} each.
 */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "loadutil.h"
#include "util.h"

/* One question's lines: a copy of the text with comment lines blanked
 * (so offsets stay the file's), and where in the file it starts. */
struct chunk {
	struct importer *im;
	const char *b;      /* the text itself, or a copy with comments blanked */
	size_t n;
	size_t base;
	bool html;
};

static const char *const text_formats[] = {
	"html", "moodle", "plain", "markdown", NULL
};

/* First unescaped occurrence of s in c->b[from, to), or -1. */
static long
find(const struct chunk *c, size_t from, size_t to, const char *s)
{
	size_t i, k = strlen(s);

	for (i = from; i + k <= to; i++) {
		char ch = c->b[i];

		if (ch == '\\') {
			i++;
			continue;
		}
		if (ch == s[0] && (k == 1 || memcmp(c->b + i, s, k) == 0))
			return (long)i;
	}
	return -1;
}

/* Last unescaped occurrence of s in c->b[from, to), or -1: one pass. */
static long
find_last(const struct chunk *c, size_t from, size_t to, const char *s)
{
	size_t i, k = strlen(s);
	long at = -1;

	for (i = from; i + k <= to; i++) {
		if (c->b[i] == '\\') {
			i++;
			continue;
		}
		if (c->b[i] == s[0] && memcmp(c->b + i, s, k) == 0)
			at = (long)i;
	}
	return at;
}

static bool
blank(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n';
}

static size_t
skip_ws(const struct chunk *c, size_t i, size_t to)
{
	while (i < to && blank(c->b[i]))
		i++;
	return i;
}

/* c->b[from, to) with GIFT's escapes undone and its HTML made text. */
static char *
field(const struct chunk *c, size_t from, size_t to)
{
	struct strbuf sb = { 0 };
	size_t i;
	char *raw, *out;

	/* Most fields have no escape and no HTML: one copy, trimmed. */
	if (!c->html && memchr(c->b + from, '\\', to - from) == NULL &&
	    memchr(c->b + from, '[', to - from) == NULL)
		return text_trim(c->b + from, to - from);
	for (i = from; i < to; i++) {
		const char *bs = memchr(c->b + i, '\\', to - i);
		size_t k = bs ? (size_t)(bs - c->b) : to;
		char e;

		strbuf_add(&sb, c->b + i, k - i);   /* the run before a '\\' */
		if ((i = k) >= to)
			break;
		e = i + 1 < to ? c->b[i + 1] : '\0';
		if (e != '\0' && strchr(":#={}~\\n", e)) {
			strbuf_add(&sb, e == 'n' ? "\n" : &e, 1);
			i++;
		} else {
			strbuf_add(&sb, c->b + i, 1);
		}
	}
	raw = sb.s ? strbuf_take(&sb) : xstrdup("");
	out = imp_field(c->im, raw, c->html, c->base + from);
	free(raw);
	return out;
}

static void report(const struct chunk *c, enum diag_level l, size_t at,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
report(const struct chunk *c, enum diag_level l, size_t at, const char *fmt,
    ...)
{
	va_list ap;
	char *m;

	va_start(ap, fmt);
	m = xvasprintf(fmt, ap);
	va_end(ap);
	imp_report(c->im, l, c->base + at, "%s", m);
	free(m);
}

/* A [format] marker at i: sets c->html; returns the offset past it. */
static size_t
text_format(struct chunk *c, size_t i, size_t to)
{
	long end;
	char *name;
	int k;

	if (i >= to || c->b[i] != '[' || (end = find(c, i, to, "]")) < 0)
		return i;
	name = xstrndup(c->b + i + 1, (size_t)end - i - 1);
	for (k = 0; text_formats[k] != NULL; k++)
		if (strcmp(name, text_formats[k]) == 0)
			break;
	if (text_formats[k] != NULL) {
		c->html = k == 0;
		free(name);
		return (size_t)end + 1;
	}
	for (k = 0; text_formats[k] != NULL; k++)
		if (lu_distance(name, text_formats[k], 2) <= 2 &&
		    strlen(name) > 2) {
			report(c, DIAG_WARNING, i, "unknown text format "
			    "\"[%s]\" (did you mean \"[%s]\"?): kept as text",
			    name, text_formats[k]);
			break;
		}
	free(name);
	return i;
}

/* The answers of a block, split before each unescaped = or ~ (and the
 * ones of a numerical block before =). */
struct answer {
	size_t a, b;      /* the answer's text, marks removed */
	size_t at;        /* where it starts, for messages */
	bool right;       /* = (or a 100 % weight) */
	int weight;       /* the %N% weight, 100 for =, 0 for ~ */
	bool weighted;
	long fb;          /* offset of its #feedback, or -1 */
};

#define GIFT_ANSWERS_MAX 64

/* ch is one of marks ("=~" or "="), never the NUL. */
static bool
is_mark(char ch, const char *marks)
{
	return ch == marks[0] || (marks[1] != '\0' && ch == marks[1]);
}

static int
split_answers(const struct chunk *c, size_t from, size_t to,
    const char *marks, struct answer *v)
{
	int n = 0;
	size_t i = from;

	while (i < to && n < GIFT_ANSWERS_MAX) {
		struct answer *a = &v[n];
		size_t k;

		i = skip_ws(c, i, to);
		if (i >= to)
			break;
		memset(a, 0, sizeof *a);
		a->at = i;
		if (is_mark(c->b[i], marks)) {
			a->right = c->b[i] == '=';
			a->weight = a->right ? 100 : 0;
			i++;
		}
		if (i < to && c->b[i] == '%') {
			long end = find(c, i + 1, to, "%");

			if (end > 0) {
				a->weight = atoi(c->b + i + 1);
				a->weighted = true;
				a->right = a->weight == 100;
				i = (size_t)end + 1;
			}
		}
		for (k = i; k < to; k++) {
			if (c->b[k] == '\\') {
				k++;
				continue;
			}
			if (is_mark(c->b[k], marks))
				break;
		}
		if (k > to)
			k = to;
		a->fb = find(c, i, k, "#");
		a->a = i;
		a->b = a->fb >= 0 ? (size_t)a->fb : k;
		n++;
		i = k;
	}
	return n;
}

/* The feedback of answer a, or NULL. */
static char *
feedback(const struct chunk *c, const struct answer *a, size_t end)
{
	return a->fb >= 0 ? field(c, (size_t)a->fb + 1, end) : NULL;
}

static size_t
answer_end(const struct answer *v, int i, int n, size_t to)
{
	return i + 1 < n ? v[i + 1].at : to;
}

static void
multichoice(struct chunk *c, struct question *q, const struct answer *v,
    int n, size_t to)
{
	int i, right = 0;

	for (i = 0; i < n; i++) {
		imp_choice(q, field(c, v[i].a, v[i].b));
		if (v[i].right) {
			if (right++ == 0)
				q->answer = i;
			if (q->explanation == NULL)
				q->explanation = feedback(c, &v[i],
				    answer_end(v, i, n, to));
		}
	}
	if (right == 0)
		q->answer = -1;
}

/* Which kind of block this is when termquiz cannot ask it, or NULL. */
static const char *
unaskable(const struct answer *v, int n)
{
	int i, right = 0;

	for (i = 0; i < n; i++) {
		if (v[i].weighted && v[i].weight != 0 && v[i].weight != 100)
			return "a multiple-answer question (answers with %"
			    " weights)";
		right += v[i].right;
	}
	if (right == 0)
		return "a multiple-answer question (no answer marked =)";
	if (right > 1)
		return "a multiple-answer question (more than one =)";
	return NULL;
}

static int
shortanswer(struct chunk *c, struct question *q, size_t from, size_t to)
{
	struct answer v[GIFT_ANSWERS_MAX];
	int n = split_answers(c, from, to, "=", v), i;

	for (i = 0; i < n; i++) {
		if (!v[i].right)
			continue;
		imp_answer(q, field(c, v[i].a, v[i].b));
		if (q->explanation == NULL)
			q->explanation = feedback(c, &v[i],
			    answer_end(v, i, n, to));
	}
	return q->nanswers;
}

/* A number as GIFT writes it, exactly: the whole of s. */
static bool
number(const char *s, double *x)
{
	char *end;

	*x = strtod(s, &end);
	return end != s && *end == '\0' && isfinite(*x);
}

/* A numerical block after its '#': zero-tolerance answers become typed
 * answers; returns -1 on an error, 0 when toleranced (skip), else 1. */
static int
numerical(struct chunk *c, struct question *q, size_t from, size_t to)
{
	struct answer v[GIFT_ANSWERS_MAX];
	int n = split_answers(c, from, to, "=", v), i;

	for (i = 0; i < n; i++) {
		char *s = field(c, v[i].a, v[i].b), *colon, *dots;
		double x, tol = 0, hi;

		if (v[i].weighted && !v[i].right) {
			free(s);
			continue;
		}
		colon = strchr(s, ':');
		dots = strstr(s, "..");
		if (colon != NULL)
			*colon = '\0';
		if (dots != NULL)
			*dots = '\0';
		if (!number(s, &x) || (colon && !number(colon + 1, &tol)) ||
		    (dots && !number(dots + 2, &hi))) {
			report(c, DIAG_ERROR, v[i].a, "a numerical answer must "
			    "be a number (as 3, 2.5, 3:0.1 or 1..5), not \"%s\"",
			    s);
			free(s);
			return -1;
		}
		if (tol != 0 || (dots && hi != x)) {
			free(s);
			return 0;
		}
		imp_answer(q, s);
		s = xasprintf("%g", x);   /* 3.0 is also typed 3 */
		if (strcmp(s, q->answers[q->nanswers - 1]) != 0)
			imp_answer(q, s);
		else
			free(s);
		if (q->explanation == NULL)
			q->explanation = feedback(c, &v[i],
			    answer_end(v, i, n, to));
	}
	return q->nanswers > 0 ? 1 : 0;
}

static bool
truefalse(const struct chunk *c, size_t a, size_t b, bool *truth)
{
	long h = find(c, a, b, "#");
	size_t e = h >= 0 ? (size_t)h : b;
	char *tok;
	bool ok = true;

	while (e > a && blank(c->b[e - 1]))
		e--;
	tok = xstrndup(c->b + a, e - a);
	if (strcmp(tok, "T") == 0 || strcmp(tok, "TRUE") == 0)
		*truth = true;
	else if (strcmp(tok, "F") == 0 || strcmp(tok, "FALSE") == 0)
		*truth = false;
	else
		ok = false;
	free(tok);
	return ok;
}

/* {T#wrong#right}: the feedback for a right answer. */
static char *
truefalse_feedback(const struct chunk *c, size_t a, size_t b)
{
	long h1 = find(c, a, b, "#"), h2;

	if (h1 < 0 || (h2 = find(c, (size_t)h1 + 1, b, "#")) < 0)
		return NULL;
	return field(c, (size_t)h2 + 1, b);
}

/* The question's text: the block removed, or "_____" in its place when
 * text follows it (a missing word). */
static char *
question_text(const struct chunk *c, size_t i, size_t open, size_t close,
    size_t to)
{
	char *left = field(c, i, open), *right, *s;
	size_t r = skip_ws(c, close + 1, to);

	if (r >= to)
		return left;
	right = field(c, close + 1, to);
	s = xasprintf("%s%s_____%s%s", left,
	    open > i && blank(c->b[open - 1]) ? " " : "",
	    r > close + 1 ? " " : "", right);
	free(left);
	free(right);
	return s;
}

/* The kinds of answer block, in the order format.php tells them apart. */
enum block { B_ESSAY, B_NUMERICAL, B_CHOICE, B_MATCHING, B_TRUEFALSE,
    B_SHORT };

static enum block
block_kind(const struct chunk *c, size_t a, size_t b, bool *truth)
{
	if (a >= b)
		return B_ESSAY;
	if (c->b[a] == '#')
		return B_NUMERICAL;
	if (find(c, a, b, "~") >= 0)
		return B_CHOICE;
	if (find(c, a, b, "=") >= 0 && find(c, a, b, "->") >= 0)
		return B_MATCHING;
	return truefalse(c, a, b, truth) ? B_TRUEFALSE : B_SHORT;
}

/* Fill a question from its block [a, b); returns false when it is left
 * out or wrong (already said). */
static bool
answers(struct chunk *c, struct question *q, size_t open, size_t a, size_t b)
{
	struct answer v[GIFT_ANSWERS_MAX];
	const char *why;
	bool truth;
	int r, n;

	switch (block_kind(c, a, b, &truth)) {
	case B_ESSAY:
		imp_skip(c->im, c->base + open, "an essay question (empty "
		    "answer block)");
		return false;
	case B_MATCHING:
		imp_skip(c->im, c->base + open, "a matching question");
		return false;
	case B_CHOICE:
		n = split_answers(c, a, b, "=~", v);
		if ((why = unaskable(v, n)) != NULL) {
			imp_skip(c->im, c->base + open, "%s", why);
			return false;
		}
		q->type = Q_CHOICE;
		multichoice(c, q, v, n, b);
		return true;
	case B_TRUEFALSE:
		q->type = Q_TRUEFALSE;
		q->truth = truth;
		q->explanation = truefalse_feedback(c, a, b);
		return true;
	case B_NUMERICAL:
		if ((r = numerical(c, q, a + 1, b)) == 0)
			imp_skip(c->im, c->base + open, "a numerical question "
			    "with a tolerance or range");
		return r > 0;
	default:
		if (shortanswer(c, q, a, b) > 0)
			return true;
		imp_skip(c->im, c->base + open, "a short-answer question "
		    "with no answer worth 100%%");
		return false;
	}
}

/* $CATEGORY: $course$/top/Capitals names the pack "Capitals". */
static bool
category(struct chunk *c, size_t i, size_t to)
{
	const char *s = c->b + i, *slash;
	char *word, *name;
	size_t k;

	if (c->b[i] != '$')
		return false;
	if (strncmp(s, "$CATEGORY:", 10) == 0) {
		name = field(c, i + 10, to);
		slash = strrchr(name, '/');
		imp_title(c->im, text_trim(slash ? slash + 1 : name,
		    strlen(slash ? slash + 1 : name)));
		free(name);
		return true;
	}
	for (k = i; k < to && c->b[k] != ':' && c->b[k] != ' '; k++)
		;
	word = xstrndup(s, k - i);
	if (k < to && c->b[k] == ':' && lu_distance(word, "$CATEGORY", 2) <= 2) {
		report(c, DIAG_WARNING, i, "unknown command \"%s:\" (did you "
		    "mean \"$CATEGORY:\"?): read as a question", word);
	}
	free(word);
	return false;
}

static void
question(struct chunk *c)
{
	struct question *q;
	size_t i = skip_ws(c, 0, c->n), to = c->n, start;
	long open, close, gf;
	size_t a, b;
	char *general = NULL;

	while (to > i && blank(c->b[to - 1]))
		to--;
	if (i >= to || category(c, i, to))
		return;
	start = i;
	if (strncmp(c->b + i, "::", 2) == 0) {
		long end = find(c, i + 2, to, "::");

		i = end >= 0 ? skip_ws(c, (size_t)end + 2, to) : i + 2;
	}
	i = text_format(c, skip_ws(c, i, to), to);
	open = find(c, i, to, "{");
	close = find(c, i, to, "}");
	if (open < 0 && close < 0) {
		imp_skip(c->im, c->base + start, "a description (no answer "
		    "block)");
		return;
	}
	if (open >= 0 && close < 0) {
		report(c, DIAG_ERROR, (size_t)open, "'{' without its closing "
		    "'}' (write \\{ for a brace in the text)");
		return;
	}
	if (open < 0 || close < open) {
		report(c, DIAG_ERROR, (size_t)close, "'}' without an opening "
		    "'{' (write \\} for a brace in the text)");
		return;
	}
	a = (size_t)open + 1;
	b = (size_t)close;
	if ((gf = find_last(c, a, b, "####")) >= 0) {
		general = field(c, (size_t)gf + 4, b);
		b = (size_t)gf;
	}
	a = skip_ws(c, a, b);
	while (b > a && blank(c->b[b - 1]))
		b--;
	q = imp_new(c->im, c->base + start, Q_TEXT,
	    question_text(c, i, (size_t)open, (size_t)close, to));
	if (!answers(c, q, (size_t)open, a, b)) {
		free(general);
		imp_new_cancel(c->im);
		return;
	}
	if (q->explanation == NULL || q->explanation[0] == '\0') {
		free(q->explanation);
		q->explanation = general;
	} else {
		free(general);
	}
	imp_done(c->im, c->base + (size_t)open, false);
}

/* Whether the line at [a, b) of s is a // comment. */
static bool
comment_line(const char *s, size_t a, size_t b)
{
	while (a < b && (s[a] == ' ' || s[a] == '\t'))
		a++;
	return b - a >= 2 && s[a] == '/' && s[a + 1] == '/';
}

/* A question's lines [from, to) of the text: read in place, or from a
 * copy with its comment lines blanked when it has any. */
static void
read_chunk(struct importer *im, size_t from, size_t to, bool comments)
{
	struct chunk c = { im, im->t->s + from, to - from, from, false };
	char *copy = NULL;
	size_t pos = 0;

	if (comments) {
		copy = xstrndup(im->t->s + from, to - from);
		while (pos < c.n) {
			char *nl = memchr(copy + pos, '\n', c.n - pos);
			size_t end = nl ? (size_t)(nl - copy) : c.n;

			if (comment_line(copy, pos, end))
				memset(copy + pos, ' ', end - pos);
			pos = end + 1;
		}
		c.b = copy;
	}
	question(&c);
	free(copy);
}

int
gift_read(struct importer *im)
{
	size_t pos = 0, a, b, from = 0;
	bool in = false, comments = false;
	const char *s = im->t->s;

	while (text_line(im->t, &pos, &a, &b)) {
		size_t k = a;

		while (k < b && (s[k] == ' ' || s[k] == '\t'))
			k++;
		if (k == b) {
			if (in)
				read_chunk(im, from, a, comments);
			in = false;
			continue;
		}
		if (!in) {
			from = a;
			in = true;
			comments = false;
		}
		comments |= comment_line(s, a, b);
	}
	if (in)
		read_chunk(im, from, im->t->len, comments);
	return 0;
}
