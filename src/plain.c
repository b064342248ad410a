/* Line mode: no curses, for screen readers, pipes and scripts. */

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "core/fold.h"
#include "core/clock.h"
#include "core/linein.h"
#include "core/spark.h"
#include "core/util.h"
#include "plain.h"
#include "signals.h"
#include "termenv.h"

enum got { GOT_LINE, GOT_TIMEOUT, GOT_EOF, GOT_SIGNAL };

/* Time ran out: what was typed of the next line is thrown away, both here
 * and in the terminal's own line buffer. Whole lines piped in stay. */
static void
discard_partial(struct linein *in)
{
	linein_drop_partial(in);
	if (isatty(STDIN_FILENO))
		tcflush(STDIN_FILENO, TCIFLUSH);
}

/* Say what became of a line that was not kept as typed. */
static void
note_line(const struct line *l)
{
	if (l->dropped > 0)
		printf("  (a line that long is cut: %zu bytes past the first "
		    "%d were dropped)\n", l->dropped, LINEIN_KEEP);
	if (l->replaced > 0)
		printf("  (%zu byte%s that %s not text became \xef\xbf\xbd)\n",
		    l->replaced, l->replaced == 1 ? "" : "s",
		    l->replaced == 1 ? "is" : "are");
}

/* Wait for a line until the deadline; *line is then the caller's to free.
 * marks[] are the seconds left (in falling order) at which to say how much
 * time is left; *said counts those already said. */
static enum got
read_line(struct linein *in, const struct countdown *cd, const double *marks,
    int nmarks, int *said, char **line)
{
	for (;;) {
		int64_t now = clock_now(), left = countdown_left(cd, now), until;
		struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
		struct line l;
		char buf[4096];
		ssize_t got;
		int r, k = *said;

		if (linein_take(in, &l)) {
			note_line(&l);
			*line = l.text;
			return GOT_LINE;
		}
		if (in->eof)
			return GOT_EOF;
		if (signals_caught())
			return GOT_SIGNAL;
		if (countdown_expired(cd, now))
			return GOT_TIMEOUT;
		while (k < nmarks && left <= (int64_t)(marks[k] * CLOCK_US))
			k++;
		if (k > *said) {
			/* On a line of its own, then the prompt again: the
			 * answer is typed after a "> " as always. */
			printf("\n  [%.0f s left]\n> ", marks[k - 1]);
			fflush(stdout);
			*said = k;
		}
		until = countdown_untimed(cd) ? -1 : left;
		if (until > 0 && k < nmarks)
			until = left - (int64_t)(marks[k] * CLOCK_US);
		r = poll(&p, 1, clock_poll_ms(until));
		if (r < 0 && errno != EINTR)
			return GOT_EOF;
		if (r <= 0)
			continue;
		got = read(STDIN_FILENO, buf, sizeof buf);
		if (got < 0 && errno == EINTR)
			continue;
		if (got > 0)
			linein_feed(in, buf, (size_t)got);
		else
			linein_end(in);
	}
}

/* The moments to announce: fractions of the limit, then the last seconds. */
static int
make_marks(const struct config *c, double limit, double *marks)
{
	int i, n = 0;

	if (limit <= 0)
		return 0;
	for (i = 0; i < c->nannounce; i++)
		marks[n++] = round(limit * c->announce[i]);
	if (c->announce_last_seconds > 0 && c->announce_last_seconds < limit)
		marks[n++] = c->announce_last_seconds;
	/* Falling order, no repeats, none at the very start. */
	for (i = 1; i < n; i++) {
		double x = marks[i];
		int j = i;

		for (; j > 0 && marks[j - 1] < x; j--)
			marks[j] = marks[j - 1];
		marks[j] = x;
	}
	for (i = 0, c = NULL; i < n; i++)
		if (marks[i] <= 0 || marks[i] >= limit ||
		    (i > 0 && marks[i] == marks[i - 1]))
			marks[i] = -1;
	for (i = 0; i < n;)
		if (marks[i] < 0)
			memmove(&marks[i], &marks[i + 1],
			    (size_t)(--n - i) * sizeof *marks);
		else
			i++;
	return n;
}

