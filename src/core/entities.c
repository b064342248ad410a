/*
 * entities.c - decode text from Open Trivia Database API files.
 *
 * OpenTDB strings come HTML-escaped by default (&quot; &#039; &eacute;),
 * or base64-encoded (encode=base64), or percent-encoded (encode=url3986).
 * Each decoder returns a freshly allocated NUL-terminated string; out of
 * memory ends the program (util.c's allocators), so NULL means bad input.
 */
#include "entities.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "util.h"

/* Length of the longest HTML 4.01 entity name, "thetasym". */
#define ENTITY_NAME_MAX 8
/* U+FFFD REPLACEMENT CHARACTER, used for invalid numeric references. */
#define REPLACEMENT_CHAR 0xFFFDul
#define UNICODE_MAX 0x10FFFFul

struct entity {
	const char *name;
	unsigned long code;
};

/*
 * HTML 4.01 named character references (Latin-1 96, symbols 124,
 * special 32) plus XML's &apos;, sorted by strcmp on the name for bsearch.
 * Note &lang; and &rang; are U+2329/U+232A as in HTML 4.01 (HTML5 moved
 * them to U+27E8/U+27E9).
 */
static const struct entity entity_table[] = {
	{"AElig", 0x00C6}, {"Aacute", 0x00C1}, {"Acirc", 0x00C2},
	{"Agrave", 0x00C0}, {"Alpha", 0x0391}, {"Aring", 0x00C5},
	{"Atilde", 0x00C3}, {"Auml", 0x00C4}, {"Beta", 0x0392},
	{"Ccedil", 0x00C7}, {"Chi", 0x03A7}, {"Dagger", 0x2021},
	{"Delta", 0x0394}, {"ETH", 0x00D0}, {"Eacute", 0x00C9},
	{"Ecirc", 0x00CA}, {"Egrave", 0x00C8}, {"Epsilon", 0x0395},
	{"Eta", 0x0397}, {"Euml", 0x00CB}, {"Gamma", 0x0393},
	{"Iacute", 0x00CD}, {"Icirc", 0x00CE}, {"Igrave", 0x00CC},
	{"Iota", 0x0399}, {"Iuml", 0x00CF}, {"Kappa", 0x039A},
	{"Lambda", 0x039B}, {"Mu", 0x039C}, {"Ntilde", 0x00D1},
	{"Nu", 0x039D}, {"OElig", 0x0152}, {"Oacute", 0x00D3},
	{"Ocirc", 0x00D4}, {"Ograve", 0x00D2}, {"Omega", 0x03A9},
	{"Omicron", 0x039F}, {"Oslash", 0x00D8}, {"Otilde", 0x00D5},
	{"Ouml", 0x00D6}, {"Phi", 0x03A6}, {"Pi", 0x03A0}, {"Prime", 0x2033},
	{"Psi", 0x03A8}, {"Rho", 0x03A1}, {"Scaron", 0x0160},
	{"Sigma", 0x03A3}, {"THORN", 0x00DE}, {"Tau", 0x03A4},
	{"Theta", 0x0398}, {"Uacute", 0x00DA}, {"Ucirc", 0x00DB},
	{"Ugrave", 0x00D9}, {"Upsilon", 0x03A5}, {"Uuml", 0x00DC},
	{"Xi", 0x039E}, {"Yacute", 0x00DD}, {"Yuml", 0x0178},
	{"Zeta", 0x0396}, {"aacute", 0x00E1}, {"acirc", 0x00E2},
	{"acute", 0x00B4}, {"aelig", 0x00E6}, {"agrave", 0x00E0},
	{"alefsym", 0x2135}, {"alpha", 0x03B1}, {"amp", 0x0026},
	{"and", 0x2227}, {"ang", 0x2220}, {"apos", 0x0027},
	{"aring", 0x00E5}, {"asymp", 0x2248}, {"atilde", 0x00E3},
	{"auml", 0x00E4}, {"bdquo", 0x201E}, {"beta", 0x03B2},
	{"brvbar", 0x00A6}, {"bull", 0x2022}, {"cap", 0x2229},
	{"ccedil", 0x00E7}, {"cedil", 0x00B8}, {"cent", 0x00A2},
	{"chi", 0x03C7}, {"circ", 0x02C6}, {"clubs", 0x2663},
	{"cong", 0x2245}, {"copy", 0x00A9}, {"crarr", 0x21B5},
	{"cup", 0x222A}, {"curren", 0x00A4}, {"dArr", 0x21D3},
	{"dagger", 0x2020}, {"darr", 0x2193}, {"deg", 0x00B0},
	{"delta", 0x03B4}, {"diams", 0x2666}, {"divide", 0x00F7},
	{"eacute", 0x00E9}, {"ecirc", 0x00EA}, {"egrave", 0x00E8},
	{"empty", 0x2205}, {"emsp", 0x2003}, {"ensp", 0x2002},
	{"epsilon", 0x03B5}, {"equiv", 0x2261}, {"eta", 0x03B7},
	{"eth", 0x00F0}, {"euml", 0x00EB}, {"euro", 0x20AC},
	{"exist", 0x2203}, {"fnof", 0x0192}, {"forall", 0x2200},
	{"frac12", 0x00BD}, {"frac14", 0x00BC}, {"frac34", 0x00BE},
	{"frasl", 0x2044}, {"gamma", 0x03B3}, {"ge", 0x2265}, {"gt", 0x003E},
	{"hArr", 0x21D4}, {"harr", 0x2194}, {"hearts", 0x2665},
	{"hellip", 0x2026}, {"iacute", 0x00ED}, {"icirc", 0x00EE},
	{"iexcl", 0x00A1}, {"igrave", 0x00EC}, {"image", 0x2111},
	{"infin", 0x221E}, {"int", 0x222B}, {"iota", 0x03B9},
	{"iquest", 0x00BF}, {"isin", 0x2208}, {"iuml", 0x00EF},
	{"kappa", 0x03BA}, {"lArr", 0x21D0}, {"lambda", 0x03BB},
	{"lang", 0x2329}, {"laquo", 0x00AB}, {"larr", 0x2190},
	{"lceil", 0x2308}, {"ldquo", 0x201C}, {"le", 0x2264},
	{"lfloor", 0x230A}, {"lowast", 0x2217}, {"loz", 0x25CA},
	{"lrm", 0x200E}, {"lsaquo", 0x2039}, {"lsquo", 0x2018},
	{"lt", 0x003C}, {"macr", 0x00AF}, {"mdash", 0x2014},
	{"micro", 0x00B5}, {"middot", 0x00B7}, {"minus", 0x2212},
	{"mu", 0x03BC}, {"nabla", 0x2207}, {"nbsp", 0x00A0},
	{"ndash", 0x2013}, {"ne", 0x2260}, {"ni", 0x220B}, {"not", 0x00AC},
	{"notin", 0x2209}, {"nsub", 0x2284}, {"ntilde", 0x00F1},
	{"nu", 0x03BD}, {"oacute", 0x00F3}, {"ocirc", 0x00F4},
	{"oelig", 0x0153}, {"ograve", 0x00F2}, {"oline", 0x203E},
	{"omega", 0x03C9}, {"omicron", 0x03BF}, {"oplus", 0x2295},
	{"or", 0x2228}, {"ordf", 0x00AA}, {"ordm", 0x00BA},
	{"oslash", 0x00F8}, {"otilde", 0x00F5}, {"otimes", 0x2297},
	{"ouml", 0x00F6}, {"para", 0x00B6}, {"part", 0x2202},
	{"permil", 0x2030}, {"perp", 0x22A5}, {"phi", 0x03C6},
	{"pi", 0x03C0}, {"piv", 0x03D6}, {"plusmn", 0x00B1},
	{"pound", 0x00A3}, {"prime", 0x2032}, {"prod", 0x220F},
	{"prop", 0x221D}, {"psi", 0x03C8}, {"quot", 0x0022},
	{"rArr", 0x21D2}, {"radic", 0x221A}, {"rang", 0x232A},
	{"raquo", 0x00BB}, {"rarr", 0x2192}, {"rceil", 0x2309},
	{"rdquo", 0x201D}, {"real", 0x211C}, {"reg", 0x00AE},
	{"rfloor", 0x230B}, {"rho", 0x03C1}, {"rlm", 0x200F},
	{"rsaquo", 0x203A}, {"rsquo", 0x2019}, {"sbquo", 0x201A},
	{"scaron", 0x0161}, {"sdot", 0x22C5}, {"sect", 0x00A7},
	{"shy", 0x00AD}, {"sigma", 0x03C3}, {"sigmaf", 0x03C2},
	{"sim", 0x223C}, {"spades", 0x2660}, {"sub", 0x2282},
	{"sube", 0x2286}, {"sum", 0x2211}, {"sup", 0x2283}, {"sup1", 0x00B9},
	{"sup2", 0x00B2}, {"sup3", 0x00B3}, {"supe", 0x2287},
	{"szlig", 0x00DF}, {"tau", 0x03C4}, {"there4", 0x2234},
	{"theta", 0x03B8}, {"thetasym", 0x03D1}, {"thinsp", 0x2009},
	{"thorn", 0x00FE}, {"tilde", 0x02DC}, {"times", 0x00D7},
	{"trade", 0x2122}, {"uArr", 0x21D1}, {"uacute", 0x00FA},
	{"uarr", 0x2191}, {"ucirc", 0x00FB}, {"ugrave", 0x00F9},
	{"uml", 0x00A8}, {"upsih", 0x03D2}, {"upsilon", 0x03C5},
	{"uuml", 0x00FC}, {"weierp", 0x2118}, {"xi", 0x03BE},
	{"yacute", 0x00FD}, {"yen", 0x00A5}, {"yuml", 0x00FF},
	{"zeta", 0x03B6}, {"zwj", 0x200D}, {"zwnj", 0x200C},
};

