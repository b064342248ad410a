#include "wire.h"

#include <cJSON.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "util.h"

static const char *const type_names[W_TYPE_COUNT] = {
	"join", "resume", "answer", "pong", "leave",
	"welcome", "lobby", "ready", "question", "ack", "result", "board",
	"podium", "ping", "error", "bye"
};

static const char *const qtype_names[] = { "choice", "truefalse", "text" };

const char *
wire_type_name(enum wire_type t)
{
	return (unsigned)t < W_TYPE_COUNT ? type_names[t] : NULL;
}

bool
wire_is_control(unsigned cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
		return true;
	/* Bidi controls: marks, embeddings, overrides and isolates. */
	return cp == 0x061C || cp == 0x200E || cp == 0x200F ||
	    (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* --- encoding ------------------------------------------------------------ */

/* A copy of s cut to at most max bytes at a character boundary. */
static char *
cut(const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n <= max)
		return xstrdup(s);
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return xstrndup(s, max);
}

static void
add_str(cJSON *o, const char *key, const char *s, size_t max)
{
	char *c = cut(s != NULL ? s : "", max);

	cJSON_AddStringToObject(o, key, c);
	free(c);
}

/* A whole number: cJSON 1.7.15 prints every number with "%1.15g" and reads
 * it back with sscanf to check it (2 us each, most of a board's encoding
 * time); the wire's numbers are ints, so they go in as raw digits. */
static void
add_int(cJSON *o, const char *key, int v)
{
	char b[16], *p = b + sizeof b;
	unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;

	*--p = '\0';
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	cJSON_AddRawToObject(o, key, p);
}

static cJSON *
entries_json(const struct wire_msg *m, size_t max)
{
	cJSON *a = cJSON_CreateArray();
	int i;

	for (i = 0; i < m->ntop && i < WIRE_TOP_MAX; i++) {
		cJSON *e = cJSON_CreateObject();

		add_str(e, "nick", m->top[i].nick, max);
		add_int(e, "score", m->top[i].score);
		add_int(e, "rank", m->top[i].rank);
		cJSON_AddItemToArray(a, e);
	}
	return a;
}

static void
encode_answer(cJSON *o, const struct wire_msg *m, size_t max)
{
	add_int(o, "q", m->q);
	if (m->akind == WA_INDEX)
		add_int(o, "a", m->a_index);
	else if (m->akind == WA_BOOL)
		cJSON_AddBoolToObject(o, "a", m->a_bool);
	else
		add_str(o, "a", m->a_text, max < WIRE_TEXT_MAX ? max :
		    WIRE_TEXT_MAX);
}

static void
encode_question(cJSON *o, const struct wire_msg *m, size_t max)
{
	int i;

	add_int(o, "q", m->q);
	add_int(o, "of", m->of);
	cJSON_AddStringToObject(o, "type", qtype_names[m->qtype]);
	add_str(o, "text", m->text, max);
	if (m->qtype == WQ_CHOICE) {
		cJSON *a = cJSON_AddArrayToObject(o, "choices");

		for (i = 0; i < m->nchoices && i < WIRE_CHOICES_MAX; i++) {
			char *c = cut(m->choices[i] ? m->choices[i] : "", max);

			cJSON_AddItemToArray(a, cJSON_CreateString(c));
			free(c);
		}
	}
	add_int(o, "limit_ms", m->limit_ms);
	add_int(o, "left_ms", m->left_ms);
}

static void
encode_result(cJSON *o, const struct wire_msg *m, size_t max)
{
	add_int(o, "q", m->q);
	cJSON_AddBoolToObject(o, "correct", m->correct);
	cJSON_AddBoolToObject(o, "timed_out", m->timed_out);
	add_str(o, "answer", m->answer, max);
	add_int(o, "points", m->points);
	add_int(o, "streak", m->streak);
	add_int(o, "score", m->score);
	add_int(o, "rank", m->rank);
	add_int(o, "gap", m->gap);
	if (m->bonus > 0)
		add_int(o, "bonus", m->bonus);
	if (m->explanation != NULL)
		add_str(o, "explanation", m->explanation, max);
}

static void
encode_body(cJSON *o, const struct wire_msg *m, size_t max)
{
	cJSON *you;

	switch (m->t) {
	case W_JOIN:
		add_int(o, "v", m->v);
		add_str(o, "pin", m->pin, max);
		add_str(o, "nick", m->nick, max);
		break;
	case W_RESUME:
		add_int(o, "v", m->v);
		add_str(o, "token", m->token, max);
		break;
	case W_ANSWER: encode_answer(o, m, max); break;
	case W_PONG:
	case W_PING: add_int(o, "n", m->n); break;
	case W_LEAVE: break;
	case W_WELCOME:
		add_int(o, "id", m->id);
		add_str(o, "nick", m->nick, max);
		add_str(o, "token", m->token, max);
		break;
	case W_LOBBY: add_int(o, "players", m->players); break;
	case W_READY:
		add_int(o, "q", m->q);
		add_int(o, "of", m->of);
		add_str(o, "text", m->text, max);
		add_int(o, "in_ms", m->in_ms);
		break;
	case W_QUESTION: encode_question(o, m, max); break;
	case W_ACK:
		add_int(o, "q", m->q);
		cJSON_AddBoolToObject(o, "ok", m->ok);
		if (m->why != NULL)
			add_str(o, "why", m->why, max);
		break;
	case W_RESULT: encode_result(o, m, max); break;
	case W_BOARD:
	case W_PODIUM:
		cJSON_AddItemToObject(o, "top", entries_json(m, max));
		you = cJSON_AddObjectToObject(o, "you");
		add_int(you, "rank", m->rank);
		add_int(you, "score", m->score);
		break;
	case W_ERROR:
		add_str(o, "code", m->code, max);
		add_str(o, "text", m->text, max);
		break;
	case W_BYE: add_str(o, "why", m->why, max); break;
	case W_TYPE_COUNT: break;
	}
}

char *
wire_encode(const struct wire_msg *m)
{
	size_t max = WIRE_LINE_MAX;

	for (;;) {
		cJSON *o = cJSON_CreateObject();
		/* Printed in place: no growing buffer, no copy to add the '\n'. */
		char text[WIRE_LINE_MAX + 1], *line;
		cJSON_bool fits;
		size_t n;

		cJSON_AddStringToObject(o, "t", type_names[m->t]);
		encode_body(o, m, max);
		/* False when the line (and its NUL) would not fit in text. */
		fits = cJSON_PrintPreallocated(o, text, (int)sizeof text, 0);
		cJSON_Delete(o);
		n = fits ? strlen(text) : sizeof text;
		/* Long texts are cut until the line fits its cap. */
		if (n + 1 <= WIRE_LINE_MAX) {
			line = xmalloc(n + 2);
			memcpy(line, text, n);
			line[n] = '\n';
			line[n + 1] = '\0';
			return line;
		}
		if (max < 16)
			return xasprintf("{\"t\":\"%s\"}\n", type_names[m->t]);
		max = max * 3 / 4;
	}
}

/* --- decoding ------------------------------------------------------------ */

struct dec {
	const cJSON *o;
	int bad;                       /* a field was missing or out of range */
};

static const cJSON *
field(const struct dec *d, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(d->o, key);
}

/* A whole number in [min, max]. Missing: an error when required. */
static void
get_int(struct dec *d, const char *key, long min, long max, bool required,
    int *out)
{
	const cJSON *v = field(d, key);
	double x;

	if (v == NULL) {
		d->bad |= required;
		return;
	}
	x = cJSON_IsNumber(v) ? v->valuedouble : NAN;
	if (!isfinite(x) || x != floor(x) || x < (double)min ||
	    x > (double)max) {
		d->bad = 1;
		return;
	}
	*out = (int)x;
}

static void
get_bool(struct dec *d, const char *key, bool required, bool *out)
{
	const cJSON *v = field(d, key);

	if (v == NULL) {
		d->bad |= required;
		return;
	}
	if (!cJSON_IsBool(v)) {
		d->bad = 1;
		return;
	}
	*out = cJSON_IsTrue(v);
}

/* Replace what must not reach a terminal: newlines and tabs by spaces,
 * other controls and bidi controls by U+FFFD. */
static char *
clean(const char *s)
{
	struct strbuf b = { 0 };
	size_t i = 0, n = strlen(s);

	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);

		if (k == 0)
			k = 1;
		if (cp == '\n' || cp == '\t')
			strbuf_add(&b, " ", 1);
		else if (wire_is_control(cp) || cp == 0xFFFD)
			strbuf_add(&b, "\xEF\xBF\xBD", 3);
		else
			strbuf_add(&b, s + i, k);
		i += k;
	}
	return strbuf_take(&b);
}

