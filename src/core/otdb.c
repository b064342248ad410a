#include "otdb.h"

#include <cJSON.h>
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "quiz.h"
#include "util.h"

static const char *const difficulty_names[] = { NULL, "easy", "medium",
	"hard" };
static const char *const type_names[] = { NULL, "multiple", "boolean" };

const char *
otdb_difficulty_name(enum otdb_difficulty d)
{
	return (unsigned)d < 4 ? difficulty_names[d] : NULL;
}

const char *
otdb_type_name(enum otdb_type t)
{
	return (unsigned)t < 3 ? type_names[t] : NULL;
}

bool
otdb_difficulty_parse(const char *s, enum otdb_difficulty *out)
{
	int i;

	if (strcmp(s, "any") == 0) {
		*out = OTDB_ANY_DIFFICULTY;
		return true;
	}
	for (i = 1; i < 4; i++)
		if (strcmp(s, difficulty_names[i]) == 0) {
			*out = (enum otdb_difficulty)i;
			return true;
		}
	return false;
}

bool
otdb_type_parse(const char *s, enum otdb_type *out)
{
	if (strcmp(s, "any") == 0)
		*out = OTDB_ANY_TYPE;
	else if (strcmp(s, "choice") == 0 || strcmp(s, "multiple") == 0)
		*out = OTDB_MULTIPLE;
	else if (strcmp(s, "truefalse") == 0 || strcmp(s, "boolean") == 0)
		*out = OTDB_BOOLEAN;
	else
		return false;
	return true;
}

bool
otdb_base_valid(const char *base)
{
	const char *host, *c;

	if (strncmp(base, "https://", 8) == 0)
		host = base + 8;
	else if (strncmp(base, "http://", 7) == 0)
		host = base + 7;
	else
		return false;
	if (*host == '\0' || *host == '/')
		return false;
	for (c = base; *c; c++)
		if ((unsigned char)*c <= ' ' || *c == 0x7f || *c == '?' ||
		    *c == '#')
			return false;
	return strlen(base) < 512;
}

/* base without its trailing slashes, as a length. */
static int
base_len(const char *base)
{
	size_t n = strlen(base);

	while (n > 0 && base[n - 1] == '/')
		n--;
	return (int)n;
}

char *
otdb_url_questions(const char *base, const struct otdb_query *q, int amount,
    const char *token)
{
	struct strbuf b = { 0 };

	strbuf_printf(&b, "%.*s/api.php?amount=%d", base_len(base), base,
	    amount);
	if (q->category > 0)
		strbuf_printf(&b, "&category=%d", q->category);
	if (otdb_difficulty_name(q->difficulty) != NULL)
		strbuf_printf(&b, "&difficulty=%s",
		    otdb_difficulty_name(q->difficulty));
	if (otdb_type_name(q->type) != NULL)
		strbuf_printf(&b, "&type=%s", otdb_type_name(q->type));
	strbuf_puts(&b, "&encode=base64");
	/* Tokens are letters and digits (checked when received): no escaping. */
	if (token != NULL && token[0] != '\0')
		strbuf_printf(&b, "&token=%s", token);
	return strbuf_take(&b);
}

char *
otdb_url_token(const char *base, const char *token)
{
	if (token == NULL)
		return xasprintf("%.*s/api_token.php?command=request",
		    base_len(base), base);
	return xasprintf("%.*s/api_token.php?command=reset&token=%s",
	    base_len(base), base, token);
}

char *
otdb_url_categories(const char *base)
{
	return xasprintf("%.*s/api_category.php", base_len(base), base);
}

char *
otdb_url_count(const char *base, int category)
{
	return xasprintf("%.*s/api_count.php?category=%d", base_len(base), base,
	    category);
}

char *
otdb_url_count_global(const char *base)
{
	return xasprintf("%.*s/api_count_global.php", base_len(base), base);
}

/* --- categories ------------------------------------------------------- */

