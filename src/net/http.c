#include "http.h"

#include <curl/curl.h>
#include <dlfcn.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

struct http {
	CURLM *multi;
	CURL *easy;
	struct strbuf body;
	size_t max;
	bool too_large;
	bool unreachable;
	enum http_status status;
	long code;
	char error[CURL_ERROR_SIZE + 128];
	char curl_error[CURL_ERROR_SIZE];
};

/*
 * libcurl is opened on the first request, not linked: with OpenSSL and the
 * libraries behind it, linking it put 6.4 MB in every start-up's memory
 * (termquiz --version: 9.1 MB against 2.7 MB), though only a fetch from
 * the Open Trivia Database needs it. Its header still gives the types;
 * its soname (libcurl.so.4) is what every build of libcurl 7 and 8 has.
 */
static const char *const curl_names[] = { "libcurl.so.4", "libcurl.so" };

struct curl_api {
	CURLcode (*global_init)(long);
	CURLM *(*multi_init)(void);
	CURL *(*easy_init)(void);
	CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
	CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
	const char *(*easy_strerror)(CURLcode);
	void (*easy_cleanup)(CURL *);
	CURLMcode (*multi_add_handle)(CURLM *, CURL *);
	CURLMcode (*multi_remove_handle)(CURLM *, CURL *);
	CURLMcode (*multi_wait)(CURLM *, struct curl_waitfd *, unsigned int,
	    int, int *);
	CURLMcode (*multi_perform)(CURLM *, int *);
	CURLMsg *(*multi_info_read)(CURLM *, int *);
	CURLMcode (*multi_cleanup)(CURLM *);
};

static struct curl_api lc;

static bool initialised;

/* Fill lc from the library, once; false with the reason in err. The
 * library stays loaded to the end (curl keeps global state). */
static bool
load_curl(char *err, size_t errlen)
{
	static const struct {
		const char *name;
		size_t offset;
	} syms[] = {
#define SYM(field, name) { name, offsetof(struct curl_api, field) }
		SYM(global_init, "curl_global_init"),
		SYM(multi_init, "curl_multi_init"),
		SYM(easy_init, "curl_easy_init"),
		SYM(easy_setopt, "curl_easy_setopt"),
		SYM(easy_getinfo, "curl_easy_getinfo"),
		SYM(easy_strerror, "curl_easy_strerror"),
		SYM(easy_cleanup, "curl_easy_cleanup"),
		SYM(multi_add_handle, "curl_multi_add_handle"),
		SYM(multi_remove_handle, "curl_multi_remove_handle"),
		SYM(multi_wait, "curl_multi_wait"),
		SYM(multi_perform, "curl_multi_perform"),
		SYM(multi_info_read, "curl_multi_info_read"),
		SYM(multi_cleanup, "curl_multi_cleanup"),
#undef SYM
	};
	void *lib = NULL;
	size_t i;

	for (i = 0; lib == NULL && i < sizeof curl_names / sizeof *curl_names;
	    i++)
		lib = dlopen(curl_names[i], RTLD_NOW | RTLD_LOCAL);
	if (lib == NULL) {
		snprintf(err, errlen, "cannot load libcurl (%s): install "
		    "libcurl (Debian: apt-get install libcurl4)", dlerror());
		return false;
	}
	for (i = 0; i < sizeof syms / sizeof *syms; i++) {
		void *f = dlsym(lib, syms[i].name);

		if (f == NULL) {
			snprintf(err, errlen, "libcurl lacks %s: too old "
			    "(7.66 or later is needed)", syms[i].name);
			return false;
		}
		/* POSIX makes a function pointer of dlsym's void *. */
		memcpy((char *)&lc + syms[i].offset, &f, sizeof f);
	}
	return true;
}

static size_t
on_data(char *data, size_t size, size_t n, void *arg)
{
	struct http *h = arg;
	size_t bytes = size * n;

	if (bytes > h->max - h->body.len) {
		h->too_large = true;
		return 0;   /* curl stops the transfer with a write error */
	}
	strbuf_add(&h->body, data, bytes);
	return bytes;
}

static bool
setup(struct http *h, const char *url)
{
	CURL *e = h->easy;
	bool ok = true;

	ok &= lc.easy_setopt(e, CURLOPT_URL, url) == CURLE_OK;
	ok &= lc.easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https") ==
	    CURLE_OK;
	ok &= lc.easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L) == CURLE_OK;
	ok &= lc.easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L) == CURLE_OK;
	ok &= lc.easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS,
	    (long)HTTP_CONNECT_MS) == CURLE_OK;
	ok &= lc.easy_setopt(e, CURLOPT_TIMEOUT_MS, (long)HTTP_TOTAL_MS) ==
	    CURLE_OK;
	ok &= lc.easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE,
	    (curl_off_t)h->max) == CURLE_OK;
	ok &= lc.easy_setopt(e, CURLOPT_NOSIGNAL, 1L) == CURLE_OK;
	ok &= lc.easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L) == CURLE_OK;
	ok &= lc.easy_setopt(e, CURLOPT_USERAGENT,
	    "termquiz/" TERMQUIZ_VERSION) == CURLE_OK;
	ok &= lc.easy_setopt(e, CURLOPT_WRITEFUNCTION, on_data) == CURLE_OK;
	ok &= lc.easy_setopt(e, CURLOPT_WRITEDATA, h) == CURLE_OK;
	ok &= lc.easy_setopt(e, CURLOPT_ERRORBUFFER, h->curl_error) ==
	    CURLE_OK;
	/* Compressed replies are fine: the cap counts what is decoded. */
	ok &= lc.easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "") == CURLE_OK;
	return ok;
}

