#include "opentdb.h"

#include <stdlib.h>
#include <string.h>

#include "entities.h"
#include "loadutil.h"
#include "utf8.h"
#include "util.h"

enum encoding { ENC_HTML, ENC_BASE64, ENC_URL };

static const char *const result_keys[] = {
	"type", "difficulty", "category", "question", "correct_answer",
	"incorrect_answers", NULL
};

/* Whether results looks like the API's: an array whose elements are
 * objects with a "correct_answer" (as a whole-database dump saves it, with
 * no response_code). */
static bool
results_shape(const cJSON *results)
{
	const cJSON *first = cJSON_IsArray(results) ? results->child : NULL;

	return cJSON_IsObject(first) &&
	    cJSON_GetObjectItemCaseSensitive(first, "correct_answer") != NULL;
}

bool
opentdb_detect(const cJSON *root)
{
	const cJSON *results = cJSON_GetObjectItemCaseSensitive(root, "results");

	if (cJSON_GetObjectItemCaseSensitive(root, "response_code") != NULL)
		return results != NULL ||
		    cJSON_GetObjectItemCaseSensitive(root, "token") != NULL ||
		    cJSON_GetObjectItemCaseSensitive(root,
		    "response_message") != NULL;
	return results_shape(results);
}

/* The API encodes every string the same way: tell which from the first type. */
static enum encoding
detect_encoding(const cJSON *results)
{
	const cJSON *first = cJSON_GetArrayItem(results, 0), *r;
	const cJSON *type = cJSON_GetObjectItemCaseSensitive(first, "type");
	bool escapes = false;

	if (cJSON_IsString(type) && (strcmp(type->valuestring, "bXVsdGlwbGU=") ==
	    0 || strcmp(type->valuestring, "Ym9vbGVhbg==") == 0))
		return ENC_BASE64;
	/* url3986 text has no spaces anywhere, and escapes somewhere; plain
	 * questions have spaces. */
	cJSON_ArrayForEach(r, results) {
		const cJSON *q = cJSON_GetObjectItemCaseSensitive(r, "question");

		if (!cJSON_IsString(q))
			continue;
		if (strchr(q->valuestring, ' ') != NULL)
			return ENC_HTML;
		escapes |= strchr(q->valuestring, '%') != NULL;
	}
	return escapes ? ENC_URL : ENC_HTML;
}

/* Decode one string; NULL (reported) when it does not decode to UTF-8 text. */
static char *
decode(struct jdoc *doc, struct jpath p, const char *s, enum encoding enc)
{
	char *out = enc == ENC_BASE64 ? entities_base64(s) :
	    enc == ENC_URL ? entities_url3986(s) : entities_decode(s);

	if (out == NULL || !utf8_valid(out, strlen(out), NULL)) {
		jdoc_report(doc, DIAG_ERROR, &p, false, "cannot decode \"%s\"",
		    s);
		free(out);
		return NULL;
	}
	return out;
}

static char *
decoded_field(struct jdoc *doc, const cJSON *obj, struct jpath p,
    const char *key, bool required, enum encoding enc)
{
	const char *s = lu_string(doc, obj, p, key, required);

	return s != NULL ? decode(doc, jpath_key(p, key), s, enc) : NULL;
}

/* Place the correct answer among the wrong ones at a spot that depends on the
 * text, so that even unshuffled games do not always put it first. */
static int
load_multiple(struct jdoc *doc, const cJSON *obj, struct jpath p,
    struct question *q, char *correct, enum encoding enc)
{
	const cJSON *wrong = cJSON_GetObjectItemCaseSensitive(obj,
	    "incorrect_answers");
	struct jpath pw = jpath_key(p, "incorrect_answers");
	const cJSON *v;
	int n, i = 0, k = 0;
	unsigned h = 5381;
	const char *c;

	if (!cJSON_IsArray(wrong) || cJSON_GetArraySize(wrong) < 1 ||
	    cJSON_GetArraySize(wrong) > CHOICES_MAX - 1) {
		jdoc_report(doc, DIAG_ERROR, wrong ? &pw : &p, false,
		    "\"incorrect_answers\" must list 1 to %d strings",
		    CHOICES_MAX - 1);
		free(correct); /* not yet in q->choices, so ours to free */
		return -1;
	}
	n = cJSON_GetArraySize(wrong) + 1;
	for (c = q->text; *c; c++)
		h = h * 33 + (unsigned char)*c;
	q->answer = (int)(h % (unsigned)n);
	q->choices = xcalloc((size_t)n, sizeof *q->choices);
	q->nchoices = n;
	q->choices[q->answer] = correct;
	cJSON_ArrayForEach(v, wrong) {
		struct jpath at = jpath_index(pw, k++);
		char *d;

		if (!cJSON_IsString(v)) {
			jdoc_report(doc, DIAG_ERROR, &at, false,
			    "must be a string, not %s", lu_type_name(v));
			return -1;
		}
		if ((d = decode(doc, at, v->valuestring, enc)) == NULL)
			return -1;
		if (i == q->answer)
			i++;
		q->choices[i++] = d;
	}
	return 0;
}

