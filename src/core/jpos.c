#include "jpos.h"

#include <stdint.h>
#include <string.h>

#include "utf8.h"
#include "util.h"

struct jpath
jpath_key_nth(struct jpath p, const char *key, int nth)
{
	if (p.n < JPATH_MAX) {
		p.seg[p.n].key = key;
		p.seg[p.n].index = nth;
		p.n++;
	}
	return p;
}

struct jpath
jpath_key(struct jpath p, const char *key)
{
	return jpath_key_nth(p, key, 0);
}

struct jpath
jpath_index(struct jpath p, int index)
{
	if (p.n < JPATH_MAX) {
		p.seg[p.n].key = NULL;
		p.seg[p.n].index = index;
		p.n++;
	}
	return p;
}

char *
jpath_str(const struct jpath *p)
{
	struct strbuf b = { 0 };
	int i;

	for (i = 0; i < p->n; i++) {
		if (p->seg[i].key != NULL)
			strbuf_printf(&b, "%s%s", i ? "." : "", p->seg[i].key);
		else
			strbuf_printf(&b, "[%d]", p->seg[i].index);
	}
	return strbuf_take(&b);
}

static void
count_lines(const char *text, size_t from, size_t off, int *line, int *col)
{
	size_t i;
	int l = *line, c = *col;

	for (i = from; i < off && text[i] != '\0'; i++) {
		if (text[i] == '\n') {
			l++;
			c = 1;
		} else if (((unsigned char)text[i] & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

void
jpos_linecol(const char *text, size_t off, int *line, int *col)
{
	*line = 1;
	*col = 1;
	count_lines(text, 0, off, line, col);
}

void
jpos_lines_at(struct jpos_lines *c, const char *text, size_t off, int *line,
    int *col)
{
	if (c->line == 0 || off < c->off) {
		c->off = 0;
		c->line = 1;
		c->col = 1;
	}
	count_lines(text, c->off, off, &c->line, &c->col);
	/* A NUL before off stops the count: remember only what was counted. */
	c->off = off;
	*line = c->line;
	*col = c->col;
}

size_t
jpos_skip_ws(const char *t, size_t len, size_t i)
{
	while (i < len && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' ||
	    t[i] == '\r'))
		i++;
	return i;
}

/* i at an opening quote; return the offset after the closing one. */
static size_t
skip_string(const char *t, size_t len, size_t i)
{
	for (i++; i < len && t[i] != '"'; i++)
		if (t[i] == '\\')
			i++;
	return i < len ? i + 1 : len;
}

size_t
jpos_skip_value(const char *t, size_t len, size_t i, long limit,
    long *deepest)
{
	long depth = 0, deep = 0;

	if (deepest != NULL)
		*deepest = 0;
	if (i < len && t[i] == '"')
		return skip_string(t, len, i);
	if (i < len && t[i] != '{' && t[i] != '[') {
		while (i < len && strchr(",:}] \t\r\n", t[i]) == NULL)
			i++;
		return i;
	}
	while (i < len) {
		char c = t[i];

		if (c == '"') {
			i = skip_string(t, len, i);
			continue;
		}
		if (c == '{' || c == '[') {
			if (++depth > deep)
				deep = depth;
			if (limit >= 0 && depth > limit)
				break;
		} else if ((c == '}' || c == ']') && --depth == 0) {
			i++;
			break;
		}
		i++;
	}
	if (deepest != NULL)
		*deepest = deep;
	return i < len ? i : len;
}

static size_t
skip_value(const char *t, size_t len, size_t i)
{
	return jpos_skip_value(t, len, i, -1, NULL);
}

/* Compare the JSON string at t[i] (an opening quote) with key, decoding escapes. */
static bool
string_equals(const char *t, size_t len, size_t i, const char *key)
{
	size_t k = 0;
	char enc[4];

	for (i++; i < len && t[i] != '"'; i++) {
		if (t[i] != '\\') {
			if (key[k++] != t[i])
				return false;
			continue;
		}
		if (++i >= len)
			return false;
		if (t[i] == 'u' && i + 4 < len) {
			uint32_t cp = 0;
			size_t j, n;

			for (j = 1; j <= 4; j++) {
				int h = hex_digit(t[i + j]);

				if (h < 0)
					return false;
				cp = cp << 4 | (uint32_t)h;
			}
			i += 4;
			n = utf8_encode(cp, enc);
			if (strncmp(key + k, enc, n) != 0)
				return false;
			k += n;
			continue;
		}
		switch (t[i]) {
		case 'b': enc[0] = '\b'; break;
		case 'f': enc[0] = '\f'; break;
		case 'n': enc[0] = '\n'; break;
		case 'r': enc[0] = '\r'; break;
		case 't': enc[0] = '\t'; break;
		default: enc[0] = t[i]; break;
		}
		if (key[k++] != enc[0])
			return false;
	}
	return key[k] == '\0';
}

/* i at '{': offset of the nth member named key (its name if at_key, else
 * its value). */
static long
find_member(const char *t, size_t len, size_t i, const char *key, int nth,
    bool at_key)
{
	for (i = jpos_skip_ws(t, len, i + 1); i < len && t[i] == '"';) {
		size_t name = i;
		bool hit = string_equals(t, len, i, key) && nth-- == 0;

		i = jpos_skip_ws(t, len, skip_string(t, len, i));
		if (i >= len || t[i] != ':')
			return -1;
		i = jpos_skip_ws(t, len, i + 1);
		if (hit)
			return (long)(at_key ? name : i);
		i = jpos_skip_ws(t, len, skip_value(t, len, i));
		if (i >= len || t[i] != ',')
			return -1;
		i = jpos_skip_ws(t, len, i + 1);
	}
	return -1;
}

long
jpos_skip_elements(const char *t, size_t len, size_t i, int count)
{
	while (count-- > 0) {
		i = jpos_skip_ws(t, len, skip_value(t, len, i));
		if (i >= len || t[i] != ',')
			return -1;
		i = jpos_skip_ws(t, len, i + 1);
	}
	return i < len && t[i] != ']' ? (long)i : -1;
}

long
jpos_walk(const char *t, size_t len, size_t pos, const struct jpath *p,
    int from, bool at_key)
{
	int s;

	for (s = from; s < p->n; s++) {
		long next;

		pos = jpos_skip_ws(t, len, pos);
		if (pos >= len)
			return -1;
		if (p->seg[s].key != NULL) {
			if (t[pos] != '{')
				return -1;
			next = find_member(t, len, pos, p->seg[s].key,
			    p->seg[s].index, at_key && s == p->n - 1);
		} else {
			if (t[pos] != '[')
				return -1;
			next = jpos_skip_elements(t, len,
			    jpos_skip_ws(t, len, pos + 1), p->seg[s].index);
		}
		if (next < 0)
			return -1;
		pos = (size_t)next;
	}
	return (long)jpos_skip_ws(t, len, pos);
}

long
jpos_find(const char *text, size_t len, const struct jpath *p, bool at_key)
{
	return jpos_walk(text, len, 0, p, 0, at_key);
}