/* Print the question; more is the "more time" on offer (0: none). */
static void
ask(const struct outcome *o, int num, int total, double more)
{
	const struct question *q = o->q;
	int k;

	printf("\nQuestion %d/%d", num, total);
	if (o->limit > 0)
		printf(" (%g second%s)", o->limit, o->limit == 1 ? "" : "s");
	if (q->category != NULL || q->difficulty != NULL)
		printf(" [%s%s%s]", q->category ? q->category : "",
		    q->category && q->difficulty ? ", " : "",
		    q->difficulty ? q->difficulty : "");
	printf(": %s\n", q->text);
	if (q->type == Q_CHOICE)
		for (k = 0; k < q->nchoices; k++)
			printf("  %d) %s\n", k + 1, q->choices[o->order[k]]);
	else if (q->type == Q_TRUEFALSE)
		printf("  t) True\n  f) False\n");
	if (q->type == Q_TEXT)
		printf("Type your answer, then Enter.\n");
	if (more > 0)
		printf("(a line with + alone gives %g s more, once)\n", more);
	printf("> ");
	fflush(stdout);
}

/* Answer the current question with a typed line, timed at t; NULL (with a
 * hint printed) when the line is not an answer to it. */
static const struct outcome *
submit_line(struct quiz *z, const char *line, double t)
{
	const struct outcome *o = quiz_current(z);
	char *f = fold_text(line);
	const struct outcome *r = NULL;
	int k;

	if (o->q->type == Q_TEXT) {
		if (f[0] != '\0')
			r = quiz_answer_text(z, line, t);
	} else if (o->q->type == Q_TRUEFALSE) {
		if (!strcmp(f, "t") || !strcmp(f, "true") || !strcmp(f, "1"))
			r = quiz_answer_truefalse(z, true, t);
		else if (!strcmp(f, "f") || !strcmp(f, "false") ||
		    !strcmp(f, "2"))
			r = quiz_answer_truefalse(z, false, t);
	} else {
		k = atoi(f);
		if (k >= 1 && k <= o->q->nchoices && strspn(f, "0123456789") ==
		    strlen(f))
			r = quiz_answer_choice(z, k - 1, t);
		for (k = 0; r == NULL && k < o->q->nchoices; k++) {
			char *c = fold_text(o->q->choices[o->order[k]]);

			if (strcmp(c, f) == 0)
				r = quiz_answer_choice(z, k, t);
			free(c);
		}
	}
	free(f);
	if (r == NULL && o->q->type != Q_TEXT) {
		printf("  Answer with %s.\n> ", o->q->type == Q_TRUEFALSE ?
		    "t or f" : "the number of a choice");
		fflush(stdout);
	}
	return r;
}

/* The correct answer as the screens show it: True/False capitalised. */
static const char *
correct_shown(const struct question *q)
{
	return question_answer_shown(q, question_answer_text(q));
}

static void
tell(const struct outcome *o)
{
	if (o->correct)
		printf("Correct! +%" PRId64 " points\n", o->points);
	else if (outcome_timed_out(o))
		printf("\nTime's up! The answer: %s\n", correct_shown(o->q));
	else
		printf("Wrong. The answer: %s\n", correct_shown(o->q));
	if (o->q->explanation != NULL)
		printf("  %s\n", o->q->explanation);
}

static void
summary(const struct quiz *z)
{
	struct quiz_tally t;

	quiz_tally(z, &t);
	printf("\n%s: final score %" PRId64 " / %" PRId64 "\n", z->title,
	    t.score, t.max_score);
	printf("Correct %d   Wrong %d   Time's up %d   Unanswered %d\n",
	    t.correct, t.wrong, t.timed_out, z->n - t.answered);
	printf("Accuracy %d%%   Best streak %d   Avg answer %.1f s\n",
	    t.accuracy, z->best_streak, t.mean_answer_seconds);
	if (otdb_attribution(z) != NULL)
		printf("%s\n", otdb_attribution(z));
}

/* The game's answer times, then (once it is in the history) the player's
 * last scores on the pack, this game's in brackets: sparklines with every
 * number beside them. */
