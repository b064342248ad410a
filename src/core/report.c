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

#include "otdb.h"
#include "sanitize.h"
#include "util.h"

/* Seconds rounded to hundredths, as people read them. */
static double
hundredths(double s)
{
	return round(s * 100) / 100;
}

cJSON *
report_outcome_json(const struct outcome *o)
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
	if (o->q->type == Q_TRUEFALSE)
		cJSON_AddBoolToObject(j, "correct_answer", o->q->truth);
	else
		cJSON_AddStringToObject(j, "correct_answer",
		    question_answer_text(o->q));
	cJSON_AddBoolToObject(j, "correct", o->correct);
	cJSON_AddBoolToObject(j, "timed_out", outcome_timed_out(o));
	cJSON_AddNumberToObject(j, "seconds", hundredths(o->seconds));
	cJSON_AddNumberToObject(j, "limit", hundredths(o->limit));
	cJSON_AddNumberToObject(j, "points", o->points);
	return j;
}

void
report_add_info(cJSON *root, const struct report_info *info)
{
	char buf[24];

	cJSON_AddBoolToObject(root, "finished", info->finished);
	cJSON_AddBoolToObject(root, "untimed", info->untimed);
	cJSON_AddNumberToObject(root, "time_scale", info->time_scale);
	/* cJSON prints numbers as doubles (1.80367635503209e+15): the seed is
	 * written as the exact integer it is. */
	snprintf(buf, sizeof buf, "%llu", (unsigned long long)info->seed);
	cJSON_AddRawToObject(root, "seed", buf);
}

char *
report_print(cJSON *root)
{
	char *text = cJSON_Print(root), *safe, *out;

	cJSON_Delete(root);
	if (text == NULL)
		return xstrdup("{}\n");
	/* C1 and bidi controls as \u escapes: cJSON writes them raw. */
	safe = sanitize_json(text);
	cJSON_free(text);
	out = xasprintf("%s\n", safe);
	free(safe);
	return out;
}

char *
report_json(const struct quiz *z, const struct report_info *info)
{
	cJSON *root = cJSON_CreateObject(), *qs;
	struct quiz_tally t;
	int i;

	quiz_tally(z, &t);
	cJSON_AddStringToObject(root, "pack", z->title);
	if (otdb_attribution(z) != NULL)
		cJSON_AddStringToObject(root, "source", OTDB_ATTRIBUTION);
	cJSON_AddNumberToObject(root, "score", (double)t.score);
	cJSON_AddNumberToObject(root, "max_score", (double)t.max_score);
	cJSON_AddNumberToObject(root, "correct", t.correct);
	cJSON_AddNumberToObject(root, "wrong", t.wrong);
	cJSON_AddNumberToObject(root, "timed_out", t.timed_out);
	cJSON_AddNumberToObject(root, "best_streak", z->best_streak);
	report_add_info(root, info);
	qs = cJSON_AddArrayToObject(root, "questions");
	for (i = 0; i < z->n; i++)
		if (z->o[i].done)
			cJSON_AddItemToArray(qs, report_outcome_json(&z->o[i]));
	return report_print(root);
}

char *
report_path_nth(const char *path, int n)
{
	struct stat st;
	const char *base = strrchr(path, '/'), *dot;

	if (n <= 1 || (stat(path, &st) == 0 && !S_ISREG(st.st_mode)))
		return xstrdup(path);
	base = base != NULL ? base + 1 : path;
	dot = strrchr(base, '.');
	if (dot == NULL || dot == base)
		return xasprintf("%s-%d", path, n);
	return xasprintf("%.*s-%d%s", (int)(dot - path), path, n, dot);
}

/* The folder that holds path. Caller frees. */
static char *
parent_dir(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash == NULL ? xstrdup(".") :
	    xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
}

static void
sync_dir(const char *path)
{
	char *dir = parent_dir(path);
	int fd = open(dir, O_RDONLY | O_DIRECTORY);

	if (fd >= 0) {
		fsync(fd);   /* best effort: the file itself is already synced */
		close(fd);
	}
	free(dir);
}

static int
fail(char *err, size_t errlen, const char *path, const char *why)
{
	snprintf(err, errlen, "%s: cannot write results: %s", path, why);
	return -1;
}

int
report_check(const char *path, char *err, size_t errlen)
{
	struct stat st;
	char *dir;
	int r = 0;

	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return fail(err, errlen, path, "it is a folder");
		if (access(path, W_OK) < 0)
			return fail(err, errlen, path, strerror(errno));
		if (!S_ISREG(st.st_mode))
			return 0;   /* a device or a pipe: written in place */
	} else if (errno != ENOENT) {
		return fail(err, errlen, path, strerror(errno));
	} else if (lstat(path, &st) == 0) {
		return fail(err, errlen, path, "a symbolic link to nothing");
	}
	/* A new or replaced file is made in its folder. */
	{
		char *real = realpath(path, NULL);

		dir = parent_dir(real != NULL ? real : path);
		free(real);
	}
	if (stat(dir, &st) < 0)
		r = fail(err, errlen, path, strerror(errno));
	else if (!S_ISDIR(st.st_mode))
		r = fail(err, errlen, path, strerror(ENOTDIR));
	else if (access(dir, W_OK | X_OK) < 0)
		r = fail(err, errlen, path, strerror(errno));
	free(dir);
	return r;
}

/* Write text into what path already is (a terminal, /dev/null, a pipe):
 * never replaced, never waited for when no one reads a FIFO. */
static int
write_in_place(const char *path, const char *text, char *err, size_t errlen)
{
	int fd = open(path, O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC), r;

	if (fd < 0)
		return fail(err, errlen, path, errno == ENXIO ?
		    "no program is reading this FIFO" : strerror(errno));
	/* Opened without waiting; the writing itself may wait for the reader. */
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	r = write_all(fd, text, strlen(text));
	if (r < 0)
		fail(err, errlen, path, strerror(errno));
	if (close(fd) < 0 && r == 0)
		r = fail(err, errlen, path, strerror(errno));
	return r;
}

/* A temporary file in target's folder, then rename over target. */
static int
write_atomic(const char *path, const char *target, const char *text,
    char *err, size_t errlen)
{
	char *tmp = xasprintf("%s.tmp.XXXXXX", target);
	int fd = mkstemp(tmp), r = -1;

	if (fd < 0) {
		fail(err, errlen, path, strerror(errno));
		goto done;
	}
	if (write_all(fd, text, strlen(text)) < 0 || fsync(fd) < 0) {
		fail(err, errlen, path, strerror(errno));
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
	if (close(fd) < 0 || rename(tmp, target) < 0) {
		fail(err, errlen, path, strerror(errno));
		unlink(tmp);
		goto done;
	}
	/* The rename is durable once the folder is on disk too. */
	sync_dir(target);
	r = 0;
done:
	free(tmp);
	return r;
}

int
report_write_text(const char *text, const char *path, char *err,
    size_t errlen)
{
	char *real = NULL;
	struct stat st;
	int r;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		r = fail(err, errlen, path, "it is a folder");
	else if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
		r = write_in_place(path, text, err, errlen);
	else {
		/* A symbolic link to a file: the file is replaced, the link
		 * stays. */
		if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
			real = realpath(path, NULL);
		r = write_atomic(path, real != NULL ? real : path, text, err,
		    errlen);
	}
	free(real);
	return r;
}

int
report_write(const struct quiz *z, const struct report_info *info,
    const char *path, char *err, size_t errlen)
{
	char *text = report_json(z, info);
	int r = report_write_text(text, path, err, errlen);

	free(text);
	return r;
}
