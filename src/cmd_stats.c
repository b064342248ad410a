/* --stats: the history per pack on stdout, as a table or (--json) JSON:
 * the numbers, sparklines of the last scores and accuracy, and the
 * questions missed most. */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <time.h>

#include <cJSON.h>

#include "cmd.h"
#include "core/history.h"
#include "core/sanitize.h"
#include "core/spark.h"
#include "core/utf8.h"
#include "core/util.h"
#include "termenv.h"

#define STATS_MAX 256
#define SERIES_MAX 20
#define MISSED_MAX 3

/* What --stats shows of one pack beyond history_stats. */
struct pack_more {
	int due;
	struct history_point series[SERIES_MAX];
	int nseries;
	struct history_missed missed[MISSED_MAX];
	int nmissed;
};

/* The pack whose key (pack_hash) is key: named on the command line, else
 * in the menu's folders; NULL when it is not at hand. */
static const struct pack *
find_pack(struct session *s, const char *key)
{
	char k[HASH_HEX];
	int i;

	for (i = 0; i < s->npacks; i++) {
		pack_hash(s->packs[i], k);
		if (strcmp(k, key) == 0)
			return s->packs[i];
	}
	if (s->npacks > 0)
		return NULL;
	session_load_catalog(s);
	for (i = 0; i < s->catalog.n; i++)
		if (s->catalog.v[i].pack != NULL) {
			pack_hash(s->catalog.v[i].pack, k);
			if (strcmp(k, key) == 0)
				return s->catalog.v[i].pack;
		}
	return NULL;
}

static void
gather(struct session *s, struct history *h, const struct history_stats *v,
    int64_t now, struct pack_more *m)
{
	const struct pack *p = find_pack(s, v->key);

	/* Review is per player: the due questions are this player's. By
	 * question when the pack is at hand (as the menu counts), else those
	 * met in its games. */
	m->due = p != NULL ? session_pack_due(s, p, now) :
	    history_due(h, v->key, s->player, now);
	m->nseries = history_series(h, v->key, NULL, m->series, SERIES_MAX);
	if (m->nseries < 0)
		m->nseries = 0;
	m->nmissed = history_missed(h, v->key, m->missed, MISSED_MAX);
	if (m->nmissed < 0)
		m->nmissed = 0;
}