static const struct {
	int id;
	const char *name;
} builtin[] = {
	{ 9, "General Knowledge" }, { 10, "Entertainment: Books" },
	{ 11, "Entertainment: Film" }, { 12, "Entertainment: Music" },
	{ 13, "Entertainment: Musicals & Theatres" },
	{ 14, "Entertainment: Television" },
	{ 15, "Entertainment: Video Games" },
	{ 16, "Entertainment: Board Games" }, { 17, "Science & Nature" },
	{ 18, "Science: Computers" }, { 19, "Science: Mathematics" },
	{ 20, "Mythology" }, { 21, "Sports" }, { 22, "Geography" },
	{ 23, "History" }, { 24, "Politics" }, { 25, "Art" },
	{ 26, "Celebrities" }, { 27, "Animals" }, { 28, "Vehicles" },
	{ 29, "Entertainment: Comics" }, { 30, "Science: Gadgets" },
	{ 31, "Entertainment: Japanese Anime & Manga" },
	{ 32, "Entertainment: Cartoon & Animations" },
};

void
otdb_categories_fini(struct otdb_categories *c)
{
	int i;

	for (i = 0; i < c->n; i++)
		free(c->v[i].name);
	free(c->v);
	c->v = NULL;
	c->n = 0;
	c->all = -1;
}

static void
add_category(struct otdb_categories *c, int id, const char *name)
{
	struct otdb_category *k;

	c->v = xrealloc(c->v, ((size_t)c->n + 1) * sizeof *c->v);
	k = &c->v[c->n++];
	k->id = id;
	k->name = xstrdup(name);
	k->total = k->easy = k->medium = k->hard = -1;
}

void
otdb_categories_builtin(struct otdb_categories *c)
{
	size_t i;

	otdb_categories_fini(c);
	for (i = 0; i < sizeof builtin / sizeof builtin[0]; i++)
		add_category(c, builtin[i].id, builtin[i].name);
}

/* Parse text[0..len) as JSON (a copy, so it need not end in NUL). */
static cJSON *
parse_json(const char *text, size_t len, char *err, size_t errlen)
{
	char *copy;
	cJSON *root;

	if (len > (size_t)OTDB_BODY_MAX) {
		snprintf(err, errlen, "the reply is too large");
		return NULL;
	}
	if (memchr(text, '\0', len) != NULL) {
		snprintf(err, errlen, "the reply is not JSON (a NUL byte)");
		return NULL;
	}
	copy = xstrndup(text, len);
	root = cJSON_ParseWithOpts(copy, NULL, 1);
	free(copy);
	if (root == NULL)
		snprintf(err, errlen, "the reply is not valid JSON%s",
		    len == 0 ? " (it is empty)" : "");
	return root;
}

/* obj.key as a whole number in [min, max]; false when not. */
static bool
get_int(const cJSON *obj, const char *key, int min, int max, int *out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

	if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble) ||
	    v->valuedouble != floor(v->valuedouble) || v->valuedouble < min ||
	    v->valuedouble > max)
		return false;
	*out = (int)v->valuedouble;
	return true;
}

/* Names reach the screen: printable text only, of a sane length. */
static bool
name_ok(const char *s)
{
	size_t n = strlen(s), i;

	if (n == 0 || n > 100)
		return false;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return false;
	return true;
}

int
otdb_categories_parse(struct otdb_categories *c, const char *text,
    size_t len, char *err, size_t errlen)
{
	cJSON *root = parse_json(text, len, err, errlen);
	const cJSON *list, *v;

	otdb_categories_fini(c);
	if (root == NULL)
		return -1;
	list = cJSON_GetObjectItemCaseSensitive(root, "trivia_categories");
	if (!cJSON_IsArray(list) || list->child == NULL) {
		snprintf(err, errlen, "the reply has no \"trivia_categories\"");
		goto fail;
	}
	cJSON_ArrayForEach(v, list) {
		const cJSON *name = cJSON_GetObjectItemCaseSensitive(v, "name");
		int id;

		if (!get_int(v, "id", 1, 1000000, &id) ||
		    !cJSON_IsString(name) || !name_ok(name->valuestring)) {
			snprintf(err, errlen, "category %d of the reply has no "
			    "valid id and name", c->n + 1);
			goto fail;
		}
		add_category(c, id, name->valuestring);
	}
	cJSON_Delete(root);
	return 0;
fail:
	cJSON_Delete(root);
	otdb_categories_fini(c);
	return -1;
}