static int
load_result(struct jdoc *doc, const cJSON *obj, struct jpath p,
    struct question *q, enum encoding enc)
{
	char *type, *correct;
	int r = -1;

	if (!cJSON_IsObject(obj)) {
		jdoc_report(doc, DIAG_ERROR, &p, false,
		    "a result must be an object, not %s", lu_type_name(obj));
		return -1;
	}
	lu_unknown_keys(doc, obj, p, result_keys);
	lu_repeated_keys(doc, obj, p);
	q->text = decoded_field(doc, obj, p, "question", true, enc);
	q->category = decoded_field(doc, obj, p, "category", false, enc);
	q->difficulty = decoded_field(doc, obj, p, "difficulty", false, enc);
	type = decoded_field(doc, obj, p, "type", true, enc);
	correct = decoded_field(doc, obj, p, "correct_answer", true, enc);
	if (q->text == NULL || type == NULL || correct == NULL) {
		if (q->text == NULL)
			q->text = xstrdup("");
	} else if (strcmp(type, "boolean") == 0) {
		q->type = Q_TRUEFALSE;
		q->truth = strcmp(correct, "True") == 0;
		if (q->truth || strcmp(correct, "False") == 0)
			r = 0;
		else
			jdoc_report_key(doc, DIAG_ERROR, &p, "correct_answer",
			    "a boolean question's answer must be \"True\" or "
			    "\"False\"");
	} else if (strcmp(type, "multiple") == 0) {
		q->type = Q_CHOICE;
		r = load_multiple(doc, obj, p, q, correct, enc);
		correct = NULL;
	} else {
		struct jpath at = jpath_key(p, "type");

		jdoc_report(doc, DIAG_ERROR, &at, false,
		    "unknown type \"%s\" (multiple or boolean)", type);
	}
	free(type);
	free(correct);
	return r;
}

static char *
make_title(const struct pack *pk)
{
	const char *cat = pk->nq > 0 ? pk->q[0].category : NULL;
	const char *base = strrchr(pk->path, '/');
	int i;

	for (i = 1; i < pk->nq && cat != NULL; i++)
		if (pk->q[i].category == NULL ||
		    strcmp(pk->q[i].category, cat) != 0)
			cat = NULL;
	if (cat != NULL)
		return xasprintf("Open Trivia: %s", cat);
	return xasprintf("Open Trivia: %s", base ? base + 1 : pk->path);
}

/* What the API's response codes mean (opentdb.com/api_config.php), or
 * NULL for a code it does not document. */
static const char *
code_meaning(double code)
{
	static const char *const meaning[] = {
		NULL,
		"no results: the database has too few questions for the query",
		"invalid parameter: an argument of the query was not valid",
		"token not found: the session token does not exist",
		"token empty: the session token has given every question of "
		    "the query (reset it)",
		"rate limit: more than one request in 5 seconds from one "
		    "address",
	};

	return code >= 1 && code <= 5 ? meaning[(int)code] : NULL;
}

int
opentdb_load(struct jdoc *doc, struct pack *pk)
{
	const cJSON *root = doc->root, *results, *v;
	struct jpath top = { 0 }, pr = jpath_key(top, "results");
	double code = 0;
	enum encoding enc;
	int bad = 0;

	if (lu_number(doc, root, top, "response_code", 0, 1e9, true, &code) < 0)
		return -1;
	if (code != 0) {
		struct jpath at = jpath_key(top, "response_code");
		const char *why = code_meaning(code);

		if (why != NULL)
			jdoc_report(doc, DIAG_ERROR, &at, false,
			    "the API answered %g, %s (no questions in this "
			    "file)", code, why);
		else
			jdoc_report(doc, DIAG_ERROR, &at, false,
			    "the API answered %g (no questions in this file)",
			    code);
		return -1;
	}
	results = cJSON_GetObjectItemCaseSensitive(root, "results");
	if (results == NULL &&
	    cJSON_GetObjectItemCaseSensitive(root, "token") != NULL) {
		struct jpath at = jpath_key(top, "token");

		jdoc_report(doc, DIAG_ERROR, &at, false,
		    "this is a session token (api_token.php), not questions: "
		    "questions come from api.php");
		return -1;
	}
	if (!cJSON_IsArray(results) || cJSON_GetArraySize(results) == 0) {
		jdoc_report(doc, DIAG_ERROR, &pr, false,
		    "must be a non-empty array of questions");
		return -1;
	}
	enc = detect_encoding(results);
	pk->q = xcalloc((size_t)cJSON_GetArraySize(results), sizeof *pk->q);
	cJSON_ArrayForEach(v, results) {
		if (load_result(doc, v, jpath_index(pr, pk->nq),
		    &pk->q[pk->nq], enc) < 0)
			bad = 1;
		pk->nq++;
	}
	pk->title = make_title(pk);
	pk->description = xstrdup("Questions from the Open Trivia Database "
	    "(opentdb.com, CC BY-SA 4.0)");
	pk->author = xstrdup("Open Trivia Database contributors");
	return bad ? -1 : 0;
}
