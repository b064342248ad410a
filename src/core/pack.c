#include "pack.h"

#include <math.h>
#include <stdalign.h>
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

const char *
question_answer_shown(const struct question *q, const char *text)
{
	if (q->type != Q_TRUEFALSE)
		return text;
	return strcmp(text, "true") == 0 ? "True" : "False";
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

/* A hash of n bytes eight at a time, for the duplicate set only (never
 * stored: question ids are FNV). */
static uint64_t
set_hash(const char *s, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ n, w;

	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
	}
	w = 0;
	memcpy(&w, s, n);
	h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
	return h ^ (h >> 29);
}

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

/* --- One pool for every string of a pack's questions --- */

struct str_block {
	struct str_block *next;
	size_t size, used;
	alignas(max_align_t) char data[];
};

struct pack_strings {
	struct str_block *head;
};

#define STR_BLOCK (256 * 1024)

/* n bytes from the pool, aligned to align (a power of two): strings take
 * 1, so that 400,000 of them waste no padding. */
static void *
pool_alloc(struct pack_strings *ps, size_t n, size_t align)
{
	struct str_block *b = ps->head;
	void *p;

	if (b != NULL)
		b->used = (b->used + align - 1) & ~(align - 1);
	if (b == NULL || b->used > b->size || b->size - b->used < n) {
		size_t size = n > STR_BLOCK ? n : STR_BLOCK;

		b = xmalloc(sizeof *b + size);
		b->size = size;
		b->used = 0;
		b->next = ps->head;
		ps->head = b;
	}
	p = b->data + b->used;
	b->used += n;
	return p;
}

static char *
pool_strdup(struct pack_strings *ps, const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(pool_alloc(ps, n, 1), s, n);
}