char *
otdb_categories_json(const struct otdb_categories *c)
{
	cJSON *root = cJSON_CreateObject();
	cJSON *list = cJSON_AddArrayToObject(root, "trivia_categories");
	char *text, *out;
	int i;

	for (i = 0; i < c->n; i++) {
		cJSON *o = cJSON_CreateObject();

		cJSON_AddNumberToObject(o, "id", c->v[i].id);
		cJSON_AddStringToObject(o, "name", c->v[i].name);
		cJSON_AddItemToArray(list, o);
	}
	text = cJSON_PrintUnformatted(root);
	cJSON_Delete(root);
	out = xstrdup(text != NULL ? text : "{}");
	cJSON_free(text);
	return out;
}

int
otdb_count_parse(struct otdb_categories *c, const char *text, size_t len,
    char *err, size_t errlen)
{
	cJSON *root = parse_json(text, len, err, errlen);
	const cJSON *counts;
	struct otdb_category *k = NULL;
	int id, i, t, e, m, h, r = -1;

	if (root == NULL)
		return -1;
	counts = cJSON_GetObjectItemCaseSensitive(root,
	    "category_question_count");
	if (!get_int(root, "category_id", 1, 1000000, &id) ||
	    !cJSON_IsObject(counts) ||
	    !get_int(counts, "total_question_count", 0, 100000000, &t) ||
	    !get_int(counts, "total_easy_question_count", 0, 100000000, &e) ||
	    !get_int(counts, "total_medium_question_count", 0, 100000000, &m) ||
	    !get_int(counts, "total_hard_question_count", 0, 100000000, &h)) {
		snprintf(err, errlen, "the reply is not a question count");
		goto done;
	}
	for (i = 0; i < c->n; i++)
		if (c->v[i].id == id)
			k = &c->v[i];
	if (k == NULL) {
		snprintf(err, errlen, "the count is for category %d, which is "
		    "not in the list", id);
		goto done;
	}
	k->total = t;
	k->easy = e;
	k->medium = m;
	k->hard = h;
	r = 0;
done:
	cJSON_Delete(root);
	return r;
}

int
otdb_count_global_parse(struct otdb_categories *c, const char *text,
    size_t len, char *err, size_t errlen)
{
	cJSON *root = parse_json(text, len, err, errlen);
	const cJSON *cats, *all, *one;
	char key[16];
	int i, n, total = -1;

	if (root == NULL)
		return -1;
	cats = cJSON_GetObjectItemCaseSensitive(root, "categories");
	all = cJSON_GetObjectItemCaseSensitive(root, "overall");
	if (!cJSON_IsObject(cats) || (all != NULL &&
	    !get_int(all, "total_num_of_verified_questions", 0, 100000000,
	    &total))) {
		snprintf(err, errlen, "the reply is not the global question "
		    "count");
		cJSON_Delete(root);
		return -1;
	}
	for (i = 0; i < c->n; i++) {
		snprintf(key, sizeof key, "%d", c->v[i].id);
		one = cJSON_GetObjectItemCaseSensitive(cats, key);
		if (one != NULL && get_int(one,
		    "total_num_of_verified_questions", 0, 100000000, &n))
			c->v[i].total = n;
	}
	c->all = total;
	cJSON_Delete(root);
	return 0;
}

const char *
otdb_category_name(const struct otdb_categories *c, int id)
{
	int i;

	for (i = 0; i < c->n; i++)
		if (c->v[i].id == id)
			return c->v[i].name;
	return NULL;
}

