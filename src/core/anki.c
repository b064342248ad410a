/*
 * anki.c - Anki's "Notes in Plain Text" (the manual's "Importing text
 * files"): #key:value headers, then delimited records with "" quoting.
 * The first field is asked, the second answers; cloze notes are asked with
 * their deletion shown as [...] (or [hint]).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import.h"
#include "loadutil.h"
#include "util.h"

struct anki {
	struct importer *im;
	char sep[8];
	bool html;
	int special[4];     /* guid, notetype, deck, tags columns (0: none) */
	bool deck_titled;
};

static const struct {
	const char *name;
	const char *sep;
} separators[] = {
	{ "tab", "\t" }, { "comma", "," }, { "semicolon", ";" },
	{ "space", " " }, { "pipe", "|" }, { "colon", ":" },
};

enum { H_SEPARATOR, H_HTML, H_TAGS, H_COLUMNS, H_NOTETYPE, H_DECK,
    H_GUID_COL, H_NOTETYPE_COL, H_DECK_COL, H_TAGS_COL, H_IF_MATCHES,
    H_COUNT };

static const char *const header_keys[H_COUNT + 1] = {
	"separator", "html", "tags", "columns", "notetype", "deck",
	"guid column", "notetype column", "deck column", "tags column",
	"if matches", NULL
};

/* "Languages::Spanish" is the deck Spanish. */
static void
deck_title(struct anki *ak, const char *v)
{
	const char *last = v, *p;

	while ((p = strstr(last, "::")) != NULL)
		last = p + 2;
	imp_title(ak->im, text_trim(last, strlen(last)));
	ak->deck_titled = true;
}

static void
set_separator(struct anki *ak, const char *v, size_t off)
{
	size_t i;

	for (i = 0; i < sizeof separators / sizeof separators[0]; i++)
		if (strcasecmp(v, separators[i].name) == 0) {
			strcpy(ak->sep, separators[i].sep);
			return;
		}
	if (strlen(v) == 1) {
		strcpy(ak->sep, v);
		return;
	}
	for (i = 0; i < sizeof separators / sizeof separators[0]; i++)
		if (lu_distance(v, separators[i].name, 2) <= 2)
			break;
	if (i < sizeof separators / sizeof separators[0])
		imp_report(ak->im, DIAG_ERROR, off, "unknown separator \"%s\" "
		    "(did you mean \"%s\"?)", v, separators[i].name);
	else
		imp_report(ak->im, DIAG_ERROR, off, "unknown separator \"%s\" "
		    "(Tab, Comma, Semicolon, Space, Pipe, Colon or one "
		    "character)", v);
}

static void
header(struct anki *ak, int key, const char *v, size_t off)
{
	switch (key) {
	case H_SEPARATOR:
		set_separator(ak, v, off);
		break;
	case H_HTML:
		ak->html = strcasecmp(v, "true") == 0;
		if (!ak->html && strcasecmp(v, "false") != 0)
			imp_report(ak->im, DIAG_ERROR, off, "#html: must be "
			    "true or false, not \"%s\"", v);
		break;
	case H_DECK:
		deck_title(ak, v);
		break;
	case H_GUID_COL:
	case H_NOTETYPE_COL:
	case H_DECK_COL:
	case H_TAGS_COL: {
		char *end;
		long n = strtol(v, &end, 10);

		if (*v == '\0' || *end != '\0' || n < 1 || n > 100)
			imp_report(ak->im, DIAG_ERROR, off, "#%s: must be a "
			    "column number from 1, not \"%s\"",
			    header_keys[key], v);
		else
			ak->special[key - H_GUID_COL] = (int)n;
		break;
	}
	default:
		break;   /* tags, columns, notetype: nothing to ask */
	}
}

/* A #key:value line at [a, b): true when it is a header (or a near miss,
 * reported). */
static bool
header_line(struct anki *ak, size_t a, size_t b)
{
	const char *s = ak->im->t->s + a + 1;
	const char *colon = memchr(s, ':', b - a - 1);
	char *key, *val;
	int i;

	if (colon == NULL)
		return false;
	key = xstrndup(s, (size_t)(colon - s));
	val = text_trim(colon + 1, (size_t)(ak->im->t->s + b - colon - 1));
	for (i = 0; i < H_COUNT; i++)
		if (strcasecmp(key, header_keys[i]) == 0)
			break;
	if (i < H_COUNT) {
		header(ak, i, val, a + (size_t)(colon - s) + 2);
	} else {
		for (i = 0; i < H_COUNT; i++)
			if (lu_distance(key, header_keys[i], 2) <= 2)
				break;
		if (i < H_COUNT)
			imp_report(ak->im, DIAG_WARNING, a, "unknown header "
			    "\"#%s:\" (did you mean \"#%s:\"?): ignored", key,
			    header_keys[i]);
	}
	free(key);
	free(val);
	return true;
}

/* Without a #separator: header, the first record's tab, else semicolon,
 * else comma. */
static void
sniff(struct anki *ak, size_t pos)
{
	const struct text *t = ak->im->t;
	const char *nl = memchr(t->s + pos, '\n', t->len - pos);
	size_t n = nl ? (size_t)(nl - t->s) - pos : t->len - pos;

	if (memchr(t->s + pos, '\t', n))
		strcpy(ak->sep, "\t");
	else if (memchr(t->s + pos, ';', n))
		strcpy(ak->sep, ";");
	else
		strcpy(ak->sep, ",");
}

/* One {{cN::answer::hint}} in a field. */
struct cloze {
	int n;
	size_t start, end;      /* the whole deletion */
	size_t a, b;            /* its answer */
	size_t ha, hb;          /* its hint (empty when none) */
};

#define CLOZES_MAX 32

