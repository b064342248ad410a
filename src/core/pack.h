#ifndef TERMQUIZ_PACK_H
#define TERMQUIZ_PACK_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

enum qtype { Q_CHOICE, Q_TRUEFALSE, Q_TEXT, QTYPE_COUNT };

#define CHOICES_MIN 2
#define CHOICES_MAX 9
#define TIME_LIMIT_MAX 86400.0

struct question {
	enum qtype type;
	bool truth;         /* truefalse: the correct answer */
	char *text;
	char *explanation;  /* NULL when none */
	char *category;     /* Open Trivia DB only, else NULL */
	char *difficulty;   /* Open Trivia DB only, else NULL */
	double time_limit;  /* seconds; 0 when the question sets none */
	char **choices;     /* choice: the choices as written */
	char **answers;     /* text: accepted answers, the first one shown */
	int nchoices;
	int answer;         /* choice: index of the correct choice */
	int nanswers;
};

struct pack_strings;

struct pack {
	char *path;
	char *title;
	char *description;  /* "" when none */
	char *author;       /* "" when none */
	double time_limit;  /* seconds; 0 when the pack sets none */
	struct question *q;
	int nq;
	/* NULL: each question's strings and arrays are allocations of their
	 * own (xstrdup, xcalloc), freed one by one. Otherwise they all live in
	 * this pool, freed with it by pack_free. */
	struct pack_strings *strings;
};

/* Load a pack (ours or an Open Trivia Database file). Every problem goes to
 * d (not NULL); returns NULL when any of them is an error. Caller frees with
 * pack_free. */
struct pack *pack_load(const char *path, struct diags *d);

/* The same for text already in memory, reported under name. */
struct pack *pack_parse(const char *name, const char *text, size_t len,
    struct diags *d);

/* Free p and everything it holds; NULL is a no-op. */
void pack_free(struct pack *p);

/* Free what one question holds one by one (a question made outside a
 * string pool); q itself is the caller's. */
void question_fini(struct question *q);

/* "choice", "truefalse" or "text" ("?" out of range); static. */
const char *qtype_name(enum qtype t);

#define HASH_HEX 17 /* 16 hex digits and a NUL */

/* A fingerprint of a question's type, text and answer, as hex in out. Edits
 * to the text or the answer give a new question; moving it does not. */
void question_hash(const struct question *q, char out[HASH_HEX]);

/* A fingerprint of all of a pack's questions, in order, as hex in out. */
void pack_hash(const struct pack *p, char out[HASH_HEX]);

/* The fingerprint of a game over several packs: pack_hash for one, else a
 * fingerprint of their fingerprints in sorted order (any order, one key). */
void pack_hash_many(struct pack *const *packs, int n, char out[HASH_HEX]);

/* The correct answer as shown to the player. Borrowed from q. */
const char *question_answer_text(const struct question *q);

/* An answer (text, not NULL) as every screen and plain mode show it: for a
 * true/false question "True" or "False", else text itself. Borrowed. */
const char *question_answer_shown(const struct question *q,
    const char *text);

#endif
