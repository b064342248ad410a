/*
 * testutil.h - helpers shared by the unit tests: where the fixtures are,
 * temporary folders and files, and checking one diagnostic.
 *
 * Include after <cmocka.h>. Everything is static inline, so a test file that
 * uses only some of it compiles without unused-function warnings.
 */
#ifndef TERMQUIZ_TESTUTIL_H
#define TERMQUIZ_TESTUTIL_H

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"

#define TU_FIXTURES "tests/fixtures"

static inline int
tu_is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/*
 * The repository root as a prefix ending in '/', or "" for the current
 * folder. The Makefile compiles tests/unit/test_x.c from the root, so this
 * header's __FILE__ is "tests/unit/testutil.h" (or an absolute path): strip
 * that. tests/run.sh runs from the root; from anywhere else, look upwards.
 */
static inline const char *
tu_root(void)
{
	static char root[PATH_MAX];
	static int done;
	const char *tail = "tests/unit/testutil.h";
	size_t n = strlen(__FILE__), t = strlen(tail);
	char probe[PATH_MAX + sizeof TU_FIXTURES];
	int up;

	if (done)
		return root;
	if (n >= t && strcmp(__FILE__ + n - t, tail) == 0 &&
	    n - t < sizeof root)
		memcpy(root, __FILE__, n - t);
	for (up = 0; up < 4; up++) {
		snprintf(probe, sizeof probe, "%s%s", root, TU_FIXTURES);
		if (tu_is_dir(probe)) {
			done = 1;
			return root;
		}
		if (root[0] == '/')
			break;
		if (strlen(root) + 3 >= sizeof root)
			break;
		strcat(root, "../");
	}
	print_error("cannot find %s: run the tests from the repository root "
	    "(tests/run.sh does)\n", TU_FIXTURES);
	fail();
	return "";
}

/* Path of a file under the repository root. Caller frees. */
static inline char *
tu_path(const char *rel)
{
	const char *root = tu_root();
	size_t n = strlen(root) + strlen(rel) + 1;
	char *p = malloc(n);

	assert_non_null(p);
	snprintf(p, n, "%s%s", root, rel);
	return p;
}

/* Path of a fixture, e.g. tu_fixture("packs/bad/empty.json"); it must
 * exist. Caller frees. */
static inline char *
tu_fixture(const char *rel)
{
	const char *root = tu_root();
	size_t n = strlen(root) + strlen(TU_FIXTURES) + strlen(rel) + 2;
	char *p = malloc(n);
	struct stat st;

	assert_non_null(p);
	snprintf(p, n, "%s%s/%s", root, TU_FIXTURES, rel);
	if (stat(p, &st) != 0) {
		print_error("fixture %s is missing: %s\n", p, strerror(errno));
		free(p);
		fail();
	}
	return p;
}

/* A new empty folder under $TMPDIR (or /tmp). Caller frees the name. */
static inline char *
tu_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char *p;
	size_t n;

	if (base == NULL || base[0] == '\0')
		base = "/tmp";
	n = strlen(base) + sizeof "/termquiz-test.XXXXXX";
	p = malloc(n);
	assert_non_null(p);
	snprintf(p, n, "%s/termquiz-test.XXXXXX", base);
	assert_non_null(mkdtemp(p));
	return p;
}

static inline int
tu_rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (flag == FTW_DP || flag == FTW_D)
		return rmdir(path) == 0 ? 0 : -1;
	return unlink(path) == 0 ? 0 : -1;
}

/* Remove a folder made by tu_tmpdir and everything in it. */
static inline void
tu_rmtree(const char *dir)
{
	chmod(dir, 0700);
	assert_int_equal(nftw(dir, tu_rm_one, 16, FTW_DEPTH | FTW_PHYS), 0);
}

/* cmocka setup and teardown giving a test a fresh folder as *state, removed
 * afterwards even when the test fails. */
static inline int
tu_setup_tmpdir(void **state)
{
	*state = tu_tmpdir();
	return 0;
}

static inline int
tu_teardown_tmpdir(void **state)
{
	tu_rmtree(*state);
	free(*state);
	return 0;
}

/* Write n bytes to dir/name (dir may be NULL for a full path). Returns the
 * path; caller frees. */
