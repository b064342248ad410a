#include "session.h"

#include <stdlib.h>
#include <string.h>

#include "core/report.h"
#include "core/util.h"

void
session_load_catalog(struct session *s)
{
	int i;

	if (s->catalog_loaded)
		return;
	for (i = 0; i < s->ndirs; i++)
		catalog_scan(&s->catalog, s->dirs[i]);
	s->catalog_loaded = true;
}

static void
set_game(struct session *s, struct quiz *z)
{
	quiz_free(s->z);
	s->z = z;
	s->saved = false;
	free(s->save_error);
	s->save_error = NULL;
}

void
session_new_game(struct session *s, struct pack **packs, int npacks)
{
	if (packs != s->game_packs) {
		free(s->game_packs);
		s->game_packs = xcalloc((size_t)npacks, sizeof *packs);
		memcpy(s->game_packs, packs, (size_t)npacks * sizeof *packs);
		s->ngame_packs = npacks;
	}
	set_game(s, quiz_new(packs, npacks, &s->cfg, &s->opts, &s->rng));
}

bool
session_retry(struct session *s)
{
	struct quiz *z = s->z ? quiz_retry(s->z, &s->rng) : NULL;

	if (z == NULL)
		return false;
	set_game(s, z);
	return true;
}

int
session_save(struct session *s, bool finished)
{
	struct report_info info;
	char err[512];

	if (s->results_path == NULL || s->z == NULL || s->saved)
		return 0;
	if (!finished && quiz_answered(s->z) == 0)
		return 0;
	info.seed = s->seed;
	info.time_scale = s->cfg.time_scale;
	info.untimed = s->cfg.untimed;
	info.finished = finished;
	if (report_write(s->z, &info, s->results_path, err, sizeof err) < 0) {
		free(s->save_error);
		s->save_error = xstrdup(err);
		return -1;
	}
	s->saved = true;
	return 0;
}

void
session_fini(struct session *s)
{
	int i;

	quiz_free(s->z);
	for (i = 0; i < s->npacks; i++)
		pack_free(s->packs[i]);
	free(s->packs);
	free(s->game_packs);
	catalog_fini(&s->catalog);
	config_fini(&s->cfg);
	free(s->save_error);
}