#define ENTITY_COUNT (sizeof entity_table / sizeof entity_table[0])

/* A name that is not NUL-terminated: the text between '&' and ';'. */
struct name_key {
	const char *text;
	size_t len;
};

static int
compare_entity_name(const void *key, const void *elem)
{
	const struct name_key *k = key;
	const struct entity *e = elem;
	int cmp = strncmp(k->text, e->name, k->len);

	if (cmp != 0)
		return cmp;
	/* k is a prefix of e->name, or equal to it. */
	return e->name[k->len] == '\0' ? 0 : -1;
}

static int
is_ascii_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
	    || (c >= '0' && c <= '9');
}

static int
digit_value(char c, int hex)
{
	if (hex)
		return hex_digit(c);
	return (c >= '0' && c <= '9') ? c - '0' : -1;
}

/*
 * Parse a numeric reference; s points just past "&#".  Returns the number
 * of bytes consumed (including the ';') and stores the code point, or
 * returns 0 when the reference is malformed.  Values that are 0, a
 * surrogate or beyond U+10FFFF (however many digits) become U+FFFD.
 */
static size_t
parse_numeric(const char *s, unsigned long *cp)
{
	size_t i = 0;
	int hex = 0;
	int digits = 0;
	unsigned long value = 0;
	int d;

	if (s[0] == 'x' || s[0] == 'X') {
		hex = 1;
		i = 1;
	}
	while ((d = digit_value(s[i], hex)) >= 0) {
		/* Saturate above UNICODE_MAX so huge inputs cannot overflow. */
		if (value <= UNICODE_MAX)
			value = value * (hex ? 16 : 10) + (unsigned long)d;
		digits++;
		i++;
	}
	if (digits == 0 || s[i] != ';')
		return 0;
	if (value == 0 || value > UNICODE_MAX
	    || (value >= 0xD800 && value <= 0xDFFF))
		value = REPLACEMENT_CHAR;
	*cp = value;
	return i + 1;
}