/* a and b[0..n) equal, ASCII case ignored. */
static bool
same_text(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (a[i] == '\0' || tolower((unsigned char)a[i]) !=
		    tolower((unsigned char)b[i]))
			return false;
	return a[n] == '\0';
}

/* How query fits name: 3 the whole name, 2 the first part of a top-level
 * name ("science" in "Science & Nature"), 1 another part ("film" in
 * "Entertainment: Film"), 0 not as a part. Parts are split at ':' and '&'. */
static int
part_fit(const char *name, const char *query)
{
	const char *p = name;
	bool top = strchr(name, ':') == NULL, first = true;

	if (same_text(query, name, strlen(name)))
		return 3;
	while (*p) {
		size_t n = strcspn(p, ":&");
		const char *s = p, *e = p + n;

		while (s < e && *s == ' ')
			s++;
		while (e > s && e[-1] == ' ')
			e--;
		if (e > s && same_text(query, s, (size_t)(e - s)))
			return first && top ? 2 : 1;
		first = false;
		p += n;
		if (*p)
			p++;
	}
	return 0;
}

static bool
has_substring(const char *hay, const char *needle)
{
	size_t n = strlen(needle), h = strlen(hay), i, j;

	for (i = 0; n <= h && i + n <= h; i++) {
		for (j = 0; j < n; j++)
			if (tolower((unsigned char)hay[i + j]) !=
			    tolower((unsigned char)needle[j]))
				break;
		if (j == n)
			return true;
	}
	return false;
}

/* The candidates' names for a message: "A", "B" or "C". */
static void
list_names(const struct otdb_categories *c, const int *ids, int n, char *out,
    size_t outlen)
{
	size_t used = 0;
	int i;

	out[0] = '\0';
	for (i = 0; i < n && used < outlen; i++) {
		int w = snprintf(out + used, outlen - used, "%s\"%s\"",
		    i == 0 ? "" : i == n - 1 ? " or " : ", ",
		    otdb_category_name(c, ids[i]));

		if (w < 0)
			break;
		used += (size_t)w;
	}
}

int
otdb_category_match(const struct otdb_categories *c, const char *query,
    char *err, size_t errlen)
{
	int ids[64], best = 0, n = 0, i, fit;
	char *end, names[400];
	long id = strtol(query, &end, 10);

	if (query[0] != '\0' && *end == '\0') {
		if (otdb_category_name(c, (int)id) != NULL)
			return (int)id;
		snprintf(err, errlen, "no category has the id %s", query);
		return 0;
	}
	for (i = 0; i < c->n; i++) {
		fit = part_fit(c->v[i].name, query);
		if (fit > best)
			n = 0, best = fit;
		if (fit == best && fit > 0 && n < 64)
			ids[n++] = c->v[i].id;
	}
	for (i = 0; best == 0 && i < c->n; i++)
		if (query[0] != '\0' && has_substring(c->v[i].name, query) &&
		    n < 64)
			ids[n++] = c->v[i].id;
	if (n == 1)
		return ids[0];
	if (n == 0) {
		snprintf(err, errlen, "no category is called \"%s\"", query);
	} else {
		list_names(c, ids, n, names, sizeof names);
		snprintf(err, errlen, "\"%s\" could be %s", query, names);
	}
	return 0;
}

const char *
otdb_attribution(const struct quiz *z)
{
	int i;

	for (i = 0; z != NULL && i < z->n; i++)
		if (z->o[i].q->category != NULL)
			return OTDB_ATTRIBUTION;
	return NULL;
}

const char *
otdb_code_meaning(int code)
{
	switch (code) {
	case 0: return "success";
	case 1: return "not enough questions for the query";
	case 2: return "invalid parameter";
	case 3: return "session token not found";
	case 4: return "session token has returned every question";
	case 5: return "too many requests (one per 5 seconds)";
	default: return "unknown response code";
	}
}