static inline char *
tu_write(const char *dir, const char *name, const void *data, size_t n)
{
	size_t len = (dir ? strlen(dir) + 1 : 0) + strlen(name) + 1;
	char *p = malloc(len);
	FILE *fp;

	assert_non_null(p);
	snprintf(p, len, "%s%s%s", dir ? dir : "", dir ? "/" : "", name);
	fp = fopen(p, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, n, fp), n);
	assert_int_equal(fclose(fp), 0);
	return p;
}

/* The whole of a file, NUL-terminated, or NULL if it cannot be read.
 * Caller frees. */
static inline char *
tu_read(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0, r;

	if (fp == NULL)
		return NULL;
	do {
		if (n + 4096 + 1 > cap) {
			cap = cap ? cap * 2 : 8192;
			buf = realloc(buf, cap);
			assert_non_null(buf);
		}
		r = fread(buf + n, 1, cap - n - 1, fp);
		n += r;
	} while (r > 0);
	fclose(fp);
	buf[n] = '\0';
	if (len != NULL)
		*len = n;
	return buf;
}

/* Print every diagnostic, to show what a loader said when a check fails. */
static inline void
tu_print_diags(const struct diags *d)
{
	int i;

	for (i = 0; i < d->n; i++) {
		char *s = diags_format(d, i);

		print_error("  got: %s\n", s);
		free(s);
	}
}

/* Check diagnostic i: its level, LINE:COL, and a part of its message. */
static inline void
tu_check_diag(const struct diags *d, int i, enum diag_level level, int line,
    int col, const char *part)
{
	const struct diag *e;

	if (i >= d->n) {
		print_error("expected diagnostic #%d (%d:%d %s), only %d\n", i,
		    line, col, part, d->n);
		tu_print_diags(d);
		fail();
	}
	e = &d->v[i];
	if (e->level != level || e->line != line || e->col != col ||
	    strstr(e->msg, part) == NULL) {
		print_error("diagnostic #%d: expected %s %d:%d \"...%s...\"\n",
		    i, level == DIAG_ERROR ? "error" : "warning", line, col,
		    part);
		tu_print_diags(d);
	}
	assert_int_equal(e->level, level);
	assert_int_equal(e->line, line);
	assert_int_equal(e->col, col);
	assert_non_null(strstr(e->msg, part));
}

/* How many files in dir (under the fixtures) a test table does not name.
 * The table has n rows of size bytes, each with the fixture's path relative
 * to the fixtures folder at *file; owner names the table in messages. */
static inline int
tu_untested(const char *dir, const char *const *file, size_t size, int n,
    const char *owner)
{
	char *path = tu_fixture(dir), rel[512];
	struct dirent *e;
	DIR *dp = opendir(path);
	int missing = 0, i;

	assert_non_null(dp);
	while ((e = readdir(dp)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(rel, sizeof rel, "%s/%s", dir, e->d_name);
		for (i = 0; i < n; i++) {
			const char *const *f = (const char *const *)(const void *)
			    ((const char *)file + (size_t)i * size);

			if (strcmp(*f, rel) == 0)
				break;
		}
		if (i == n) {
			print_error("%s has no row in %s\n", rel, owner);
			missing++;
		}
	}
	closedir(dp);
	free(path);
	return missing;
}

/* Run the named tests, then func once per row of a fixture table (n rows
 * of size bytes, each starting with its file name), each test named
 * "prefix FILE" and given its row as state. */
static inline int
tu_run_table(const char *group, const struct CMUnitTest *named, size_t nn,
    const void *rows, size_t size, int n, CMUnitTestFunction func,
    const char *prefix)
{
	struct CMUnitTest *all = calloc(nn + (size_t)n, sizeof *all);
	char (*names)[160] = calloc((size_t)n, sizeof *names);
	int i, r;

	if (all == NULL || names == NULL)
		return 1;
	memcpy(all, named, nn * sizeof *named);
	for (i = 0; i < n; i++) {
		const void *row = (const char *)rows + (size_t)i * size;

		snprintf(names[i], sizeof names[i], "%s %s", prefix,
		    *(const char *const *)row);
		all[nn + i].name = names[i];
		all[nn + i].test_func = func;
		all[nn + i].initial_state = (void *)(uintptr_t)row;
	}
	r = _cmocka_run_group_tests(group, all, nn + (size_t)n, NULL, NULL);
	free(names);
	free(all);
	return r;
}

#endif
