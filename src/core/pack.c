#include "pack.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "jdoc.h"
#include "loadutil.h"
#include "opentdb.h"
#include "util.h"

static const char *const pack_keys[] = {
	"title", "description", "author", "time_limit", "questions", "source",
	NULL
};
static const char *const question_keys[] = {
	"type", "question", "choices", "answer", "explanation", "time_limit",
	"category", "difficulty", NULL
};
static const char *const type_names[QTYPE_COUNT] = {
	"choice", "truefalse", "text"
};

const char *
qtype_name(enum qtype t)
{
	return t < QTYPE_COUNT ? type_names[t] : "?";
}

const char *
question_answer_text(const struct question *q)
{
	switch (q->type) {
	case Q_CHOICE:
		return q->choices[q->answer];
	case Q_TRUEFALSE:
		return q->truth ? "true" : "false";
	default:
		return q->answers[0];
	}
}

/* FNV-1a, 64 bits: a fingerprint, not a defence against forgery. */
static uint64_t
fnv(uint64_t h, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

#define FNV_SEED 0xcbf29ce484222325ULL

/* Strings hashed with their terminating NUL, so "ab"+"c" differs from "a"+"bc". */
static uint64_t
fnv_str(uint64_t h, const char *s)
{
	return fnv(h, s, strlen(s) + 1);
}

static uint64_t
question_fnv(const struct question *q)
{
	uint64_t h = fnv_str(FNV_SEED, qtype_name(q->type));
	int i;

	h = fnv_str(h, q->text);
	switch (q->type) {
	case Q_CHOICE:
		h = fnv_str(h, q->choices[q->answer]);
		break;
	case Q_TRUEFALSE:
		h = fnv_str(h, q->truth ? "true" : "false");
		break;
	default:
		for (i = 0; i < q->nanswers; i++)
			h = fnv_str(h, q->answers[i]);
		break;
	}
	return h;
}

void
question_hash(const struct question *q, char out[HASH_HEX])
{
	snprintf(out, HASH_HEX, "%016llx", (unsigned long long)question_fnv(q));
}

void
pack_hash(const struct pack *p, char out[HASH_HEX])
{
	uint64_t h = FNV_SEED;
	int i;

	for (i = 0; i < p->nq; i++) {
		uint64_t qh = question_fnv(&p->q[i]);
		char b[8];
		int k;

		for (k = 0; k < 8; k++)   /* the same bytes on any machine */
			b[k] = (char)(qh >> (8 * k));
		h = fnv(h, b, sizeof b);
	}
	snprintf(out, HASH_HEX, "%016llx", (unsigned long long)h);
}

static int
hex_cmp(const void *a, const void *b)
{
	return strcmp(a, b);
}

void
pack_hash_many(struct pack *const *packs, int n, char out[HASH_HEX])
{
	char (*v)[HASH_HEX];
	uint64_t h = FNV_SEED;
	int i;

	if (n == 1) {
		pack_hash(packs[0], out);
		return;
	}
	v = xcalloc((size_t)n, sizeof *v);
	for (i = 0; i < n; i++)
		pack_hash(packs[i], v[i]);
	qsort(v, (size_t)n, sizeof *v, hex_cmp);
	for (i = 0; i < n; i++)
		h = fnv_str(h, v[i]);
	free(v);
	snprintf(out, HASH_HEX, "%016llx", (unsigned long long)h);
}

static void
question_fini(struct question *q)
{
	int i;

	free(q->text);
	free(q->explanation);
	free(q->category);
	free(q->difficulty);
	for (i = 0; i < q->nchoices; i++)
		free(q->choices[i]);
	free(q->choices);
	for (i = 0; i < q->nanswers; i++)
		free(q->answers[i]);
	free(q->answers);
}

void
pack_free(struct pack *p)
{
	int i;

	if (p == NULL)
		return;
	for (i = 0; i < p->nq; i++)
		question_fini(&p->q[i]);
	free(p->q);
	free(p->path);
	free(p->title);
	free(p->description);
	free(p->author);
	free(p);
}

/* A string that must hold some text: reported when empty or blank. */
static const char *
nonempty(struct jdoc *doc, const cJSON *obj, struct jpath p, const char *key,
    bool required)
{
	const char *s = lu_string(doc, obj, p, key, required);

	if (s != NULL && s[strspn(s, " \t\r\n")] == '\0') {
		jdoc_report_key(doc, DIAG_ERROR, &p, key, "must not be empty");
		return NULL;
	}
	return s;
}

/* Copy a JSON array of non-empty strings; report anything else. */
static int
string_list(struct jdoc *doc, const cJSON *arr, struct jpath p, char ***out)
{
	const cJSON *v;
	int n = 0, i = 0, bad = 0;

	cJSON_ArrayForEach(v, arr)
		n++;
	*out = xcalloc((size_t)n, sizeof **out);
	cJSON_ArrayForEach(v, arr) {
		struct jpath at = jpath_index(p, i);

		if (!cJSON_IsString(v)) {
			jdoc_report(doc, DIAG_ERROR, &at, false,
			    "must be a string, not %s", lu_type_name(v));
			bad = 1;
		} else if (v->valuestring[strspn(v->valuestring, " \t\r\n")] ==
		    '\0') {
			jdoc_report(doc, DIAG_ERROR, &at, false,
			    "must not be empty");
			bad = 1;
		}
		(*out)[i++] = xstrdup(cJSON_IsString(v) ? v->valuestring : "");
	}
	return bad ? -n - 1 : n;
}

static void
warn_repeats(struct jdoc *doc, struct question *q, struct jpath p)
{
	char *f[CHOICES_MAX], *arena;
	size_t room = 0, used = 0;
	int i, j;

	for (i = 0; i < q->nchoices; i++)
		room += FOLD_TEXT_MAX(strlen(q->choices[i]));
	arena = xmalloc(room);
	for (i = 0; i < q->nchoices; i++) {
		f[i] = arena + used;
		used += fold_text_into(q->choices[i], strlen(q->choices[i]),
		    f[i]) + 1;
	}
	for (j = 1; j < q->nchoices; j++) {
		for (i = 0; i < j && strcmp(f[i], f[j]) != 0; i++)
			;
		if (i < j) {
			struct jpath at = jpath_index(jpath_key(p, "choices"), j);

			jdoc_report(doc, DIAG_WARNING, &at, false,
			    i == q->answer || j == q->answer ?
			    "the correct answer is repeated among the choices" :
			    "same as choice %d", i + 1);
		}
	}
	free(arena);
}

/* Which choice "answer" names: its text or its 0-based index. */
static int
choice_answer(struct jdoc *doc, const cJSON *ans, struct jpath p,
    struct question *q)
{
	struct jpath pa = jpath_key(p, "answer");
	double x;
	int i;

	if (ans == NULL) {
		jdoc_report(doc, DIAG_ERROR, &p, false,
		    "missing \"answer\" (the correct choice's text or index)");
		return -1;
	}
	if (cJSON_IsString(ans)) {
		for (i = 0; i < q->nchoices; i++)
			if (strcmp(q->choices[i], ans->valuestring) == 0) {
				q->answer = i;
				return 0;
			}
		jdoc_report(doc, DIAG_ERROR, &pa, false,
		    "\"%s\" is not one of the choices", ans->valuestring);
		return -1;
	}
	if (!cJSON_IsNumber(ans)) {
		jdoc_report(doc, DIAG_ERROR, &pa, false,
		    "must be the correct choice's text or index, not %s",
		    lu_type_name(ans));
		return -1;
	}
	x = ans->valuedouble;
	if (x != floor(x)) {
		jdoc_report(doc, DIAG_ERROR, &pa, false,
		    "an index must be a whole number, not %g", x);
		return -1;
	}
	if (!(x >= 0 && x < q->nchoices)) {
		jdoc_report(doc, DIAG_ERROR, &pa, false,
		    "index %g is out of range (0 to %d)", x, q->nchoices - 1);
		return -1;
	}
	q->answer = (int)x;
	return 0;
}

static int
load_choice(struct jdoc *doc, const cJSON *obj, struct jpath p,
    struct question *q)
{
	const cJSON *cs = cJSON_GetObjectItemCaseSensitive(obj, "choices");
	struct jpath pc = jpath_key(p, "choices");
	int n;

	if (cs == NULL) {
		jdoc_report(doc, DIAG_ERROR, &p, false,
		    "missing \"choices\" (a list of %d to %d strings)",
		    CHOICES_MIN, CHOICES_MAX);
		return -1;
	}
	if (!cJSON_IsArray(cs)) {
		jdoc_report(doc, DIAG_ERROR, &pc, false,
		    "must be an array of strings, not %s", lu_type_name(cs));
		return -1;
	}
	n = string_list(doc, cs, pc, &q->choices);
	q->nchoices = n < 0 ? -n - 1 : n;
	if (n < 0)
		return -1;
	if (n < CHOICES_MIN || n > CHOICES_MAX) {
		jdoc_report(doc, DIAG_ERROR, &pc, false,
		    "has %d choice%s; a question needs %d to %d", n,
		    n == 1 ? "" : "s", CHOICES_MIN, CHOICES_MAX);
		return -1;
	}
	if (choice_answer(doc, cJSON_GetObjectItemCaseSensitive(obj, "answer"),
	    p, q) < 0)
		return -1;
	warn_repeats(doc, q, p);
	return 0;
}

static int
load_text(struct jdoc *doc, const cJSON *obj, struct jpath p,
    struct question *q)
{
	const cJSON *ans = cJSON_GetObjectItemCaseSensitive(obj, "answer");
	struct jpath pa = jpath_key(p, "answer");
	int n;

	if (ans == NULL) {
		jdoc_report(doc, DIAG_ERROR, &p, false,
		    "missing \"answer\" (a string or a list of accepted strings)");
		return -1;
	}
	if (cJSON_IsString(ans)) {
		if (nonempty(doc, obj, p, "answer", true) == NULL)
			return -1;
		q->answers = xcalloc(1, sizeof *q->answers);
		q->answers[0] = xstrdup(ans->valuestring);
		q->nanswers = 1;
		return 0;
	}
	if (!cJSON_IsArray(ans)) {
		jdoc_report(doc, DIAG_ERROR, &pa, false,
		    "must be a string or a list of strings, not %s",
		    lu_type_name(ans));
		return -1;
	}
	n = string_list(doc, ans, pa, &q->answers);
	q->nanswers = n < 0 ? -n - 1 : n;
	if (n == 0)
		jdoc_report(doc, DIAG_ERROR, &pa, false,
		    "must list at least one accepted answer");
	return n > 0 ? 0 : -1;
}

static int
load_truefalse(struct jdoc *doc, const cJSON *obj, struct jpath p,
    struct question *q)
{
	int r = lu_bool(doc, obj, p, "answer", &q->truth);

	if (r == 0)
		jdoc_report(doc, DIAG_ERROR, &p, false,
		    "missing \"answer\" (true or false)");
	return r == 1 ? 0 : -1;
}

static int
load_type(struct jdoc *doc, const cJSON *obj, struct jpath p, enum qtype *t)
{
	const char *s = lu_string(doc, obj, p, "type", true);
	struct jpath at = jpath_key(p, "type");
	int i;

	if (s == NULL)
		return -1;
	for (i = 0; i < QTYPE_COUNT; i++) {
		if (strcmp(s, type_names[i]) == 0) {
			*t = (enum qtype)i;
			return 0;
		}
	}
	for (i = 0; i < QTYPE_COUNT; i++)
		if (lu_distance(s, type_names[i], 2) <= 2)
			break;
	if (i < QTYPE_COUNT)
		jdoc_report(doc, DIAG_ERROR, &at, false,
		    "unknown question type \"%s\" (did you mean \"%s\"?)", s,
		    type_names[i]);
	else
		jdoc_report(doc, DIAG_ERROR, &at, false,
		    "unknown question type \"%s\" (choice, truefalse or text)",
		    s);
	return -1;
}

static int
load_question(struct jdoc *doc, const cJSON *obj, struct jpath p,
    struct question *q)
{
	const char *text, *expl;
	int bad = 0;

	if (!cJSON_IsObject(obj)) {
		jdoc_report(doc, DIAG_ERROR, &p, false,
		    "a question must be an object, not %s", lu_type_name(obj));
		return -1;
	}
	lu_unknown_keys(doc, obj, p, question_keys);
	text = nonempty(doc, obj, p, "question", true);
	expl = lu_string(doc, obj, p, "explanation", false);
	q->text = xstrdup(text ? text : "");
	q->explanation = expl && *expl ? xstrdup(expl) : NULL;
	if (text == NULL)
		bad = 1;
	if (lu_number(doc, obj, p, "time_limit", 0.1, TIME_LIMIT_MAX, false,
	    &q->time_limit) < 0)
		bad = 1;
	if (load_type(doc, obj, p, &q->type) < 0)
		return -1;
	switch (q->type) {
	case Q_CHOICE:
		bad |= load_choice(doc, obj, p, q) < 0;
		break;
	case Q_TRUEFALSE:
		bad |= load_truefalse(doc, obj, p, q) < 0;
		break;
	default:
		bad |= load_text(doc, obj, p, q) < 0;
		break;
	}
	return bad ? -1 : 0;
}

struct folded {
	char *s;
	int i;
};

static int
folded_cmp(const void *pa, const void *pb)
{
	const struct folded *a = pa, *b = pb;
	int c = strcmp(a->s, b->s);

	return c ? c : (a->i > b->i) - (a->i < b->i);
}

/* Warn about questions asked twice (case, accents and spacing aside). Sorting
 * finds them in n log n, so a pack of 100,000 questions is checked too. */
static void
warn_duplicates(struct jdoc *doc, struct pack *pk, struct jpath pq)
{
	struct folded *v = xcalloc((size_t)pk->nq, sizeof *v);
	int *first = xcalloc((size_t)pk->nq, sizeof *first);
	size_t room = 0, used = 0;
	char *arena;
	int i;

	/* One block for every fold: a large pack makes no 100,000 mallocs. */
	for (i = 0; i < pk->nq; i++)
		room += FOLD_TEXT_MAX(strlen(pk->q[i].text));
	arena = xmalloc(room);
	for (i = 0; i < pk->nq; i++) {
		v[i].s = arena + used;
		used += fold_text_into(pk->q[i].text, strlen(pk->q[i].text),
		    v[i].s) + 1;
		v[i].i = i;
		first[i] = -1;
	}
	qsort(v, (size_t)pk->nq, sizeof *v, folded_cmp);
	for (i = 1; i < pk->nq; i++)
		if (strcmp(v[i].s, v[i - 1].s) == 0)
			first[v[i].i] = first[v[i - 1].i] >= 0 ?
			    first[v[i - 1].i] : v[i - 1].i;
	/* Report in file order: positions are found in one pass. */
	for (i = 0; i < pk->nq; i++) {
		struct jpath at = jpath_key(jpath_index(pq, i), "question");

		if (first[i] >= 0)
			jdoc_report(doc, DIAG_WARNING, &at, false,
			    "same question as questions[%d]", first[i]);
	}
	free(arena);
	free(v);
	free(first);
}

/* The questions of a streamed array: each parsed, copied out, freed. */
static int
load_streamed(struct jdoc *doc, struct pack *pk, struct jpath pq)
{
	long pos = jdoc_stream_first(doc);
	size_t cap = 0;
	bool bad = false;
	cJSON *v;

	if (pos < 0) {
		jdoc_report(doc, DIAG_ERROR, &pq, false,
		    "must hold at least one question");
		return -1;
	}
	while ((v = jdoc_stream_next(doc, &pos, &bad)) != NULL) {
		if ((size_t)pk->nq == cap) {
			cap = cap ? cap * 2 : 64;
			pk->q = xrealloc(pk->q, cap * sizeof *pk->q);
		}
		memset(&pk->q[pk->nq], 0, sizeof *pk->q);
		if (load_question(doc, v, jpath_index(pq, pk->nq),
		    &pk->q[pk->nq]) < 0)
			bad = true;
		pk->nq++;
		cJSON_Delete(v);
	}
	if (!bad)
		warn_duplicates(doc, pk, pq);
	return bad ? -1 : 0;
}

static int
load_questions(struct jdoc *doc, const cJSON *root, struct pack *pk)
{
	const cJSON *qs = cJSON_GetObjectItemCaseSensitive(root, "questions");
	struct jpath top = { 0 }, pq = jpath_key(top, "questions");
	const cJSON *v;
	int bad = 0;

	if (qs == NULL) {
		jdoc_report(doc, DIAG_ERROR, &top, false,
		    "missing \"questions\" (a list of questions)");
		return -1;
	}
	if (doc->stream_at >= 0)
		return load_streamed(doc, pk, pq);
	if (!cJSON_IsArray(qs) || qs->child == NULL) {
		jdoc_report(doc, DIAG_ERROR, &pq, false,
		    cJSON_IsArray(qs) ? "must hold at least one question" :
		    "must be an array of questions");
		return -1;
	}
	pk->q = xcalloc((size_t)cJSON_GetArraySize(qs), sizeof *pk->q);
	cJSON_ArrayForEach(v, qs) {
		if (load_question(doc, v, jpath_index(pq, pk->nq),
		    &pk->q[pk->nq]) < 0)
			bad = 1;
		pk->nq++;
	}
	if (!bad)
		warn_duplicates(doc, pk, pq);
	return bad ? -1 : 0;
}

static int
load_ours(struct jdoc *doc, struct pack *pk)
{
	const cJSON *root = doc->root;
	struct jpath top = { 0 };
	const char *title, *desc, *author;
	int bad = 0;

	lu_unknown_keys(doc, root, top, pack_keys);
	title = nonempty(doc, root, top, "title", true);
	desc = lu_string(doc, root, top, "description", false);
	author = lu_string(doc, root, top, "author", false);
	bad |= title == NULL;
	bad |= lu_number(doc, root, top, "time_limit", 0.1, TIME_LIMIT_MAX,
	    false, &pk->time_limit) < 0;
	pk->title = xstrdup(title ? title : "");
	pk->description = xstrdup(desc ? desc : "");
	pk->author = xstrdup(author ? author : "");
	bad |= load_questions(doc, root, pk) < 0;
	return bad ? -1 : 0;
}

static struct pack *
load_doc(struct jdoc *doc, const char *path, int parsed)
{
	struct pack *pk;
	int r, errors = doc->diags->errors;

	if (parsed < 0)
		return NULL;
	if (!cJSON_IsObject(doc->root)) {
		struct jpath top = { 0 };

		jdoc_report(doc, DIAG_ERROR, &top, false,
		    "a pack must be a JSON object, not %s",
		    lu_type_name(doc->root));
		return NULL;
	}
	pk = xcalloc(1, sizeof *pk);
	pk->path = xstrdup(path);
	if (opentdb_detect(doc->root))
		r = opentdb_load(doc, pk);
	else
		r = load_ours(doc, pk);
	/* Any error reported, even one a getter could only note, fails it. */
	if (r < 0 || doc->diags->errors > errors) {
		pack_free(pk);
		return NULL;
	}
	return pk;
}

struct pack *
pack_load(const char *path, struct diags *d)
{
	struct jdoc doc;
	int parsed = jdoc_load(&doc, path, d);
	struct pack *pk = load_doc(&doc, path, parsed);

	jdoc_fini(&doc);
	return pk;
}

struct pack *
pack_parse(const char *name, const char *text, size_t len, struct diags *d)
{
	struct jdoc doc;
	int parsed = jdoc_parse(&doc, name, text, len, d);
	struct pack *pk = load_doc(&doc, name, parsed);

	jdoc_fini(&doc);
	return pk;
}
