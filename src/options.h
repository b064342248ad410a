#ifndef TERMQUIZ_OPTIONS_H
#define TERMQUIZ_OPTIONS_H

/* The command line as main.c parsed it. */

#include <stdbool.h>

#include "core/format.h"

/* What termquiz was asked to do, one file each (cmd_*.c). When several are
 * given the first in this order wins; a new command goes before CMD_PLAY
 * and gets a row in main.c's table. */
enum cmd_id {
	CMD_CHECK,     /* --check: cmd_check.c */
	CMD_CONVERT,   /* --convert: cmd_convert.c */
	CMD_STATS,     /* --stats: cmd_stats.c */
	CMD_REVIEW,    /* --review: cmd_review.c */
	CMD_HOST,      /* --host: cmd_host.c */
	CMD_JOIN,      /* --join: cmd_join.c */
	CMD_OPENTDB,   /* --opentdb: cmd_opentdb.c */
	CMD_PLAY,      /* the default: cmd_play.c */
	CMD_COUNT
};

struct options {
	enum cmd_id command;
	const char *config;        /* --config, or NULL */
	double time;               /* --time; 0 when not given */
	double time_scale;         /* --time-scale; 0 when not given */
	long count;                /* --count; 0: every question */
	bool count_given;
	bool seed_given;
	unsigned long long seed;   /* --seed */
	const char *results;       /* --results, or NULL */
	bool plain, untimed, no_color, json;
	/* live games */
	const char *join;          /* --join HOST[:PORT] */
	const char *listen;        /* --listen ADDR[:PORT], or NULL */
	long start_when;           /* --start-when N; 0 when not given */
	double start_after;        /* --start-after S; 0 when not given */
	long max_players;          /* --max-players N; 0 when not given */
	bool lock;                 /* --lock */
	const char *pin;           /* --pin, or NULL */
	const char *name;          /* --name, or NULL */
	const char *token;         /* --resume TOKEN, or NULL */
	struct import_opts import; /* --format, --as-choice, --swap,
	                            * --separators (not owned) */
	const char *output;        /* --convert's -o, or NULL: stdout */
	bool opentdb;              /* --opentdb (with --host: host its game) */
	const char *category;      /* --category NAME|ID, or NULL */
	const char *difficulty;    /* --difficulty, or NULL */
	const char *type;          /* --type, or NULL */
	char **files;              /* the operands (argv's, not owned) */
	int nfiles;
};

#endif
