#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "jdoc.h"
#include "loadutil.h"
#include "otdb.h"
#include "util.h"

static const char *const config_keys[] = {
	"time_limit", "time_limits", "questions_per_game", "shuffle_questions",
	"shuffle_choices", "feedback_seconds", "streak_bonus",
	"streak_bonus_max", "time_scale", "untimed", "more_time_seconds",
	"allow_pause", "theme", "bell", "announce", "announce_last_seconds",
	"player", "desired_retention", "live", "opentdb_url", NULL
};
static const char *const live_keys[] = {
	"grace_ms", "read_seconds", "reveal_seconds", NULL
};
static const char *const type_keys[] = { "choice", "truefalse", "text", NULL };
static const char *const theme_names[] = {
	"default", "high-contrast", "mono", NULL
};

void
config_defaults(struct config *c)
{
	memset(c, 0, sizeof *c);
	c->time_limit = 20;
	c->time_limits[Q_CHOICE] = 20;
	c->time_limits[Q_TRUEFALSE] = 15;
	c->time_limits[Q_TEXT] = 30;
	c->questions_per_game = 10;
	c->shuffle_questions = true;
	c->shuffle_choices = true;
	c->streak_bonus = 100;
	c->streak_bonus_max = 500;
	c->time_scale = 1;
	c->more_time_seconds = 0;
	c->allow_pause = false;
	c->announce[0] = 0.5;
	c->announce[1] = 0.25;
	c->nannounce = 2;
	c->announce_last_seconds = 5;
	c->live_grace_ms = 250;
	c->live_read_seconds = 3;
	c->live_reveal_seconds = 5;
	c->desired_retention = 0.9;
}

void
config_fini(struct config *c)
{
	free(c->player);
	c->player = NULL;
	free(c->opentdb_url);
	c->opentdb_url = NULL;
}

static int
load_numbers(struct jdoc *doc, struct config *c, struct jpath top)
{
	const cJSON *r = doc->root;
	int bad = 0;

	bad |= lu_number(doc, r, top, "time_limit", 0.1, TIME_LIMIT_MAX, false,
	    &c->time_limit) < 0;
	bad |= lu_int(doc, r, top, "questions_per_game", 0, 1000000,
	    &c->questions_per_game) < 0;
	bad |= lu_number(doc, r, top, "feedback_seconds", 0, 3600, false,
	    &c->feedback_seconds) < 0;
	bad |= lu_int(doc, r, top, "streak_bonus", 0, 1000,
	    &c->streak_bonus) < 0;
	bad |= lu_int(doc, r, top, "streak_bonus_max", 0, 10000,
	    &c->streak_bonus_max) < 0;
	bad |= lu_number(doc, r, top, "time_scale", 0.1, 100, false,
	    &c->time_scale) < 0;
	bad |= lu_number(doc, r, top, "more_time_seconds", 0, 3600, false,
	    &c->more_time_seconds) < 0;
	bad |= lu_number(doc, r, top, "announce_last_seconds", 0, 3600, false,
	    &c->announce_last_seconds) < 0;
	bad |= lu_number(doc, r, top, "desired_retention", 0.5, 0.99, false,
	    &c->desired_retention) < 0;
	return bad ? -1 : 0;
}

static int
load_bools(struct jdoc *doc, struct config *c, struct jpath top)
{
	int bad = 0;

	bad |= lu_bool(doc, doc->root, top, "shuffle_questions",
	    &c->shuffle_questions) < 0;
	bad |= lu_bool(doc, doc->root, top, "shuffle_choices",
	    &c->shuffle_choices) < 0;
	bad |= lu_bool(doc, doc->root, top, "untimed", &c->untimed) < 0;
	bad |= lu_bool(doc, doc->root, top, "allow_pause", &c->allow_pause) < 0;
	bad |= lu_bool(doc, doc->root, top, "bell", &c->bell) < 0;
	return bad ? -1 : 0;
}

static int
load_time_limits(struct jdoc *doc, struct config *c, struct jpath top)
{
	const cJSON *tl = cJSON_GetObjectItemCaseSensitive(doc->root,
	    "time_limits");
	struct jpath p = jpath_key(top, "time_limits");
	int i, bad = 0;

	if (tl == NULL)
		return 0;
	if (!cJSON_IsObject(tl)) {
		jdoc_report(doc, DIAG_ERROR, &p, false,
		    "must be an object like {\"choice\": 15, \"text\": 30}, "
		    "not %s", lu_type_name(tl));
		return -1;
	}
	lu_unknown_keys(doc, tl, p, type_keys);
	lu_repeated_keys(doc, tl, p);
	for (i = 0; i < QTYPE_COUNT; i++)
		bad |= lu_number(doc, tl, p, type_keys[i], 0.1, TIME_LIMIT_MAX,
		    false, &c->time_limits[i]) < 0;
	return bad ? -1 : 0;
}