/*
 * Parse a named reference; s points just past '&'.  Returns the number of
 * bytes consumed (including the ';') and stores the code point, or 0 when
 * the name is not a known entity followed by ';'.
 */
static size_t
parse_named(const char *s, unsigned long *cp)
{
	struct name_key key;
	const struct entity *found;
	size_t len = 0;

	/* Bounded scan: a run of letters after '&' costs O(1) per '&'. */
	while (len <= ENTITY_NAME_MAX && is_ascii_alnum(s[len]))
		len++;
	if (len == 0 || len > ENTITY_NAME_MAX || s[len] != ';')
		return 0;
	key.text = s;
	key.len = len;
	found = bsearch(&key, entity_table, ENTITY_COUNT,
	    sizeof entity_table[0], compare_entity_name);
	if (found == NULL)
		return 0;
	*cp = found->code;
	return len + 1;
}

/*
 * Parse the reference starting at s (which points at '&').  Returns its
 * total length in bytes and stores the code point, or 0 if s does not
 * start a valid reference.
 */
static size_t
parse_reference(const char *s, unsigned long *cp)
{
	size_t n;

	if (s[1] == '#') {
		n = parse_numeric(s + 2, cp);
		return n == 0 ? 0 : n + 2;
	}
	n = parse_named(s + 1, cp);
	return n == 0 ? 0 : n + 1;
}

