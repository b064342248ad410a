#include "net/conn.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/util.h"

int
net_split_addr(const char *s, const char *default_host, char *host,
    size_t hostlen, char *port, size_t portlen, char *err, size_t errlen)
{
	const char *colon, *h = s, *p = NULL;
	size_t hn;
	char *end;
	long n;

	if (s[0] == '[') {
		const char *close = strchr(s, ']');

		if (close == NULL || (close[1] != '\0' && close[1] != ':')) {
			snprintf(err, errlen, "'%s': a bracketed address "
			    "wants [ADDR]:PORT", s);
			return -1;
		}
		h = s + 1;
		hn = (size_t)(close - h);
		if (close[1] == ':')
			p = close + 2;
	} else {
		colon = strrchr(s, ':');
		if (colon != NULL && strchr(s, ':') != colon)
			colon = NULL;  /* a bare IPv6 address has no port */
		hn = colon ? (size_t)(colon - s) : strlen(s);
		if (colon)
			p = colon + 1;
	}
	if (hn == 0) {
		h = default_host;
		hn = strlen(h);
	}
	if (hn >= hostlen) {
		snprintf(err, errlen, "'%s': the host name is too long", s);
		return -1;
	}
	memcpy(host, h, hn);
	host[hn] = '\0';
	if (p == NULL || *p == '\0') {
		snprintf(port, portlen, "%d", NET_PORT_DEFAULT);
		return 0;
	}
	errno = 0;
	n = strtol(p, &end, 10);
	if (errno || *end != '\0' || n < 0 || n > 65535 || end == p) {
		snprintf(err, errlen, "'%s': the port must be a number from "
		    "0 to 65535", s);
		return -1;
	}
	snprintf(port, portlen, "%ld", n);
	return 0;
}

void
net_tune(int fd)
{
	int one = 1;

	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	/* Fails harmlessly on a socket that is not TCP. */
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

void
net_nodelay(int fd)
{
	int one = 1;

	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

int
net_listen(const char *host, const char *port, char *err, size_t errlen)
{
	struct addrinfo hints = { 0 }, *res, *ai;
	int fd = -1, one = 1, r, e = 0;

	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	r = getaddrinfo(host, port, &hints, &res);
	if (r != 0) {
		snprintf(err, errlen, "%s: %s", host, gai_strerror(r));
		return -1;
	}
	for (ai = res; ai != NULL; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
		if (fd < 0)
			continue;
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
		if (bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 &&
		    listen(fd, 1024) == 0)
			break;
		e = errno;
		close(fd);
		fd = -1;
	}
	freeaddrinfo(res);
	if (fd < 0) {
		snprintf(err, errlen, "cannot listen on %s:%s: %s", host, port,
		    strerror(e ? e : EADDRNOTAVAIL));
		return -1;
	}
	net_tune(fd);
	return fd;
}

int
net_local_port(int fd)
{
	struct sockaddr_storage ss;
	socklen_t n = sizeof ss;

	if (getsockname(fd, (struct sockaddr *)&ss, &n) < 0)
		return 0;
	if (ss.ss_family == AF_INET)
		return ntohs(((struct sockaddr_in *)&ss)->sin_port);
	if (ss.ss_family == AF_INET6)
		return ntohs(((struct sockaddr_in6 *)&ss)->sin6_port);
	return 0;
}

/* Wait for a non-blocking connect to finish. */
static int
connect_wait(int fd, int timeout_ms)
{
	int64_t end = clock_now() + (int64_t)timeout_ms * 1000;
	struct pollfd p = { .fd = fd, .events = POLLOUT };
	socklen_t n = sizeof(int);
	int e = 0;

	for (;;) {
		int64_t left = (end - clock_now()) / 1000;
		int r = poll(&p, 1, left > 0 ? (int)left : 0);

		if (r > 0)
			break;
		if (r == 0) {
			errno = ETIMEDOUT;
			return -1;
		}
		if (errno != EINTR)
			return -1;
	}
	if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &e, &n) < 0)
		return -1;
	errno = e;
	return e ? -1 : 0;
}

