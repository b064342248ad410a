#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"

int64_t
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * US_PER_S + ts.tv_nsec / 1000;
}

int
ms_until(int64_t t)
{
	int64_t d = t - now_us();

	return d <= 0 ? 0 : (int)((d + US_PER_MS - 1) / US_PER_MS);
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

double
median(double *v, int n)
{
	if (n <= 0)
		return 0;
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double
worst(const double *v, int n)
{
	double w = 0;
	int i;

	for (i = 0; i < n; i++)
		if (v[i] * v[i] > w * w)
			w = v[i];
	return w;
}

/* Read /proc/PID/<leaf> into buf. Returns 0 or -1. */
static int
proc_read(pid_t pid, const char *leaf, char *buf, size_t size)
{
	char path[64];
	FILE *fp;
	size_t n;

	snprintf(path, sizeof path, "/proc/%ld/%s", (long)pid, leaf);
	fp = fopen(path, "r");
	if (fp == NULL)
		return -1;
	n = fread(buf, 1, size - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	return n > 0 ? 0 : -1;
}

long long
proc_ticks(pid_t pid)
{
	char buf[1024];
	const char *p;
	unsigned long long ut, st;

	if (proc_read(pid, "stat", buf, sizeof buf) < 0)
		return -1;
	/* The command name may hold spaces and ')': fields follow the last. */
	p = strrchr(buf, ')');
	if (p == NULL || sscanf(p + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u "
	    "%*u %*u %llu %llu", &ut, &st) != 2)
		return -1;
	return (long long)(ut + st);
}

long long
proc_sched_ns(pid_t pid)
{
	char buf[256];
	unsigned long long ns;

	if (proc_read(pid, "schedstat", buf, sizeof buf) < 0 ||
	    sscanf(buf, "%llu", &ns) != 1)
		return -1;
	return (long long)ns;
}

long long
proc_wakeups(pid_t pid)
{
	char buf[4096];
	const char *p;
	unsigned long long n;

	if (proc_read(pid, "status", buf, sizeof buf) < 0)
		return -1;
	p = strstr(buf, "\nvoluntary_ctxt_switches:");
	if (p == NULL || sscanf(p + 25, "%llu", &n) != 1)
		return -1;
	return (long long)n;
}

void
note(const char *fmt, ...)
{
	va_list ap;

	fputs("bench: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}
