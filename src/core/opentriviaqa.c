/*
 * opentriviaqa.c - OpenTriviaQA's category files: "#Q question" (later
 * lines continue it), "^ answer", then the options "A text" to "D text";
 * True/False options make a true/false question.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fold.h"
#include "import.h"
#include "util.h"

struct otqa {
	struct importer *im;
	struct question *q;
	size_t at;              /* the #Q line */
	char *answer;           /* the ^ line's text, or NULL */
	size_t answer_at;
	bool in_options;
	bool stray;             /* text before any #Q was reported */
};

static bool
is_option(const char *s, size_t n)
{
	return n >= 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] == ' ';
}

/* Which option the ^ answer names: the same text, else the same folded. */
static int
match(const struct question *q, const char *ans)
{
	char *fa = fold_text(ans);
	int i, hit = -1;

	for (i = 0; i < q->nchoices && hit < 0; i++)
		if (strcmp(q->choices[i], ans) == 0)
			hit = i;
	for (i = 0; i < q->nchoices && hit < 0; i++) {
		char *f = fold_text(q->choices[i]);

		if (strcmp(f, fa) == 0)
			hit = i;
		free(f);
	}
	free(fa);
	return hit;
}

static bool
true_false(const struct question *q)
{
	return q->nchoices == 2 && strcasecmp(q->choices[0], "True") == 0 &&
	    strcasecmp(q->choices[1], "False") == 0;
}

/* The question read so far, finished. */
static void
finish(struct otqa *o)
{
	struct question *q = o->q;
	int i;

	if (q == NULL)
		return;
	o->q = NULL;
	if (o->answer == NULL) {
		imp_report(o->im, DIAG_ERROR, o->at, "missing the \"^ answer\" "
		    "line of this question");
		imp_new_cancel(o->im);
		return;
	}
	i = match(q, o->answer);
	if (i < 0 && q->nchoices > 0) {
		imp_report(o->im, DIAG_ERROR, o->answer_at, "the answer \"%s\" "
		    "is none of the options", o->answer);
		imp_new_cancel(o->im);
	} else if (true_false(q)) {
		q->type = Q_TRUEFALSE;
		q->truth = i == 0;
		for (i = 0; i < q->nchoices; i++)
			free(q->choices[i]);
		free(q->choices);
		q->choices = NULL;
		q->nchoices = 0;
		imp_done(o->im, o->at, false);
	} else {
		q->answer = i;
		imp_done(o->im, o->at, false);
	}
	free(o->answer);
	o->answer = NULL;
}

static void
line(struct otqa *o, const char *s, size_t n, size_t off)
{
	if (n >= 3 && strncmp(s, "#Q ", 3) == 0) {
		finish(o);
		o->q = imp_new(o->im, off, Q_CHOICE, text_trim(s + 3, n - 3));
		o->at = off;
		o->in_options = false;
	} else if (o->q == NULL) {
		if (!o->stray)
			imp_report(o->im, DIAG_ERROR, off, "text before the "
			    "first \"#Q\" question line");
		o->stray = true;
	} else if (n >= 1 && s[0] == '^') {
		free(o->answer);
		o->answer = text_trim(s + 1, n - 1);
		o->answer_at = off;
	} else if (is_option(s, n)) {
		imp_choice(o->q, text_trim(s + 2, n - 2));
		o->in_options = true;
	} else if (!o->in_options && o->answer == NULL) {
		char *t = text_trim(s, n), *j = xasprintf("%s %s", o->q->text,
		    t);

		free(o->q->text);
		free(t);
		o->q->text = j;
	} else {
		imp_report(o->im, DIAG_ERROR, off, "expected an option line "
		    "(\"A text\") or a blank line");
	}
}

int
opentriviaqa_read(struct importer *im)
{
	struct otqa o = { im, NULL, 0, NULL, 0, false, false };
	size_t pos = 0, a, b;

	while (text_line(im->t, &pos, &a, &b)) {
		const char *s = im->t->s;

		while (b > a && strchr(" \t", s[b - 1]) != NULL)
			b--;
		if (a == b)
			continue;
		line(&o, s + a, b - a, a);
	}
	finish(&o);
	free(o.answer);
	return 0;
}
