#ifndef TERMQUIZ_REPORT_H
#define TERMQUIZ_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "quiz.h"

/* What goes into a results file beside the game itself. */
struct report_info {
	uint64_t seed;
	double time_scale;
	int untimed;
	int finished;     /* 0 when the game was quit or interrupted midway */
};

/* Return the game's results as JSON text (PRODUCT.md's results file).
 * Caller frees. */
char *report_json(const struct quiz *z, const struct report_info *info);

/* Write the results to path atomically: a temporary file in the same folder,
 * then rename. On error returns -1 with a message in err. */
int report_write(const struct quiz *z, const struct report_info *info,
    const char *path, char *err, size_t errlen);

#endif
