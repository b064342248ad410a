#include "fetch.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/util.h"
#include "http.h"

#define CACHE_SUB "opentdb"
#define STATE_NAME "opentdb.json"
#define LIST_NAME "opentdb-categories.json"

int64_t
fetch_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The host of a URL, for messages. Caller frees. */
static char *
url_host(const char *url)
{
	const char *s = strstr(url, "://");

	s = s != NULL ? s + 3 : url;
	return xstrndup(s, strcspn(s, "/?#"));
}

/* mkdir -p for dir (mode 0700 for what is made). */
static void
make_dirs(const char *dir)
{
	char *p = xstrdup(dir), *c;

	for (c = p + 1; *c; c++)
		if (*c == '/') {
			*c = '\0';
			mkdir(p, 0700);
			*c = '/';
		}
	mkdir(p, 0700);
	free(p);
}

static char *
read_small(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	size_t n;

	if (fp == NULL)
		return NULL;
	buf = xmalloc(65536);
	n = fread(buf, 1, 65535, fp);
	fclose(fp);
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* Write text to path through a temporary file and a rename, so that a
 * reader never sees half of it. -1 when it could not be written. */
static int
write_atomic(const char *path, const char *text, size_t len)
{
	char *tmp = xasprintf("%s.tmp.XXXXXX", path);
	int fd = mkstemp(tmp), r = -1;
	size_t off = 0;

	if (fd < 0)
		goto done;
	while (off < len) {
		ssize_t w = write(fd, text + off, len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	if (off < len || fsync(fd) < 0) {
		close(fd);
		unlink(tmp);
		goto done;
	}
	if (close(fd) < 0 || rename(tmp, path) < 0) {
		unlink(tmp);
		goto done;
	}
	r = 0;
done:
	free(tmp);
	return r;
}

static void
load_state(struct otdb_state *st, const char *state_file)
{
	size_t len = 0;
	char *text = read_small(state_file, &len);

	if (text == NULL || otdb_state_parse(st, text, len) < 0)
		memset(st, 0, sizeof *st);
	free(text);
}

static void
save_state(const struct fetch *f, const struct otdb_state *st)
{
	char *text = otdb_state_json(st);
	const char *slash = strrchr(f->state_file, '/');

	if (slash != NULL) {
		char *dir = xstrndup(f->state_file,
		    (size_t)(slash - f->state_file));

		make_dirs(dir);
		free(dir);
	}
	/* Best effort: without it the next run asks for a new token. */
	(void)write_atomic(f->state_file, text, strlen(text));
	free(text);
}

static void
start(struct fetch *f, enum fetch_kind kind, const char *base,
    const char *state_dir)
{
	memset(f, 0, sizeof *f);
	f->kind = kind;
	f->status = FETCH_RUNNING;
	f->host = url_host(base);
	f->state_file = xasprintf("%s/%s", state_dir, STATE_NAME);
}

void
fetch_questions(struct fetch *f, const char *base,
    const struct otdb_query *q, const char *state_dir, const char *cache_dir)
{
	struct otdb_state st;

	start(f, FETCH_QUESTIONS, base, state_dir);
	f->cache_dir = xasprintf("%s/%s", cache_dir, CACHE_SUB);
	load_state(&st, f->state_file);
	f->last_saved_ms = st.last_request_ms;
	otdb_plan_init(&f->plan, base, q, &st);
}

void
fetch_categories(struct fetch *f, const char *base, const char *state_dir)
{
	start(f, FETCH_CATEGORIES, base, state_dir);
	load_state(&f->st, f->state_file);
	f->url = otdb_url_categories(base);
}

void
fetch_count(struct fetch *f, const char *base, int category,
    const char *state_dir)
{
	start(f, FETCH_COUNT, base, state_dir);
	load_state(&f->st, f->state_file);
	f->url = otdb_url_count(base, category);
}

void
fetch_count_global(struct fetch *f, const char *base, const char *state_dir)
{
	start(f, FETCH_COUNT_GLOBAL, base, state_dir);
	load_state(&f->st, f->state_file);
	f->url = otdb_url_count_global(base);
}

int
fetch_list_load(const char *cache_dir, const char *base,
    struct otdb_categories *c, int64_t *listed_ms, int64_t *counted_ms)
{
	char *path = xasprintf("%s/%s", cache_dir, LIST_NAME);
	size_t len = 0;
	char *text = read_small(path, &len);
	int r = -1;

	*listed_ms = *counted_ms = 0;
	if (text != NULL)
		r = otdb_list_cache_parse(c, text, len, base, listed_ms,
		    counted_ms);
	free(text);
	free(path);
	return r;
}

void
fetch_list_save(const char *cache_dir, const char *base,
    const struct otdb_categories *c, int64_t listed_ms, int64_t counted_ms)
{
	char *path = xasprintf("%s/%s", cache_dir, LIST_NAME);
	char *text = otdb_list_cache_json(c, base, listed_ms, counted_ms);

	make_dirs(cache_dir);
	/* Best effort: without it the list is asked for again next time. */
	(void)write_atomic(path, text, strlen(text));
	free(text);
	free(path);
}

static void
fail(struct fetch *f, bool unreachable, const char *why)
{
	f->status = FETCH_FAILED;
	f->unreachable = unreachable;
	snprintf(f->error, sizeof f->error, "%s", why);
}

/* Send url; a failure to start is a failure of the fetch. */
static void
send_request(struct fetch *f, const char *url)
{
	char err[256];

	f->h = http_get(url, (size_t)OTDB_BODY_MAX, err, sizeof err);
	if (f->h == NULL)
		fail(f, false, err);
}

/* The questions fetched: loaded exactly as a file would be, and cached
 * only when they load (nothing broken is kept). */
static void
questions_done(struct fetch *f)
{
	struct diags d = { 0 };
	int64_t now = fetch_now();
	char *name = otdb_cache_name(&f->plan.q, now, f->plan.got);
	char *path = xasprintf("%s/%s", f->cache_dir, name);
	const char *body = f->plan.body;

	f->pack = pack_parse(path, body, strlen(body), &d);
	if (f->pack == NULL) {
		char *first = d.n > 0 ? diags_format(&d, 0) : NULL;

		snprintf(f->error, sizeof f->error, "the questions from %s "
		    "cannot be played: %s", f->host, first ? first : "?");
		free(first);
		f->status = FETCH_FAILED;
		free(path);
	} else {
		make_dirs(f->cache_dir);
		if (write_atomic(path, body, strlen(body)) == 0)
			f->cache_path = path;
		else
			free(path);
		snprintf(f->note, sizeof f->note, "%s", f->plan.note);
		f->status = FETCH_DONE;
	}
	free(name);
	diags_fini(&d);
}

/* The reply to the plan's request, from the transfer that just ended. */
static void
plan_reply(struct fetch *f)
{
	size_t len;
	const char *body = http_body(f->h, &len);

	if (http_step(f->h) == HTTP_FAILED) {
		char why[400];

		snprintf(why, sizeof why, "cannot reach %s: %s", f->host,
		    http_error(f->h));
		otdb_plan_failed(&f->plan, why);
		f->unreachable = http_unreachable(f->h);
		/* A request that reached no server counts for no limit. */
		if (f->unreachable)
			f->plan.st.last_request_ms = f->prev_request_ms;
	} else if (http_code(f->h) == 429 && strstr(body, "response_code") ==
	    NULL) {
		/* The limit said in HTTP rather than in the envelope. */
		otdb_plan_reply(&f->plan, "{\"response_code\":5}", 19,
		    fetch_now());
	} else {
		otdb_plan_reply(&f->plan, body, len, fetch_now());
	}
	http_free(f->h);
	f->h = NULL;
}

static void
step_questions(struct fetch *f)
{
	int64_t wait = 0, now;

	if (f->h != NULL) {
		if (http_step(f->h) == HTTP_RUNNING)
			return;
		plan_reply(f);
	}
	now = fetch_now();   /* after the reply, which was stamped on it */
	switch (otdb_plan_next(&f->plan, now, &wait)) {
	case OTDB_REQUEST:
		f->wait_until = 0;
		f->prev_request_ms = f->last_saved_ms;
		f->last_saved_ms = f->plan.st.last_request_ms;
		save_state(f, &f->plan.st);
		send_request(f, f->plan.url);
		break;
	case OTDB_WAIT:
		f->wait_until = now + wait;
		f->rate_limited = f->plan.rate_limited;
		break;
	case OTDB_DONE:
		save_state(f, &f->plan.st);
		questions_done(f);
		break;
	case OTDB_FAIL:
		save_state(f, &f->plan.st);
		fail(f, f->unreachable, f->plan.error);
		break;
	}
}

static void
step_one(struct fetch *f)
{
	int64_t now = fetch_now(), wait;
	size_t len;
	const char *body;

	if (!f->asked) {
		wait = otdb_rate_wait(f->st.last_request_ms, now);
		if (wait > 0) {
			f->wait_until = now + wait;
			return;
		}
		f->wait_until = 0;
		f->asked = true;
		f->prev_request_ms = f->st.last_request_ms;
		f->st.last_request_ms = now;
		save_state(f, &f->st);
		send_request(f, f->url);
		return;
	}
	switch (http_step(f->h)) {
	case HTTP_RUNNING:
		return;
	case HTTP_FAILED: {
		char why[400];

		snprintf(why, sizeof why, "cannot reach %s: %s", f->host,
		    http_error(f->h));
		fail(f, http_unreachable(f->h), why);
		if (f->unreachable) {
			f->st.last_request_ms = f->prev_request_ms;
			save_state(f, &f->st);
		}
		return;
	}
	case HTTP_OK:
		body = http_body(f->h, &len);
		f->body = xstrndup(body, len);
		f->len = len;
		f->status = FETCH_DONE;
		return;
	}
}

enum fetch_status
fetch_step(struct fetch *f)
{
	if (f->status != FETCH_RUNNING)
		return f->status;
	if (f->kind == FETCH_QUESTIONS)
		step_questions(f);
	else
		step_one(f);
	return f->status;
}

bool
fetch_wait(struct fetch *f, int fd, int timeout_ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	if (f->status == FETCH_RUNNING && f->h != NULL)
		return http_wait(f->h, fd, timeout_ms);
	if (f->status == FETCH_RUNNING && f->wait_until > 0) {
		int64_t left = f->wait_until - fetch_now();

		if (left < timeout_ms)
			timeout_ms = left < 0 ? 0 : (int)left;
	}
	if (fd < 0) {
		if (timeout_ms > 0)
			poll(NULL, 0, timeout_ms);
		return false;
	}
	return poll(&p, 1, timeout_ms) == 1 && (p.revents & POLLIN);
}

const char *
fetch_line(const struct fetch *f, char *buf, size_t n)
{
	int64_t left = f->wait_until - fetch_now();
	const char *what = f->kind == FETCH_QUESTIONS ? "questions" :
	    f->kind == FETCH_CATEGORIES ? "the categories" : "question counts";

	if (f->status == FETCH_RUNNING && f->wait_until > 0 && left > 0)
		snprintf(buf, n, "%s: waiting %d s (one request per 5 s)",
		    f->rate_limited ? "The Open Trivia Database asked to slow "
		    "down" : "Open Trivia Database", (int)((left + 500) / 1000));
	else
		snprintf(buf, n, "Fetching %s from %s", what, f->host);
	return buf;
}

void
fetch_fini(struct fetch *f)
{
	http_free(f->h);
	if (f->kind == FETCH_QUESTIONS)
		otdb_plan_fini(&f->plan);
	pack_free(f->pack);
	free(f->url);
	free(f->host);
	free(f->state_file);
	free(f->cache_dir);
	free(f->body);
	free(f->cache_path);
	memset(f, 0, sizeof *f);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
fetch_cached(const char *cache_dir, const struct otdb_query *q,
    struct pack ***packs, int *questions)
{
	char *dir = xasprintf("%s/%s", cache_dir, CACHE_SUB);
	DIR *dp = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	int n = 0, i, got = 0;

	*packs = NULL;
	*questions = 0;
	while (dp != NULL && (e = readdir(dp)) != NULL) {
		if (!otdb_cache_matches(e->d_name, q))
			continue;
		names = xrealloc(names, ((size_t)n + 1) * sizeof *names);
		names[n++] = xasprintf("%s/%s", dir, e->d_name);
	}
	if (dp != NULL)
		closedir(dp);
	if (n > 1)   /* qsort of nothing is a NULL base: undefined */
		qsort(names, (size_t)n, sizeof *names, by_name);
	*packs = xcalloc((size_t)n + 1, sizeof **packs);
	for (i = 0; i < n; i++) {
		struct diags d = { 0 };
		struct pack *pk = pack_load(names[i], &d);

		if (pk != NULL) {
			(*packs)[got++] = pk;
			*questions += pk->nq;
		}
		diags_fini(&d);
		free(names[i]);
	}
	free(names);
	free(dir);
	return got;
}
