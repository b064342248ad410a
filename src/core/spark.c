#include "spark.h"

#include <string.h>

static const char *const blocks[SPARK_LEVELS] = {
	"\u2581", "\u2582", "\u2583", "\u2584", "\u2585", "\u2586", "\u2587",
	"\u2588",
};
static const char *const ascii[SPARK_LEVELS] = {
	"_", ".", "-", "=", "+", "*", "#", "@",
};
/* Left parts of a cell, in eighths: U+258F (1/8) to U+2589 (7/8). */
static const char *const eighths[8] = {
	"", "\u258f", "\u258e", "\u258d", "\u258c", "\u258b", "\u258a",
	"\u2589",
};

int
spark_level(double v, double lo, double hi)
{
	int k;

	if (!(hi > lo))
		return SPARK_LEVELS / 2;
	k = (int)((v - lo) / (hi - lo) * SPARK_LEVELS);
	if (k < 0)
		return 0;
	return k >= SPARK_LEVELS ? SPARK_LEVELS - 1 : k;
}

const char *
spark_glyph(int level, bool utf8)
{
	if (level < 0)
		level = 0;
	if (level >= SPARK_LEVELS)
		level = SPARK_LEVELS - 1;
	return utf8 ? blocks[level] : ascii[level];
}

/* Append s to out[*used..len) if it fits with the NUL. */
static bool
put(char *out, size_t len, size_t *used, const char *s)
{
	size_t n = strlen(s);

	if (*used + n + 1 > len)
		return false;
	memcpy(out + *used, s, n + 1);
	*used += n;
	return true;
}

int
spark_line(const double *v, int n, double lo, double hi, bool utf8,
    char *out, size_t len)
{
	size_t used = 0;
	int i;

	if (len > 0)
		out[0] = '\0';
	for (i = 0; i < n; i++)
		if (!put(out, len, &used, spark_glyph(spark_level(v[i], lo, hi),
		    utf8)))
			break;
	return i;
}

char *
spark_bar(double frac, int width, bool utf8, char *out, size_t len)
{
	size_t used = 0;
	int units, i;

	if (len > 0)
		out[0] = '\0';
	if (frac < 0 || frac != frac)
		frac = 0;
	if (frac > 1)
		frac = 1;
	units = (int)(frac * width * 8 + 0.5);
	for (i = 0; i < width; i++) {
		int left = units - i * 8;
		const char *cell = left >= 8 ? (utf8 ? "\u2588" : "#") :
		    left <= 0 ? (utf8 ? " " : ".") :
		    utf8 ? eighths[left] : left >= 4 ? "#" : ".";

		if (!put(out, len, &used, cell))
			break;
	}
	return out;
}