static void
pool_free(struct pack_strings *ps)
{
	struct str_block *b, *next;

	if (ps == NULL)
		return;
	for (b = ps->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	free(ps);
}

void
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

/* Forget the questions loaded so far (and their pool). */
static void
drop_questions(struct pack *p)
{
	int i;

	if (p->strings == NULL)
		for (i = 0; i < p->nq; i++)
			question_fini(&p->q[i]);
	pool_free(p->strings);
	p->strings = NULL;
	free(p->q);
	p->q = NULL;
	p->nq = 0;
}

void
pack_free(struct pack *p)
{
	if (p == NULL)
		return;
	drop_questions(p);
	free(p->path);
	free(p->title);
	free(p->description);
	free(p->author);
	free(p);
}

/* --- Loading our format --- */

/* Questions asked twice: a hash set of the first of each folded text. */
struct dup_slot {
	uint32_t hash;   /* the fold's hash, its upper half */
	int index;       /* -1: empty */
};

struct dup_pair {
	int index, first;
};

/* What loading the questions of one pack needs besides the pack. */
struct loader {
	struct jdoc *doc;
	struct pack *pk;
	struct pack_strings *ps;
	char *fold, *fold2;     /* scratch for folds */
	size_t fold_cap, fold2_cap;
	struct dup_slot *set;
	size_t set_cap, set_n;  /* set_cap a power of two */
	struct dup_pair *dups;
	int ndups, dups_cap;
};

static void
loader_fini(struct loader *L)
{
	free(L->fold);
	free(L->fold2);
	free(L->set);
	free(L->dups);
}

/* Fold s into *buf (grown as needed). Returns the folded length. */
static size_t
fold_scratch(char **buf, size_t *cap, const char *s)
{
	size_t n = strlen(s);

	if (*cap < FOLD_TEXT_MAX(n)) {
		*cap = FOLD_TEXT_MAX(n) + 64;
		free(*buf);
		*buf = xmalloc(*cap);
	}
	return fold_text_into(s, n, *buf);
}

static void
set_grow(struct loader *L)
{
	struct dup_slot *old = L->set;
	size_t oldcap = L->set_cap, i, cap = oldcap ? oldcap * 2 : 1024;

	L->set = xmalloc(cap * sizeof *L->set);
	L->set_cap = cap;
	for (i = 0; i < cap; i++)
		L->set[i].index = -1;
	for (i = 0; i < oldcap; i++) {
		size_t k = (size_t)old[i].hash & (cap - 1);

		if (old[i].index < 0)
			continue;
		while (L->set[k].index >= 0)
			k = (k + 1) & (cap - 1);
		L->set[k] = old[i];
	}
	free(old);
}

/* Note question i's text (case, accents and spacing aside): the first of
 * each goes in the set, a later one is kept as a duplicate of it. */
static void
note_text(struct loader *L, int i, const char *text)
{
	size_t n = fold_scratch(&L->fold, &L->fold_cap, text), k;
	uint32_t h = (uint32_t)(set_hash(L->fold, n) >> 32);

	if ((L->set_n + 1) * 8 > L->set_cap * 7)
		set_grow(L);
	for (k = (size_t)h & (L->set_cap - 1); L->set[k].index >= 0;
	    k = (k + 1) & (L->set_cap - 1)) {
		const struct dup_slot *e = &L->set[k];

		if (e->hash != h)
			continue;
		/* The same hash: compare the folds themselves. */
		fold_scratch(&L->fold2, &L->fold2_cap, L->pk->q[e->index].text);
		if (strcmp(L->fold, L->fold2) == 0) {
			if (L->ndups == L->dups_cap) {
				L->dups_cap = L->dups_cap ? L->dups_cap * 2 : 16;
				L->dups = xrealloc(L->dups, (size_t)L->dups_cap *
				    sizeof *L->dups);
			}
			L->dups[L->ndups].index = i;
			L->dups[L->ndups++].first = e->index;
			return;
		}
	}
	L->set[k].hash = h;
	L->set[k].index = i;
	L->set_n++;
}

/* Warn about questions asked twice, in file order. */
static void
warn_duplicates(struct loader *L, struct jpath pq)
{
	int k;

	for (k = 0; k < L->ndups; k++) {
		struct jpath at = jpath_key(jpath_index(pq, L->dups[k].index),
		    "question");

		jdoc_report(L->doc, DIAG_WARNING, &at, false,
		    "same question as questions[%d]", L->dups[k].first);
	}
}

/* A string that must hold some text: reported when empty or blank. */
static const char *
nonempty(struct jdoc *doc, const cJSON *v, struct jpath p, const char *key,
    bool required)
{
	const char *s = lu_string_of(doc, v, p, key, required);

	if (s != NULL && s[strspn(s, " \t\r\n")] == '\0') {
		jdoc_report_key(doc, DIAG_ERROR, &p, key, "must not be empty");
		return NULL;
	}
	return s;
}

/* Copy a JSON array of non-empty strings; report anything else. */
static int
string_list(struct loader *L, const cJSON *arr, struct jpath p, char ***out)
{
	const cJSON *v;
	int n = 0, i = 0, bad = 0;

	cJSON_ArrayForEach(v, arr)
		n++;
	*out = pool_alloc(L->ps, (size_t)(n ? n : 1) * sizeof **out,
	    alignof(char *));
	cJSON_ArrayForEach(v, arr) {
		struct jpath at = jpath_index(p, i);

		if (!cJSON_IsString(v)) {
			jdoc_report(L->doc, DIAG_ERROR, &at, false,
			    "must be a string, not %s", lu_type_name(v));
			bad = 1;
		} else if (v->valuestring[strspn(v->valuestring, " \t\r\n")] ==
		    '\0') {
			jdoc_report(L->doc, DIAG_ERROR, &at, false,
			    "must not be empty");
			bad = 1;
		}
		(*out)[i++] = pool_strdup(L->ps, cJSON_IsString(v) ?
		    v->valuestring : "");
	}
	return bad ? -n - 1 : n;
}

static void
warn_repeats(struct loader *L, struct question *q, struct jpath p)
{
	char *f[CHOICES_MAX], *all;
	size_t room = 0, used = 0;
	int i, j;

	for (i = 0; i < q->nchoices; i++)
		room += FOLD_TEXT_MAX(strlen(q->choices[i]));
	if (L->fold_cap < room) {
		free(L->fold);
		L->fold_cap = room + 64;
		L->fold = xmalloc(L->fold_cap);
	}
	all = L->fold;
	for (i = 0; i < q->nchoices; i++) {
		f[i] = all + used;
		used += fold_text_into(q->choices[i], strlen(q->choices[i]),
		    f[i]) + 1;
	}
	for (j = 1; j < q->nchoices; j++) {
		for (i = 0; i < j && strcmp(f[i], f[j]) != 0; i++)
			;
		if (i < j) {
			struct jpath at = jpath_index(jpath_key(p, "choices"), j);

			jdoc_report(L->doc, DIAG_WARNING, &at, false,
			    i == q->answer || j == q->answer ?
			    "the correct answer is repeated among the choices" :
			    "same as choice %d", i + 1);
		}
	}
}

/* The members of a question, found in one pass. */
struct qmembers {
	const cJSON *type, *question, *choices, *answer, *explanation,
	    *time_limit;
};

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
load_choice(struct loader *L, const struct qmembers *m, struct jpath p,
    struct question *q)
{
	struct jdoc *doc = L->doc;
	const cJSON *cs = m->choices;
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
	n = string_list(L, cs, pc, &q->choices);
	q->nchoices = n < 0 ? -n - 1 : n;
	if (n < 0)
		return -1;
	if (n < CHOICES_MIN || n > CHOICES_MAX) {
		jdoc_report(doc, DIAG_ERROR, &pc, false,
		    "has %d choice%s; a question needs %d to %d", n,
		    n == 1 ? "" : "s", CHOICES_MIN, CHOICES_MAX);
		return -1;
	}
	if (choice_answer(doc, m->answer, p, q) < 0)
		return -1;
	warn_repeats(L, q, p);
	return 0;
}

static int
load_text(struct loader *L, const struct qmembers *m, struct jpath p,
    struct question *q)
{
	struct jdoc *doc = L->doc;
	const cJSON *ans = m->answer;
	struct jpath pa = jpath_key(p, "answer");
	int n;

	if (ans == NULL) {
		jdoc_report(doc, DIAG_ERROR, &p, false,
		    "missing \"answer\" (a string or a list of accepted strings)");
		return -1;
	}
	if (cJSON_IsString(ans)) {
		if (nonempty(doc, ans, p, "answer", true) == NULL)
			return -1;
		q->answers = pool_alloc(L->ps, sizeof *q->answers,
		    alignof(char *));
		q->answers[0] = pool_strdup(L->ps, ans->valuestring);
		q->nanswers = 1;
		return 0;
	}
	if (!cJSON_IsArray(ans)) {
		jdoc_report(doc, DIAG_ERROR, &pa, false,
		    "must be a string or a list of strings, not %s",
		    lu_type_name(ans));
		return -1;
	}
	n = string_list(L, ans, pa, &q->answers);
	q->nanswers = n < 0 ? -n - 1 : n;
	if (n == 0)
		jdoc_report(doc, DIAG_ERROR, &pa, false,
		    "must list at least one accepted answer");
	return n > 0 ? 0 : -1;
}

static int
load_truefalse(struct jdoc *doc, const struct qmembers *m, struct jpath p,
    struct question *q)
{
	int r = lu_bool_of(doc, m->answer, p, "answer", &q->truth);

	if (r == 0)
		jdoc_report(doc, DIAG_ERROR, &p, false,
		    "missing \"answer\" (true or false)");
	return r == 1 ? 0 : -1;
}

static int
load_type(struct jdoc *doc, const cJSON *v, struct jpath p, enum qtype *t)
{
	const char *s = lu_string_of(doc, v, p, "type", true);
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

/* Which of the members before m (in obj) share its name. */
static int
repeats_before(const cJSON *obj, const cJSON *m)
{
	const cJSON *e;
	int n = 0;

	for (e = obj->child; e != m; e = e->next)
		n += strcmp(e->string, m->string) == 0;
	return n;
}

/* One pass over obj's members: the known ones into m (the first of a name
 * wins, as cJSON's getters would have it), a warning for the others and
 * for a name used twice. */
static void
find_members(struct jdoc *doc, const cJSON *obj, struct jpath p,
    struct qmembers *m)
{
	const cJSON *v;

	memset(m, 0, sizeof *m);
	cJSON_ArrayForEach(v, obj) {
		const char *k = v->string;
		const cJSON **slot = NULL;

		switch (k[0]) {
		case 't':
			slot = strcmp(k, "type") == 0 ? &m->type :
			    strcmp(k, "time_limit") == 0 ? &m->time_limit : NULL;
			break;
		case 'q':
			slot = strcmp(k, "question") == 0 ? &m->question : NULL;
			break;
		case 'c':
			slot = strcmp(k, "choices") == 0 ? &m->choices : NULL;
			break;
		case 'a':
			slot = strcmp(k, "answer") == 0 ? &m->answer : NULL;
			break;
		case 'e':
			slot = strcmp(k, "explanation") == 0 ? &m->explanation :
			    NULL;
			break;
		default:
			break;
		}
		/* Only a filled slot or a name we do not read can repeat one:
		 * the common question costs no comparison of names. */
		if (slot != NULL && *slot == NULL) {
			*slot = v;
			continue;
		}
		{
			int nth = v != obj->child ? repeats_before(obj, v) : 0;

			if (nth > 0)
				jdoc_warn_repeated_key(doc, &p, k, nth);
			else
				lu_unknown_key(doc, v, p, question_keys);
		}
	}
}

static int
load_question(struct loader *L, const cJSON *obj, struct jpath p,
    struct question *q, int index)
{
	struct jdoc *doc = L->doc;
	struct qmembers m;
	const char *text, *expl;
	int bad = 0;

	if (!cJSON_IsObject(obj)) {
		jdoc_report(doc, DIAG_ERROR, &p, false,
		    "a question must be an object, not %s", lu_type_name(obj));
		return -1;
	}
	find_members(doc, obj, p, &m);
	text = nonempty(doc, m.question, p, "question", true);
	expl = lu_string_of(doc, m.explanation, p, "explanation", false);
	q->text = pool_strdup(L->ps, text ? text : "");
	q->explanation = expl && *expl ? pool_strdup(L->ps, expl) : NULL;
	if (text == NULL)
		bad = 1;
	else
		note_text(L, index, q->text);
	if (lu_number_of(doc, m.time_limit, p, "time_limit", 0.1,
	    TIME_LIMIT_MAX, false, &q->time_limit) < 0)
		bad = 1;
	if (load_type(doc, m.type, p, &q->type) < 0)
		return -1;
	switch (q->type) {
	case Q_CHOICE:
		bad |= load_choice(L, &m, p, q) < 0;
		break;
	case Q_TRUEFALSE:
		bad |= load_truefalse(doc, &m, p, q) < 0;
		break;
	default:
		bad |= load_text(L, &m, p, q) < 0;
		break;
	}
	return bad ? -1 : 0;
}

/* Room for one more question, zeroed. Past the first 64 the room is sized
 * for the whole array from how much of the text they took, so that a large
 * pack is not copied at each doubling (a copy holds both arrays at once). */
static struct question *
next_question(struct jdoc *doc, struct pack *pk, size_t *cap)
{
	if ((size_t)pk->nq == *cap) {
		size_t done, total, want = *cap ? *cap * 2 : 64;

		jdoc_stream_progress(doc, &done, &total);
		if (*cap >= 64 && done > 0 && total / done < 1000000) {
			size_t guess = (size_t)pk->nq / 8 * 9 * (total / done) +
			    (size_t)pk->nq * (total % done) / done + 64;

			if (guess > want)
				want = guess;
		}
		*cap = want;
		pk->q = xrealloc(pk->q, *cap * sizeof *pk->q);
	}
	memset(&pk->q[pk->nq], 0, sizeof *pk->q);
	return &pk->q[pk->nq];
}

/* The questions of a streamed array: each parsed, copied out, forgotten.
 * Returns -1 when any was wrong. */
static int
load_streamed(struct loader *L, struct jpath pq)
{
	struct pack *pk = L->pk;
	size_t cap = 0;
	bool bad = false;
	const cJSON *v;

	while ((v = jdoc_stream_next(L->doc, &bad)) != NULL) {
		struct question *q = next_question(L->doc, pk, &cap);

		if (load_question(L, v, jpath_index(pq, pk->nq), q, pk->nq) < 0)
			bad = true;
		pk->nq++;
	}
	if (pk->nq == 0 && !bad)
		jdoc_report(L->doc, DIAG_ERROR, &pq, false,
		    "must hold at least one question");
	return bad || pk->nq == 0 ? -1 : 0;
}

/* The questions from the tree, when they were not streamed. */
static int
load_tree_questions(struct loader *L, const cJSON *qs, struct jpath pq)
{
	struct pack *pk = L->pk;
	const cJSON *v;
	int bad = 0;

	if (!cJSON_IsArray(qs) || qs->child == NULL) {
		jdoc_report(L->doc, DIAG_ERROR, &pq, false,
		    cJSON_IsArray(qs) ? "must hold at least one question" :
		    "must be an array of questions");
		return -1;
	}
	pk->q = xcalloc((size_t)cJSON_GetArraySize(qs), sizeof *pk->q);
	cJSON_ArrayForEach(v, qs) {
		if (load_question(L, v, jpath_index(pq, pk->nq),
		    &pk->q[pk->nq], pk->nq) < 0)
			bad = 1;
		pk->nq++;
	}
	return bad ? -1 : 0;
}

/* The pack's own members; the questions were streamed (streamed_bad: how
 * that went) or are in the tree. */
static int
load_ours(struct loader *L, bool streamed, int streamed_bad)
{
	struct jdoc *doc = L->doc;
	struct pack *pk = L->pk;
	const cJSON *root = doc->root, *qs;
	struct jpath top = { 0 }, pq = jpath_key(top, "questions");
	const char *title, *desc, *author;
	int bad = 0, qbad;

	lu_unknown_keys(doc, root, top, pack_keys);
	lu_repeated_keys(doc, root, top);
	title = nonempty(doc, cJSON_GetObjectItemCaseSensitive(root, "title"),
	    top, "title", true);
	desc = lu_string(doc, root, top, "description", false);
	author = lu_string(doc, root, top, "author", false);
	bad |= title == NULL;
	bad |= lu_number(doc, root, top, "time_limit", 0.1, TIME_LIMIT_MAX,
	    false, &pk->time_limit) < 0;
	pk->title = xstrdup(title ? title : "");
	pk->description = xstrdup(desc ? desc : "");
	pk->author = xstrdup(author ? author : "");
	qs = cJSON_GetObjectItemCaseSensitive(root, "questions");
	if (qs == NULL) {
		jdoc_report(doc, DIAG_ERROR, &top, false,
		    "missing \"questions\" (a list of questions)");
		return -1;
	}
	if (streamed) {
		jdoc_stream_flush(doc);
		qbad = streamed_bad;
	} else {
		qbad = load_tree_questions(L, qs, pq);
	}
	if (qbad == 0)
		warn_duplicates(L, pq);
	return bad || qbad ? -1 : 0;
}

static struct pack *
pack_from_doc(struct jdoc *doc, const char *path, int parsed)
{
	struct loader L;
	struct pack *pk;
	int r, streamed_bad = 0, errors = doc->out->errors;

	if (parsed < 0)
		return NULL;
	pk = xcalloc(1, sizeof *pk);
	pk->path = xstrdup(path);
	memset(&L, 0, sizeof L);
	L.doc = doc;
	L.pk = pk;
	L.ps = pk->strings = xcalloc(1, sizeof *pk->strings);
	if (parsed == JDOC_STREAMING) {
		struct jpath top = { 0 };

		streamed_bad = load_streamed(&L, jpath_key(top, "questions"));
		parsed = jdoc_stream_end(doc);
		if (parsed != JDOC_STREAMING) {
			/* The whole text is parsed instead: start again. */
			loader_fini(&L);
			memset(&L, 0, sizeof L);
			L.doc = doc;
			L.pk = pk;
			drop_questions(pk);
			L.ps = pk->strings = xcalloc(1, sizeof *pk->strings);
		}
	}
	if (parsed < 0) {
		r = -1;
	} else if (!cJSON_IsObject(doc->root)) {
		struct jpath top = { 0 };

		jdoc_report(doc, DIAG_ERROR, &top, false,
		    "a pack must be a JSON object, not %s",
		    lu_type_name(doc->root));
		r = -1;
	} else if (opentdb_detect(doc->root)) {
		drop_questions(pk);   /* its strings are its own */
		r = opentdb_load(doc, pk);
	} else {
		r = load_ours(&L, parsed == JDOC_STREAMING, streamed_bad);
	}
	loader_fini(&L);
	/* Any error reported, even one a getter could only note, fails it. */
	if (r < 0 || doc->out->errors > errors) {
		pack_free(pk);
		return NULL;
	}
	return pk;
}

struct pack *
pack_load(const char *path, struct diags *d)
{
	struct jdoc doc;
	int parsed = jdoc_load(&doc, path, d, "questions");
	struct pack *pk = pack_from_doc(&doc, path, parsed);

	jdoc_fini(&doc);
	return pk;
}

struct pack *
pack_parse(const char *name, const char *text, size_t len, struct diags *d)
{
	struct jdoc doc;
	int parsed = jdoc_parse(&doc, name, text, len, d, "questions");
	struct pack *pk = pack_from_doc(&doc, name, parsed);

	jdoc_fini(&doc);
	return pk;
}
