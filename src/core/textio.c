/*
 * textio.c - the bytes of a text file made into UTF-8 with LF line ends,
 * and the line and delimited-field readers the importers share.
 */
#include "textio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "utf8.h"
#include "util.h"

/* Windows-1252 0x80..0x9F; its five holes stay the C1 code points. */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178
};

char *
text_read_file(const char *file, size_t *len, struct diags *d)
{
	struct stat st;
	size_t n = 0;
	char *buf;
	int fd = open(file, O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		diags_add(d, DIAG_ERROR, file, 0, 0, "cannot open: %s",
		    strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		diags_add(d, DIAG_ERROR, file, 0, 0,
		    "is a directory, not a pack file");
		return NULL;
	}
	if (S_ISREG(st.st_mode) && st.st_size > TEXT_MAX_BYTES) {
		close(fd);
		diags_add(d, DIAG_ERROR, file, 0, 0,
		    "too large: %lld bytes, over the limit of %ld bytes "
		    "(%ld MiB)", (long long)st.st_size, TEXT_MAX_BYTES,
		    TEXT_MAX_BYTES / 1024 / 1024);
		return NULL;
	}
	buf = read_all(fd, S_ISREG(st.st_mode) ? (size_t)st.st_size : 4096,
	    TEXT_MAX_BYTES, &n);
	if (buf == NULL) {
		diags_add(d, DIAG_ERROR, file, 0, 0, "cannot read: %s",
		    strerror(errno));
		close(fd);
		return NULL;
	}
	close(fd);
	if (n > (size_t)TEXT_MAX_BYTES) {
		diags_add(d, DIAG_ERROR, file, 0, 0,
		    "too large: more than the limit of %ld bytes (%ld MiB)",
		    TEXT_MAX_BYTES, TEXT_MAX_BYTES / 1024 / 1024);
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* Copy s[0..n) into out with CRLF and lone CR made LF; returns the length. */
static size_t
copy_lf(const char *s, size_t n, char *out)
{
	const char *cr = memchr(s, '\r', n);
	size_t i, o;

	/* Most files have no CR: one copy up to the first. */
	o = i = cr ? (size_t)(cr - s) : n;
	if (out != s)
		memcpy(out, s, i);
	for (; i < n; i++) {
		if (s[i] == '\r') {
			out[o++] = '\n';
			if (i + 1 < n && s[i + 1] == '\n')
				i++;
		} else {
			out[o++] = s[i];
		}
	}
	return o;
}

/* Windows-1252 to UTF-8, at most 3 bytes out for each byte in. */
static size_t
from_cp1252(const char *s, size_t n, char *out)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x80)
			out[o++] = (char)c;
		else
			o += utf8_encode(c < 0xA0 ? cp1252_high[c - 0x80] : c,
			    out + o);
	}
	return o;
}

int
text_take(struct text *t, const char *file, char *buf, size_t n,
    struct diags *d)
{
	const char *nul;
	char *s = buf;
	size_t bad;

	memset(t, 0, sizeof *t);
	t->lc_line = t->lc_col = 1;
	t->mem = buf;
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		s += 3;
		n -= 3;
	}
	n = copy_lf(s, n, s);   /* in place: it never grows */
	s[n] = '\0';
	t->s = s;
	t->len = n;
	nul = memchr(s, '\0', n);
	if (nul != NULL) {
		int line, col;

		text_linecol(t, (size_t)(nul - s), &line, &col);
		diags_add(d, DIAG_ERROR, file, line, col,
		    "NUL byte in the file (is it a text file?)");
		return -1;
	}
	if (!utf8_valid(s, n, &bad)) {
		int line, col;

		text_linecol(t, bad, &line, &col);
		diags_add(d, DIAG_WARNING, file, line, col,
		    "not valid UTF-8: the file is read as Windows-1252");
		t->s = xmalloc(3 * n + 1);
		t->len = from_cp1252(s, n, t->s);
		t->s[t->len] = '\0';
		t->cp1252 = true;
		t->lc_off = 0;
		t->lc_line = t->lc_col = 1;
		free(t->mem);
		t->mem = t->s;
	}
	return 0;
}

int
text_init(struct text *t, const char *file, const char *buf, size_t n,
    struct diags *d)
{
	char *copy = xmalloc(n + 1);

	memcpy(copy, buf, n);
	return text_take(t, file, copy, n, d);
}

void
text_fini(struct text *t)
{
	free(t->mem);
	t->mem = t->s = NULL;
	t->len = 0;
}

/* How many LFs s[a, b) holds; *last is one past the last (a if none).
 * memchr, not a byte loop: a fuzzed file of a thousand reports asks this
 * a thousand times. */