/* A string of at most max bytes; for the screen when display is set. */
static const char *
str_of(struct dec *d, const cJSON *v, size_t max)
{
	if (!cJSON_IsString(v) || v->valuestring == NULL ||
	    strlen(v->valuestring) > max) {
		d->bad = 1;
		return NULL;
	}
	return v->valuestring;
}

static void
get_str(struct dec *d, const char *key, size_t max, bool required,
    bool display, char **out)
{
	const cJSON *v = field(d, key);
	const char *s;

	if (v == NULL) {
		d->bad |= required;
		return;
	}
	s = str_of(d, v, max);
	if (s != NULL)
		*out = display ? clean(s) : xstrdup(s);
}

/* A string into a fixed buffer of size bytes (so at most size - 1). */
static void
get_fixed(struct dec *d, const char *key, char *buf, size_t size,
    bool display)
{
	char *s = NULL;

	get_str(d, key, size - 1, true, display, &s);
	if (s == NULL)
		return;
	if (strlen(s) >= size) /* cleaning can grow it */
		d->bad = 1;
	else
		strcpy(buf, s);
	free(s);
}

static bool
is_token(const char *s)
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++)
		if (hex_digit(s[i]) < 0)
			return false;
	return i == WIRE_TOKEN_LEN;
}

static void
decode_answer(struct dec *d, struct wire_msg *m)
{
	const cJSON *a = field(d, "a");

	get_int(d, "q", 1, WIRE_Q_MAX, true, &m->q);
	if (cJSON_IsBool(a)) {
		m->akind = WA_BOOL;
		m->a_bool = cJSON_IsTrue(a);
	} else if (cJSON_IsString(a)) {
		m->akind = WA_TEXT;
		get_str(d, "a", WIRE_TEXT_MAX, true, false, &m->a_text);
	} else {
		m->akind = WA_INDEX;
		get_int(d, "a", 0, WIRE_CHOICES_MAX - 1, true, &m->a_index);
	}
}

