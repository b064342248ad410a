/*
 * format.c - which format a file is in, found by content, and the pack
 * every importer builds with the checks the JSON loader makes.
 */
#include "format.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fold.h"
#include "html.h"
#include "import.h"
#include "loadutil.h"
#include "rng.h"
#include "util.h"

/* Detection looks at the start of a file only: a pack says what it is
 * within its first questions. */
#define DETECT_BYTES 65536

struct window {
	const char *s;
	size_t len;
};

static bool detect_json(struct window w, const char *name);
static bool detect_anki(struct window w, const char *name);
static bool detect_csv(struct window w, const char *name);
static bool detect_otqa(struct window w, const char *name);
static bool detect_aiken(struct window w, const char *name);
static bool detect_gift(struct window w, const char *name);
static bool detect_anki_plain(struct window w, const char *name);
static bool detect_quizlet(struct window w, const char *name);

/* In the order they are tried: the most particular first. */
static const struct format_def {
	enum format f;
	const char *name;
	const char *label;
	bool (*detect)(struct window, const char *);
	int (*read)(struct importer *);
} formats[] = {
	{ FORMAT_JSON, "json", "JSON", detect_json, NULL },
	{ FORMAT_OPENTDB, "opentdb", "Open Trivia DB", NULL, NULL },
	{ FORMAT_ANKI, "anki", "Anki", detect_anki, anki_read },
	{ FORMAT_CSV, "csv", "CSV", detect_csv, csv_read },
	{ FORMAT_OPENTRIVIAQA, "opentriviaqa", "OpenTriviaQA", detect_otqa,
	    opentriviaqa_read },
	{ FORMAT_AIKEN, "aiken", "Aiken", detect_aiken, aiken_read },
	{ FORMAT_GIFT, "gift", "GIFT", detect_gift, gift_read },
	/* Anki again, without headers: after every format that says what it
	 * is, before Quizlet's plain two columns. (def_of, format_name and
	 * format_from_name find the first row.) */
	{ FORMAT_ANKI, "anki", "Anki", detect_anki_plain, anki_read },
	{ FORMAT_QUIZLET, "quizlet", "Quizlet", detect_quizlet, quizlet_read },
};

#define NFORMATS ((int)(sizeof formats / sizeof formats[0]))

static const struct format_def *
def_of(enum format f)
{
	int i;

	for (i = 0; i < NFORMATS; i++)
		if (formats[i].f == f)
			return &formats[i];
	return NULL;
}

const char *
format_name(enum format f)
{
	const struct format_def *d = def_of(f);

	return d ? d->name : "auto";
}

enum format
format_from_name(const char *name)
{
	int i;

	for (i = 0; i < NFORMATS; i++)
		if (strcasecmp(name, formats[i].name) == 0)
			return formats[i].f;
	return FORMAT_AUTO;
}

const char *
format_suggest(const char *name)
{
	int i;

	for (i = 0; i < NFORMATS; i++)
		if (lu_distance(name, formats[i].name, 2) <= 2)
			return formats[i].name;
	return NULL;
}

/* --- Detection: each looks at a window of the text, line by line. --- */

/* The next line of w at *pos, ending at LF or CR, as [*a, *b). */
static bool
next_line(struct window w, size_t *pos, size_t *a, size_t *b)
{
	size_t i = *pos;

	if (i >= w.len)
		return false;
	*a = i;
	while (i < w.len && w.s[i] != '\n' && w.s[i] != '\r')
		i++;
	*b = i;
	if (i < w.len && w.s[i] == '\r' && i + 1 < w.len && w.s[i + 1] == '\n')
		i++;
	*pos = i + 1;
	return true;
}

static size_t
skip_blank(struct window w, size_t i)
{
	while (i < w.len && strchr(" \t\r\n", w.s[i]) != NULL && w.s[i])
		i++;
	return i;
}

static bool
starts(const char *s, size_t n, const char *prefix)
{
	size_t k = strlen(prefix);

	return n >= k && memcmp(s, prefix, k) == 0;
}

