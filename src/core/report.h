#ifndef TERMQUIZ_REPORT_H
#define TERMQUIZ_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "quiz.h"

/* The largest seed (2^53 - 1): every JSON reader holds it exactly. */
#define REPORT_SEED_MAX 9007199254740991ULL

/* What goes into a results file beside the game itself. */
struct report_info {
	uint64_t seed;
	double time_scale;
	int untimed;
	int finished;     /* 0 when the game was quit or interrupted midway */
};

struct cJSON;

/* Return the game's results as JSON text (PRODUCT.md's results file).
 * Caller frees. */
char *report_json(const struct quiz *z, const struct report_info *info);

/* The pieces report_json is made of, for other games' results files (a
 * live game's): one answer as an object (caller owns it); the fields every
 * results file has (finished, untimed, time_scale, the exact seed) added
 * to root; root printed as a results file's text (C1 and bidi controls
 * escaped, a newline at the end) and deleted (caller frees the text). */
struct cJSON *report_outcome_json(const struct outcome *o);
void report_add_info(struct cJSON *root, const struct report_info *info);
char *report_print(struct cJSON *root);

/* Write the results to path. A missing or regular file (or a symbolic link
 * to one) is written atomically: a temporary file in its folder, then
 * rename. Anything else (a terminal, /dev/null, a FIFO, /dev/fd/N) is
 * written in place, never replaced; a FIFO no one reads is an error, not a
 * wait. On error returns -1 with a message in err. */
int report_write(const struct quiz *z, const struct report_info *info,
    const char *path, char *err, size_t errlen);

/* Write text (a live game's results, say) to path the way report_write
 * does. On error returns -1 with a message in err. */
int report_write_text(const char *text, const char *path, char *err,
    size_t errlen);

/* Where the n-th results file of a run goes: FILE itself for the first,
 * then FILE-2.EXT, FILE-3.EXT... beside it (out.json, out-2.json). A
 * device, FIFO or /dev/fd/N is written in place every time. Caller frees. */
char *report_path_nth(const char *path, int n);

/* Whether report_write could write path, asked before a game starts: the
 * folder of a new file exists and is writable, a folder is refused. Returns
 * 0, or -1 with a message in err. */
int report_check(const char *path, char *err, size_t errlen);

#endif