static void
decode_question(struct dec *d, struct wire_msg *m)
{
	const cJSON *ty = field(d, "type"), *ch = field(d, "choices"), *c;
	int i;

	get_int(d, "q", 1, WIRE_Q_MAX, true, &m->q);
	get_int(d, "of", 1, WIRE_Q_MAX, true, &m->of);
	get_str(d, "text", WIRE_LINE_MAX, true, true, &m->text);
	get_int(d, "limit_ms", 0, WIRE_MS_MAX, true, &m->limit_ms);
	get_int(d, "left_ms", 0, WIRE_MS_MAX, true, &m->left_ms);
	for (i = 0; i < 3; i++)
		if (cJSON_IsString(ty) && strcmp(ty->valuestring,
		    qtype_names[i]) == 0)
			break;
	if (i == 3 || m->q > m->of || m->left_ms > m->limit_ms) {
		d->bad = 1;
		return;
	}
	m->qtype = (enum wire_qtype)i;
	if (m->qtype != WQ_CHOICE)
		return;
	if (!cJSON_IsArray(ch) || cJSON_GetArraySize(ch) < 2 ||
	    cJSON_GetArraySize(ch) > WIRE_CHOICES_MAX) {
		d->bad = 1;
		return;
	}
	cJSON_ArrayForEach(c, ch) {
		const char *s = str_of(d, c, WIRE_LINE_MAX);

		if (s == NULL)
			return;
		m->choices[m->nchoices++] = clean(s);
	}
}

static void
decode_top(struct dec *d, struct wire_msg *m)
{
	const cJSON *top = field(d, "top"), *you = field(d, "you"), *e;
	struct dec sub;

	if (!cJSON_IsArray(top) || cJSON_GetArraySize(top) > WIRE_TOP_MAX ||
	    !cJSON_IsObject(you)) {
		d->bad = 1;
		return;
	}
	cJSON_ArrayForEach(e, top) {
		struct wire_entry *w = &m->top[m->ntop++];

		sub.o = e;
		sub.bad = !cJSON_IsObject(e);
		if (!sub.bad) {
			get_fixed(&sub, "nick", w->nick, sizeof w->nick, true);
			get_int(&sub, "score", 0, WIRE_SCORE_MAX, true,
			    &w->score);
			get_int(&sub, "rank", 1, INT_MAX, true, &w->rank);
		}
		d->bad |= sub.bad;
	}
	sub.o = you;
	sub.bad = 0;
	get_int(&sub, "rank", 0, INT_MAX, true, &m->rank);
	get_int(&sub, "score", 0, WIRE_SCORE_MAX, true, &m->score);
	d->bad |= sub.bad;
}

static void
decode_result(struct dec *d, struct wire_msg *m)
{
	get_int(d, "q", 1, WIRE_Q_MAX, true, &m->q);
	get_bool(d, "correct", true, &m->correct);
	get_bool(d, "timed_out", false, &m->timed_out);
	get_str(d, "answer", WIRE_LINE_MAX, true, true, &m->answer);
	get_int(d, "points", 0, WIRE_SCORE_MAX, true, &m->points);
	get_int(d, "streak", 0, INT_MAX, true, &m->streak);
	get_int(d, "score", 0, WIRE_SCORE_MAX, true, &m->score);
	get_int(d, "rank", 1, INT_MAX, true, &m->rank);
	get_int(d, "gap", 0, WIRE_SCORE_MAX, true, &m->gap);
	get_int(d, "bonus", 0, WIRE_SCORE_MAX, false, &m->bonus);
	get_str(d, "explanation", WIRE_LINE_MAX, false, true, &m->explanation);
}