static cJSON *
series_json(const struct pack_more *m)
{
	cJSON *arr = cJSON_CreateArray();
	int i;

	for (i = 0; i < m->nseries; i++) {
		const struct history_point *p = &m->series[i];
		cJSON *o = cJSON_CreateObject();

		cJSON_AddNumberToObject(o, "game", (double)p->game);
		cJSON_AddNumberToObject(o, "started_at", (double)p->started_at);
		cJSON_AddNumberToObject(o, "score", (double)p->score);
		cJSON_AddNumberToObject(o, "max_score", (double)p->max_score);
		cJSON_AddNumberToObject(o, "accuracy",
		    round(p->accuracy * 1000) / 1000);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *
missed_json(const struct pack_more *m)
{
	cJSON *arr = cJSON_CreateArray();
	int i;

	for (i = 0; i < m->nmissed; i++) {
		cJSON *o = cJSON_CreateObject();

		cJSON_AddStringToObject(o, "question", m->missed[i].text);
		cJSON_AddNumberToObject(o, "misses", m->missed[i].misses);
		cJSON_AddNumberToObject(o, "answers", m->missed[i].answers);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static void
print_stats_json(const struct history_stats *v, const struct pack_more *m,
    int n)
{
	cJSON *arr = cJSON_CreateArray();
	char *text;
	int i;

	for (i = 0; i < n; i++) {
		cJSON *o = cJSON_CreateObject();

		cJSON_AddStringToObject(o, "pack", v[i].title);
		cJSON_AddStringToObject(o, "hash", v[i].key);
		cJSON_AddNumberToObject(o, "games", v[i].games);
		cJSON_AddNumberToObject(o, "best", v[i].best);
		cJSON_AddNumberToObject(o, "mean_score",
		    round(v[i].mean_score * 10) / 10);
		cJSON_AddNumberToObject(o, "accuracy",
		    round(v[i].accuracy * 1000) / 1000);
		cJSON_AddNumberToObject(o, "mean_seconds",
		    round(v[i].mean_seconds * 100) / 100);
		cJSON_AddNumberToObject(o, "timed_out_share",
		    round(v[i].timed_out * 1000) / 1000);
		cJSON_AddNumberToObject(o, "due", m[i].due);
		cJSON_AddItemToObject(o, "series", series_json(&m[i]));
		cJSON_AddItemToObject(o, "missed", missed_json(&m[i]));
		cJSON_AddItemToArray(arr, o);
	}
	text = cJSON_Print(arr);
	if (text != NULL) {
		/* Titles come from packs: C1 and bidi controls as \u. */
		char *safe = sanitize_json(text);

		printf("%s\n", safe);
		free(safe);
	}
	cJSON_free(text);
	cJSON_Delete(arr);
}

/* A title as one table cell: on one line, cut and padded to width
 * characters (not bytes: a cut never splits a character). */
static void
print_cell(const char *title, int width)
{
	char *t = sanitize_text(title, 0);
	size_t end = 0, i = 0, k;
	int used = 0, all = 0, w;
	uint32_t cp;
	bool utf8 = termenv_utf8();

	/* Columns, not bytes: cut with "…" (or "~"), never mid-character. */
	while (t[i] != '\0') {
		k = utf8_decode(t + i, strlen(t + i), &cp);
		i += k ? k : 1;
		w = wcwidth((wchar_t)cp);
		all += w > 0 ? w : 0;
	}
	if (all <= width) {
		printf("%s%*s", t, width - all, "");
		free(t);
		return;
	}
	for (i = 0; t[i] != '\0';) {
		k = utf8_decode(t + i, strlen(t + i), &cp);
		w = wcwidth((wchar_t)cp);
		w = w > 0 ? w : 0;
		if (used + w > width - 1)
			break;
		i += k ? k : 1;
		used += w;
		end = i;
	}
	printf("%.*s%s%*s", (int)end, t, utf8 ? "\u2026" : "~",
	    width - 1 - used, "");
	free(t);
}

/* The sparklines and the most missed questions under a pack's row; the
 * numbers beside the glyphs say it all without them. */
static void
print_more(const struct pack_more *m, bool utf8)
{
	double sc[SERIES_MAX], ac[SERIES_MAX];
	char line[SERIES_MAX * 4 + 1];
	int64_t lo = 0, hi = 0;
	double alo = 1, ahi = 0;
	int i, pad;

	if (m->nseries == 0)
		return;
	for (i = 0; i < m->nseries; i++) {
		const struct history_point *p = &m->series[i];

		sc[i] = p->max_score > 0 ? (double)p->score / p->max_score : 0;
		ac[i] = p->accuracy;
		if (i == 0 || p->score < lo)
			lo = p->score;
		if (i == 0 || p->score > hi)
			hi = p->score;
		alo = p->accuracy < alo ? p->accuracy : alo;
		ahi = p->accuracy > ahi ? p->accuracy : ahi;
	}
	/* Padded by glyphs, not bytes: a block is three bytes wide. */
	pad = SERIES_MAX - spark_line(sc, m->nseries, 0, 1, utf8, line,
	    sizeof line);
	printf("  scores    %s%*s  last %lld, low %lld, high %lld (%d game%s)\n",
	    line, pad, "", (long long)m->series[m->nseries - 1].score,
	    (long long)lo, (long long)hi, m->nseries, m->nseries == 1 ? "" :
	    "s");
	pad = SERIES_MAX - spark_line(ac, m->nseries, 0, 1, utf8, line,
	    sizeof line);
	printf("  accuracy  %s%*s  last %.0f%%, low %.0f%%, high %.0f%%\n",
	    line, pad, "", ac[m->nseries - 1] * 100, alo * 100, ahi * 100);
	for (i = 0; i < m->nmissed; i++) {
		char *text = sanitize_text(m->missed[i].text, 0);

		printf("  %-9s %d of %d  %s\n", i == 0 ? "missed" : "",
		    m->missed[i].misses, m->missed[i].answers, text);
		free(text);
	}
}

static void
print_stats_table(const struct history_stats *v, const struct pack_more *m,
    int n)
{
	bool utf8 = termenv_utf8();
	int i;

	if (n == 0) {
		puts("No finished games recorded yet.");
		return;
	}
	printf("%-32s %6s %7s %8s %9s %9s %10s %5s\n", "pack", "games",
	    "best", "average", "accuracy", "avg time", "timed out", "due");
	for (i = 0; i < n; i++) {
		print_cell(v[i].title[0] ? v[i].title : v[i].key, 32);
		printf(" %6d %7d %8.0f %8.0f%% %7.1f s %9.0f%% %5d\n",
		    v[i].games, v[i].best, v[i].mean_score,
		    v[i].accuracy * 100, v[i].mean_seconds,
		    v[i].timed_out * 100, m[i].due);
		print_more(&m[i], utf8);
	}
}

int
cmd_stats(struct session *s, const struct options *o, struct diags *d)
{
	struct history *h = session_history(s);
	struct history_stats v[STATS_MAX];
	struct pack_more *m;
	int64_t now = (int64_t)time(NULL);
	char keys[STATS_MAX][HASH_HEX];
	const char *kp[STATS_MAX];
	int i, n;

	(void)d;
	if (h == NULL) {
		fprintf(stderr, "termquiz: %s\n", s->history_note);
		return 1;
	}
	for (i = 0; i < s->npacks && i < STATS_MAX; i++) {
		pack_hash(s->packs[i], keys[i]);
		kp[i] = keys[i];
	}
	n = history_stats(h, kp, i, v, STATS_MAX);
	if (n < 0) {
		fputs("termquiz: cannot read the history\n", stderr);
		return 1;
	}
	/* A pack never played has no title in the history: its own. */
	for (i = 0; i < n; i++) {
		int k;

		for (k = 0; k < s->npacks && v[i].title[0] == '\0'; k++)
			if (strcmp(keys[k], v[i].key) == 0)
				snprintf(v[i].title, sizeof v[i].title, "%s",
				    s->packs[k]->title);
	}
	m = xcalloc((size_t)n + 1, sizeof *m);
	for (i = 0; i < n; i++)
		gather(s, h, &v[i], now, &m[i]);
	if (o->json)
		print_stats_json(v, m, n);
	else
		print_stats_table(v, m, n);
	free(m);
	return 0;
}
