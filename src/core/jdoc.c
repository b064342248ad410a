#include "jdoc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "utf8.h"
#include "util.h"

#define NEST_MAX 1000 /* cJSON's compiled-in CJSON_NESTING_LIMIT */

struct jpath
jpath_key(struct jpath p, const char *key)
{
	if (p.n < JPATH_MAX) {
		p.seg[p.n].key = key;
		p.seg[p.n].index = -1;
		p.n++;
	}
	return p;
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

void
jdoc_linecol(const char *text, size_t off, int *line, int *col)
{
	size_t i;
	int l = 1, c = 1;

	for (i = 0; i < off && text[i] != '\0'; i++) {
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

/* --- Finding a path in the text: a scanner for text cJSON accepted. --- */

static size_t
skip_ws(const char *t, size_t len, size_t i)
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

/* Skip one value of any depth without recursion. */
static size_t
skip_value(const char *t, size_t len, size_t i)
{
	long depth = 0;

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
		if (c == '{' || c == '[')
			depth++;
		else if ((c == '}' || c == ']') && --depth == 0)
			return i + 1;
		i++;
	}
	return len;
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

/* i at '{': offset of the member named key (its name if at_key, else its value). */
static long
find_member(const char *t, size_t len, size_t i, const char *key, bool at_key)
{
	for (i = skip_ws(t, len, i + 1); i < len && t[i] == '"';) {
		size_t name = i;
		bool hit = string_equals(t, len, i, key);

		i = skip_ws(t, len, skip_string(t, len, i));
		if (i >= len || t[i] != ':')
			return -1;
		i = skip_ws(t, len, i + 1);
		if (hit)
			return (long)(at_key ? name : i);
		i = skip_ws(t, len, skip_value(t, len, i));
		if (i >= len || t[i] != ',')
			return -1;
		i = skip_ws(t, len, i + 1);
	}
	return -1;
}

/* i at an array element: offset of the element count places further on. */
static long
skip_elements(const char *t, size_t len, size_t i, int count)
{
	while (count-- > 0) {
		i = skip_ws(t, len, skip_value(t, len, i));
		if (i >= len || t[i] != ',')
			return -1;
		i = skip_ws(t, len, i + 1);
	}
	return i < len && t[i] != ']' ? (long)i : -1;
}

static long
walk(const char *t, size_t len, size_t pos, const struct jpath *p, int from,
    bool at_key)
{
	int s;

	for (s = from; s < p->n; s++) {
		long next;

		pos = skip_ws(t, len, pos);
		if (pos >= len)
			return -1;
		if (p->seg[s].key != NULL) {
			if (t[pos] != '{')
				return -1;
			next = find_member(t, len, pos, p->seg[s].key,
			    at_key && s == p->n - 1);
		} else {
			if (t[pos] != '[')
				return -1;
			next = skip_elements(t, len, skip_ws(t, len, pos + 1),
			    p->seg[s].index);
		}
		if (next < 0)
			return -1;
		pos = (size_t)next;
	}
	return (long)skip_ws(t, len, pos);
}

long
jpos_find(const char *text, size_t len, const struct jpath *p, bool at_key)
{
	return walk(text, len, 0, p, 0, at_key);
}

static bool
same_prefix(const struct jpath *a, const struct jpath *b, int n)
{
	int i;

	if (a->n < n || b->n < n)
		return false;
	for (i = 0; i < n; i++) {
		const char *ka = a->seg[i].key, *kb = b->seg[i].key;

		if ((ka == NULL) != (kb == NULL))
			return false;
		if (ka != NULL ? strcmp(ka, kb) != 0 :
		    (i < n - 1 && a->seg[i].index != b->seg[i].index))
			return false;
	}
	return true;
}

/*
 * Find p, resuming from the last array element looked up when p goes through
 * the same array at or after it: reporting every question of a large pack
 * then costs one pass over the text, not one per message.
 */
static long
jdoc_find(struct jdoc *doc, const struct jpath *p, bool at_key)
{
	struct jpath pre = *p;
	int k, idx, cached;
	long off;

	for (k = p->n - 1; k >= 0 && p->seg[k].key != NULL; k--)
		;
	if (k < 0 || (k == p->n - 1 && at_key))
		return jpos_find(doc->text, doc->len, p, at_key);
	pre.n = k + 1;
	idx = p->seg[k].index;
	cached = doc->cache_path.n == k + 1 ?
	    doc->cache_path.seg[k].index : -1;
	if (cached >= 0 && cached <= idx && same_prefix(&pre, &doc->cache_path,
	    k + 1))
		off = skip_elements(doc->text, doc->len, doc->cache_off,
		    idx - cached);
	else
		off = jpos_find(doc->text, doc->len, &pre, false);
	if (off < 0)
		return -1;
	doc->cache_path = pre;
	doc->cache_off = (size_t)off;
	return walk(doc->text, doc->len, (size_t)off, p, k + 1, at_key);
}

static void
vreport(struct jdoc *doc, enum diag_level level, const struct jpath *p,
    bool at_key, const char *fmt, va_list ap)
{
	char *msg = xvasprintf(fmt, ap), *where = jpath_str(p);
	long off = jdoc_find(doc, p, at_key);
	int line = 0, col = 0;

	if (off >= 0)
		jdoc_linecol(doc->text, (size_t)off, &line, &col);
	diags_add(doc->diags, level, doc->file, line, col, "%s: %s",
	    where[0] ? where : "(top level)", msg);
	free(where);
	free(msg);
}

void
jdoc_report(struct jdoc *doc, enum diag_level level, const struct jpath *p,
    bool at_key, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(doc, level, p, at_key, fmt, ap);
	va_end(ap);
}

void
jdoc_report_key(struct jdoc *doc, enum diag_level level,
    const struct jpath *p, const char *key, const char *fmt, ...)
{
	struct jpath at = jpath_key(*p, key);
	va_list ap;

	va_start(ap, fmt);
	vreport(doc, level, &at, false, fmt, ap);
	va_end(ap);
}

/* --- Reading and parsing --- */

static void
report_at(struct jdoc *doc, size_t off, const char *msg)
{
	int line, col;

	jdoc_linecol(doc->text, off, &line, &col);
	diags_add(doc->diags, DIAG_ERROR, doc->file, line, col, "%s", msg);
}

/* Where nesting first goes deeper than cJSON allows, or -1. Run only when
 * cJSON has failed, to say why: the common, valid case skips the pass. */
static long
too_deep(const char *t, size_t len)
{
	size_t i;
	long depth = 0;

	for (i = 0; i < len; i++) {
		if (t[i] == '"')
			i = skip_string(t, len, i) - 1;
		else if (t[i] == '{' || t[i] == '[')
			depth++;
		else if (t[i] == '}' || t[i] == ']')
			depth--;
		if (depth > NEST_MAX)
			return (long)i;
	}
	return -1;
}

/* Checks cJSON does not make: NUL bytes and UTF-8. */
static int
check_text(struct jdoc *doc)
{
	const char *t = doc->text;
	size_t bad;
	void *nul = memchr(t, '\0', doc->len);

	if (nul != NULL) {
		report_at(doc, (size_t)((const char *)nul - t),
		    "NUL byte in the file (is it a JSON text file?)");
		return -1;
	}
	if (!utf8_valid(t, doc->len, &bad)) {
		report_at(doc, bad, "invalid UTF-8 (save the file as UTF-8)");
		return -1;
	}
	return 0;
}

/* Say what stands where cJSON stopped, up to the end of the line. */
static void
syntax_error(struct jdoc *doc, size_t off)
{
	const char *t = doc->text + off;
	size_t n = strcspn(t, "\r\n");
	char *msg;

	if (off >= doc->len) {
		report_at(doc, off, "JSON syntax error: unexpected end of file "
		    "(a missing } or ]?)");
		return;
	}
	if (n > 16)
		n = utf8_prev(t, 17);
	msg = n == 0 ? xstrdup("JSON syntax error near here") :
	    xasprintf("JSON syntax error near '%.*s'", (int)n, t);
	report_at(doc, off, msg);
	free(msg);
}

/*
 * cJSON reports a member name that is not a string (a trailing comma's '}',
 * a bare word) one byte past its start: step back onto it when a '{' or ','
 * comes just before. Digits are left alone: "[1,2x]" stops at the x.
 */
static size_t
member_name_start(const char *t, size_t off)
{
	size_t j;

	if (off == 0 || t[off - 1] == '"' || strchr(" \t\r\n", t[off - 1]) ||
	    (t[off - 1] >= '0' && t[off - 1] <= '9'))
		return off;
	for (j = off - 1; j > 0 && strchr(" \t\r\n", t[j - 1]); j--)
		;
	return j > 0 && (t[j - 1] == '{' || t[j - 1] == ',') ? off - 1 : off;
}

/* i at '[': the offset after the matching ']', and the deepest nesting
 * inside it (the array itself is level 1). */
static size_t
skip_array(const char *t, size_t len, size_t i, long *deepest)
{
	long depth = 0;

	*deepest = 0;
	while (i < len) {
		char c = t[i];

		if (c == '"') {
			i = skip_string(t, len, i);
			continue;
		}
		if ((c == '{' || c == '[') && ++depth > *deepest)
			*deepest = depth;
		else if ((c == '}' || c == ']') && --depth == 0)
			return i + 1;
		i++;
	}
	return len;
}

/* Parse the top level with its "questions" array left empty (a copy of the
 * text without the array's contents); the elements are parsed one by one
 * by jdoc_stream_next, so the whole tree never exists at once. */
static void
parse_outline(struct jdoc *doc)
{
	struct jpath top = { 0 }, p = jpath_key(top, "questions");
	long at = jpos_find(doc->text, doc->len, &p, false);
	size_t end, n;
	char *copy;

	long deepest;

	if (at <= 0 || doc->text[at] != '[')
		return;
	end = skip_array(doc->text, doc->len, (size_t)at, &deepest);
	/* Elements parsed alone would each pass cJSON's depth limit. */
	if (deepest + 1 > NEST_MAX)
		return;
	n = doc->len - (end - (size_t)at) + 2;
	copy = xmalloc(n + 1);
	memcpy(copy, doc->text, (size_t)at);
	memcpy(copy + at, "[]", 2);
	memcpy(copy + at + 2, doc->text + end, doc->len - end);
	copy[n] = '\0';
	doc->root = cJSON_ParseWithOpts(copy, NULL, 1);
	free(copy);
	if (doc->root != NULL) {
		doc->stream_at = at;
		doc->stream_end = end;
	}
}

long
jdoc_stream_first(const struct jdoc *doc)
{
	size_t i = skip_ws(doc->text, doc->len, (size_t)doc->stream_at + 1);

	return i < doc->len && doc->text[i] == ']' ? -1 : (long)i;
}

cJSON *
jdoc_stream_next(struct jdoc *doc, long *pos, bool *bad)
{
	const char *t = doc->text, *end = NULL;
	size_t i = (size_t)*pos;
	cJSON *v;

	if (*pos < 0)
		return NULL;
	/* cJSON stops after one value and says where: no scan of our own. */
	v = cJSON_ParseWithLengthOpts(t + i, doc->stream_end - i, &end, 0);
	if (v == NULL) {
		syntax_error(doc, end != NULL ? (size_t)(end - t) : i);
		*bad = true;
		return NULL;
	}
	i = skip_ws(t, doc->len, (size_t)(end - t));
	if (i < doc->len && (t[i] == ',' || t[i] == ']')) {
		*pos = t[i] == ']' ? -1 : (long)skip_ws(t, doc->len, i + 1);
		return v;
	}
	cJSON_Delete(v);
	syntax_error(doc, i);
	*bad = true;
	return NULL;
}

static int
parse(struct jdoc *doc)
{
	const char *end = NULL;

	if (check_text(doc) < 0)
		return -1;
	parse_outline(doc);
	if (doc->root != NULL)
		return 0;
	doc->root = cJSON_ParseWithOpts(doc->text, &end, 1);
	if (doc->root == NULL) {
		size_t off = end != NULL && end >= doc->text ?
		    (size_t)(end - doc->text) : 0;
		long deep = too_deep(doc->text, doc->len);

		if (deep >= 0) {
			report_at(doc, (size_t)deep,
			    "nesting deeper than 1000 levels");
			return -1;
		}
		if (off > doc->len)
			off = doc->len;
		off = member_name_start(doc->text, off);
		if (skip_ws(doc->text, doc->len, 0) == doc->len)
			report_at(doc, off, "the file is empty");
		else
			syntax_error(doc, off);
		return -1;
	}
	return 0;
}

static void
set_text(struct jdoc *doc, const char *name, char *buf, size_t len,
    struct diags *d)
{
	doc->file = name;
	doc->buf = buf;
	doc->text = buf;
	doc->len = len;
	doc->diags = d;
	doc->cache_path.n = 0;
	doc->stream_at = -1;
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
		doc->text += 3;
		doc->len -= 3;
	}
}

int
jdoc_parse(struct jdoc *doc, const char *name, const char *text, size_t len,
    struct diags *d)
{
	memset(doc, 0, sizeof *doc);
	set_text(doc, name, xstrndup(text, len), len, d);
	return parse(doc);
}

static char *
read_all(int fd, size_t size, size_t *len)
{
	/* Room for the file, its NUL and one more byte, so that the read that
	 * finds the end does not double the buffer. */
	size_t cap = size + 2, n = 0;
	char *buf = xmalloc(cap);

	for (;;) {
		ssize_t r;

		if (n + 1 == cap) {
			if (cap > (size_t)JDOC_MAX_BYTES + 1)
				break;
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
		r = read(fd, buf + n, cap - n - 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			free(buf);
			return NULL;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

int
jdoc_load(struct jdoc *doc, const char *file, struct diags *d)
{
	struct stat st;
	size_t len = 0;
	char *buf;
	int fd;

	memset(doc, 0, sizeof *doc);
	doc->file = file;
	doc->diags = d;
	fd = open(file, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		diags_add(d, DIAG_ERROR, file, 0, 0, "cannot open: %s",
		    strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		diags_add(d, DIAG_ERROR, file, 0, 0,
		    "is a directory, not a JSON file");
		return -1;
	}
	if (fstat(fd, &st) == 0 && st.st_size > JDOC_MAX_BYTES) {
		close(fd);
		diags_add(d, DIAG_ERROR, file, 0, 0,
		    "too large (%lld bytes; the limit is %ld MB)",
		    (long long)st.st_size, JDOC_MAX_BYTES / 1024 / 1024);
		return -1;
	}
	buf = read_all(fd, S_ISREG(st.st_mode) ? (size_t)st.st_size : 4096,
	    &len);
	close(fd);
	if (buf == NULL) {
		diags_add(d, DIAG_ERROR, file, 0, 0, "cannot read: %s",
		    strerror(errno));
		return -1;
	}
	if (len > (size_t)JDOC_MAX_BYTES) {
		free(buf);
		diags_add(d, DIAG_ERROR, file, 0, 0,
		    "too large (the limit is %ld MB)",
		    JDOC_MAX_BYTES / 1024 / 1024);
		return -1;
	}
	set_text(doc, file, buf, len, d);
	return parse(doc);
}

void
jdoc_fini(struct jdoc *doc)
{
	cJSON_Delete(doc->root);
	free(doc->buf);
	doc->root = NULL;
	doc->buf = NULL;
}
