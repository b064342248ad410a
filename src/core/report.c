#include "report.h"

#include <cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

/* Seconds rounded to hundredths, as people read them. */
static double
hundredths(double s)
{
	return round(s * 100) / 100;
}

static cJSON *
outcome_json(const struct outcome *o)
{
	cJSON *j = cJSON_CreateObject();

	cJSON_AddStringToObject(j, "question", o->q->text);
	cJSON_AddStringToObject(j, "type", qtype_name(o->q->type));
	if (o->given == NULL)
		cJSON_AddNullToObject(j, "answer");
	else if (o->q->type == Q_TRUEFALSE)
		cJSON_AddBoolToObject(j, "answer", strcmp(o->given, "true") == 0);
	else
		cJSON_AddStringToObject(j, "answer", o->given);
	cJSON_AddStringToObject(j, "correct_answer",
	    question_answer_text(o->q));
	cJSON_AddBoolToObject(j, "correct", o->correct);
	cJSON_AddBoolToObject(j, "timed_out", o->timed_out);
	cJSON_AddNumberToObject(j, "seconds", hundredths(o->seconds));
	cJSON_AddNumberToObject(j, "limit", hundredths(o->limit));
	cJSON_AddNumberToObject(j, "points", o->points);
	return j;
}

char *
report_json(const struct quiz *z, const struct report_info *info)
{
	cJSON *root = cJSON_CreateObject(), *qs;
	char *text, *out;
	int i;

	cJSON_AddStringToObject(root, "pack", z->title);
	cJSON_AddNumberToObject(root, "score", z->score);
	cJSON_AddNumberToObject(root, "max_score", quiz_max_score(z));
	cJSON_AddNumberToObject(root, "correct", z->correct);
	cJSON_AddNumberToObject(root, "wrong", z->wrong);
	cJSON_AddNumberToObject(root, "timed_out", z->timed_out);
	cJSON_AddNumberToObject(root, "best_streak", z->best_streak);
	cJSON_AddBoolToObject(root, "finished", info->finished);
	cJSON_AddBoolToObject(root, "untimed", info->untimed);
	cJSON_AddNumberToObject(root, "time_scale", info->time_scale);
	/* A double holds seeds up to 2^53 exactly; beyond, write the text. */
	if (info->seed < (1ULL << 53)) {
		cJSON_AddNumberToObject(root, "seed", (double)info->seed);
	} else {
		char buf[24];

		snprintf(buf, sizeof buf, "%llu", (unsigned long long)info->seed);
		cJSON_AddStringToObject(root, "seed", buf);
	}
	qs = cJSON_AddArrayToObject(root, "questions");
	for (i = 0; i < z->n; i++)
		if (z->o[i].done)
			cJSON_AddItemToArray(qs, outcome_json(&z->o[i]));
	text = cJSON_Print(root);
	cJSON_Delete(root);
	if (text == NULL)
		return xstrdup("{}");
	out = xasprintf("%s\n", text);
	cJSON_free(text);
	return out;
}

static int
write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

static void
sync_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash == NULL ? xstrdup(".") :
	    xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
	int fd = open(dir, O_RDONLY | O_DIRECTORY);

	if (fd >= 0) {
		fsync(fd);   /* best effort: the file itself is already synced */
		close(fd);
	}
	free(dir);
}

int
report_write(const struct quiz *z, const struct report_info *info,
    const char *path, char *err, size_t errlen)
{
	char *text = report_json(z, info);
	char *tmp = xasprintf("%s.tmp.XXXXXX", path);
	int fd = mkstemp(tmp), r = -1;

	if (fd < 0) {
		snprintf(err, errlen, "%s: cannot write results: %s", path,
		    strerror(errno));
		goto done;
	}
	if (write_all(fd, text, strlen(text)) < 0 || fsync(fd) < 0) {
		snprintf(err, errlen, "%s: cannot write results: %s", path,
		    strerror(errno));
		close(fd);
		unlink(tmp);
		goto done;
	}
	/* mkstemp made it 0600; give it the mode a plain create would. */
	{
		mode_t mask = umask(0);

		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
	if (close(fd) < 0 || rename(tmp, path) < 0) {
		snprintf(err, errlen, "%s: cannot write results: %s", path,
		    strerror(errno));
		unlink(tmp);
		goto done;
	}
	/* The rename is durable once the folder is on disk too. */
	sync_dir(path);
	r = 0;
done:
	free(tmp);
	free(text);
	return r;
}