static void
progress(const struct session *s, bool utf8)
{
	const struct quiz *z = s->z;
	double v[SESSION_SERIES > 64 ? SESSION_SERIES : 64], top = 0;
	int i, n = 0;

	for (i = 0; i < z->n && n < 64; i++)
		if (z->o[i].done) {
			v[n] = z->o[i].seconds;
			top = v[n] > top ? v[n] : top;
			n++;
		}
	if (n > 1) {
		fputs("Answer times  ", stdout);
		for (i = 0; i < n; i++)
			fputs(spark_glyph(spark_level(v[i], 0, top), utf8),
			    stdout);
		fputs("  ", stdout);
		for (i = 0; i < n; i++)
			printf("%s%.1f", i ? " " : "", v[i]);
		puts(" s");
	}
	if (s->nseries < 2)
		return;
	for (i = 0; i < s->nseries; i++)
		v[i] = s->series[i].max_score > 0 ? (double)s->series[i].score /
		    s->series[i].max_score : 0;
	printf("Your last %d  ", s->nseries);
	for (i = 0; i < s->nseries; i++) {
		bool mine = s->series[i].game == s->game_id;

		printf("%s%s%s", mine ? "[" : "", spark_glyph(spark_level(v[i],
		    0, 1), utf8), mine ? "]" : "");
	}
	fputs("  ", stdout);
	for (i = 0; i < s->nseries; i++) {
		bool mine = s->series[i].game == s->game_id;

		printf("%s%s%" PRId64 "%s", i ? " " : "", mine ? "[" : "",
		    s->series[i].score, mine ? "]" : "");
	}
	puts("");
}

/* One question: ask, wait for an answer or the deadline, tell. */
static enum got
play_one(struct session *s, struct linein *in)
{
	struct quiz *z = s->z;
	const struct outcome *o = quiz_current(z), *r = NULL;
	const struct countdown *cd = &z->clock;
	double marks[ANNOUNCE_MAX + 1];
	int nmarks = make_marks(&s->cfg, o->limit, marks), said = 0;
	char *line = NULL;
	enum got g = GOT_LINE;
	bool more = s->cfg.more_time_seconds > 0 && o->limit > 0;

	ask(o, z->cur + 1, z->n, more ? s->cfg.more_time_seconds : 0);
	quiz_start_clock(z, clock_now());
	while (r == NULL) {
		free(line);
		line = NULL;
		g = read_line(in, cd, marks, nmarks, &said, &line);
		if (g == GOT_TIMEOUT) {
			discard_partial(in);
			r = quiz_time_out(z);
		} else if (g != GOT_LINE) {
			free(line);
			return g;
		} else if (more && strcmp(line, "+") == 0) {
			more = false;
			quiz_extend(z, s->cfg.more_time_seconds);
			printf("  [%.0f s left]\n> ", (double)countdown_left(cd,
			    clock_now()) / CLOCK_US);
			fflush(stdout);
		} else {
			r = submit_line(z, line, quiz_elapsed(z, clock_now()));
		}
	}
	free(line);
	tell(r);
	return g;
}

enum play_end
plain_run(struct session *s, int *signo)
{
	struct linein in = { 0 };
	enum got g = GOT_LINE;

	signals_catch();
	if (s->plain_note)
		fputs("termquiz: not a terminal: playing in plain mode\n",
		    stderr);
	printf("%s: %d question%s\n", s->z->title, s->z->n,
	    s->z->n == 1 ? "" : "s");
	do {
		g = play_one(s, &in);
	} while ((g == GOT_LINE || g == GOT_TIMEOUT) && session_next(s));
	linein_fini(&in);
	if (g == GOT_SIGNAL) {
		*signo = signals_caught();
		return *signo == SIGHUP ? PLAY_HANGUP : PLAY_SIGNAL;
	}
	if (g == GOT_EOF)
		printf("\n(end of input: the game stops here)\n");
	summary(s->z);
	/* The end of input ends the game too, before its progress is shown. */
	session_end_game(s, quiz_over(s->z));
	progress(s, termenv_utf8());
	fflush(stdout);
	*signo = 0;
	return PLAY_DONE;
}