static void
decode_body(struct dec *d, struct wire_msg *m)
{
	switch (m->t) {
	case W_JOIN:
		get_int(d, "v", 1, INT_MAX, true, &m->v);
		get_fixed(d, "pin", m->pin, sizeof m->pin, false);
		get_fixed(d, "nick", m->nick, sizeof m->nick, false);
		break;
	case W_RESUME:
		get_int(d, "v", 1, INT_MAX, true, &m->v);
		get_fixed(d, "token", m->token, sizeof m->token, false);
		d->bad |= !is_token(m->token);
		break;
	case W_ANSWER: decode_answer(d, m); break;
	case W_PONG:
	case W_PING: get_int(d, "n", 0, INT_MAX, true, &m->n); break;
	case W_LEAVE: break;
	case W_WELCOME:
		get_int(d, "id", 0, INT_MAX, true, &m->id);
		get_fixed(d, "nick", m->nick, sizeof m->nick, true);
		get_fixed(d, "token", m->token, sizeof m->token, false);
		d->bad |= !is_token(m->token);
		break;
	case W_LOBBY: get_int(d, "players", 0, INT_MAX, true, &m->players);
		break;
	case W_READY:
		get_int(d, "q", 1, WIRE_Q_MAX, true, &m->q);
		get_int(d, "of", 1, WIRE_Q_MAX, true, &m->of);
		get_str(d, "text", WIRE_LINE_MAX, true, true, &m->text);
		get_int(d, "in_ms", 0, WIRE_MS_MAX, true, &m->in_ms);
		break;
	case W_QUESTION: decode_question(d, m); break;
	case W_ACK:
		get_int(d, "q", 1, WIRE_Q_MAX, true, &m->q);
		get_bool(d, "ok", true, &m->ok);
		get_str(d, "why", 200, false, true, &m->why);
		break;
	case W_RESULT: decode_result(d, m); break;
	case W_BOARD:
	case W_PODIUM: decode_top(d, m); break;
	case W_ERROR:
		get_fixed(d, "code", m->code, sizeof m->code, true);
		get_str(d, "text", WIRE_LINE_MAX, true, true, &m->text);
		break;
	case W_BYE: get_str(d, "why", WIRE_LINE_MAX, true, true, &m->why);
		break;
	case W_TYPE_COUNT: d->bad = 1; break;
	}
}

static int
fail(struct wire_msg *m, char *err, size_t errlen, const char *code)
{
	wire_msg_fini(m);
	snprintf(err, errlen, "%s", code);
	return -1;
}

int
wire_decode(const char *line, size_t len, struct wire_msg *m, char *err,
    size_t errlen)
{
	char buf[WIRE_LINE_MAX + 1];
	const cJSON *t;
	const char *end = NULL;
	struct dec d = { NULL, 0 };
	cJSON *root;
	int i;

	memset(m, 0, sizeof *m);
	if (len > 0 && line[len - 1] == '\r')
		len--;
	if (len >= WIRE_LINE_MAX)
		return fail(m, err, errlen, "too_long");
	if (memchr(line, '\0', len) != NULL)
		return fail(m, err, errlen, "bad_json");
	if (!utf8_valid(line, len, NULL))
		return fail(m, err, errlen, "bad_utf8");
	memcpy(buf, line, len);
	buf[len] = '\0';
	root = cJSON_ParseWithOpts(buf, &end, 1);
	if (root == NULL || !cJSON_IsObject(root)) {
		cJSON_Delete(root);
		return fail(m, err, errlen, "bad_json");
	}
	t = cJSON_GetObjectItemCaseSensitive(root, "t");
	for (i = 0; i < W_TYPE_COUNT; i++)
		if (cJSON_IsString(t) && strcmp(t->valuestring,
		    type_names[i]) == 0)
			break;
	if (i == W_TYPE_COUNT) {
		cJSON_Delete(root);
		return fail(m, err, errlen, "bad_type");
	}
	m->t = (enum wire_type)i;
	d.o = root;
	decode_body(&d, m);
	cJSON_Delete(root);
	if (d.bad) {
		enum wire_type ty = m->t;

		fail(m, err, errlen, "bad_field");
		m->t = ty;     /* the type is known: say which message was bad */
		return -1;
	}
	return 0;
}

void
wire_msg_fini(struct wire_msg *m)
{
	int i;

	if (m == NULL)
		return;
	free(m->text);
	free(m->a_text);
	free(m->why);
	free(m->answer);
	free(m->explanation);
	for (i = 0; i < m->nchoices; i++)
		free(m->choices[i]);
	memset(m, 0, sizeof *m);
}