static bool
detect_json(struct window w, const char *name)
{
	size_t i = skip_blank(w, 0), k;

	(void)name;
	if (i >= w.len)
		return true;   /* empty: the JSON loader says so */
	if (w.s[i] == '{')   /* but "{{c1::" opens an Anki cloze note */
		return i + 1 >= w.len || w.s[i + 1] != '{';
	if (w.s[i] != '[')
		return false;
	k = skip_blank(w, i + 1);
	return k < w.len && strchr("{[\"]0123456789-", w.s[k]) != NULL;
}

/* The #key: headers of Anki's "Notes in Plain Text". */
static const char *const anki_keys[] = {
	"separator", "html", "tags", "columns", "notetype", "deck",
	"guid column", "notetype column", "deck column", "tags column",
	"if matches", NULL
};

static bool
detect_anki(struct window w, const char *name)
{
	size_t a, b, pos = 0;
	int i;

	(void)name;
	if (!next_line(w, &pos, &a, &b) || w.s[a] != '#')
		return false;
	for (i = 0; anki_keys[i] != NULL; i++) {
		size_t k = strlen(anki_keys[i]);

		if (b - a > k + 1 && strncasecmp(w.s + a + 1, anki_keys[i],
		    k) == 0 && w.s[a + 1 + k] == ':')
			return true;
	}
	return false;
}

static bool
ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);

	return n >= k && strcasecmp(s + n - k, tail) == 0;
}

static bool
detect_csv(struct window w, const char *name)
{
	size_t a, b, pos = 0;
	char *head, sep;
	bool ok;

	if (!ends_with(name, ".csv") || !next_line(w, &pos, &a, &b))
		return false;
	head = xstrndup(w.s + a, b - a);
	sep = csv_separator(head, b - a);
	for (a = 0; head[a] != '\0'; a++)
		if (head[a] >= 'A' && head[a] <= 'Z')
			head[a] = (char)(head[a] | 0x20);
	/* A semicolon header names both columns: "question;answer". */
	ok = strchr(head, sep) && strstr(head, "question") &&
	    (sep == ',' || strstr(head, "answer"));
	free(head);
	return ok;
}

static bool
detect_otqa(struct window w, const char *name)
{
	size_t a, b, pos = 0;
	bool q = false;

	(void)name;
	while (next_line(w, &pos, &a, &b)) {
		if (starts(w.s + a, b - a, "#Q "))
			q = true;
		else if (q && starts(w.s + a, b - a, "^ "))
			return true;
	}
	return false;
}

static bool
aiken_option(const char *s, size_t n)
{
	return n >= 3 && s[0] >= 'A' && s[0] <= 'Z' &&
	    (s[1] == ')' || s[1] == '.') && (s[2] == ' ' || s[2] == '\t');
}

static bool
detect_aiken(struct window w, const char *name)
{
	size_t a, b, pos = 0;
	bool option = false;

	(void)name;
	while (next_line(w, &pos, &a, &b)) {
		size_t i = a;

		while (i < b && (w.s[i] == ' ' || w.s[i] == '\t'))
			i++;
		if (starts(w.s + i, b - i, "ANSWER:")) {
			size_t k = i + 7;

			while (k < b && (w.s[k] == ' ' || w.s[k] == '\t'))
				k++;
			if (option && k < b && w.s[k] >= 'A' && w.s[k] <= 'Z')
				return true;
		}
		option = aiken_option(w.s + i, b - i) ||
		    (option && i == b);
	}
	return false;
}