static int
load_live(struct jdoc *doc, struct config *c, struct jpath top)
{
	const cJSON *lv = cJSON_GetObjectItemCaseSensitive(doc->root, "live");
	struct jpath p = jpath_key(top, "live");
	int bad = 0;

	if (lv == NULL)
		return 0;
	if (!cJSON_IsObject(lv)) {
		jdoc_report(doc, DIAG_ERROR, &p, false,
		    "must be an object like {\"grace_ms\": 250, "
		    "\"read_seconds\": 3, \"reveal_seconds\": 5}, not %s",
		    lu_type_name(lv));
		return -1;
	}
	lu_unknown_keys(doc, lv, p, live_keys);
	lu_repeated_keys(doc, lv, p);
	bad |= lu_number(doc, lv, p, "grace_ms", 0, 5000, false,
	    &c->live_grace_ms) < 0;
	bad |= lu_number(doc, lv, p, "read_seconds", 0, 60, false,
	    &c->live_read_seconds) < 0;
	bad |= lu_number(doc, lv, p, "reveal_seconds", 0, 600, false,
	    &c->live_reveal_seconds) < 0;
	return bad ? -1 : 0;
}

static int
load_announce(struct jdoc *doc, struct config *c, struct jpath top)
{
	const cJSON *a = cJSON_GetObjectItemCaseSensitive(doc->root, "announce");
	struct jpath p = jpath_key(top, "announce");
	const cJSON *v;
	int n = 0;

	if (a == NULL)
		return 0;
	if (!cJSON_IsArray(a) || cJSON_GetArraySize(a) > ANNOUNCE_MAX) {
		jdoc_report(doc, DIAG_ERROR, &p, false,
		    "must be a list of up to %d fractions of the time limit, "
		    "like [0.5, 0.25]", ANNOUNCE_MAX);
		return -1;
	}
	cJSON_ArrayForEach(v, a) {
		struct jpath at = jpath_index(p, n);

		if (!cJSON_IsNumber(v) || !(v->valuedouble > 0 &&
		    v->valuedouble < 1)) {
			jdoc_report(doc, DIAG_ERROR, &at, false,
			    "must be a number between 0 and 1 (exclusive)");
			return -1;
		}
		c->announce[n++] = v->valuedouble;
	}
	c->nannounce = n;
	return 0;
}

static int
load_strings(struct jdoc *doc, struct config *c, struct jpath top)
{
	const char *theme = lu_string(doc, doc->root, top, "theme", false);
	const char *player = lu_string(doc, doc->root, top, "player", false);
	struct jpath p = jpath_key(top, "theme");
	int i, bad = 0;

	if (cJSON_GetObjectItemCaseSensitive(doc->root, "theme") && !theme)
		bad = 1;
	if (cJSON_GetObjectItemCaseSensitive(doc->root, "player") && !player)
		bad = 1;
	if (theme != NULL) {
		for (i = 0; theme_names[i] != NULL; i++)
			if (strcmp(theme, theme_names[i]) == 0)
				break;
		if (theme_names[i] == NULL) {
			jdoc_report(doc, DIAG_ERROR, &p, false,
			    "unknown theme \"%s\" (default, high-contrast or "
			    "mono)", theme);
			bad = 1;
		} else {
			c->theme = (enum theme)i;
		}
	}
	if (player != NULL && player[0] != '\0') {
		free(c->player);
		c->player = xstrdup(player);
	}
	return bad ? -1 : 0;
}

/* opentdb_url: where the Open Trivia Database is (tests use a local one). */
static int
load_url(struct jdoc *doc, struct config *c, struct jpath top)
{
	const char *url = lu_string(doc, doc->root, top, "opentdb_url", false);
	struct jpath p = jpath_key(top, "opentdb_url");

	if (url == NULL)
		return cJSON_GetObjectItemCaseSensitive(doc->root,
		    "opentdb_url") != NULL ? -1 : 0;
	if (!otdb_base_valid(url)) {
		jdoc_report(doc, DIAG_ERROR, &p, false,
		    "must be an http:// or https:// address without a query, "
		    "like \"%s\"", OTDB_DEFAULT_URL);
		return -1;
	}
	free(c->opentdb_url);
	c->opentdb_url = xstrdup(url);
	return 0;
}

/* Fill c from a parsed document (parsed: jdoc_load's result). */
static int
config_from_doc(struct jdoc *doc, struct config *c, int parsed)
{
	struct jpath top = { 0 };
	int bad = 0, errors = doc->diags->errors;

	if (parsed < 0)
		return -1;
	if (!cJSON_IsObject(doc->root)) {
		jdoc_report(doc, DIAG_ERROR, &top, false,
		    "the configuration must be a JSON object, not %s",
		    lu_type_name(doc->root));
		return -1;
	}
	lu_unknown_keys(doc, doc->root, top, config_keys);
	lu_repeated_keys(doc, doc->root, top);
	bad |= load_numbers(doc, c, top) < 0;
	bad |= load_bools(doc, c, top) < 0;
	bad |= load_time_limits(doc, c, top) < 0;
	bad |= load_announce(doc, c, top) < 0;
	bad |= load_live(doc, c, top) < 0;
	bad |= load_strings(doc, c, top) < 0;
	bad |= load_url(doc, c, top) < 0;
	return bad || doc->diags->errors > errors ? -1 : 0;
}

int
config_load(struct config *c, const char *path, struct diags *d)
{
	struct jdoc doc;
	int parsed = jdoc_load(&doc, path, d, NULL);
	int r = config_from_doc(&doc, c, parsed);

	jdoc_fini(&doc);
	return r;
}

int
config_parse(struct config *c, const char *name, const char *text,
    unsigned long len, struct diags *d)
{
	struct jdoc doc;
	int parsed = jdoc_parse(&doc, name, text, len, d, NULL);
	int r = config_from_doc(&doc, c, parsed);

	jdoc_fini(&doc);
	return r;
}
