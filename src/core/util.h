#ifndef TERMQUIZ_UTIL_H
#define TERMQUIZ_UTIL_H

#include <stdarg.h>
#include <stddef.h>

/* Set the function die() runs first (ui.c's: restore the terminal); NULL
 * for none. */
void die_set_hook(void (*hook)(void));

/* For what cannot be recovered from (out of memory, no terminal): run the
 * hook, print "termquiz: " and the message on stderr, exit(1). */
_Noreturn void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Allocators that never return NULL: on failure they die(). A size of 0
 * still gives a block. Caller frees each with free(). */
void *xmalloc(size_t n);
/* Zeroed. */
void *xcalloc(size_t nmemb, size_t size);
/* Like realloc: p may be NULL; the old block is gone once it returns. */
void *xrealloc(void *p, size_t n);
/* A copy of the string s (not NULL). */
char *xstrdup(const char *s);
/* A NUL-terminated copy of the n bytes at s. */
char *xstrndup(const char *s, size_t n);

/* Return a new string formatted like printf (xvasprintf: like vprintf).
 * Caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* A growable byte string, always NUL-terminated once anything was added.
 * Starts zeroed ({ 0 }); strbuf_take hands over the memory. */
struct strbuf {
	char *s;
	size_t len;
	size_t cap;
};

/* Append the n bytes at s. */
void strbuf_add(struct strbuf *b, const char *s, size_t n);
/* Append the string s. */
void strbuf_puts(struct strbuf *b, const char *s);
/* Append text formatted like printf. */
void strbuf_printf(struct strbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Take the built string (never NULL) and reset the buffer. Caller frees. */
char *strbuf_take(struct strbuf *b);

/* Write all n bytes of s to fd, going on after EINTR and short writes.
 * Returns 0, or -1 with errno set (a write of nothing counts as failing). */
int write_all(int fd, const char *s, size_t n);

/* Read fd to its end into a NUL-terminated buffer with room for hint bytes
 * at first, stopping once more than max bytes came (a caller tells a file
 * over max by *len > max). Returns the buffer (caller frees), or NULL with
 * errno set when a read fails. */
char *read_all(int fd, size_t hint, size_t max, size_t *len);

#endif
