#ifndef TERMQUIZ_PATHS_H
#define TERMQUIZ_PATHS_H

/* Where termquiz finds its files: the shipped ones (the build tree when run
 * from it, else the install folder) and the user's XDG folders. */

struct paths {
	char *share;          /* the shipped files */
	char *share_packs;    /* the bundled packs */
	char *user_packs;     /* $XDG_DATA_HOME/termquiz/packs */
	char *user_config;    /* $XDG_CONFIG_HOME/termquiz/config.json */
	char *shipped_config; /* config.json beside the bundled packs */
	char *history;        /* $XDG_DATA_HOME/termquiz/history.db */
	char *state;          /* $XDG_STATE_HOME/termquiz */
	char *cache;          /* $XDG_CACHE_HOME/termquiz */
};

/* Fill p from the environment; nothing is created. paths_fini frees. */
void paths_init(struct paths *p);

/* The config to read: explicit (--config) if not NULL, else the user's,
 * else the shipped one, whichever is a file; NULL for the built-in
 * defaults. The string belongs to p (or is explicit). */
const char *paths_config(const struct paths *p, const char *explicit);

/* Free what paths_init made; p may then be filled again. */
void paths_fini(struct paths *p);

#endif
