#ifndef TERMQUIZ_CLOCK_H
#define TERMQUIZ_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

/* Microseconds on CLOCK_MONOTONIC: never jumps with the wall clock. */
int64_t clock_now(void);

#define CLOCK_US 1000000
#define CLOCK_NEVER INT64_MAX

/* A question's countdown. All times are microseconds from clock_now(). */
struct countdown {
	int64_t start;
	int64_t deadline;   /* CLOCK_NEVER when untimed */
};

void countdown_start(struct countdown *c, int64_t now, double seconds);
bool countdown_untimed(const struct countdown *c);
bool countdown_expired(const struct countdown *c, int64_t now);

/* Time left at now, never negative. */
int64_t countdown_left(const struct countdown *c, int64_t now);

/* Tenths of a second left, rounded up: what the screen shows. */
int countdown_tenths(const struct countdown *c, int64_t now);

/* How many of steps bar cells (or eighths of cells) are still full at now,
 * rounded up, so the bar is whole at the start and empty at the deadline. */
int countdown_filled(const struct countdown *c, int64_t now, int steps);

/* Milliseconds to wait from now until the countdown's next visible change
 * (the tenths shown or a bar step), but not less than floor_ms and not past
 * the deadline, rounded up to a whole millisecond (so a wait may end up to
 * 1 ms after it). -1 (wait for a key) when untimed. */
int countdown_wait_ms(const struct countdown *c, int64_t now, int steps,
    int floor_ms);

#endif
