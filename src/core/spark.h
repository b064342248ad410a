#ifndef TERMQUIZ_SPARK_H
#define TERMQUIZ_SPARK_H

/*
 * Sparklines and bars as text: one glyph a value, ▁ to █ in UTF-8 or an
 * ASCII ramp otherwise, for the score screen, plain mode and --stats. The
 * numbers are always printed beside them by the callers, so nothing rests
 * on the glyphs (or on colour) alone.
 */

#include <stdbool.h>
#include <stddef.h>

#define SPARK_LEVELS 8

/* The level (0..SPARK_LEVELS-1) of v between lo and hi (clamped; the
 * middle when lo >= hi). */
int spark_level(double v, double lo, double hi);

/* The glyph for a level: "▁".."█" when utf8, else one of "_.-=+*#@". A
 * static string. */
const char *spark_glyph(int level, bool utf8);

/* v[0..n) as a sparkline between lo and hi into out (len bytes, NUL-
 * terminated; glyphs that do not fit are left off). Returns the number of
 * glyphs written. */
int spark_line(const double *v, int n, double lo, double hi, bool utf8,
    char *out, size_t len);

/* A horizontal bar of frac (0..1) of width cells into out (len bytes):
 * eighths of a cell in UTF-8, '#' and '.' otherwise; always width cells.
 * Returns out. */
char *spark_bar(double frac, int width, bool utf8, char *out, size_t len);

#endif
