#include "jdoc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdalign.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "utf8.h"
#include "util.h"

#define NEST_MAX 1000 /* cJSON's compiled-in CJSON_NESTING_LIMIT */

enum { STREAM_NONE, STREAM_ACTIVE, STREAM_DONE, STREAM_SYNTAX, STREAM_DEEP };

/* --- An arena for the streamed element's cJSON nodes --- */

/*
 * cJSON allocates every node and string on its own; a streamed element is
 * thrown away whole before the next is parsed, so its nodes come from one
 * block that is reset instead (cJSON_InitHooks, set only around the parse
 * of an element: the hooks are the library's one global, so the one piece
 * of state here is the arena in use during that call).
 */
struct arena_block {
	struct arena_block *next;
	size_t size, used;
	alignas(max_align_t) unsigned char data[];
};

struct jdoc_arena {
	struct arena_block *head;
};

#define ARENA_BLOCK (64 * 1024)
#define ARENA_ALIGN (alignof(max_align_t))

static struct jdoc_arena *arena_now;

static void *
arena_alloc(size_t n)
{
	struct jdoc_arena *a = arena_now;
	struct arena_block *b = a->head;
	void *p;

	n = (n + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
	if (b == NULL || b->size - b->used < n) {
		size_t size = n > ARENA_BLOCK ? n : ARENA_BLOCK;

		b = xmalloc(sizeof *b + size);
		b->size = size;
		b->used = 0;
		b->next = a->head;
		a->head = b;
	}
	p = b->data + b->used;
	b->used += n;
	return p;
}

static void
arena_free(void *p)
{
	(void)p; /* freed with the whole block */
}

/* Keep the first block made, emptied; free the rest. */
static void
arena_reset(struct jdoc_arena *a)
{
	struct arena_block *b = a->head, *next;

	if (b == NULL)
		return;
	while (b->next != NULL) {
		next = b->next;
		b->next = NULL;
		free(b);
		b = next;
	}
	a->head = b;
	b->used = 0;
}

static void
arena_fini(struct jdoc_arena *a)
{
	struct arena_block *b, *next;

	if (a == NULL)
		return;
	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}

/* --- Reports --- */

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
		if (ka != NULL ? strcmp(ka, kb) != 0 ||
		    a->seg[i].index != b->seg[i].index :
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
		off = jpos_skip_elements(doc->text, doc->len, doc->cache_off,
		    idx - cached);
	else
		off = jpos_find(doc->text, doc->len, &pre, false);
	if (off < 0)
		return -1;
	doc->cache_path = pre;
	doc->cache_off = (size_t)off;
	return jpos_walk(doc->text, doc->len, (size_t)off, p, k + 1, at_key);
}

static bool
before(int line, int col, int l2, int c2)
{
	return line < l2 || (line == l2 && col < c2);
}

/* Whether a report at line:col is kept: while fewer than the cap are, or
 * when it comes before the last place kept (they are trimmed to the first
 * by place at the end). Otherwise it is only counted. */
static bool
keep_report(struct jdoc *doc, enum diag_level level, int line, int col)
{
	bool pending = doc->diags == &doc->pending;

	if (doc->kept >= JDOC_REPORTS_MAX &&
	    !before(line, col, doc->max_line, doc->max_col)) {
		if (level == DIAG_ERROR)
			doc->diags->errors++;
		else
			doc->diags->warnings++;
		(pending ? doc->dropped_pending : doc->dropped)[level]++;
		return false;
	}
	doc->kept++;
	if (before(doc->max_line, doc->max_col, line, col)) {
		doc->max_line = line;
		doc->max_col = col;
	}
	return true;
}

/* Count again what is kept, after held-back reports went or came. */
static void
recount_kept(struct jdoc *doc)
{
	int i;

	doc->kept = 0;
	doc->max_line = doc->max_col = 0;
	for (i = doc->first; doc->out != NULL && i < doc->out->n; i++) {
		const struct diag *e = &doc->out->v[i];

		doc->kept++;
		if (before(doc->max_line, doc->max_col, e->line, e->col)) {
			doc->max_line = e->line;
			doc->max_col = e->col;
		}
	}
}

static void
vreport(struct jdoc *doc, enum diag_level level, const struct jpath *p,
    bool at_key, const char *fmt, va_list ap)
{
	long off = jdoc_find(doc, p, at_key);
	int line = 0, col = 0;
	char *msg, *where;

	if (off >= 0)
		jpos_lines_at(&doc->lines, doc->text, (size_t)off, &line, &col);
	if (!keep_report(doc, level, line, col))
		return;
	msg = xvasprintf(fmt, ap);
	where = jpath_str(p);
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

void
jdoc_warn_repeated_key(struct jdoc *doc, const struct jpath *p,
    const char *key, int nth)
{
	struct jpath first = jpath_key(*p, key);
	struct jpath at = jpath_key_nth(*p, key, nth);
	long off = jdoc_find(doc, &first, true);
	int line = 0, col = 0;

	if (off >= 0)
		jpos_lines_at(&doc->lines, doc->text, (size_t)off, &line, &col);
	jdoc_report(doc, DIAG_WARNING, &at, true, "the key \"%s\" is repeated; "
	    "the first, at %d:%d, is the one used", key, line, col);
}

/* --- Reading and parsing --- */
/* --- Reading and parsing --- */

static void
report_at(struct jdoc *doc, size_t off, const char *msg)
{
	int line, col;

	jpos_lines_at(&doc->lines, doc->text, off, &line, &col);
	if (keep_report(doc, DIAG_ERROR, line, col))
		diags_add(doc->diags, DIAG_ERROR, doc->file, line, col, "%s",
		    msg);
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

/* Where nesting first goes deeper than cJSON allows, or -1. Run only when
 * cJSON has failed, to say why: the common, valid case skips the pass. */
static long
too_deep(const char *t, size_t len)
{
	size_t i = 0;

	while ((i = jpos_skip_ws(t, len, i)) < len) {
		long deepest;
		size_t next = jpos_skip_value(t, len, i, NEST_MAX, &deepest);

		if (deepest > NEST_MAX)
			return (long)next;
		i = next > i ? next : i + 1;
	}
	return -1;
}

static const char *const control_names[32] = {
	"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB",
	"LF", "VT", "FF", "CR", "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4",
	"NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"
};

/* The escape JSON has for control character c, or NULL. */
static const char *
control_escape(unsigned char c)
{
	switch (c) {
	case '\b': return "\\b";
	case '\t': return "\\t";
	case '\n': return "\\n";
	case '\f': return "\\f";
	case '\r': return "\\r";
	default: return NULL;
	}
}

/* Where the first '"', '\\' or control character is among the 8 bytes
 * at s: 0..7, or 8 when there is none (bytes of UTF-8 sequences are
 * fine). The lowest byte flagged by these tests is always a true one:
 * their borrows only reach the bytes above it. */
static size_t
first_special(const char *s)
{
	const uint64_t ones = 0x0101010101010101ULL;
	const uint64_t high = 0x8080808080808080ULL;
	uint64_t w, q, b, m;
	size_t k = 0;

	memcpy(&w, s, 8);
	q = w ^ (ones * '"');
	b = w ^ (ones * '\\');
	m = (((q - ones) & ~q) | ((b - ones) & ~b) | ((w - ones * 0x20) & ~w)) &
	    high;
	if (m == 0)
		return 8;
	/* Byte order: the first byte in memory is the lowest on a little
	 * endian machine, the highest on a big endian one. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	while ((m & (0x80ULL << 56 >> 8 * k)) == 0)
		k++;
#elif defined(__GNUC__)
	k = (size_t)__builtin_ctzll(m) / 8;
#else
	while ((m & (0x80ULL << 8 * k)) == 0)
		k++;
#endif
	return k;
}

/* Checks of the strings of a text cJSON accepted, which cJSON does not
 * make: JSON forbids raw control characters in a string (cJSON keeps
 * them), and \u0000 would cut the text short. Returns the number found
 * (each reported). */
static int
check_strings(struct jdoc *doc)
{
	const char *t = doc->text;
	size_t i, len = doc->len;
	int found = 0;

	for (i = 0; i < len; i++) {
		const char *q = memchr(t + i, '"', len - i);

		if (q == NULL)
			break;
		for (i = (size_t)(q - t) + 1; i < len; i++) {
			unsigned char c;
			char msg[96];
			size_t k = 8;

			/* Eight bytes at a time to the next '"', '\\' or
			 * control character: most of a string has none. */
			while (i + 8 <= len && (k = first_special(t + i)) == 8)
				i += 8;
			if (k == 8)
				while (i < len && t[i] != '"' && t[i] != '\\' &&
				    (unsigned char)t[i] >= 0x20)
					i++;
			else
				i += k;
			if (i >= len || t[i] == '"')
				break;
			c = (unsigned char)t[i];
			if (c == '\\') {
				if (i + 5 < len && memcmp(t + i + 1, "u0000", 5) ==
				    0) {
					report_at(doc, i, "\\u0000 in a string "
					    "(a NUL would cut the text short)");
					found++;
				}
				i++;
				continue;
			}
			if (c >= 0x20)
				continue;
			if (control_escape(c) != NULL)
				snprintf(msg, sizeof msg, "raw control character "
				    "%s in a string (JSON needs it written %s)",
				    control_names[c], control_escape(c));
			else
				snprintf(msg, sizeof msg, "raw control character "
				    "%s (U+%04X) in a string (JSON does not "
				    "allow it)", control_names[c], c);
			report_at(doc, i, msg);
			found++;
		}
	}
	return found;
}

/* Parse the whole text; report why not. */
static int
parse_whole(struct jdoc *doc)
{
	const char *end = NULL;
	size_t off;
	long deep;

	doc->root = cJSON_ParseWithOpts(doc->text, &end, 1);
	if (doc->root != NULL)
		return check_strings(doc) > 0 ? -1 : 0;
	off = end != NULL && end >= doc->text ? (size_t)(end - doc->text) : 0;
	deep = too_deep(doc->text, doc->len);
	if (deep >= 0) {
		report_at(doc, (size_t)deep, "nesting deeper than 1000 levels");
		return -1;
	}
	if (off > doc->len)
		off = doc->len;
	off = member_name_start(doc->text, off);
	if (jpos_skip_ws(doc->text, doc->len, 0) == doc->len)
		report_at(doc, off, "the file is empty");
	else
		syntax_error(doc, off);
	return -1;
}

/* Start streaming the array member key of the top-level object, if there
 * is one: its elements are parsed by jdoc_stream_next, the rest by
 * jdoc_stream_end. Reports are held back meanwhile, to keep their order. */
static bool
stream_begin(struct jdoc *doc, const char *key)
{
	struct jpath top = { 0 }, p = jpath_key(top, key);
	long at = jpos_find(doc->text, doc->len, &p, false);
	size_t i;

	if (at <= 0 || doc->text[at] != '[')
		return false;
	doc->stream_key = key;
	doc->stream_at = at;
	i = jpos_skip_ws(doc->text, doc->len, (size_t)at + 1);
	doc->stream_pos = i < doc->len && doc->text[i] == ']' ? -1 : (long)i;
	if (doc->stream_pos < 0)
		doc->stream_end = i + 1;
	doc->stream_state = doc->stream_pos < 0 ? STREAM_DONE : STREAM_ACTIVE;
	doc->arena = xcalloc(1, sizeof *doc->arena);
	doc->diags = &doc->pending;
	return true;
}

/* One element at text + i, parsed with its nodes in the arena. */
static cJSON *
parse_element(struct jdoc *doc, size_t i, const char **end)
{
	static cJSON_Hooks arena_hooks = { arena_alloc, arena_free };
	cJSON *v;

	arena_reset(doc->arena);
	arena_now = doc->arena;
	cJSON_InitHooks(&arena_hooks);
	/* The length takes in the NUL after the text; cJSON stops after one
	 * value and says where. */
	v = cJSON_ParseWithLengthOpts(doc->text + i, doc->len - i + 1, end, 0);
	cJSON_InitHooks(NULL);
	arena_now = NULL;
	return v;
}

const cJSON *
jdoc_stream_next(struct jdoc *doc, bool *bad)
{
	const char *t = doc->text, *end = NULL;
	size_t i, e;
	long deepest;
	cJSON *v;

	if (doc->stream_state != STREAM_ACTIVE || doc->stream_pos < 0)
		return NULL;
	i = (size_t)doc->stream_pos;
	v = parse_element(doc, i, &end);
	if (v == NULL) {
		syntax_error(doc, end != NULL ? (size_t)(end - t) : i);
		doc->stream_state = STREAM_SYNTAX;
		*bad = true;
		return NULL;
	}
	e = (size_t)(end - t);
	/* Alone, an element may nest 2 levels deeper than in the file: one
	 * that deep (at least 2 bytes a level) makes the whole text parse
	 * instead, which reports it. */
	if (e - i >= 2 * (NEST_MAX - 1)) {
		jpos_skip_value(t, doc->len, i, -1, &deepest);
		if (deepest + 2 > NEST_MAX) {
			doc->stream_state = STREAM_DEEP;
			return NULL;
		}
	}
	i = jpos_skip_ws(t, doc->len, e);
	if (i < doc->len && (t[i] == ',' || t[i] == ']')) {
		if (t[i] == ']') {
			doc->stream_pos = -1;
			doc->stream_end = i + 1;
			doc->stream_state = STREAM_DONE;
		} else {
			doc->stream_pos = (long)jpos_skip_ws(t, doc->len, i + 1);
		}
		return v;
	}
	syntax_error(doc, i);
	doc->stream_state = STREAM_SYNTAX;
	*bad = true;
	return NULL;
}

void
jdoc_stream_progress(const struct jdoc *doc, size_t *done, size_t *total)
{
	size_t at = doc->stream_at < 0 ? 0 : (size_t)doc->stream_at;

	*total = doc->len - at;
	*done = doc->stream_pos < 0 ? *total : (size_t)doc->stream_pos - at;
}

/* Parse the text with the streamed array left empty: [0, at) "[]" [end, len). */
static cJSON *
parse_outline(struct jdoc *doc, size_t end)
{
	size_t at = (size_t)doc->stream_at, n = doc->len - (end - at) + 2;
	char *copy = xmalloc(n + 1);
	cJSON *root;

	memcpy(copy, doc->text, at);
	memcpy(copy + at, "[]", 2);
	memcpy(copy + at + 2, doc->text + end, doc->len - end);
	copy[n] = '\0';
	root = cJSON_ParseWithOpts(copy, NULL, 1);
	free(copy);
	return root;
}

/* Forget the reports held back while streaming. */
static void
drop_pending(struct jdoc *doc)
{
	diags_fini(&doc->pending);
	doc->dropped_pending[DIAG_ERROR] = doc->dropped_pending[DIAG_WARNING] =
	    0;
	recount_kept(doc);
}

int
jdoc_stream_end(struct jdoc *doc)
{
	int state = doc->stream_state;
	size_t end = doc->stream_end;

	doc->diags = doc->out;
	doc->stream_state = STREAM_NONE;
	if (state != STREAM_DONE && state != STREAM_DEEP) {
		/* Stopped early: find the array's end by its brackets. */
		long deepest;

		end = jpos_skip_value(doc->text, doc->len,
		    (size_t)doc->stream_at, -1, &deepest);
		if (deepest + 1 > NEST_MAX)
			state = STREAM_DEEP;
	}
	if (state != STREAM_DEEP && (doc->root = parse_outline(doc, end)) !=
	    NULL) {
		if (check_strings(doc) == 0)
			return JDOC_STREAMING;
		drop_pending(doc);
		return -1;
	}
	drop_pending(doc);
	doc->stream_at = -1;
	return parse_whole(doc);
}

void
jdoc_stream_flush(struct jdoc *doc)
{
	const struct diags *p = &doc->pending;
	int i;

	for (i = 0; i < p->n; i++)
		diags_add(doc->out, p->v[i].level, p->v[i].file, p->v[i].line,
		    p->v[i].col, "%s", p->v[i].msg);
	/* What was only counted while streaming counts here now. */
	doc->out->errors += doc->dropped_pending[DIAG_ERROR];
	doc->out->warnings += doc->dropped_pending[DIAG_WARNING];
	doc->dropped[DIAG_ERROR] += doc->dropped_pending[DIAG_ERROR];
	doc->dropped[DIAG_WARNING] += doc->dropped_pending[DIAG_WARNING];
	doc->dropped_pending[DIAG_ERROR] = doc->dropped_pending[DIAG_WARNING] =
	    0;
	diags_fini(&doc->pending);
}

static int
parse(struct jdoc *doc, const char *stream_key)
{
	if (check_text(doc) < 0)
		return -1;
	if (stream_key != NULL && stream_begin(doc, stream_key))
		return JDOC_STREAMING;
	return parse_whole(doc);
}

static void
set_text(struct jdoc *doc, char *buf, size_t len)
{
	doc->buf = buf;
	doc->text = buf;
	doc->len = len;
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
		doc->text += 3;
		doc->len -= 3;
	}
}

static void
doc_init(struct jdoc *doc, const char *name, struct diags *d)
{
	memset(doc, 0, sizeof *doc);
	doc->file = name;
	doc->diags = d;
	doc->out = d;
	doc->first = d != NULL ? d->n : 0;
	doc->stream_at = -1;
	doc->stream_pos = -1;
}

int
jdoc_parse(struct jdoc *doc, const char *name, const char *text, size_t len,
    struct diags *d, const char *stream_key)
{
	doc_init(doc, name, d);
	set_text(doc, xstrndup(text, len), len);
	return parse(doc, stream_key);
}

int
jdoc_load(struct jdoc *doc, const char *file, struct diags *d,
    const char *stream_key)
{
	struct stat st;
	size_t len = 0;
	char *buf;
	int fd;

	doc_init(doc, file, d);
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
		    "too large: %lld bytes, over the limit of %ld bytes "
		    "(%ld MiB)", (long long)st.st_size, JDOC_MAX_BYTES,
		    JDOC_MAX_MIB);
		return -1;
	}
	buf = read_all(fd, S_ISREG(st.st_mode) ? (size_t)st.st_size : 4096,
	    JDOC_MAX_BYTES, &len);
	close(fd);
	if (buf == NULL) {
		diags_add(d, DIAG_ERROR, file, 0, 0, "cannot read: %s",
		    strerror(errno));
		return -1;
	}
	if (len > (size_t)JDOC_MAX_BYTES) {
		free(buf);
		diags_add(d, DIAG_ERROR, file, 0, 0,
		    "too large: more than the limit of %ld bytes (%ld MiB)",
		    JDOC_MAX_BYTES, JDOC_MAX_MIB);
		return -1;
	}
	set_text(doc, buf, len);
	return parse(doc, stream_key);
}

struct placed {
	int line, col, i;
};

static int
placed_cmp(const void *pa, const void *pb)
{
	const struct placed *a = pa, *b = pb;

	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return (a->i > b->i) - (a->i < b->i);
}

/* Keep the first JDOC_REPORTS_MAX of this file's reports by place, in the
 * order they were made; count the others. */
static void
trim_reports(struct jdoc *doc)
{
	struct diags *d = doc->out;
	int n = d->n - doc->first, i, k;
	struct placed *v;
	bool *keep;

	if (n <= JDOC_REPORTS_MAX)
		return;
	v = xcalloc((size_t)n, sizeof *v);
	keep = xcalloc((size_t)n, sizeof *keep);
	for (i = 0; i < n; i++) {
		v[i].line = d->v[doc->first + i].line;
		v[i].col = d->v[doc->first + i].col;
		v[i].i = i;
	}
	qsort(v, (size_t)n, sizeof *v, placed_cmp);
	for (i = 0; i < JDOC_REPORTS_MAX; i++)
		keep[v[i].i] = true;
	for (i = k = 0; i < n; i++) {
		struct diag *e = &d->v[doc->first + i];

		if (keep[i]) {
			d->v[doc->first + k++] = *e;
			continue;
		}
		doc->dropped[e->level]++;
		free(e->file);
		free(e->msg);
	}
	d->n = doc->first + k;
	free(v);
	free(keep);
}

/* The line that says how many reports were counted, not kept. */
static void
report_dropped(struct jdoc *doc)
{
	int e = doc->dropped[DIAG_ERROR], w = doc->dropped[DIAG_WARNING];
	enum diag_level level = e > 0 ? DIAG_ERROR : DIAG_WARNING;

	if (e + w == 0)
		return;
	diags_add(doc->out, level, doc->file, 0, 0, "%d problems; the first "
	    "%d by place are shown, the other %d (%d error%s, %d warning%s) "
	    "are not", JDOC_REPORTS_MAX + e + w, JDOC_REPORTS_MAX, e + w, e,
	    e == 1 ? "" : "s", w, w == 1 ? "" : "s");
	/* The line is not a problem of its own: the counts stay true. */
	if (level == DIAG_ERROR)
		doc->out->errors--;
	else
		doc->out->warnings--;
}

void
jdoc_fini(struct jdoc *doc)
{
	if (doc->out != NULL && doc->out->n >= doc->first) {
		trim_reports(doc);
		report_dropped(doc);
	}
	doc->dropped[DIAG_ERROR] = doc->dropped[DIAG_WARNING] = 0;
	cJSON_Delete(doc->root);
	free(doc->buf);
	arena_fini(doc->arena);
	diags_fini(&doc->pending);
	doc->root = NULL;
	doc->buf = NULL;
	doc->arena = NULL;
}