int
net_connect(const char *host, const char *port, int timeout_ms, char *err,
    size_t errlen)
{
	struct addrinfo hints = { 0 }, *res, *ai;
	int fd = -1, r, e = ECONNREFUSED;

	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_NUMERICSERV;
	r = getaddrinfo(host, port, &hints, &res);
	if (r != 0) {
		snprintf(err, errlen, "%s: %s", host, gai_strerror(r));
		return -1;
	}
	for (ai = res; ai != NULL; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
		if (fd < 0)
			continue;
		net_tune(fd);
		if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0 ||
		    (errno == EINPROGRESS && connect_wait(fd, timeout_ms) == 0))
			break;
		e = errno;
		close(fd);
		fd = -1;
	}
	freeaddrinfo(res);
	if (fd < 0)
		snprintf(err, errlen, "cannot connect to %s:%s: %s", host, port,
		    strerror(e));
	return fd;
}

void
net_peer_addr(int fd, char *buf, size_t n)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	const void *a = NULL;

	snprintf(buf, n, "?");
	if (getpeername(fd, (struct sockaddr *)&ss, &len) < 0)
		return;
	if (ss.ss_family == AF_INET)
		a = &((struct sockaddr_in *)&ss)->sin_addr;
	else if (ss.ss_family == AF_INET6)
		a = &((struct sockaddr_in6 *)&ss)->sin6_addr;
	if (a != NULL)
		inet_ntop(ss.ss_family, a, buf, (socklen_t)n);
}

long
net_in_read(struct net_in *in, int fd)
{
	ssize_t r;

	if (in->len == sizeof in->buf)
		return 1;   /* full: the caller finds the line too long */
	do
		r = read(fd, in->buf + in->len, sizeof in->buf - in->len);
	while (r < 0 && errno == EINTR);
	if (r > 0)
		in->len += (size_t)r;
	return (long)r;
}

int
net_in_take(struct net_in *in, char *line, size_t *len)
{
	char *nl = memchr(in->buf, '\n', in->len);
	size_t n;

	if (nl == NULL)
		return in->len == sizeof in->buf ? -1 : 0;
	n = (size_t)(nl - in->buf);
	memcpy(line, in->buf, n);
	line[n] = '\0';
	*len = n;
	in->len -= n + 1;
	memmove(in->buf, nl + 1, in->len);
	return 1;
}

void
net_out_add(struct net_out *o, const char *s, size_t n)
{
	if (o->off > 0 && o->off == o->len)
		o->off = o->len = 0;
	if (o->len + n > o->cap) {
		/* Slide the unsent bytes down before growing. */
		if (o->off > 0) {
			memmove(o->buf, o->buf + o->off, o->len - o->off);
			o->len -= o->off;
			o->off = 0;
		}
		if (o->len + n > o->cap) {
			o->cap = (o->len + n) * 2;
			o->buf = xrealloc(o->buf, o->cap);
		}
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
	o->queued += n;
}

size_t
net_out_pending(const struct net_out *o)
{
	return o->len - o->off;
}

int
net_out_flush(struct net_out *o, int fd)
{
	while (o->off < o->len) {
		ssize_t w = send(fd, o->buf + o->off, o->len - o->off,
		    MSG_NOSIGNAL);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return 0;
		if (w < 0)
			return -1;
		o->off += (size_t)w;
		o->written += (uint64_t)w;
	}
	o->off = o->len = 0;
	return 0;
}

void
net_out_fini(struct net_out *o)
{
	free(o->buf);
	memset(o, 0, sizeof *o);
}

int
net_random(void *buf, size_t n)
{
	unsigned char *p = buf;

	while (n > 0) {
		ssize_t r = getrandom(p, n, 0);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		p += r;
		n -= (size_t)r;
	}
	return 0;
}
