#ifndef TERMQUIZ_CONFIG_H
#define TERMQUIZ_CONFIG_H

#include <stdbool.h>

#include "diag.h"
#include "pack.h"

enum theme { THEME_DEFAULT, THEME_HIGH_CONTRAST, THEME_MONO };

#define ANNOUNCE_MAX 8

struct config {
	double time_limit;                 /* seconds, > 0 */
	double time_limits[QTYPE_COUNT];   /* per type; 0 when unset */
	int questions_per_game;            /* 0: every question */
	bool shuffle_questions;
	bool shuffle_choices;
	double feedback_seconds;           /* 0: wait for Enter or Space */
	int streak_bonus;                  /* points per answer of a streak */
	int streak_bonus_max;
	double time_scale;                 /* every limit times this */
	bool untimed;
	double more_time_seconds;          /* 0: no "more time" key */
	bool allow_pause;
	enum theme theme;
	bool bell;
	double announce[ANNOUNCE_MAX];     /* plain mode: fractions of the limit */
	int nannounce;
	double announce_last_seconds;      /* plain mode: also this long before */
	char *player;                      /* NULL: $USER */
	double live_grace_ms;              /* live: answers this late count */
	double live_read_seconds;          /* live: "get ready" */
	double live_reveal_seconds;        /* live: reveal and board; 0: Enter */
	double desired_retention;          /* FSRS: the recall aimed at */
	char *opentdb_url;                 /* NULL: OTDB_DEFAULT_URL */
};

/* Fill c with the built-in defaults: the values README and the shipped
 * config.json document, so a user's file overrides only the keys it names. */
void config_defaults(struct config *c);

/* Read path over the defaults already in c. Every problem goes to d (not
 * NULL); returns -1 when any is an error (c then holds what was valid). */
int config_load(struct config *c, const char *path, struct diags *d);

/* The same for text in memory, reported under name. */
int config_parse(struct config *c, const char *name, const char *text,
    unsigned long len, struct diags *d);

/* Free what c holds (the player name); c may be loaded again after. */
void config_fini(struct config *c);

#endif