int64_t
otdb_rate_wait(int64_t last_ms, int64_t now_ms)
{
	if (last_ms <= 0)
		return 0;
	if (last_ms > now_ms)
		last_ms = now_ms;
	if (now_ms - last_ms >= OTDB_SPACING_MS)
		return 0;
	return OTDB_SPACING_MS - (now_ms - last_ms);
}

/* --- the state between runs --------------------------------------------- */

bool
otdb_token_valid(const char *s)
{
	size_t n = strlen(s), i;

	if (n == 0 || n > OTDB_TOKEN_MAX)
		return false;
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]))
			return false;
	return true;
}

bool
otdb_token_usable(const struct otdb_state *st, int64_t now_ms)
{
	/* Used "in the future" (the clock went back, or a reply stamped
	 * after the caller read its clock): alive; code 3 says if not. */
	return st->token[0] != '\0' &&
	    now_ms - st->token_used_ms < OTDB_TOKEN_IDLE_MS;
}

static bool
get_ms(const cJSON *obj, const char *key, int64_t *out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

	if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble) ||
	    v->valuedouble < 0 || v->valuedouble > 9e15)
		return false;
	*out = (int64_t)v->valuedouble;
	return true;
}

int
otdb_state_parse(struct otdb_state *st, const char *text, size_t len)
{
	char err[64];
	cJSON *root = parse_json(text, len, err, sizeof err);
	const cJSON *tok = cJSON_GetObjectItemCaseSensitive(root, "token");
	int r = -1;

	memset(st, 0, sizeof *st);
	if (!cJSON_IsObject(root))
		goto done;
	if (!get_ms(root, "last_request", &st->last_request_ms))
		goto done;
	if (cJSON_IsString(tok) && otdb_token_valid(tok->valuestring) &&
	    get_ms(root, "token_used", &st->token_used_ms))
		snprintf(st->token, sizeof st->token, "%s", tok->valuestring);
	else if (tok != NULL && !cJSON_IsNull(tok))
		goto done;
	r = 0;
done:
	if (r < 0)
		memset(st, 0, sizeof *st);
	cJSON_Delete(root);
	return r;
}

char *
otdb_state_json(const struct otdb_state *st)
{
	if (st->token[0] == '\0')
		return xasprintf("{\"token\": null, \"last_request\": %lld}\n",
		    (long long)st->last_request_ms);
	return xasprintf("{\"token\": \"%s\", \"token_used\": %lld, "
	    "\"last_request\": %lld}\n", st->token,
	    (long long)st->token_used_ms, (long long)st->last_request_ms);
}

/* --- the cached category list ------------------------------------------- */

char *
otdb_list_cache_json(const struct otdb_categories *c, const char *base,
    int64_t listed_ms, int64_t counted_ms)
{
	cJSON *root = cJSON_CreateObject(), *list;
	char *text, *out, *url = xstrndup(base, (size_t)base_len(base));
	int i;

	cJSON_AddStringToObject(root, "url", url);
	free(url);
	cJSON_AddNumberToObject(root, "listed", (double)listed_ms);
	cJSON_AddNumberToObject(root, "counted", (double)counted_ms);
	cJSON_AddNumberToObject(root, "all", c->all);
	list = cJSON_AddArrayToObject(root, "categories");
	for (i = 0; i < c->n; i++) {
		const struct otdb_category *k = &c->v[i];
		cJSON *o = cJSON_CreateObject();

		cJSON_AddNumberToObject(o, "id", k->id);
		cJSON_AddStringToObject(o, "name", k->name);
		cJSON_AddNumberToObject(o, "total", k->total);
		cJSON_AddNumberToObject(o, "easy", k->easy);
		cJSON_AddNumberToObject(o, "medium", k->medium);
		cJSON_AddNumberToObject(o, "hard", k->hard);
		cJSON_AddItemToArray(list, o);
	}
	text = cJSON_PrintUnformatted(root);
	cJSON_Delete(root);
	out = xasprintf("%s\n", text != NULL ? text : "{}");
	cJSON_free(text);
	return out;
}