/* An answer block: an unescaped '{' and its '}', holding =, ~, #, or T/F. */
static bool
detect_gift(struct window w, const char *name)
{
	size_t i;

	(void)name;
	for (i = 0; i < w.len; i++) {
		size_t k, e;

		if (w.s[i] == '\\') {
			i++;
			continue;
		}
		if (w.s[i] != '{')
			continue;
		for (k = i + 1; k < w.len && w.s[k] != '}' && w.s[k] != '{';
		    k++)
			if (w.s[k] == '\\')
				k++;
		if (k >= w.len || w.s[k] != '}')
			continue;
		i = skip_blank(w, i + 1);
		if (i < k && strchr("=~#", w.s[i]) != NULL)
			return true;
		for (e = i; e < k && w.s[e] != '#' && w.s[e] != ' '; e++)
			;
		if ((e - i == 1 && (w.s[i] == 'T' || w.s[i] == 'F')) ||
		    (e - i == 4 && strncmp(w.s + i, "TRUE", 4) == 0) ||
		    (e - i == 5 && strncmp(w.s + i, "FALSE", 5) == 0))
			return true;
		i = k;
	}
	return false;
}

/* One record of w at *pos with fields split by sep and "-quoted as Anki
 * writes them (a field that starts with '"' runs to the next lone '"',
 * over line ends too): its number of fields, or -1 for a quote the window
 * never closes. *quoted is set when a field was quoted, *cloze when the
 * record holds a {{cN:: deletion. */
static int
anki_record(struct window w, size_t *pos, char sep, bool *quoted,
    bool *cloze)
{
	size_t i = *pos;
	int n = 1;
	bool start = true;

	while (i < w.len && w.s[i] != '\n' && w.s[i] != '\r') {
		char ch = w.s[i];

		if (start && ch == '"') {
			*quoted = true;
			for (i++; i < w.len; i++)
				if (w.s[i] == '"' && (i + 1 >= w.len ||
				    w.s[i + 1] != '"'))
					break;
				else if (w.s[i] == '"')
					i++;
			if (i >= w.len)
				return -1;
		} else if (ch == sep) {
			n++;
		} else if (ch == '{' && i + 3 < w.len &&
		    memcmp(w.s + i, "{{c", 3) == 0 && w.s[i + 3] >= '0' &&
		    w.s[i + 3] <= '9') {
			*cloze = true;
		}
		start = ch == sep;
		i++;
	}
	if (i < w.len && w.s[i] == '\r' && i + 1 < w.len && w.s[i + 1] == '\n')
		i++;
	*pos = i + 1;
	return n;
}

/* Anki's notes without #headers. The separator is sniffed from the first
 * line as the reader does (tab, then semicolon; a comma says too little:
 * prose has them). Every record (of the first 50; blank lines and #
 * comments aside) has the same number of fields, two or more; and what
 * Quizlet's two-column tab export never has must show: a third column
 * (the tags), a quoted field or a cloze with tabs, two notes or more with
 * semicolons. */
static bool
detect_anki_plain(struct window w, const char *name)
{
	size_t a, b, pos = 0;
	char sep;
	int want = 0, records = 0;
	bool quoted = false, cloze = false;

	(void)name;
	if (!next_line(w, &pos, &a, &b) || a == b || w.s[a] == '#')
		return false;
	sep = memchr(w.s + a, '\t', b - a) ? '\t' :
	    memchr(w.s + a, ';', b - a) ? ';' : '\0';
	if (sep == '\0')
		return false;
	pos = 0;
	while (pos < w.len && records < 50) {
		size_t k = pos;
		int n;

		while (k < w.len && (w.s[k] == ' ' || w.s[k] == '\t'))
			k++;
		if (k >= w.len || w.s[k] == '\n' || w.s[k] == '\r' ||
		    w.s[k] == '#') {
			next_line(w, &pos, &a, &b);
			continue;
		}
		n = anki_record(w, &pos, sep, &quoted, &cloze);
		if (n < 0 && w.len == DETECT_BYTES && records > 0)
			break;   /* a field the window cuts */
		if (n < 2 || (want != 0 && n != want))
			return false;
		want = n;
		records++;
	}
	if (sep == '\t')
		return records > 0 && (want >= 3 || quoted || cloze);
	return records >= 2 || (records == 1 && (quoted || cloze));
}

