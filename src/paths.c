#include "paths.h"

#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/util.h"

static bool
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool
is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Where the shipped files are: the build tree when run from it (its
 * assets/ beside the binary), else the installed share folder. Caller frees. */
static char *
share_dir(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash, *probe;

	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash != NULL) {
			*slash = '\0';
			probe = xasprintf("%s/assets/packs", exe);
			if (is_dir(probe)) {
				free(probe);
				return xstrdup(exe);
			}
			free(probe);
		}
	}
	return xstrdup(TERMQUIZ_DATADIR);
}

/* $XDG_<kind>_HOME/termquiz/<leaf>, or ~/<fallback>/termquiz/<leaf>; an
 * empty leaf names the folder itself. Caller frees. */
static char *
xdg_path(const char *var, const char *fallback, const char *leaf)
{
	const char *base = getenv(var), *home = getenv("HOME");
	const char *sep = leaf[0] != '\0' ? "/" : "";

	if (base != NULL && base[0] == '/')
		return xasprintf("%s/termquiz%s%s", base, sep, leaf);
	return xasprintf("%s/%s/termquiz%s%s", home ? home : ".", fallback,
	    sep, leaf);
}

void
paths_init(struct paths *p)
{
	bool tree;

	p->share = share_dir();
	tree = strcmp(p->share, TERMQUIZ_DATADIR) != 0;
	p->share_packs = xasprintf("%s/%s", p->share, tree ? "assets/packs" :
	    "packs");
	p->user_packs = xdg_path("XDG_DATA_HOME", ".local/share", "packs");
	p->user_config = xdg_path("XDG_CONFIG_HOME", ".config", "config.json");
	p->shipped_config = xasprintf("%s/config.json", p->share);
	p->history = xdg_path("XDG_DATA_HOME", ".local/share", "history.db");
	p->state = xdg_path("XDG_STATE_HOME", ".local/state", "");
	p->cache = xdg_path("XDG_CACHE_HOME", ".cache", "");
}

const char *
paths_config(const struct paths *p, const char *explicit)
{
	if (explicit != NULL)
		return explicit;
	if (is_file(p->user_config))
		return p->user_config;
	if (is_file(p->shipped_config))
		return p->shipped_config;
	return NULL;
}

void
paths_fini(struct paths *p)
{
	free(p->share);
	free(p->share_packs);
	free(p->user_packs);
	free(p->user_config);
	free(p->shipped_config);
	free(p->history);
	free(p->state);
	free(p->cache);
	memset(p, 0, sizeof *p);
}
