#ifndef TERMQUIZ_HTTP_H
#define TERMQUIZ_HTTP_H

/*
 * One HTTP GET through libcurl's multi interface, so that a screen can
 * keep drawing while it runs: start it, then wait on it (and on the
 * terminal) in the loop's own time, and step it until it ends.
 * Certificates are always checked; 5 s to connect, 15 s in all; a reply
 * larger than the cap given is cut off and fails.
 */

#include <stdbool.h>
#include <stddef.h>

#define HTTP_CONNECT_MS 5000
#define HTTP_TOTAL_MS 15000

struct http;

enum http_status { HTTP_RUNNING, HTTP_OK, HTTP_FAILED };

/* Start a GET of url (http:// or https:// only), taking at most max_bytes.
 * NULL with the reason in err when it cannot start. Free with http_free. */
struct http *http_get(const char *url, size_t max_bytes, char *err,
    size_t errlen);

/* Wait until the transfer has something to do or fd (-1: none) is
 * readable, at most timeout_ms. Returns true when fd is readable. */
bool http_wait(struct http *h, int fd, int timeout_ms);

/* Move the transfer on without blocking. HTTP_OK: a reply with status 200
 * (or 429, which the API uses for its rate limit: see http_code);
 * HTTP_FAILED: http_error says why. */
enum http_status http_step(struct http *h);

/* The reply's body so far (NUL-terminated; *len its length). Borrowed. */
const char *http_body(const struct http *h, size_t *len);

/* The HTTP status code of the reply, 0 before one came. */
long http_code(const struct http *h);

/* Why it failed, in words. Borrowed. */
const char *http_error(const struct http *h);

/* Whether it failed without reaching the server (no network, no such
 * host, refused, or no answer to connect): the caller may offer what it
 * has cached. */
bool http_unreachable(const struct http *h);

/* Stop the transfer if it runs and free it; NULL is a no-op. */
void http_free(struct http *h);

#endif
