#ifndef TERMQUIZ_FORMAT_H
#define TERMQUIZ_FORMAT_H

/*
 * Every file format termquiz plays, found by content: the one entry point
 * that loads a pack from a file or from bytes (JSON goes on to pack.c).
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "pack.h"

enum format {
	FORMAT_AUTO, FORMAT_JSON, FORMAT_OPENTDB, FORMAT_GIFT, FORMAT_AIKEN,
	FORMAT_ANKI, FORMAT_QUIZLET, FORMAT_OPENTRIVIAQA, FORMAT_CSV,
	FORMAT_COUNT
};

/* How to read what the file does not say. */
struct import_opts {
	enum format format;     /* FORMAT_AUTO: found by content */
	bool as_choice;         /* flashcards become 4-choice questions */
	uint64_t seed;          /* for the wrong choices of as_choice */
	bool swap;              /* flashcards: ask the other side */
	const char *term_sep;   /* Quizlet: between term and definition; NULL: tab */
	const char *row_sep;    /* Quizlet: between cards; NULL: newline */
};

/* "gift", "anki"... as --format takes them; "auto" for FORMAT_AUTO. */
const char *format_name(enum format f);

/* The format called name, or FORMAT_AUTO when none is (name "auto" too). */
enum format format_from_name(const char *name);

/* The closest format name to a misspelt one, or NULL when none is close. */
const char *format_suggest(const char *name);

/* The format of len bytes of text named name (its extension matters for
 * CSV only), or FORMAT_AUTO when none fits. */
enum format format_detect(const char *name, const char *text, size_t len,
    const struct import_opts *o);

/* Load a pack from file in the format o gives or finds (o may be NULL:
 * found by content, defaults). Every problem goes to d; NULL when any is
 * an error. *found (if not NULL) is the format read, FORMAT_AUTO when
 * none. Caller frees with pack_free. */
struct pack *format_load(const char *file, const struct import_opts *o,
    struct diags *d, enum format *found);

/* The same for len bytes in memory, reported under name. */
struct pack *format_parse(const char *name, const char *text, size_t len,
    const struct import_opts *o, struct diags *d, enum format *found);

#endif