/* Most lines are term TAB definition. */
static bool
detect_quizlet(struct window w, const char *name)
{
	size_t a, b, pos = 0;
	int lines = 0, tabbed = 0;

	(void)name;
	while (next_line(w, &pos, &a, &b) && lines < 50) {
		if (a == b)
			continue;
		lines++;
		tabbed += memchr(w.s + a, '\t', b - a) != NULL;
		if (lines == 1 && tabbed == 0)
			return false;
	}
	return lines > 0 && 2 * tabbed > lines;
}

enum format
format_detect(const char *name, const char *text, size_t len,
    const struct import_opts *o)
{
	struct window w = { text, len < DETECT_BYTES ? len : DETECT_BYTES };
	int i;

	if (w.len >= 3 && memcmp(w.s, "\xEF\xBB\xBF", 3) == 0) {
		w.s += 3;
		w.len -= 3;
	}
	if (o != NULL && o->term_sep != NULL && !detect_json(w, name))
		return FORMAT_QUIZLET;
	for (i = 0; i < NFORMATS; i++)
		if (formats[i].detect && formats[i].detect(w, name))
			return formats[i].f;
	/* Nothing fits: a name that says GIFT or CSV is read as that, so its
	 * problems are told in its own terms. */
	return ends_with(name, ".gift") ? FORMAT_GIFT :
	    ends_with(name, ".csv") ? FORMAT_CSV : FORMAT_AUTO;
}

/* --- The pack being built. --- */

void
imp_report(struct importer *im, enum diag_level level, size_t off,
    const char *fmt, ...)
{
	va_list ap;
	char *msg;
	int line, col;

	text_linecol(im->t, off, &line, &col);
	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	diags_add(im->d, level, im->file, line, col, "%s", msg);
	free(msg);
}

void
imp_skip(struct importer *im, size_t off, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	imp_report(im, DIAG_WARNING, off, "%s: left out", msg);
	free(msg);
	im->skipped++;
}

static bool
blank(const char *s)
{
	return s == NULL || s[strspn(s, " \t\r\n")] == '\0';
}

void
imp_title(struct importer *im, char *s)
{
	if (im->pk->title == NULL && !blank(s)) {
		im->pk->title = s;
		return;
	}
	free(s);
}

struct question *
imp_new(struct importer *im, size_t off, enum qtype t, char *text)
{
	struct pack *pk = im->pk;
	struct question *q;

	if ((size_t)pk->nq == im->cap) {
		im->cap = im->cap ? im->cap * 2 : 64;
		pk->q = xrealloc(pk->q, im->cap * sizeof *pk->q);
		im->where = xrealloc(im->where, im->cap * sizeof *im->where);
		im->card = xrealloc(im->card, im->cap * sizeof *im->card);
	}
	q = &pk->q[pk->nq];
	memset(q, 0, sizeof *q);
	q->type = t;
	q->text = text;
	im->where[pk->nq] = off;
	im->card[pk->nq] = false;
	pk->nq++;
	return q;
}

void
imp_choice(struct question *q, char *s)
{
	q->choices = xrealloc(q->choices,
	    (size_t)(q->nchoices + 1) * sizeof *q->choices);
	q->choices[q->nchoices++] = s;
}

void
imp_answer(struct question *q, char *s)
{
	q->answers = xrealloc(q->answers,
	    (size_t)(q->nanswers + 1) * sizeof *q->answers);
	q->answers[q->nanswers++] = s;
}

void
imp_new_cancel(struct importer *im)
{
	question_fini(&im->pk->q[--im->pk->nq]);
}

/* A field within the limits: some text, not too long. */
static bool
field_ok(struct importer *im, size_t off, const char *s, const char *what)
{
	if (blank(s)) {
		imp_report(im, DIAG_ERROR, off, "%s must not be empty", what);
		return false;
	}
	if (strlen(s) > IMPORT_TEXT_MAX) {
		imp_report(im, DIAG_ERROR, off,
		    "%s is %zu bytes long; the limit is %d", what, strlen(s),
		    IMPORT_TEXT_MAX);
		return false;
	}
	return true;
}

