#ifndef TERMQUIZ_UTIL_H
#define TERMQUIZ_UTIL_H

#include <stdarg.h>
#include <stddef.h>

/* Set the function run before exiting on out-of-memory (restores the terminal). */
void mem_set_fail_hook(void (*hook)(void));

/* Allocators that never return NULL: on failure they run the hook and exit(1). */
void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Return a new string formatted like printf. Caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* A growable byte string, always NUL-terminated once anything was added. */
struct strbuf {
	char *s;
	size_t len;
	size_t cap;
};

void strbuf_add(struct strbuf *b, const char *s, size_t n);
void strbuf_puts(struct strbuf *b, const char *s);
void strbuf_printf(struct strbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Take the built string (never NULL) and reset the buffer. Caller frees. */
char *strbuf_take(struct strbuf *b);
void strbuf_fini(struct strbuf *b);

#endif
