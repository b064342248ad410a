#include "clock.h"

#include <math.h>
#include <time.h>

int64_t
clock_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * CLOCK_US + ts.tv_nsec / 1000;
}

void
countdown_start(struct countdown *c, int64_t now, double seconds)
{
	c->start = now;
	c->deadline = seconds > 0 ? now + (int64_t)llround(seconds * CLOCK_US) :
	    CLOCK_NEVER;
	c->paused_at = CLOCK_NEVER;
}

bool
countdown_untimed(const struct countdown *c)
{
	return c->deadline == CLOCK_NEVER;
}

/* The moment the clock shows at now: the pause's start while paused. */
static int64_t
shown_now(const struct countdown *c, int64_t now)
{
	return c->paused_at != CLOCK_NEVER ? c->paused_at : now;
}

bool
countdown_expired(const struct countdown *c, int64_t now)
{
	return c->paused_at == CLOCK_NEVER && now >= c->deadline;
}

void
countdown_pause(struct countdown *c, int64_t now)
{
	if (!countdown_untimed(c) && c->paused_at == CLOCK_NEVER)
		c->paused_at = now;
}

void
countdown_resume(struct countdown *c, int64_t now)
{
	if (c->paused_at == CLOCK_NEVER)
		return;
	c->start += now - c->paused_at;
	c->deadline += now - c->paused_at;
	c->paused_at = CLOCK_NEVER;
}

bool
countdown_paused(const struct countdown *c)
{
	return c->paused_at != CLOCK_NEVER;
}

void
countdown_extend(struct countdown *c, double seconds)
{
	if (!countdown_untimed(c) && seconds > 0)
		c->deadline += (int64_t)llround(seconds * CLOCK_US);
}

int64_t
countdown_limit(const struct countdown *c)
{
	return countdown_untimed(c) ? CLOCK_NEVER : c->deadline - c->start;
}

double
countdown_elapsed(const struct countdown *c, int64_t now)
{
	int64_t t = shown_now(c, now) - c->start;

	if (t < 0)
		t = 0;
	if (!countdown_untimed(c) && t > c->deadline - c->start)
		t = c->deadline - c->start;
	return (double)t / CLOCK_US;
}

int64_t
countdown_left(const struct countdown *c, int64_t now)
{
	now = shown_now(c, now);
	return now >= c->deadline ? 0 : c->deadline - now;
}

/* The step of the time shown with left to go: a second, or a tenth in the
 * last CLOCK_TENTHS_LEFT. */
static int64_t
shown_step(int64_t left)
{
	return left > CLOCK_TENTHS_LEFT ? CLOCK_US : CLOCK_US / 10;
}

int
countdown_tenths(const struct countdown *c, int64_t now)
{
	int64_t left = countdown_left(c, now), step = shown_step(left);

	return (int)((left + step - 1) / step * (step / (CLOCK_US / 10)));
}

int
countdown_filled(const struct countdown *c, int64_t now, int steps)
{
	int64_t total = c->deadline - c->start, left = countdown_left(c, now);

	if (countdown_untimed(c) || total <= 0)
		return steps;
	/* No overflow: steps is a screen width times 8, left at most a day. */
	return (int)(((int64_t)steps * left + total - 1) / total);
}

/* Time left at which the count shown (tenths, or filled steps) next drops. */
static int64_t
next_drop(int64_t left, int64_t total, int64_t count)
{
	int64_t shown = (left * count + total - 1) / total;

	return shown <= 0 ? 0 : ((shown - 1) * total) / count;
}

int
countdown_wait_ms(const struct countdown *c, int64_t now, int steps,
    int floor_ms)
{
	int64_t total = c->deadline - c->start, left, at, wait;

	if (countdown_untimed(c) || countdown_paused(c))
		return -1;
	left = countdown_left(c, now);
	if (left == 0)
		return 0;
	/* The time shown drops at multiples of its step. */
	at = ((left - 1) / shown_step(left)) * shown_step(left);
	if (steps > 0 && total > 0) {
		int64_t bar = next_drop(left, total, steps);

		if (bar > at)
			at = bar;
	}
	wait = left - at;
	if (wait < (int64_t)floor_ms * 1000)
		wait = (int64_t)floor_ms * 1000;
	if (wait > left)
		wait = left;
	/* Round up: waking a hair early would only mean waking twice. */
	return (int)((wait + 999) / 1000);
}

int
clock_poll_ms(int64_t us)
{
	if (us < 0)
		return -1;
	if (us / 1000 >= CLOCK_WAIT_MAX_MS)
		return CLOCK_WAIT_MAX_MS;
	return (int)((us + 999) / 1000);
}