/* The JSON loader's warning about a choice given twice. The folds go in
 * one block, no allocation for each choice. */
static void
warn_repeats(struct importer *im, size_t off, const struct question *q)
{
	char *f[CHOICES_MAX], *arena;
	size_t room = 0, used = 0;
	int i, j;

	for (i = 0; i < q->nchoices; i++)
		room += FOLD_TEXT_MAX(strlen(q->choices[i]));
	arena = xmalloc(room);
	for (i = 0; i < q->nchoices; i++) {
		f[i] = arena + used;
		used += fold_text_into(q->choices[i], strlen(q->choices[i]),
		    f[i]) + 1;
	}
	for (j = 1; j < q->nchoices; j++) {
		for (i = 0; i < j && strcmp(f[i], f[j]) != 0; i++)
			;
		if (i == j)
			continue;
		if (i == q->answer || j == q->answer)
			imp_report(im, DIAG_WARNING, off,
			    "choice %d: the correct answer is repeated among "
			    "the choices", j + 1);
		else
			imp_report(im, DIAG_WARNING, off,
			    "choice %d: same as choice %d", j + 1, i + 1);
	}
	free(arena);
}

static bool
choices_ok(struct importer *im, size_t off, const struct question *q)
{
	int i;

	if (q->nchoices < CHOICES_MIN || q->nchoices > CHOICES_MAX) {
		imp_report(im, DIAG_ERROR, off,
		    "has %d choice%s; a question needs %d to %d", q->nchoices,
		    q->nchoices == 1 ? "" : "s", CHOICES_MIN, CHOICES_MAX);
		return false;
	}
	for (i = 0; i < q->nchoices; i++)
		if (!field_ok(im, off, q->choices[i], "a choice"))
			return false;
	if (q->answer < 0 || q->answer >= q->nchoices) {
		imp_report(im, DIAG_ERROR, off, "no choice is marked correct");
		return false;
	}
	return true;
}

int
imp_done(struct importer *im, size_t off, bool card)
{
	struct question *q = &im->pk->q[im->pk->nq - 1];
	size_t at = im->where[im->pk->nq - 1];
	bool ok = field_ok(im, at, q->text, "the question");
	int i;

	/* The text's problems are reported where it starts, the answers'
	 * at off. */
	if (ok && q->explanation != NULL && strlen(q->explanation) >
	    IMPORT_TEXT_MAX)
		ok = field_ok(im, at, q->explanation, "the explanation");
	if (ok && q->type == Q_CHOICE) {
		ok = choices_ok(im, off, q);
		if (ok)
			warn_repeats(im, off, q);
	}
	if (ok && q->type == Q_TEXT) {
		if (q->nanswers == 0)
			ok = field_ok(im, off, "", "the answer");
		for (i = 0; ok && i < q->nanswers; i++)
			ok = field_ok(im, off, q->answers[i], "the answer");
	}
	if (!ok) {
		question_fini(q);
		im->pk->nq--;
		return -1;
	}
	if (q->explanation != NULL && blank(q->explanation)) {
		free(q->explanation);
		q->explanation = NULL;
	}
	im->card[im->pk->nq - 1] = card;
	return 0;
}

int
imp_card(struct importer *im, size_t off, char *front, char *back,
    char *expl)
{
	struct question *q;

	if (im->o->swap) {
		char *t = front;

		front = back;
		back = t;
	}
	q = imp_new(im, off, Q_TEXT, front);
	imp_answer(q, back);
	q->explanation = expl;
	return imp_done(im, off, true);
}

