#include "linein.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* The kept bytes of a line as valid UTF-8 without NUL; counts what it
 * replaced. Caller frees. */
static char *
repair(const char *s, size_t n, size_t *replaced)
{
	struct strbuf b = { 0 };
	size_t i = 0, run = 0, k;
	uint32_t cp;

	*replaced = 0;
	while (i < n) {
		k = (unsigned char)s[i] < 0x80 ? 1 : utf8_decode(s + i, n - i,
		    &cp);
		if (k > 0 && s[i] != '\0') {
			i += k;
			continue;
		}
		strbuf_add(&b, s + run, i - run);
		strbuf_puts(&b, "\xef\xbf\xbd");
		(*replaced)++;
		run = ++i;
	}
	strbuf_add(&b, s + run, n - run);
	return strbuf_take(&b);
}

/* The current line is complete: queue it. */
static void
finish_line(struct linein *in)
{
	struct line *l;
	size_t n = in->cur.len;

	if (n > 0 && in->cur.s[n - 1] == '\r' && in->cur_dropped == 0)
		n--;
	if (in->first > 0 && in->first == in->nready)
		in->first = in->nready = 0;   /* all taken: reuse the room */
	if (in->nready == in->cap) {
		in->cap = in->cap ? in->cap * 2 : 8;
		in->ready = xrealloc(in->ready, in->cap * sizeof *in->ready);
	}
	l = &in->ready[in->nready++];
	l->text = repair(in->cur.s != NULL ? in->cur.s : "", n, &l->replaced);
	l->dropped = in->cur_dropped;
	in->cur.len = 0;
	in->cur_dropped = 0;
}

/* Keep what fits of s[0..n) in the current line, count the rest. */
static void
keep(struct linein *in, const char *s, size_t n)
{
	size_t room = in->cur_dropped > 0 ? 0 : LINEIN_KEEP - in->cur.len;
	size_t k = n < room ? n : room, j = k;

	/* A cut never splits a character: one cut in two goes whole with
	 * the dropped part. */
	while (k < n && j > 0 && k - j < 3 &&
	    ((unsigned char)s[j] & 0xC0) == 0x80)
		j--;
	if (k < n && j < k && (unsigned char)s[j] >= 0xC0)
		k = j;
	strbuf_add(&in->cur, s, k);
	in->cur_dropped += n - k;
}

void
linein_feed(struct linein *in, const char *s, size_t n)
{
	while (n > 0) {
		const char *nl = memchr(s, '\n', n);
		size_t len = nl != NULL ? (size_t)(nl - s) : n;

		keep(in, s, len);
		if (nl == NULL)
			return;
		finish_line(in);
		s += len + 1;
		n -= len + 1;
	}
}

void
linein_end(struct linein *in)
{
	if (in->eof)
		return;
	in->eof = true;
	if (in->cur.len > 0 || in->cur_dropped > 0)
		finish_line(in);
}

bool
linein_ready(const struct linein *in)
{
	return in->first < in->nready;
}

bool
linein_take(struct linein *in, struct line *out)
{
	if (in->first == in->nready)
		return false;
	*out = in->ready[in->first++];
	return true;
}

void
linein_drop_partial(struct linein *in)
{
	in->cur.len = 0;
	in->cur_dropped = 0;
}

void
linein_fini(struct linein *in)
{
	size_t i;

	for (i = in->first; i < in->nready; i++)
		free(in->ready[i].text);
	free(in->ready);
	free(in->cur.s);
	memset(in, 0, sizeof *in);
}