/* One category of the cache file into c; false when it is damaged. */
static bool
cached_category(struct otdb_categories *c, const cJSON *v)
{
	const cJSON *name = cJSON_GetObjectItemCaseSensitive(v, "name");
	struct otdb_category *k;
	int id, t, e, m, h;

	if (!get_int(v, "id", 1, 1000000, &id) || !cJSON_IsString(name) ||
	    !name_ok(name->valuestring) ||
	    !get_int(v, "total", -1, 100000000, &t) ||
	    !get_int(v, "easy", -1, 100000000, &e) ||
	    !get_int(v, "medium", -1, 100000000, &m) ||
	    !get_int(v, "hard", -1, 100000000, &h))
		return false;
	add_category(c, id, name->valuestring);
	k = &c->v[c->n - 1];
	k->total = t;
	k->easy = e;
	k->medium = m;
	k->hard = h;
	return true;
}

int
otdb_list_cache_parse(struct otdb_categories *c, const char *text,
    size_t len, const char *base, int64_t *listed_ms, int64_t *counted_ms)
{
	char err[64];
	cJSON *root = parse_json(text, len, err, sizeof err);
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(root, "categories");
	const cJSON *url = cJSON_GetObjectItemCaseSensitive(root, "url");
	const cJSON *v;
	int r = -1, all;

	otdb_categories_fini(c);
	*listed_ms = *counted_ms = 0;
	/* Another server's ids and names are not this one's. */
	if (!cJSON_IsString(url) || (int)strlen(url->valuestring) !=
	    base_len(base) || strncmp(url->valuestring, base,
	    (size_t)base_len(base)) != 0)
		goto done;
	if (!cJSON_IsObject(root) || !cJSON_IsArray(list) ||
	    list->child == NULL || !get_ms(root, "listed", listed_ms) ||
	    !get_ms(root, "counted", counted_ms) ||
	    !get_int(root, "all", -1, 100000000, &all))
		goto done;
	cJSON_ArrayForEach(v, list)
		if (!cached_category(c, v))
			goto done;
	c->all = all;
	r = 0;
done:
	if (r < 0) {
		otdb_categories_fini(c);
		*listed_ms = *counted_ms = 0;
	}
	cJSON_Delete(root);
	return r;
}

bool
otdb_list_fresh(int64_t at_ms, int64_t now_ms)
{
	return at_ms > 0 && at_ms <= now_ms &&
	    now_ms - at_ms < OTDB_LIST_KEEP_MS;
}

/* --- cache names -------------------------------------------------------- */

char *
otdb_cache_name(const struct otdb_query *q, int64_t now_ms, int n)
{
	time_t t = (time_t)(now_ms / 1000);
	struct tm tm;
	char when[32], cat[16];
	const char *d = otdb_difficulty_name(q->difficulty);
	const char *ty = otdb_type_name(q->type);

	gmtime_r(&t, &tm);
	strftime(when, sizeof when, "%Y%m%d-%H%M%S", &tm);
	if (q->category > 0)
		snprintf(cat, sizeof cat, "cat%d", q->category);
	else
		snprintf(cat, sizeof cat, "catany");
	return xasprintf("%s-%03d-%s-%s-%s-%d.json", when,
	    (int)(now_ms % 1000), cat, d ? d : "any", ty ? ty : "any", n);
}

bool
otdb_cache_matches(const char *name, const struct otdb_query *q)
{
	char cat[16], diff[16], type[16], tail[8];
	unsigned day, hms, ms;
	int n, id;

	if (sscanf(name, "%8u-%6u-%3u-%15[a-z0-9]-%15[a-z]-%15[a-z]-%d%7s",
	    &day, &hms, &ms, cat, diff, type, &n, tail) != 8 ||
	    strcmp(tail, ".json") != 0 || n < 1)
		return false;
	if (q->category > 0 && (sscanf(cat, "cat%d", &id) != 1 ||
	    id != q->category))
		return false;
	if (q->difficulty != OTDB_ANY_DIFFICULTY &&
	    strcmp(diff, otdb_difficulty_name(q->difficulty)) != 0)
		return false;
	if (q->type != OTDB_ANY_TYPE && strcmp(type, otdb_type_name(q->type))
	    != 0)
		return false;
	return true;
}