char *
imp_field(struct importer *im, const char *s, bool html, size_t off)
{
	unsigned dropped = 0;
	char *plain, *out;

	if (!html && strstr(s, "[sound:") == NULL)
		return text_trim(s, strlen(s));
	plain = html_to_text(s, html, &dropped);

	if (dropped & HTML_DROPPED_IMAGE)
		imp_report(im, DIAG_WARNING, off,
		    "an image (<img>) is left out: the terminal shows text "
		    "only");
	if (dropped & HTML_DROPPED_SOUND)
		imp_report(im, DIAG_WARNING, off,
		    "a sound ([sound:...]) is left out: the terminal plays "
		    "none");
	out = text_trim(plain, strlen(plain));
	free(plain);
	return out;
}

/* --- Flashcards as 4-choice questions. --- */

struct card_fold {
	char *q;   /* the question, folded */
	char *a;   /* its first answer, folded */
	char *ans; /* its first answer as written (cards become choices one
	            * by one: another's answers may be gone) */
};

/* Whether candidate answer c (of card k) would also be right for card i:
 * the same answer, or a card asking the same question. */
static bool
also_right(const struct pack *pk, const struct card_fold *cf, int i, int k,
    const char *const *chosen, int nchosen)
{
	int j;

	if (strcmp(cf[k].a, cf[i].a) == 0 || strcmp(cf[k].q, cf[i].q) == 0)
		return true;
	for (j = 1; j < pk->q[i].nanswers; j++) {
		char *f = fold_text(pk->q[i].answers[j]);
		bool same = strcmp(f, cf[k].a) == 0;

		free(f);
		if (same)
			return true;
	}
	for (j = 0; j < nchosen; j++)
		if (strcmp(chosen[j], cf[k].a) == 0)
			return true;
	return false;
}

/* Up to 3 other cards' answers for card i, drawn at random: tries a few
 * draws, then walks on from a random card so a small deck finds all. */
static int
draw_wrong(const struct pack *pk, const struct card_fold *cf,
    const int *cards, int ncards, int i, struct rng *r, int out[3])
{
	const char *chosen[3];
	int n = 0, tries, start, s;

	for (tries = 0; tries < 24 && n < 3; tries++) {
		int k = cards[rng_below(r, (uint32_t)ncards)];

		if (!also_right(pk, cf, i, k, chosen, n)) {
			chosen[n] = cf[k].a;
			out[n++] = k;
		}
	}
	start = (int)rng_below(r, (uint32_t)ncards);
	for (s = 0; s < ncards && n < 3; s++) {
		int k = cards[(start + s) % ncards];

		if (!also_right(pk, cf, i, k, chosen, n)) {
			chosen[n] = cf[k].a;
			out[n++] = k;
		}
	}
	return n;
}

/* Card i becomes a choice question: its answer among the wrong ones, at
 * a random place. */
static void
make_choice(struct pack *pk, const struct card_fold *cf, int i,
    const int *wrong, int nwrong, struct rng *r)
{
	struct question *q = &pk->q[i];
	int at = (int)rng_below(r, (uint32_t)nwrong + 1), k, w = 0;

	q->choices = xcalloc((size_t)nwrong + 1, sizeof *q->choices);
	for (k = 0; k <= nwrong; k++)
		q->choices[k] = xstrdup(k == at ? cf[i].ans :
		    cf[wrong[w++]].ans);
	q->nchoices = nwrong + 1;
	q->answer = at;
	q->type = Q_CHOICE;
	for (k = 0; k < q->nanswers; k++)
		free(q->answers[k]);
	free(q->answers);
	q->answers = NULL;
	q->nanswers = 0;
}

