/*
 * quizlet.c - Quizlet's export: term, a separator (tab by default),
 * definition; cards separated by newlines or the given string. The
 * definition is asked and the term answers, as Quizlet's Learn asks.
 */
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "util.h"

/* The card at [a, b). */
static void
card(struct importer *im, const char *sep, size_t a, size_t b)
{
	const char *s = im->t->s;
	size_t seplen = strlen(sep), k;
	char *raw, *term, *def;

	for (k = a; k + seplen <= b && memcmp(s + k, sep, seplen) != 0; k++)
		;
	if (k + seplen > b) {
		imp_report(im, DIAG_ERROR, a, "no %s between the term and its "
		    "definition", strcmp(sep, "\t") == 0 ? "tab" :
		    "separator");
		return;
	}
	raw = xstrndup(s + a, k - a);
	term = imp_field(im, raw, true, a);
	free(raw);
	raw = xstrndup(s + k + seplen, b - k - seplen);
	def = imp_field(im, raw, true, k + seplen);
	free(raw);
	imp_card(im, a, def, term, NULL);
}

/* A separator as given: a CR LF or CR is the text's LF. */
static char *
separator(const char *given, const char *dflt)
{
	char *s = xstrdup(given && *given ? given : dflt), *r, *w;

	for (r = w = s; *r; r++) {
		if (*r == '\r') {
			*w++ = '\n';
			if (r[1] == '\n')
				r++;
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
	return s;
}

int
quizlet_read(struct importer *im)
{
	char *term = separator(im->o->term_sep, "\t");
	char *row = separator(im->o->row_sep, "\n");
	const char *s = im->t->s;
	size_t pos = 0, rowlen = strlen(row);
	/* Blank space around a card is not part of it (but a tab that
	 * separates is). */
	const char *ws = strcmp(term, "\t") != 0 ? " \t\n" : " \n";

	while (pos < im->t->len) {
		const char *next = strstr(s + pos, row);
		size_t end = next ? (size_t)(next - s) : im->t->len, a = pos,
		    b = end;

		while (a < b && strchr(ws, s[a]) != NULL)
			a++;
		while (b > a && strchr(ws, s[b - 1]) != NULL)
			b--;
		if (b > a)
			card(im, term, a, b);
		pos = next ? end + rowlen : im->t->len;
	}
	free(term);
	free(row);
	return 0;
}
