#include "loadutil.h"

#include <ctype.h>
#include <math.h>
#include <string.h>

const char *
lu_type_name(const cJSON *v)
{
	if (cJSON_IsString(v))
		return "a string";
	if (cJSON_IsNumber(v))
		return "a number";
	if (cJSON_IsBool(v))
		return "a boolean";
	if (cJSON_IsNull(v))
		return "null";
	if (cJSON_IsArray(v))
		return "an array";
	if (cJSON_IsObject(v))
		return "an object";
	return "an invalid value";
}

const char *
lu_string(struct jdoc *doc, const cJSON *obj, struct jpath p, const char *key,
    bool required)
{
	return lu_string_of(doc, cJSON_GetObjectItemCaseSensitive(obj, key), p,
	    key, required);
}

const char *
lu_string_of(struct jdoc *doc, const cJSON *v, struct jpath p, const char *key,
    bool required)
{
	if (v == NULL) {
		if (required)
			jdoc_report(doc, DIAG_ERROR, &p, false,
			    "missing \"%s\" (a string)", key);
		return NULL;
	}
	if (!cJSON_IsString(v)) {
		jdoc_report_key(doc, DIAG_ERROR, &p, key,
		    "must be a string, not %s", lu_type_name(v));
		return NULL;
	}
	return v->valuestring;
}

int
lu_number(struct jdoc *doc, const cJSON *obj, struct jpath p, const char *key,
    double min, double max, bool integer, double *out)
{
	return lu_number_of(doc, cJSON_GetObjectItemCaseSensitive(obj, key), p,
	    key, min, max, integer, out);
}

int
lu_number_of(struct jdoc *doc, const cJSON *v, struct jpath p, const char *key,
    double min, double max, bool integer, double *out)
{
	double x;

	if (v == NULL)
		return 0;
	if (!cJSON_IsNumber(v)) {
		jdoc_report_key(doc, DIAG_ERROR, &p, key,
		    "must be a number, not %s", lu_type_name(v));
		return -1;
	}
	x = v->valuedouble;
	if (!isfinite(x) || x < min || x > max) {
		jdoc_report_key(doc, DIAG_ERROR, &p, key,
		    "%.10g is out of range (%.10g to %.10g)", x, min, max);
		return -1;
	}
	if (integer && x != floor(x)) {
		jdoc_report_key(doc, DIAG_ERROR, &p, key,
		    "must be a whole number, not %g", x);
		return -1;
	}
	*out = x;
	return 1;
}

int
lu_int(struct jdoc *doc, const cJSON *obj, struct jpath p, const char *key,
    int min, int max, int *out)
{
	double x;
	int r = lu_number(doc, obj, p, key, min, max, true, &x);

	if (r > 0)
		*out = (int)x;
	return r;
}

int
lu_bool(struct jdoc *doc, const cJSON *obj, struct jpath p, const char *key,
    bool *out)
{
	return lu_bool_of(doc, cJSON_GetObjectItemCaseSensitive(obj, key), p,
	    key, out);
}

int
lu_bool_of(struct jdoc *doc, const cJSON *v, struct jpath p, const char *key,
    bool *out)
{
	if (v == NULL)
		return 0;
	if (!cJSON_IsBool(v)) {
		jdoc_report_key(doc, DIAG_ERROR, &p, key,
		    "must be true or false, not %s", lu_type_name(v));
		return -1;
	}
	*out = cJSON_IsTrue(v);
	return 1;
}

int
lu_distance(const char *a, const char *b, int cap)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	int row[64], prev, tmp;

	if (la >= 64 || lb >= 64)
		return cap + 1;
	for (j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (i = 1; i <= la; i++) {
		int best;

		prev = row[0];
		row[0] = (int)i;
		best = row[0];
		for (j = 1; j <= lb; j++) {
			int cost = tolower((unsigned char)a[i - 1]) !=
			    tolower((unsigned char)b[j - 1]);
			int v = prev + cost;

			if (row[j] + 1 < v)
				v = row[j] + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			tmp = row[j];
			row[j] = v;
			prev = tmp;
			if (v < best)
				best = v;
		}
		if (best > cap)
			return cap + 1;
	}
	return row[lb];
}

static const char *
near_miss(const char *key, const char *const *known)
{
	const char *best = NULL;
	int i, bestd = strlen(key) <= 4 ? 1 : 2;

	for (i = 0; known[i] != NULL; i++) {
		int d = lu_distance(key, known[i], bestd);

		if (d <= bestd && (best == NULL || d < bestd)) {
			best = known[i];
			bestd = d;
		}
	}
	return best;
}

bool
lu_unknown_key(struct jdoc *doc, const cJSON *m, struct jpath p,
    const char *const *known)
{
	struct jpath at;
	const char *hint;
	int i;

	for (i = 0; known[i] != NULL; i++)
		if (strcmp(m->string, known[i]) == 0)
			return false;
	if (strcmp(m->string, "$schema") == 0)
		return false;
	at = jpath_key(p, m->string);
	hint = near_miss(m->string, known);
	if (hint != NULL)
		jdoc_report(doc, DIAG_WARNING, &at, true,
		    "unknown key \"%s\" (did you mean \"%s\"?)", m->string,
		    hint);
	else
		jdoc_report(doc, DIAG_WARNING, &at, true,
		    "unknown key \"%s\" (ignored)", m->string);
	return true;
}

void
lu_unknown_keys(struct jdoc *doc, const cJSON *obj, struct jpath p,
    const char *const *known)
{
	const cJSON *m;

	cJSON_ArrayForEach(m, obj)
		lu_unknown_key(doc, m, p, known);
}

void
lu_repeated_keys(struct jdoc *doc, const cJSON *obj, struct jpath p)
{
	const cJSON *m, *e;

	cJSON_ArrayForEach(m, obj) {
		int nth = 0;

		for (e = obj->child; e != m; e = e->next)
			nth += strcmp(e->string, m->string) == 0;
		if (nth > 0)
			jdoc_warn_repeated_key(doc, &p, m->string, nth);
	}
}
