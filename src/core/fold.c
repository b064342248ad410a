#include "fold.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "util.h"

/* Base letters of U+00C0..U+017F (Latin-1 Supplement, Latin Extended-A),
 * already lower case; '\0' where the fold is longer (see fold_special). */
static const char latin_base[] =
	/* C0 */ "aaaaaa\0ceeeeiiii" "dnooooo\0ouuuuy\0\0"
	/* E0 */ "aaaaaa\0ceeeeiiii" "dnooooo\0ouuuuy\0y"
	/* 100 */ "aaaaaaccccccccdd" "ddeeeeeeeeeegggg"
	/* 120 */ "gggghhhhiiiiiiii" "ii\0\0jjkkklllllll"
	/* 140 */ "lllnnnnnnnnnoooo" "oo\0\0rrrrrrssssss"
	/* 160 */ "ssttttttuuuuuuuu" "uuuuwwyyyzzzzzzs";

static const char *
fold_special(uint32_t cp)
{
	switch (cp) {
	case 0xC6: case 0xE6: return "ae";
	case 0xD7: return "x";
	case 0xF7: return "/";
	case 0xDE: case 0xFE: return "th";
	case 0xDF: return "ss";
	case 0x132: case 0x133: return "ij";
	case 0x152: case 0x153: return "oe";
	case 0x2018: case 0x2019: case 0x2032: return "'";
	case 0x201C: case 0x201D: case 0x2033: return "\"";
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
		return "-";
	default: return NULL;
	}
}

static bool
is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	    cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A);
}

/* Greek vowels with tonos or dialytika as their bare lower case letter, and
 * final sigma as sigma (Unicode case folding does the same). */
static uint32_t
greek_base(uint32_t cp)
{
	switch (cp) {
	case 0x386: case 0x3AC: return 0x3B1;
	case 0x388: case 0x3AD: return 0x3B5;
	case 0x389: case 0x3AE: return 0x3B7;
	case 0x38A: case 0x390: case 0x3AA: case 0x3AF: case 0x3CA:
		return 0x3B9;
	case 0x38C: case 0x3CC: return 0x3BF;
	case 0x38E: case 0x3B0: case 0x3AB: case 0x3CB: case 0x3CD:
		return 0x3C5;
	case 0x38F: case 0x3CE: return 0x3C9;
	case 0x3C2: return 0x3C3;
	default: return cp;
	}
}

/* Lower-case cp in the scripts a pack is likely to use. */
static uint32_t
lower(uint32_t cp)
{
	cp = greek_base(cp);
	if (cp >= 'A' && cp <= 'Z')
		return cp + 32;
	if ((cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) ||
	    (cp >= 0x410 && cp <= 0x42F))
		return cp + 32;
	if (cp >= 0x400 && cp <= 0x40F)
		return cp + 80;
	return cp;
}

/* Append cp's fold at *o. Returns the bytes written (at most 3). */
static size_t
put_cp(char *o, uint32_t cp)
{
	const char *sp = fold_special(cp);

	if (sp != NULL) {
		size_t n = strlen(sp);

		memcpy(o, sp, n);
		return n;
	}
	if (cp >= 0xC0 && cp <= 0x17F && latin_base[cp - 0xC0] != '\0') {
		*o = latin_base[cp - 0xC0];
		return 1;
	}
	return utf8_encode(lower(cp), o);
}

size_t
fold_text_into(const char *s, size_t n, char *out)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, k, len = 0;
	bool pending_space = false;
	uint32_t cp;

	while (i < n) {
		unsigned c = u[i];

		/* A run of plain ASCII letters, digits and marks, the common
		 * case: lower-cased in a tight loop. */
		if (c - 0x21 < 0x5Fu) {
			if (pending_space)
				out[len++] = ' ';
			pending_space = false;
			do {
				out[len++] = (char)(c - 'A' < 26u ? c + 32 : c);
				c = ++i < n ? u[i] : 0;
			} while (c - 0x21 < 0x5Fu);
			continue;
		}
		if (u[i] == ' ') {
			pending_space = len > 0;
			i++;
			continue;
		}
		k = utf8_decode(s + i, n - i, &cp);
		i += k ? k : 1;
		/* Combining marks (decomposed accents) carry no letter. */
		if ((cp >= 0x300 && cp <= 0x36F) || cp == 0x200B)
			continue;
		if (is_space(cp)) {
			pending_space = len > 0;
			continue;
		}
		if (pending_space)
			out[len++] = ' ';
		pending_space = false;
		len += put_cp(out + len, cp);
	}
	out[len] = '\0';
	return len;
}

char *
fold_text(const char *s)
{
	size_t n = strlen(s);
	char *out = xmalloc(FOLD_TEXT_MAX(n));

	return xrealloc(out, fold_text_into(s, n, out) + 1);
}
