#ifndef TERMQUIZ_CATALOG_H
#define TERMQUIZ_CATALOG_H

#include "diag.h"
#include "format.h"
#include "pack.h"

/* A pack file found in a folder: loaded, or why not. */
struct catalog_entry {
	char *path;
	struct pack *pack;  /* NULL when it did not load */
	char *problem;      /* the first error when it did not; else NULL */
	enum format format; /* what it was read as (FORMAT_JSON for .json) */
};

/* The packs found for the menu, sorted by title. */
struct catalog {
	struct catalog_entry *v;
	int n;
	/* How flashcards are read (--as-choice, --swap, the seed), set before
	 * catalog_scan; its format and Quizlet separators are not used: a
	 * folder's files are each found by content. Zero: the defaults. */
	struct import_opts import;
};

/* Load every pack file in dir into c (a missing folder adds nothing): each
 * *.json, and each *.gift, *.txt, *.csv, *.tsv or extensionless file that
 * format.c finds a format in (others are not packs and are not listed).
 * What is not a regular file (a FIFO, a device, a folder) is never read:
 * it is listed with its problem, like a pack that does not load. */
void catalog_scan(struct catalog *c, const char *dir);

/* Number of entries that loaded. */
int catalog_playable(const struct catalog *c);

void catalog_fini(struct catalog *c);

#endif
