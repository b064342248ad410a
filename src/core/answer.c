#include "answer.h"

#include <stdlib.h>
#include <string.h>

#include "fold.h"

/* Marks that may surround an answer without deciding it (already folded:
 * typographic quotes are plain), ASCII first, then ¿ ¡ « » and …. */
static const char *const edge_marks[] = {
	".", ",", ";", ":", "!", "?", "\"", "'", "(", ")", "[", "]", "{", "}",
	"\xc2\xbf", "\xc2\xa1", "\xc2\xab", "\xc2\xbb", "\xe2\x80\xa6",
	NULL
};

/* English articles a typed answer may start with. */
static const char *const articles[] = { "the ", "an ", "a ", NULL };

/* Length of the mark or space that s[b..e) starts with (at_end: ends with),
 * 0 when none. */
static size_t
edge_len(const char *s, size_t b, size_t e, bool at_end)
{
	size_t n = e - b, k;
	int i;

	if (n == 0)
		return 0;
	if (s[at_end ? e - 1 : b] == ' ')
		return 1;
	for (i = 0; edge_marks[i] != NULL; i++) {
		k = strlen(edge_marks[i]);
		if (k <= n && memcmp(s + (at_end ? e - k : b), edge_marks[i],
		    k) == 0)
			return k;
	}
	return 0;
}

static void
trim_edges(const char *s, size_t *b, size_t *e)
{
	size_t k;

	while ((k = edge_len(s, *b, *e, false)) > 0)
		*b += k;
	while ((k = edge_len(s, *b, *e, true)) > 0)
		*e -= k;
}

/* The part of folded answer f that decides it, as f[*b..*e): without
 * surrounding punctuation and a leading article ("the Pacific.", "a
 * herbivore"). An answer that is nothing but those is kept whole. */
static void
answer_core(const char *f, size_t *b, size_t *e)
{
	size_t b0 = 0, e0 = strlen(f), k;
	int i;

	*b = b0;
	*e = e0;
	trim_edges(f, b, e);
	for (i = 0; articles[i] != NULL; i++) {
		k = strlen(articles[i]);
		if (*e - *b > k && memcmp(f + *b, articles[i], k) == 0) {
			size_t nb = *b + k, ne = *e;

			trim_edges(f, &nb, &ne);
			if (nb < ne) {
				*b = nb;
				*e = ne;
			}
			break;
		}
	}
	if (*b >= *e) {
		*b = b0;
		*e = e0;
	}
}

bool
answer_text_matches(const struct question *q, const char *typed)
{
	char *t = fold_text(typed);
	size_t tb, te, ab, ae;
	bool hit = false;
	int i;

	answer_core(t, &tb, &te);
	for (i = 0; i < q->nanswers && !hit && t[0] != '\0'; i++) {
		char *a = fold_text(q->answers[i]);

		answer_core(a, &ab, &ae);
		hit = ae - ab == te - tb && memcmp(a + ab, t + tb, te - tb) == 0;
		free(a);
	}
	free(t);
	return hit;
}