static int
find_clozes(const char *s, struct cloze *v)
{
	const char *p = s;
	int n = 0;

	while (n < CLOZES_MAX && (p = strstr(p, "{{c")) != NULL) {
		char *end;
		long num = strtol(p + 3, &end, 10);
		const char *close, *hint;

		if (end == p + 3 || num < 1 || strncmp(end, "::", 2) != 0 ||
		    (close = strstr(end + 2, "}}")) == NULL) {
			p += 3;
			continue;
		}
		hint = strstr(end + 2, "::");
		v[n].n = (int)num;
		v[n].start = (size_t)(p - s);
		v[n].end = (size_t)(close + 2 - s);
		v[n].a = (size_t)(end + 2 - s);
		if (hint == NULL || hint > close)
			hint = close;
		v[n].b = (size_t)(hint - s);
		v[n].ha = hint < close ? (size_t)(hint + 2 - s) : v[n].b;
		v[n].hb = (size_t)(close - s);
		if (v[n].ha > v[n].hb)
			v[n].ha = v[n].hb;
		n++;
		p = close + 2;
	}
	return n;
}

/* The card of cloze number num: its deletions shown as [...], or as
 * [hint] when they have one (as Anki shows them), the others as their
 * answer; the answers of num joined. */
static void
cloze_card(const char *s, const struct cloze *v, int n, int num,
    char **text, char **answer)
{
	struct strbuf t = { 0 }, a = { 0 };
	size_t at = 0;
	int i;

	for (i = 0; i < n; i++) {
		strbuf_add(&t, s + at, v[i].start - at);
		if (v[i].n == num) {
			size_t hn = v[i].hb - v[i].ha;
			char *hint = text_trim(s + v[i].ha, hn);

			strbuf_puts(&t, "[");
			strbuf_puts(&t, hint[0] != '\0' ? hint : "...");
			strbuf_puts(&t, "]");
			free(hint);
			if (a.len)
				strbuf_puts(&a, ", ");
			strbuf_add(&a, s + v[i].a, v[i].b - v[i].a);
		} else {
			strbuf_add(&t, s + v[i].a, v[i].b - v[i].a);
		}
		at = v[i].end;
	}
	strbuf_puts(&t, s + at);
	*text = strbuf_take(&t);
	*answer = a.s ? strbuf_take(&a) : xstrdup("");
}

/* A cloze note: one question for each cloze number, as Anki makes one card
 * for each. */
static void
cloze_note(struct anki *ak, const char *front, const char *extra,
    size_t off)
{
	struct cloze v[CLOZES_MAX];
	int n = find_clozes(front, v), i, j;

	for (i = 0; i < n; i++) {
		struct question *q;
		char *text, *answer;

		for (j = 0; j < i && v[j].n != v[i].n; j++)
			;
		if (j < i)
			continue;   /* this number's card is made */
		cloze_card(front, v, n, v[i].n, &text, &answer);
		q = imp_new(ak->im, off, Q_TEXT, text);
		imp_answer(q, answer);
		q->explanation = extra && *extra ? xstrdup(extra) : NULL;
		imp_done(ak->im, off, false);
	}
}

static bool
is_cloze(const char *s)
{
	struct cloze v[CLOZES_MAX];

	return strstr(s, "{{c") != NULL && find_clozes(s, v) > 0;
}

/* The fields of a record that are the note's own (not guid, notetype,
 * deck or tags columns), as plain text. */
static int
note_fields(struct anki *ak, const struct record *r, char **out,
    size_t *off, int max)
{
	int i, k, n = 0;

	for (i = 0; i < r->n && n < max; i++) {
		for (k = 0; k < 4 && ak->special[k] != i + 1; k++)
			;
		if (k == 2 && !ak->deck_titled)
			deck_title(ak, r->f[i]);
		if (k < 4)
			continue;
		off[n] = r->off[i];
		out[n++] = imp_field(ak->im, r->f[i], ak->html, r->off[i]);
	}
	return n;
}

static void
note(struct anki *ak, const struct record *r)
{
	char *f[3] = { NULL, NULL, NULL };
	size_t off[3];
	int n = note_fields(ak, r, f, off, 3), i;

	if (n >= 1 && is_cloze(f[0])) {
		cloze_note(ak, f[0], n > 1 ? f[1] : NULL, r->start);
	} else if (n < 2) {
		imp_report(ak->im, DIAG_ERROR, r->start, "a note needs two "
		    "fields, the question and the answer, separated by "
		    "\"%s\"", strcmp(ak->sep, "\t") == 0 ? "a tab" : ak->sep);
	} else {
		imp_card(ak->im, r->start, f[0], f[1], NULL);
		f[0] = f[1] = NULL;
	}
	for (i = 0; i < n; i++)
		free(f[i]);
}

int
anki_read(struct importer *im)
{
	struct anki ak = { im, "", true, { 0 }, false };
	struct record r = { 0 };
	size_t pos = 0, a, b, at, bad;

	/* The headers: #key:value lines at the top. */
	for (at = 0; at < im->t->len && im->t->s[at] == '#'; at = pos) {
		pos = at;
		text_line(im->t, &pos, &a, &b);
		if (!header_line(&ak, a, b))
			break;
	}
	if (ak.sep[0] == '\0')
		sniff(&ak, at);
	pos = at;
	while (text_record(im->t, &pos, ak.sep, true, &r, &bad)) {
		if (bad != (size_t)-1) {
			imp_report(im, DIAG_ERROR, bad, "a quote (\") that is "
			    "never closed");
			break;
		}
		if (r.f[0][0] == '#' || (r.n == 1 && r.f[0][strspn(r.f[0],
		    " \t")] == '\0'))
			continue;   /* a comment, or a blank line */
		note(&ak, &r);
	}
	record_fini(&r);
	return 0;
}
