#ifndef TERMQUIZ_NET_CONN_H
#define TERMQUIZ_NET_CONN_H

/*
 * Sockets for live games, plain POSIX: addresses, listening, connecting,
 * and the per-connection line reader and output buffer. Every socket is
 * non-blocking with TCP_NODELAY; sends use MSG_NOSIGNAL.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/wire.h"

#define NET_PORT_DEFAULT 7447

/* Split "HOST[:PORT]" ("[v6]:PORT" too; "" or ":PORT" is default_host) into
 * host and port. Returns 0, or -1 with a message in err. */
int net_split_addr(const char *s, const char *default_host, char *host,
    size_t hostlen, char *port, size_t portlen, char *err, size_t errlen);

/* A listening socket on host:port (port "0": any free one). Returns the
 * fd, or -1 with a message in err. */
int net_listen(const char *host, const char *port, char *err, size_t errlen);

/* The port a socket is bound to (0 if unknown). */
int net_local_port(int fd);

/* Connect to host:port within timeout_ms. Returns a non-blocking fd, or -1
 * with a message in err. */
int net_connect(const char *host, const char *port, int timeout_ms,
    char *err, size_t errlen);

/* Make fd non-blocking, close-on-exec, and (for TCP) TCP_NODELAY. */
void net_tune(int fd);

/* TCP_NODELAY alone (a socket from accept4 that is already the rest). */
void net_nodelay(int fd);

/* The peer's address without the port, into buf ("?" when unknown). */
void net_peer_addr(int fd, char *buf, size_t n);

/* Lines coming in: at most WIRE_LINE_MAX bytes each, newline included. */
struct net_in {
	char buf[WIRE_LINE_MAX];
	size_t len;
};

/* Read what fd (a socket or a terminal) has. Returns the bytes read, 0 at end of file, -1 on an
 * error (EAGAIN: -1 with errno EAGAIN). */
long net_in_read(struct net_in *in, int fd);

/* Take the next complete line into line (WIRE_LINE_MAX bytes, NUL ended,
 * without the newline) and its length into *len. Returns 1, 0 when no line
 * is complete, -1 when a line is longer than the cap. */
int net_in_take(struct net_in *in, char *line, size_t *len);

/* Bytes going out, with counters for when a given byte reached the kernel. */
struct net_out {
	char *buf;
	size_t off, len, cap;     /* unsent bytes are buf[off..len) */
	uint64_t queued;          /* bytes ever queued */
	uint64_t written;         /* bytes ever handed to the kernel */
};

void net_out_add(struct net_out *o, const char *s, size_t n);

/* Bytes queued and not yet written. */
size_t net_out_pending(const struct net_out *o);

/* Write as much as the kernel takes now. Returns 0, or -1 when the
 * connection is broken. */
int net_out_flush(struct net_out *o, int fd);

void net_out_fini(struct net_out *o);

/* n random bytes from getrandom (the PIN, tokens). Returns 0 or -1. */
int net_random(void *buf, size_t n);

#endif