static int
count_lf(const char *s, size_t a, size_t b, size_t *last)
{
	const char *p = s + a, *e = s + b;
	int n = 0;

	*last = a;
	while (p < e && (p = memchr(p, '\n', (size_t)(e - p))) != NULL) {
		n++;
		p++;
		*last = (size_t)(p - s);
	}
	return n;
}

void
text_linecol(struct text *t, size_t off, int *line, int *col)
{
	size_t from, i;
	int l, c = 1;

	if (off > t->len)
		off = t->len;
	if (off >= t->lc_off) {
		/* Forward from the last place: its column holds if no LF
		 * comes between. */
		int n = count_lf(t->s, t->lc_off, off, &from);

		l = t->lc_line + n;
		if (n == 0)
			c = t->lc_col;
	} else {
		/* Back (a report about an earlier line): the LFs between,
		 * then the start of off's line. */
		l = t->lc_line - count_lf(t->s, off, t->lc_off, &from);
		for (from = off; from > 0 && t->s[from - 1] != '\n'; from--)
			;
	}
	for (i = from; i < off; i++)
		if (((unsigned char)t->s[i] & 0xC0) != 0x80)
			c++;
	t->lc_off = off;
	t->lc_line = l;
	t->lc_col = c;
	*line = l;
	*col = c;
}

bool
text_line(const struct text *t, size_t *pos, size_t *start, size_t *end)
{
	const char *nl;

	if (*pos >= t->len)
		return false;
	*start = *pos;
	nl = memchr(t->s + *pos, '\n', t->len - *pos);
	*end = nl ? (size_t)(nl - t->s) : t->len;
	*pos = nl ? *end + 1 : t->len;
	return true;
}

static void
record_push(struct record *r, char *s, size_t off)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 8;
		r->f = xrealloc(r->f, (size_t)r->cap * sizeof *r->f);
		r->off = xrealloc(r->off, (size_t)r->cap * sizeof *r->off);
	}
	r->f[r->n] = s;
	r->off[r->n++] = off;
}

static void
record_clear(struct record *r)
{
	int i;

	for (i = 0; i < r->n; i++)
		free(r->f[i]);
	r->n = 0;
}

/* A quoted field from just past its opening quote at i: up to the lone
 * closing '"', "" read as one. Returns the offset past the closing quote
 * (t->len when it is missing). */
static size_t
quoted_field(const struct text *t, size_t i, struct strbuf *b, bool *closed)
{
	const char *s = t->s;

	*closed = false;
	while (i < t->len) {
		const char *q = memchr(s + i, '"', t->len - i);
		size_t k = q ? (size_t)(q - s) : t->len;

		strbuf_add(b, s + i, k - i);
		if (q == NULL)
			return t->len;
		if (k + 1 < t->len && s[k + 1] == '"') {
			strbuf_add(b, "\"", 1);
			i = k + 2;
			continue;
		}
		*closed = true;
		return k + 1;
	}
	return t->len;
}

bool
text_record(const struct text *t, size_t *pos, const char *sep, bool quotes,
    struct record *r, size_t *bad)
{
	size_t i = *pos, seplen = strlen(sep);
	const char *s = t->s;
	char stop[3] = { '\n', sep[0], '\0' };

	record_clear(r);
	*bad = (size_t)-1;
	if (i >= t->len)
		return false;
	r->start = i;
	for (;;) {
		struct strbuf b = { 0 };
		size_t fstart = i;

		if (quotes && i < t->len && s[i] == '"') {
			bool closed;

			i = quoted_field(t, i + 1, &b, &closed);
			if (!closed && *bad == (size_t)-1)
				*bad = fstart;
		}
		/* Up to the separator or the line's end (text after a closing
		 * quote is kept, as Anki's reader does). */
		while (i < t->len && s[i] != '\n' &&
		    !(seplen && strncmp(s + i, sep, seplen) == 0)) {
			size_t k = i + 1 + strcspn(s + i + 1, stop);

			strbuf_add(&b, s + i, k - i);
			i = k;
		}
		record_push(r, b.s ? strbuf_take(&b) : xstrdup(""), fstart);
		if (i < t->len && s[i] != '\n') {
			i += seplen;
			continue;
		}
		break;
	}
	*pos = i < t->len ? i + 1 : t->len;
	return true;
}

void
record_fini(struct record *r)
{
	record_clear(r);
	free(r->f);
	free(r->off);
	memset(r, 0, sizeof *r);
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f';
}

char *
text_trim(const char *s, size_t n)
{
	while (n > 0 && is_space(s[0])) {
		s++;
		n--;
	}
	while (n > 0 && is_space(s[n - 1]))
		n--;
	return xstrndup(s, n);
}