static void
as_choice(struct importer *im)
{
	struct pack *pk = im->pk;
	struct card_fold *cf = xcalloc((size_t)pk->nq, sizeof *cf);
	int *cards = xcalloc((size_t)pk->nq, sizeof *cards);
	int ncards = 0, i, lonely = 0;
	struct rng r;

	rng_seed(&r, im->o->seed);
	for (i = 0; i < pk->nq; i++) {
		if (!im->card[i])
			continue;
		cf[i].q = fold_text(pk->q[i].text);
		cf[i].a = fold_text(pk->q[i].answers[0]);
		cf[i].ans = xstrdup(pk->q[i].answers[0]);
		cards[ncards++] = i;
	}
	for (i = 0; i < pk->nq; i++) {
		int wrong[3], n;

		if (!im->card[i])
			continue;
		n = draw_wrong(pk, cf, cards, ncards, i, &r, wrong);
		if (n > 0)
			make_choice(pk, cf, i, wrong, n, &r);
		else
			lonely++;
	}
	if (lonely > 0)
		imp_report(im, DIAG_WARNING, im->where[0],
		    "--as-choice: %d card%s had no other card's answer to "
		    "offer and stay%s a typed answer", lonely,
		    lonely == 1 ? "" : "s", lonely == 1 ? "s" : "");
	for (i = 0; i < pk->nq; i++) {
		free(cf[i].q);
		free(cf[i].a);
		free(cf[i].ans);
	}
	free(cf);
	free(cards);
}

/* --- Questions asked twice. --- */

struct folded {
	char *s;
	int i;
};

static int
folded_cmp(const void *pa, const void *pb)
{
	const struct folded *a = pa, *b = pb;
	int c = strcmp(a->s, b->s);

	return c ? c : (a->i > b->i) - (a->i < b->i);
}

/* The JSON loader's warning for a question asked twice (case, accents and
 * spacing aside), found by sorting: n log n for 100,000 questions. */
static void
warn_duplicates(struct importer *im)
{
	struct pack *pk = im->pk;
	struct folded *v = xcalloc((size_t)pk->nq, sizeof *v);
	int *first = xcalloc((size_t)pk->nq, sizeof *first), i, dups = 0;

	size_t room = 0, used = 0;
	char *arena;

	/* One block for every fold: 100,000 questions, not 100,000 mallocs. */
	for (i = 0; i < pk->nq; i++)
		room += FOLD_TEXT_MAX(strlen(pk->q[i].text));
	arena = xmalloc(room);
	for (i = 0; i < pk->nq; i++) {
		v[i].s = arena + used;
		used += fold_text_into(pk->q[i].text, strlen(pk->q[i].text),
		    v[i].s) + 1;
		v[i].i = i;
		first[i] = -1;
	}
	qsort(v, (size_t)pk->nq, sizeof *v, folded_cmp);
	for (i = 1; i < pk->nq; i++)
		if (strcmp(v[i].s, v[i - 1].s) == 0) {
			first[v[i].i] = first[v[i - 1].i] >= 0 ?
			    first[v[i - 1].i] : v[i - 1].i;
			dups++;
		}
	for (i = 0; i < pk->nq && dups > 0; i++) {
		int line, col;

		if (first[i] < 0)
			continue;
		text_linecol(im->t, im->where[first[i]], &line, &col);
		imp_report(im, DIAG_WARNING, im->where[i],
		    "same question as the one on line %d", line);
	}
	free(arena);
	free(v);
	free(first);
}

/* --- Loading. --- */

/* The file's name without folders and extension, for a title. */
static char *
file_title(const char *file)
{
	const char *base = strrchr(file, '/'), *dot;

	base = base ? base + 1 : file;
	dot = strrchr(base, '.');
	return xstrndup(base, dot && dot != base ? (size_t)(dot - base) :
	    strlen(base));
}

static struct pack *
import(const struct format_def *def, const char *name, struct text *t,
    const struct import_opts *o, struct diags *d)
{
	struct importer im = { 0 };
	int errors = d->errors;
	struct pack *pk = xcalloc(1, sizeof *pk);

	im.file = name;
	im.t = t;
	im.d = d;
	im.o = o;
	im.pk = pk;
	pk->path = xstrdup(name);
	def->read(&im);
	if (pk->title == NULL)
		pk->title = file_title(name);
	pk->description = xstrdup("");
	pk->author = xstrdup("");
	if (d->errors == errors && pk->nq == 0)
		diags_add(d, DIAG_ERROR, name, 1, 1,
		    "no question termquiz can ask (read as %s%s)", def->label,
		    im.skipped ? "; every one was left out" : "");
	if (d->errors == errors && pk->nq > 1)
		warn_duplicates(&im);
	if (d->errors == errors && o->as_choice)
		as_choice(&im);
	free(im.where);
	free(im.card);
	if (d->errors > errors) {
		pack_free(pk);
		return NULL;
	}
	return pk;
}