struct http *
http_get(const char *url, size_t max_bytes, char *err, size_t errlen)
{
	struct http *h;

	if (!initialised) {
		if (!load_curl(err, errlen))
			return NULL;
		if (lc.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
			snprintf(err, errlen, "cannot start libcurl");
			return NULL;
		}
		initialised = true;
	}
	h = xcalloc(1, sizeof *h);
	h->max = max_bytes;
	h->status = HTTP_RUNNING;
	h->multi = lc.multi_init();
	h->easy = lc.easy_init();
	if (h->multi == NULL || h->easy == NULL || !setup(h, url) ||
	    lc.multi_add_handle(h->multi, h->easy) != CURLM_OK) {
		snprintf(err, errlen, "cannot start a request to %s", url);
		http_free(h);
		return NULL;
	}
	return h;
}

bool
http_wait(struct http *h, int fd, int timeout_ms)
{
	struct curl_waitfd extra = { .fd = fd, .events = CURL_WAIT_POLLIN };
	int n = 0;

	if (timeout_ms < 0)
		timeout_ms = 0;
	if (h->status != HTTP_RUNNING) {
		/* Nothing of curl's to wait for: wait on fd alone. */
		lc.multi_wait(h->multi, fd >= 0 ? &extra : NULL,
		    fd >= 0 ? 1 : 0, timeout_ms, &n);
	} else if (lc.multi_wait(h->multi, fd >= 0 ? &extra : NULL,
	    fd >= 0 ? 1 : 0, timeout_ms, &n) != CURLM_OK) {
		return false;
	}
	return fd >= 0 && (extra.revents & CURL_WAIT_POLLIN) != 0;
}

static void
finished(struct http *h, CURLcode rc)
{
	lc.easy_getinfo(h->easy, CURLINFO_RESPONSE_CODE, &h->code);
	if (rc == CURLE_OK && (h->code == 200 || h->code == 429)) {
		h->status = HTTP_OK;
		return;
	}
	h->status = HTTP_FAILED;
	if (h->too_large || rc == CURLE_FILESIZE_EXCEEDED) {
		snprintf(h->error, sizeof h->error, "the reply is larger than "
		    "%zu KB: refused", h->max / 1024);
		return;
	}
	if (rc == CURLE_OK) {
		snprintf(h->error, sizeof h->error, "the server answered HTTP "
		    "%ld", h->code);
		return;
	}
	h->unreachable = rc == CURLE_COULDNT_RESOLVE_HOST ||
	    rc == CURLE_COULDNT_RESOLVE_PROXY || rc == CURLE_COULDNT_CONNECT ||
	    (rc == CURLE_OPERATION_TIMEDOUT && h->code == 0 && h->body.len == 0);
	snprintf(h->error, sizeof h->error, "%s", h->curl_error[0] ?
	    h->curl_error : lc.easy_strerror(rc));
}

enum http_status
http_step(struct http *h)
{
	CURLMsg *m;
	int running = 0, left;

	if (h->status != HTTP_RUNNING)
		return h->status;
	if (lc.multi_perform(h->multi, &running) != CURLM_OK) {
		h->status = HTTP_FAILED;
		snprintf(h->error, sizeof h->error, "the transfer broke down");
		return h->status;
	}
	while ((m = lc.multi_info_read(h->multi, &left)) != NULL)
		if (m->msg == CURLMSG_DONE && m->easy_handle == h->easy)
			finished(h, m->data.result);
	return h->status;
}

const char *
http_body(const struct http *h, size_t *len)
{
	*len = h->body.len;
	return h->body.s != NULL ? h->body.s : "";
}

long
http_code(const struct http *h)
{
	return h->code;
}

const char *
http_error(const struct http *h)
{
	return h->error;
}

bool
http_unreachable(const struct http *h)
{
	return h->unreachable;
}

void
http_free(struct http *h)
{
	if (h == NULL)
		return;
	if (h->multi != NULL && h->easy != NULL)
		lc.multi_remove_handle(h->multi, h->easy);
	if (h->easy != NULL)
		lc.easy_cleanup(h->easy);
	if (h->multi != NULL)
		lc.multi_cleanup(h->multi);
	free(h->body.s);
	free(h);
}