/*
 * Output never outgrows the input, so strlen(s) + 1 bytes suffice:
 * every reference is at least as long as its UTF-8 encoding.  Named ones
 * are >= 4 bytes ("&lt;") and all are in the BMP (<= 3 bytes); numeric
 * "&#N;" is >= 4 bytes, and needs >= 6 bytes to reach U+0080 (2 bytes
 * out), >= 7 for U+0800 (3 bytes), >= 9 for U+10000 (4 bytes); U+FFFD
 * (3 bytes) only replaces references of >= 4 bytes ("&#0;").  The
 * n <= ref_len check below enforces this locally anyway.
 */
char *
entities_decode(const char *s)
{
	char *out;
	size_t o = 0;
	size_t ref_len;
	size_t n;
	unsigned long cp;
	char utf8[4];

	if (s == NULL)
		return NULL;
	out = xmalloc(strlen(s) + 1);
	while (*s != '\0') {
		if (*s == '&' && (ref_len = parse_reference(s, &cp)) > 0) {
			n = utf8_encode((uint32_t)cp, utf8);
			if (n <= ref_len) {
				memcpy(out + o, utf8, n);
				o += n;
				s += ref_len;
				continue;
			}
		}
		out[o++] = *s++;
	}
	out[o] = '\0';
	return out;
}

static int
base64_value(char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

/*
 * Check the length and padding of a base64 string of len bytes.  Returns
 * the number of data characters (before any '='), or (size_t)-1 when
 * the shape is invalid: more than two '=', padding that does not complete
 * a 4-character group, or a dangling single character.
 */
static size_t
base64_data_length(const char *s, size_t len)
{
	size_t pad = 0;

	while (pad < len && s[len - 1 - pad] == '=')
		pad++;
	if (pad > 2 || (pad > 0 && len % 4 != 0))
		return (size_t)-1;
	if ((len - pad) % 4 == 1)
		return (size_t)-1;
	return len - pad;
}

/*
 * Decode data_len base64 characters of s into out.  Returns 0 on success,
 * -1 on a bad character, a decoded NUL byte, or non-zero leftover bits
 * (a non-canonical final character, RFC 4648 section 3.5).
 */
static int
base64_decode_into(const char *s, size_t data_len, char *out)
{
	unsigned long acc = 0;
	unsigned int bits = 0;
	size_t o = 0;
	size_t i;
	int v;

	for (i = 0; i < data_len; i++) {
		v = base64_value(s[i]);
		if (v < 0)
			return -1;
		acc = (acc << 6) | (unsigned long)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o] = (char)((acc >> bits) & 0xFF);
			if (out[o] == '\0')
				return -1;
			o++;
		}
		acc &= (1ul << bits) - 1;
	}
	if (acc != 0)
		return -1;
	out[o] = '\0';
	return 0;
}

char *
entities_base64(const char *s)
{
	size_t data_len;
	char *out;

	if (s == NULL)
		return NULL;
	data_len = base64_data_length(s, strlen(s));
	if (data_len == (size_t)-1)
		return NULL;
	out = xmalloc(data_len / 4 * 3 + 3);
	if (base64_decode_into(s, data_len, out) != 0) {
		free(out);
		return NULL;
	}
	return out;
}

char *
entities_url3986(const char *s)
{
	char *out;
	size_t o = 0;
	int hi;
	int lo;

	if (s == NULL)
		return NULL;
	out = xmalloc(strlen(s) + 1);
	while (*s != '\0') {
		if (*s != '%') {
			out[o++] = *s++;
			continue;
		}
		hi = hex_digit(s[1]);
		lo = hi < 0 ? -1 : hex_digit(s[2]);
		if (lo < 0 || (hi == 0 && lo == 0)) {
			free(out);
			return NULL;
		}
		out[o++] = (char)(hi * 16 + lo);
		s += 3;
	}
	out[o] = '\0';
	return out;
}

size_t
entities_table_size(void)
{
	return ENTITY_COUNT;
}

int
entities_table_sorted(void)
{
	size_t i;

	for (i = 1; i < ENTITY_COUNT; i++) {
		if (strcmp(entity_table[i - 1].name, entity_table[i].name) >= 0)
			return 0;
	}
	return 1;
}
