#include "catalog.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
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
add(struct catalog *c, char *path)
{
	struct diags d = { 0 };
	struct catalog_entry *e;
	int i;

	c->v = xrealloc(c->v, (size_t)(c->n + 1) * sizeof *c->v);
	e = &c->v[c->n++];
	e->path = path;
	e->pack = NULL;
	e->problem = not_a_file(path);
	if (e->problem != NULL)
		return;
	e->pack = pack_load(path, &d);
	for (i = 0; i < d.n && e->pack == NULL; i++)
		if (d.v[i].level == DIAG_ERROR) {
			e->problem = diags_format(&d, i);
			break;
		}
	diags_fini(&d);
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
		size_t len = strlen(nm);

		if (nm[0] != '.' && len > 5 && strcmp(nm + len - 5, ".json") == 0)
			add(c, xasprintf("%s/%s", dir, nm));
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
