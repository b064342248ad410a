#ifndef TERMQUIZ_CLOCK_H
#define TERMQUIZ_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

/* Microseconds on CLOCK_MONOTONIC: never jumps with the wall clock. */
int64_t clock_now(void);

#define CLOCK_US 1000000
#define CLOCK_NEVER INT64_MAX

/* A question's countdown. All times are microseconds from clock_now().
 * While paused it stands still: every query answers as at the pause. */
struct countdown {
	int64_t start;      /* when it began, moved on by each pause */
	int64_t deadline;   /* CLOCK_NEVER when untimed */
	int64_t paused_at;  /* when the pause began; CLOCK_NEVER when running */
};

/* Start c at now with seconds to go; seconds <= 0 means untimed. */
void countdown_start(struct countdown *c, int64_t now, double seconds);
/* Whether c has no deadline. */
bool countdown_untimed(const struct countdown *c);
/* Whether the deadline has passed at now (never while paused or untimed). */
bool countdown_expired(const struct countdown *c, int64_t now);

/* Stop the clock at now; nothing when untimed or already paused. */
void countdown_pause(struct countdown *c, int64_t now);
/* Go on at now: start and deadline move on by the time paused; nothing when
 * not paused. */
void countdown_resume(struct countdown *c, int64_t now);
/* Whether c is paused. */
bool countdown_paused(const struct countdown *c);

/* Give seconds more: the deadline (and so the limit) moves later; nothing
 * when untimed or seconds <= 0. */
void countdown_extend(struct countdown *c, double seconds);

/* The whole time allowed (deadline - start, with any extension);
 * CLOCK_NEVER when untimed. */
int64_t countdown_limit(const struct countdown *c);

/* Seconds run since the start at now, pauses left out, never past the
 * limit. */
double countdown_elapsed(const struct countdown *c, int64_t now);

/* Time left at now, never negative. */
int64_t countdown_left(const struct countdown *c, int64_t now);

/* Below this much time left the time shown has tenths; above, whole
 * seconds (a change a second is what a long countdown needs to show). */
#define CLOCK_TENTHS_LEFT (10 * (int64_t)CLOCK_US)

/* The time left as the screen shows it, in tenths of a second, rounded
 * up: whole seconds (a multiple of 10) above CLOCK_TENTHS_LEFT, tenths
 * from there on. */
int countdown_tenths(const struct countdown *c, int64_t now);

/* How many of steps bar cells (or eighths of cells) are still full at now,
 * rounded up, so the bar is whole at the start and empty at the deadline. */
int countdown_filled(const struct countdown *c, int64_t now, int steps);

/* Milliseconds to wait from now until the countdown's next visible change
 * (the time shown, countdown_tenths, or a bar step), but not less than floor_ms and not past
 * the deadline, rounded up to a whole millisecond (so a wait may end up to
 * 1 ms after it). -1 (wait for a key) when untimed or paused. */
int countdown_wait_ms(const struct countdown *c, int64_t now, int steps,
    int floor_ms);

/* The longest single wait, in milliseconds: a caller re-reads the clock
 * after every wake-up anyway. */
#define CLOCK_WAIT_MAX_MS 60000

/* poll()'s timeout for a wait of us microseconds: -1 (no limit) when us is
 * negative, else us rounded up to whole milliseconds, at most
 * CLOCK_WAIT_MAX_MS, so that no wait wraps poll's int. */
int clock_poll_ms(int64_t us);

#endif
