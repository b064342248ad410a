#include "catalog.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static int
entry_cmp(const void *a, const void *b)
{
	const struct catalog_entry *x = a, *y = b;

	/* Playable packs first, by title; broken ones after, by path. */
	if ((x->pack == NULL) != (y->pack == NULL))
		return x->pack == NULL ? 1 : -1;
	if (x->pack != NULL)
		return strcmp(x->pack->title, y->pack->title);
	return strcmp(x->path, y->path);
}

/* What a file that is not a regular file is, for the menu's message. */
static const char *
kind_name(mode_t m)
{
	return S_ISDIR(m) ? "a folder" : S_ISFIFO(m) ? "a FIFO" :
	    S_ISCHR(m) ? "a character device" : S_ISBLK(m) ? "a block device" :
	    S_ISSOCK(m) ? "a socket" : "not a file";
}

/* Why path cannot be a pack before reading it, or NULL. It is opened
 * without blocking (a FIFO would wait for a writer forever) and looked at
 * with fstat, so what is judged is what was opened. Caller frees. */
static char *
not_a_file(const char *path)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	struct stat st;
	char *why = NULL;

	if (fd < 0)
		return xasprintf("%s: error: cannot open: %s", path,
		    strerror(errno));
	if (fstat(fd, &st) < 0)
		why = xasprintf("%s: error: %s", path, strerror(errno));
	else if (!S_ISREG(st.st_mode))
		why = xasprintf("%s: error: %s, not a regular file: skipped",
		    path, kind_name(st.st_mode));
	close(fd);
	return why;
}

static void
add(struct catalog *c, char *path, bool is_json)
{
	struct diags d = { 0 };
	struct catalog_entry *e;
	struct import_opts o = c->import;
	int i;

	c->v = xrealloc(c->v, (size_t)(c->n + 1) * sizeof *c->v);
	e = &c->v[c->n++];
	e->path = path;
	e->pack = NULL;
	e->format = FORMAT_JSON;
	e->problem = not_a_file(path);
	if (e->problem != NULL)
		return;
	o.format = FORMAT_AUTO;
	o.term_sep = o.row_sep = NULL;
	e->pack = format_load(path, &o, &d, &e->format);
	if (e->format == FORMAT_AUTO && !is_json) {
		/* A README.txt beside the packs is not a broken pack. */
		diags_fini(&d);
		free(path);
		c->n--;
		return;
	}
	for (i = 0; i < d.n && e->pack == NULL; i++)
		if (d.v[i].level == DIAG_ERROR) {
			e->problem = diags_format(&d, i);
			break;
		}
	diags_fini(&d);
}

static bool
ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);

	return n > k && strcasecmp(s + n - k, tail) == 0;
}

/* A name a pack may have: what the importers read, by its extension, or
 * none at all (OpenTriviaQA's files) when it is a regular file. */
static bool
pack_name(const char *dir, const char *nm)
{
	static const char *const ext[] = { ".json", ".gift", ".txt", ".csv",
		".tsv" };
	struct stat st;
	size_t i;
	char *path;
	bool reg;

	for (i = 0; i < sizeof ext / sizeof ext[0]; i++)
		if (ends_with(nm, ext[i]))
			return true;
	if (strchr(nm, '.') != NULL)
		return false;
	path = xasprintf("%s/%s", dir, nm);
	reg = stat(path, &st) == 0 && S_ISREG(st.st_mode);
	free(path);
	return reg;
}

void
catalog_scan(struct catalog *c, const char *dir)
{
	struct dirent **names;
	int n, i;

	n = scandir(dir, &names, NULL, alphasort);
	if (n < 0)
		return;
	for (i = 0; i < n; i++) {
		const char *nm = names[i]->d_name;

		if (nm[0] != '.' && pack_name(dir, nm))
			add(c, xasprintf("%s/%s", dir, nm), ends_with(nm, ".json"));
		free(names[i]);
	}
	free(names);
	qsort(c->v, (size_t)c->n, sizeof *c->v, entry_cmp);
}

int
catalog_playable(const struct catalog *c)
{
	int i, n = 0;

	for (i = 0; i < c->n; i++)
		n += c->v[i].pack != NULL;
	return n;
}

void
catalog_fini(struct catalog *c)
{
	int i;

	for (i = 0; i < c->n; i++) {
		free(c->v[i].path);
		pack_free(c->v[i].pack);
		free(c->v[i].problem);
	}
	free(c->v);
	c->v = NULL;
	c->n = 0;
}
