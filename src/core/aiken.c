/*
 * aiken.c - Moodle's Aiken format (question/format/aiken/format.php): a
 * question, its options "A) text" or "A. text", then "ANSWER: X".
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import.h"
#include "util.h"

struct aiken {
	struct importer *im;
	struct question *q;     /* being read, or NULL */
	size_t at;              /* where it starts */
	char letters[CHOICES_MAX + 1];
	int extra;              /* options past CHOICES_MAX */
};

static bool
is_option(const char *s, size_t n)
{
	return n >= 3 && s[0] >= 'A' && s[0] <= 'Z' &&
	    (s[1] == ')' || s[1] == '.') && (s[2] == ' ' || s[2] == '\t');
}

/* The question read so far ends without its ANSWER: line. */
static void
unanswered(struct aiken *ak)
{
	if (ak->q == NULL)
		return;
	imp_report(ak->im, DIAG_ERROR, ak->at, "missing \"ANSWER: X\" line "
	    "after this question's options");
	imp_new_cancel(ak->im);
	ak->q = NULL;
}

static void
option(struct aiken *ak, const char *s, size_t n, size_t off)
{
	if (ak->q == NULL) {
		imp_report(ak->im, DIAG_ERROR, off, "an option before any "
		    "question text");
		return;
	}
	if (ak->q->nchoices < CHOICES_MAX)
		ak->letters[ak->q->nchoices] = s[0];
	else
		ak->extra++;
	imp_choice(ak->q, text_trim(s + 3, n - 3));
}

static void
answer(struct aiken *ak, const char *s, size_t n, size_t off)
{
	size_t k = 7;
	int i;

	while (k < n && (s[k] == ' ' || s[k] == '\t'))
		k++;
	if (ak->q == NULL) {
		imp_report(ak->im, DIAG_ERROR, off, "an ANSWER: line with no "
		    "question before it");
		return;
	}
	if (ak->q->nchoices < 2) {
		imp_report(ak->im, DIAG_ERROR, ak->at, "has %d option%s; a "
		    "question needs 2 to %d (lines as \"A) text\")",
		    ak->q->nchoices, ak->q->nchoices == 1 ? "" : "s",
		    CHOICES_MAX);
		imp_new_cancel(ak->im);
		ak->q = NULL;
		return;
	}
	if (ak->extra) {
		/* More options than letters kept: the count is the problem. */
		imp_report(ak->im, DIAG_ERROR, ak->at, "has %d options; a "
		    "question needs 2 to %d", ak->q->nchoices, CHOICES_MAX);
		imp_new_cancel(ak->im);
		ak->q = NULL;
		return;
	}
	for (i = 0; i < ak->q->nchoices; i++)
		if (k < n && s[k] == ak->letters[i])
			break;
	if (i == ak->q->nchoices) {
		imp_report(ak->im, DIAG_ERROR, off + k, "\"ANSWER: %.*s\" names "
		    "no option (the options are %c to %c)", (int)(n - k),
		    s + k, ak->letters[0], ak->letters[ak->q->nchoices - 1]);
		imp_new_cancel(ak->im);
	} else {
		ak->q->answer = i;
		imp_done(ak->im, ak->at, false);
	}
	ak->q = NULL;
}

static void
text_line_of(struct aiken *ak, const char *s, size_t n, size_t off)
{
	char *line = text_trim(s, n), *joined;

	if (ak->q != NULL && ak->q->nchoices > 0)
		unanswered(ak);
	if (ak->q == NULL) {
		ak->q = imp_new(ak->im, off, Q_CHOICE, line);
		ak->at = off;
		ak->extra = 0;
		return;
	}
	joined = xasprintf("%s\n%s", ak->q->text, line);
	free(ak->q->text);
	free(line);
	ak->q->text = joined;
}

/* "Answer: B": the question is not read, but said why once. */
static void
miscased(struct aiken *ak, const char *s, size_t off)
{
	imp_report(ak->im, DIAG_ERROR, off, "\"%.7s\" (did you mean "
	    "\"ANSWER:\"? it is written in capitals)", s);
	if (ak->q != NULL)
		imp_new_cancel(ak->im);
	ak->q = NULL;
}

int
aiken_read(struct importer *im)
{
	struct aiken ak = { im, NULL, 0, { 0 }, 0 };
	size_t pos = 0, a, b;

	while (text_line(im->t, &pos, &a, &b)) {
		const char *s = im->t->s;

		while (a < b && (s[a] == ' ' || s[a] == '\t'))
			a++;
		while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
			b--;
		if (a == b)
			continue;
		if (is_option(s + a, b - a))
			option(&ak, s + a, b - a, a);
		else if (strncmp(s + a, "ANSWER:", 7) == 0)
			answer(&ak, s + a, b - a, a);
		else if (b - a >= 7 && strncasecmp(s + a, "ANSWER:", 7) == 0)
			miscased(&ak, s + a, a);
		else
			text_line_of(&ak, s + a, b - a, a);
	}
	unanswered(&ak);
	return 0;
}
