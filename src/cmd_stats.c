/* --stats: the history per pack on stdout, as a table or (--json) JSON. */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cJSON.h>

#include "cmd.h"
#include "core/sanitize.h"
#include "core/utf8.h"

#define STATS_MAX 256

static void
print_stats_json(const struct history_stats *v, const int *due, int n)
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
		cJSON_AddNumberToObject(o, "due", due[i]);
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
	size_t end = 0;
	int k;

	for (k = 0; k < width && t[end] != '\0'; k++)
		end = utf8_next(t, end);
	printf("%.*s%*s", (int)end, t, width - k, "");
	free(t);
}

static void
print_stats_table(const struct history_stats *v, const int *due, int n)
{
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
		    v[i].timed_out * 100, due[i]);
	}
}

int
cmd_stats(struct session *s, const struct options *o, struct diags *d)
{
	struct history *h = session_history(s);
	struct history_stats v[STATS_MAX];
	int due[STATS_MAX];
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
	/* Review is per player: the due questions are this player's. */
	for (i = 0; i < n; i++)
		due[i] = history_due(h, v[i].key, s->player, now);
	if (o->json)
		print_stats_json(v, due, n);
	else
		print_stats_table(v, due, n);
	return 0;
}