static void
report_unknown(const char *name, struct diags *d)
{
	diags_add(d, DIAG_ERROR, name, 0, 0,
	    "not a format termquiz reads: tried JSON, Anki, CSV (a .csv with "
	    "a header row naming question), OpenTriviaQA, Aiken, GIFT and Quizlet "
	    "(--format NAME reads it as one of them)");
}

/* Bytes in memory, in format f (not AUTO, not JSON). */
static struct pack *
import_bytes(enum format f, const char *name, const char *buf, size_t n,
    const struct import_opts *o, struct diags *d)
{
	struct text t;
	struct pack *pk = NULL;

	if (text_init(&t, name, buf, n, d) == 0)
		pk = import(def_of(f), name, &t, o, d);
	text_fini(&t);
	return pk;
}

/* A file's bytes (taken: read in place), in format f. */
static struct pack *
import_buffer(enum format f, const char *name, char *buf, size_t n,
    const struct import_opts *o, struct diags *d)
{
	struct text t;
	struct pack *pk = NULL;

	if (text_take(&t, name, buf, n, d) == 0)
		pk = import(def_of(f), name, &t, o, d);
	text_fini(&t);
	return pk;
}

static bool
is_json(enum format f)
{
	return f == FORMAT_JSON || f == FORMAT_OPENTDB;
}

/* JSON is named OpenTDB when it looks like the API's answer. */
static enum format
json_kind(const char *text, size_t len)
{
	size_t n = len < DETECT_BYTES ? len : DETECT_BYTES;
	char *head = xstrndup(text, n);
	bool otdb = strstr(head, "\"results\"") != NULL &&
	    strstr(head, "\"correct_answer\"") != NULL;

	free(head);
	return otdb ? FORMAT_OPENTDB : FORMAT_JSON;
}

static const struct import_opts default_opts;

struct pack *
format_parse(const char *name, const char *text, size_t len,
    const struct import_opts *o, struct diags *d, enum format *found)
{
	enum format f;

	if (o == NULL)
		o = &default_opts;
	f = o->format != FORMAT_AUTO ? o->format :
	    format_detect(name, text, len, o);
	if (f == FORMAT_JSON && o->format == FORMAT_AUTO)
		f = json_kind(text, len);
	if (found != NULL)
		*found = f;
	if (f == FORMAT_AUTO) {
		report_unknown(name, d);
		return NULL;
	}
	if (is_json(f))
		return pack_parse(name, text, len, d);
	return import_bytes(f, name, text, len, o, d);
}

struct pack *
format_load(const char *file, const struct import_opts *o, struct diags *d,
    enum format *found)
{
	size_t n;
	char *buf;
	enum format f;

	if (o == NULL)
		o = &default_opts;
	if (is_json(o->format)) {
		if (found != NULL)
			*found = o->format;
		return pack_load(file, d);
	}
	buf = text_read_file(file, &n, d);
	if (buf == NULL) {
		if (found != NULL)
			*found = FORMAT_AUTO;
		return NULL;
	}
	f = o->format != FORMAT_AUTO ? o->format :
	    format_detect(file, buf, n, o);
	if (is_json(f)) {
		/* The JSON loader reads the file its own way (it parses a
		 * large pack a question at a time): let it. */
		if (found != NULL)
			*found = json_kind(buf, n);
		free(buf);
		return pack_load(file, d);
	}
	if (found != NULL)
		*found = f;
	if (f == FORMAT_AUTO) {
		report_unknown(file, d);
		free(buf);
		return NULL;
	}
	return import_buffer(f, file, buf, n, o, d);
}
