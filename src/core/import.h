#ifndef TERMQUIZ_IMPORT_H
#define TERMQUIZ_IMPORT_H

/*
 * What the importers (gift.c, aiken.c, anki.c, quizlet.c, opentriviaqa.c,
 * csv.c) share: the text being read, its diagnostics, and the pack being
 * built with the checks the JSON loader makes. Used by those files and
 * format.c only.
 */

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "format.h"
#include "pack.h"
#include "textio.h"

/* Longest text a field may hold: a question is read on one screen. */
#define IMPORT_TEXT_MAX 4000

struct importer {
	const char *file;               /* name in messages */
	struct text *t;
	struct diags *d;
	const struct import_opts *o;
	struct pack *pk;
	size_t cap;
	size_t *where;                  /* offset of each question */
	bool *card;                     /* a flashcard (for as_choice) */
	int skipped;                    /* questions left out, warned */
	unsigned dropped;               /* HTML_DROPPED_* seen in the field */
};

/* Report at byte offset off of the text. */
void imp_report(struct importer *im, enum diag_level level, size_t off,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Warn that the question at off is left out, and why. */
void imp_skip(struct importer *im, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Set the pack's title when none is set yet (takes s; NULL or blank is
 * ignored). */
void imp_title(struct importer *im, char *s);

/* A new question of type t at off with its text (taken); the importer
 * owns it. Fill choices or answers, then imp_done. */
struct question *imp_new(struct importer *im, size_t off, enum qtype t,
    char *text);

/* Drop the question imp_new made last (it is left out). */
void imp_new_cancel(struct importer *im);

/* Add choice s (taken) to q. */
void imp_choice(struct question *q, char *s);

/* Add accepted answer s (taken) to q. */
void imp_answer(struct question *q, char *s);

/* Check the question just made as the JSON loader would (text present and
 * within limits, 2 to 9 choices, an answer); report at off and drop it
 * when it fails. card marks a flashcard. Returns 0 or -1. */
int imp_done(struct importer *im, size_t off, bool card);

/* A flashcard at off: front asked and back answered (the other way round
 * with --swap), explanation expl (may be NULL); all taken. Checked as
 * imp_done does. Returns 0 or -1. */
int imp_card(struct importer *im, size_t off, char *front, char *back,
    char *expl);

/* The text of a field made plain: HTML removed when html (or [sound:...]
 * only), trimmed; what was dropped is warned about at off. Caller frees. */
char *imp_field(struct importer *im, const char *s, bool html, size_t off);

/* Each format's reader: the questions of im's text added to im's pack,
 * every problem reported with its place. Returns -1 when it gave up on the
 * text early, else 0; the caller judges the file by the errors reported. */
int gift_read(struct importer *im);
int aiken_read(struct importer *im);
int anki_read(struct importer *im);
int quizlet_read(struct importer *im);
int opentriviaqa_read(struct importer *im);
int csv_read(struct importer *im);

/* The separator of a CSV file whose header row is the line at s (n bytes
 * or up to its line end): ';' when it holds more semicolons than commas
 * (what a spreadsheet in a European locale writes), else ','. */
char csv_separator(const char *s, size_t n);

#endif