/* --- the plan of one fetch ------------------------------------------------ */

void
otdb_plan_init(struct otdb_plan *p, const char *base,
    const struct otdb_query *q, const struct otdb_state *st)
{
	memset(p, 0, sizeof *p);
	p->base = xstrdup(base);
	p->q = *q;
	if (p->q.amount < 1)
		p->q.amount = 1;
	if (p->q.amount > OTDB_COUNT_MAX)
		p->q.amount = OTDB_COUNT_MAX;
	p->st = *st;
	p->phase = OTDB_PH_QUESTIONS;
	p->results = cJSON_CreateArray();
}

void
otdb_plan_fini(struct otdb_plan *p)
{
	free(p->base);
	free(p->url);
	free(p->body);
	cJSON_Delete(p->results);
	memset(p, 0, sizeof *p);
}

static void
plan_fail(struct otdb_plan *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
plan_fail(struct otdb_plan *p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(p->error, sizeof p->error, fmt, ap);
	va_end(ap);
	p->phase = OTDB_PH_FAILED;
}

static void
plan_done(struct otdb_plan *p)
{
	cJSON *root = cJSON_CreateObject();
	char *text;

	cJSON_AddNumberToObject(root, "response_code", 0);
	cJSON_AddItemToObject(root, "results", p->results);
	p->results = NULL;
	text = cJSON_Print(root);
	cJSON_Delete(root);
	p->body = xasprintf("%s\n", text != NULL ? text : "{}");
	cJSON_free(text);
	p->phase = OTDB_PH_DONE;
}

void
otdb_plan_failed(struct otdb_plan *p, const char *why)
{
	plan_fail(p, "%s", why);
}

enum otdb_action
otdb_plan_next(struct otdb_plan *p, int64_t now, int64_t *wait_ms)
{
	int64_t w;
	int want;

	if (p->phase == OTDB_PH_DONE)
		return OTDB_DONE;
	if (p->phase == OTDB_PH_FAILED)
		return OTDB_FAIL;
	if (p->phase == OTDB_PH_QUESTIONS && !otdb_token_usable(&p->st, now)) {
		p->st.token[0] = '\0';
		p->phase = OTDB_PH_TOKEN;
	}
	w = otdb_rate_wait(p->st.last_request_ms, now);
	if (w > 0) {
		*wait_ms = w;
		return OTDB_WAIT;
	}
	p->rate_limited = false;
	free(p->url);
	want = p->q.amount - p->got;
	if (want > OTDB_PER_REQUEST)
		want = OTDB_PER_REQUEST;
	if (p->phase == OTDB_PH_TOKEN)
		p->url = otdb_url_token(p->base, NULL);
	else if (p->phase == OTDB_PH_RESET)
		p->url = otdb_url_token(p->base, p->st.token);
	else
		p->url = otdb_url_questions(p->base, &p->q, want, p->st.token);
	p->st.last_request_ms = now;
	return OTDB_REQUEST;
}

/* Code 5: wait the 5 s from now and send the same request again, once. */
static void
rate_limited(struct otdb_plan *p, int64_t now)
{
	if (p->rate_retried) {
		plan_fail(p, "the Open Trivia Database is still refusing "
		    "requests (code 5: too many requests); try again in a "
		    "minute");
		return;
	}
	p->rate_retried = true;
	p->rate_limited = true;
	p->st.last_request_ms = now;
}

static void
token_reply(struct otdb_plan *p, const cJSON *root, int code, int64_t now)
{
	const cJSON *tok = cJSON_GetObjectItemCaseSensitive(root, "token");

	if (code == 5) {
		rate_limited(p, now);
		return;
	}
	if (code == 3 && p->phase == OTDB_PH_RESET && !p->token_renewed) {
		/* The token to reset is gone: ask for a new one. */
		p->token_renewed = true;
		p->st.token[0] = '\0';
		p->phase = OTDB_PH_TOKEN;
		return;
	}
	if (code != 0 || !cJSON_IsString(tok) ||
	    !otdb_token_valid(tok->valuestring)) {
		plan_fail(p, "the Open Trivia Database gave no session token "
		    "(code %d: %s)", code, otdb_code_meaning(code));
		return;
	}
	snprintf(p->st.token, sizeof p->st.token, "%s", tok->valuestring);
	p->st.token_used_ms = now;
	p->phase = OTDB_PH_QUESTIONS;
}

/* Keep the results of a reply; -1 (failed) when they are not a list. */
static int
take_results(struct otdb_plan *p, cJSON *root)
{
	cJSON *res = cJSON_GetObjectItemCaseSensitive(root, "results"), *v;

	if (!cJSON_IsArray(res)) {
		plan_fail(p, "the Open Trivia Database's reply is broken: no "
		    "\"results\" list");
		return -1;
	}
	while ((v = res->child) != NULL && p->got < p->q.amount) {
		cJSON_AddItemToArray(p->results,
		    cJSON_DetachItemViaPointer(res, v));
		p->got++;
	}
	return 0;
}

/* Code 1, or an empty success: play what came, or say there is none. */
static void
too_few(struct otdb_plan *p)
{
	if (p->got > 0) {
		snprintf(p->note, sizeof p->note, "The Open Trivia Database "
		    "had only %d of the %d questions asked for.", p->got,
		    p->q.amount);
		plan_done(p);
		return;
	}
	plan_fail(p, "the Open Trivia Database does not have %d question%s "
	    "for this choice (code 1); ask for fewer or choose another "
	    "category or difficulty", p->q.amount, p->q.amount == 1 ? "" :
	    "s");
}

static void
questions_reply(struct otdb_plan *p, cJSON *root, int code, int64_t now)
{
	int before = p->got;

	switch (code) {
	case 0:
	case 1:
		if (take_results(p, root) < 0)
			return;
		p->st.token_used_ms = now;
		if (p->got >= p->q.amount)
			plan_done(p);
		else if (code == 1 || p->got == before)
			too_few(p);
		return;
	case 3:
		if (p->token_renewed)
			break;
		p->token_renewed = true;
		p->st.token[0] = '\0';
		p->phase = OTDB_PH_TOKEN;
		return;
	case 4:
		if (p->token_reset)
			break;
		p->token_reset = true;
		p->phase = OTDB_PH_RESET;
		snprintf(p->note, sizeof p->note, "You have seen every question "
		    "for this choice: the session token was reset, so "
		    "questions may repeat.");
		return;
	case 5:
		rate_limited(p, now);
		return;
	default:
		break;
	}
	if (code == 4 && p->got > 0) {
		plan_done(p);
		return;
	}
	plan_fail(p, "the Open Trivia Database answered code %d (%s)", code,
	    otdb_code_meaning(code));
}

void
otdb_plan_reply(struct otdb_plan *p, const char *body, size_t len,
    int64_t now)
{
	char err[128];
	cJSON *root;
	int code;

	if (p->phase == OTDB_PH_DONE || p->phase == OTDB_PH_FAILED)
		return;
	root = parse_json(body, len, err, sizeof err);
	if (root == NULL) {
		plan_fail(p, "the Open Trivia Database's reply is broken: %s",
		    err);
		return;
	}
	if (!get_int(root, "response_code", 0, 1000, &code))
		plan_fail(p, "the Open Trivia Database's reply is broken: no "
		    "response_code");
	else if (p->phase == OTDB_PH_QUESTIONS)
		questions_reply(p, root, code, now);
	else
		token_reply(p, root, code, now);
	cJSON_Delete(root);
}
