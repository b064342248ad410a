/* fopencookie is a GNU extension of stdio. */
#define _GNU_SOURCE

#include "sanitize.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "utf8.h"

bool
sanitize_is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
	    (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

size_t
sanitize_add(struct strbuf *b, const char *s, size_t n, unsigned flags)
{
	size_t i = 0, run = 0, bad = 0;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp = c;
		size_t len = 1;
		char tmp[16];

		if (c >= 0x80)
			len = utf8_decode(s + i, n - i, &cp);
		if (len > 0 && !sanitize_is_control(cp)) {
			i += len;
			continue;
		}
		if ((c == '\n' || c == '\t') && (flags & SANITIZE_KEEP_LINES)) {
			i++;
			continue;
		}
		/* Flush the safe run before the stand-in. */
		strbuf_add(b, s + run, i - run);
		if (len == 0)
			snprintf(tmp, sizeof tmp, "<0x%02X>", c);
		else if (cp < 0x20 || cp == 0x7F)
			snprintf(tmp, sizeof tmp, "^%c", (char)(cp ^ 0x40));
		else
			snprintf(tmp, sizeof tmp, "<U+%04X>", (unsigned)cp);
		strbuf_puts(b, tmp);
		i += len ? len : 1;
		run = i;
		bad++;
	}
	strbuf_add(b, s + run, n - run);
	return bad;
}

char *
sanitize_text(const char *s, unsigned flags)
{
	struct strbuf b = { 0 };

	if (s != NULL)
		sanitize_add(&b, s, strlen(s), flags);
	return strbuf_take(&b);
}

char *
sanitize_json(const char *json)
{
	struct strbuf b = { 0 };
	size_t i = 0, run = 0, n = strlen(json);

	while (i < n) {
		unsigned char c = (unsigned char)json[i];
		uint32_t cp = c;
		size_t len = 1;
		char tmp[8];

		if (c >= 0x80)
			len = utf8_decode(json + i, n - i, &cp);
		if (len > 0 && (cp < 0x7F || !sanitize_is_control(cp))) {
			i += len;
			continue;
		}
		strbuf_add(&b, json + run, i - run);
		snprintf(tmp, sizeof tmp, "\\u%04x", len ? (unsigned)cp : 0xFFFDu);
		strbuf_puts(&b, tmp);
		i += len ? len : 1;
		run = i;
	}
	strbuf_add(&b, json + run, n - run);
	return strbuf_take(&b);
}

/* The stream's state: where it writes, and the start of a UTF-8 sequence
 * whose end has not been written yet. */
struct cookie {
	int fd;
	char carry[4];
	size_t ncarry;
};

/* How many bytes at the end of s[0..n) start a sequence not yet complete. */
static size_t
open_tail(const char *s, size_t n)
{
	size_t k, need;
	unsigned char c;

	for (k = 1; k <= 3 && k <= n; k++) {
		c = (unsigned char)s[n - k];
		if ((c & 0xC0) == 0x80)
			continue;
		need = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 && c <= 0xEF ?
		    3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
		return need > k ? k : 0;
	}
	return 0;
}

static ssize_t
cookie_write(void *p, const char *buf, size_t size)
{
	struct cookie *ck = p;
	struct strbuf in = { 0 }, out = { 0 };
	size_t tail;
	int r;

	strbuf_add(&in, ck->carry, ck->ncarry);
	strbuf_add(&in, buf, size);
	tail = open_tail(in.s, in.len);
	memcpy(ck->carry, in.s + in.len - tail, tail);
	ck->ncarry = tail;
	sanitize_add(&out, in.s, in.len - tail, SANITIZE_KEEP_LINES);
	r = write_all(ck->fd, out.s ? out.s : "", out.len);
	free(in.s);
	free(out.s);
	return r < 0 ? -1 : (ssize_t)size;
}

static int
cookie_close(void *p)
{
	struct cookie *ck = p;
	struct strbuf out = { 0 };
	int r = 0;

	/* A sequence never finished is shown as the bytes it was. */
	if (ck->ncarry > 0) {
		sanitize_add(&out, ck->carry, ck->ncarry, SANITIZE_KEEP_LINES);
		r = write_all(ck->fd, out.s, out.len);
		free(out.s);
	}
	free(ck);
	return r;
}

FILE *
sanitize_stream(int fd)
{
	cookie_io_functions_t io = { NULL, cookie_write, NULL, cookie_close };
	struct cookie *ck = xcalloc(1, sizeof *ck);
	FILE *fp;

	ck->fd = fd;
	fp = fopencookie(ck, "w", io);
	if (fp == NULL) {
		free(ck);
		return NULL;
	}
	setvbuf(fp, NULL, _IOLBF, BUFSIZ);
	return fp;
}
