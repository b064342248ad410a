#include "session.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/history.h"
#include "core/report.h"
#include "core/util.h"

static uint64_t
fresh_seed(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	/* Within what --seed takes back and JSON holds exactly. */
	/* A deck's first round (quiz_seed): the next games of the same
	 * packs go on through the deck, up to QUIZ_ROUNDS of them. */
	return (((uint64_t)ts.tv_sec * 1000003u) ^ (uint64_t)ts.tv_nsec ^
	    ((uint64_t)getpid() << 32)) & QUIZ_DECK_MASK;
}

/* The player's name: config, else $USER, else "player". */
static const char *
player_name(const struct config *c)
{
	const char *u = getenv("USER");

	if (c->player != NULL)
		return c->player;
	return u != NULL && u[0] != '\0' ? u : "player";
}

int
session_init(struct session *s, const struct options *o, struct diags *d)
{
	const char *config;
	int r = 0;

	memset(s, 0, sizeof *s);
	paths_init(&s->paths);
	s->results_path = o->results;
	s->no_color = o->no_color;
	s->opts.time = o->time;
	s->seed = o->seed_given ? o->seed : fresh_seed();
	rng_seed(&s->rng, s->seed);
	s->import = o->import;
	s->import.seed = s->seed;
	s->history_path = s->paths.history;
	s->dirs[s->ndirs++] = s->paths.share_packs;
	s->dirs[s->ndirs++] = s->paths.user_packs;
	config_defaults(&s->cfg);
	config = paths_config(&s->paths, o->config);
	if (config != NULL && config_load(&s->cfg, config, d) < 0)
		r = -1;
	if (o->count_given)
		s->cfg.questions_per_game = (int)o->count;
	if (o->time_scale > 0)
		s->cfg.time_scale = o->time_scale;
	if (o->untimed)
		s->cfg.untimed = true;
	s->player = player_name(&s->cfg);
	return r;
}

int
session_load_packs(struct session *s, char **files, int n, struct diags *d)
{
	int i, bad = 0;

	s->packs = xcalloc((size_t)n, sizeof *s->packs);
	s->formats = xcalloc((size_t)n, sizeof *s->formats);
	for (i = 0; i < n; i++) {
		struct pack *pk = format_load(files[i], &s->import, d,
		    &s->formats[i]);

		if (pk == NULL)
			bad = 1;
		else
			s->packs[s->npacks++] = pk;
	}
	return bad ? -1 : 0;
}

void
session_load_catalog(struct session *s)
{
	int i;

	if (s->catalog_loaded)
		return;
	s->catalog.import = s->import;   /* --as-choice, --swap, the seed */
	for (i = 0; i < s->ndirs; i++)
		catalog_scan(&s->catalog, s->dirs[i]);
	s->catalog_loaded = true;
}

/* Whether z waits in s->unsaved (which then owns it). */
static bool
is_unsaved(const struct session *s, const struct quiz *z)
{
	int i;

	for (i = 0; i < s->nunsaved; i++)
		if (s->unsaved[i].z == z)
			return true;
	return false;
}

static void
set_game(struct session *s, struct quiz *z)
{
	if (!is_unsaved(s, s->z))
		quiz_free(s->z);
	s->z = z;
	s->started_at = (int64_t)time(NULL);
	s->ended = s->saved = s->recorded = false;
	s->ntop = 0;
	s->nseries = 0;
	s->best_before = -1;
	free(s->save_error);
	s->save_error = NULL;
}

void
session_choose_packs(struct session *s, struct pack **packs, int npacks)
{
	/* Other packs: a new deck. The same ones: the next game goes on
	 * through the last one's deck. */
	if (npacks != s->ngame_packs || (npacks > 0 &&
	    memcmp(packs, s->game_packs, (size_t)npacks * sizeof *packs) != 0))
		s->dealt_any = false;
	free(s->game_packs);
	s->game_packs = xcalloc((size_t)npacks + 1, sizeof *packs);
	memcpy(s->game_packs, packs, (size_t)npacks * sizeof *packs);
	s->ngame_packs = npacks;
}

/* Every game after the first gets a seed of its own, drawn from the run's
 * generator and recorded, so that --seed replays that game. */
static void
next_seed(struct session *s)
{
	if (s->ngames++ > 0) {
		s->seed = rng_next(&s->rng) >> 11;   /* --seed's 0..2^53-1 */
		rng_seed(&s->rng, s->seed);
	}
}

void
session_new_game(struct session *s)
{
	/* The first game is the run's seed's; another of the same packs is
	 * the next round of the last one's deck (unseen questions first);
	 * one of other packs starts a deck of its own. Either way the seed
	 * recorded deals this very game again (quiz_deal). */
	if (s->ngames++ > 0) {
		s->seed = s->dealt_any ? quiz_seed(s->dealt,
		    quiz_seed_round(s->dealt) + 1) :
		    rng_next(&s->rng) & QUIZ_DECK_MASK;
		rng_seed(&s->rng, s->seed);
	}
	s->dealt = s->seed;
	s->dealt_any = true;
	s->kind = HISTORY_GAME;
	set_game(s, quiz_deal(s->game_packs, s->ngame_packs, &s->cfg,
	    &s->opts, s->seed));
}

void
session_set_game(struct session *s, struct quiz *z)
{
	s->ngames++;
	s->kind = HISTORY_REVIEW;
	set_game(s, z);
}

static bool
missed_any(const struct quiz *z)
{
	int i;

	for (i = 0; i < z->n; i++)
		if (z->o[i].done && !z->o[i].correct)
			return true;
	return false;
}

/* How much each question of packs wants reviewing (fsrs_weight), in pack
 * order; every question weighs above 0. Caller frees. */
static double *
review_weights(struct session *s, struct history *h, struct pack **packs,
    int n, int64_t now)
{
	int i, j, k = 0, total = 0;
	double *w;

	for (i = 0; i < n; i++)
		total += packs[i]->nq;
	w = xcalloc((size_t)total + 1, sizeof *w);
	for (i = 0; i < n; i++)
		for (j = 0; j < packs[i]->nq; j++) {
			char hash[HASH_HEX];
			struct fsrs_card c;

			question_hash(&packs[i]->q[j], hash);
			w[k++] = fsrs_weight(h != NULL && history_card(h,
			    s->player, hash, &c) ? &c : NULL, now);
		}
	return w;
}

bool
session_review(struct session *s)
{
	double *w = review_weights(s, session_history(s), s->game_packs,
	    s->ngame_packs, (int64_t)time(NULL));
	struct quiz *z;

	next_seed(s);
	z = quiz_review(s->game_packs, s->ngame_packs, w, &s->cfg, &s->opts,
	    &s->rng);
	free(w);
	if (z == NULL)
		return false;
	set_game(s, z);
	return true;
}

static int pack_due(struct session *s, struct history *h,
    const struct pack *p, int64_t now);

int
session_pack_due(struct session *s, const struct pack *p, int64_t now)
{
	struct history *h = session_history(s);

	return h != NULL ? pack_due(s, h, p, now) : 0;
}

/* How many of p's questions are due for the player at now. */
static int
pack_due(struct session *s, struct history *h, const struct pack *p,
    int64_t now)
{
	int j, n = 0;

	for (j = 0; j < p->nq; j++) {
		char hash[HASH_HEX];
		struct fsrs_card c;

		question_hash(&p->q[j], hash);
		n += history_card(h, s->player, hash, &c) && fsrs_due(&c, now);
	}
	return n;
}

void
session_count_due(struct session *s)
{
	struct history *h = session_history(s);
	int64_t now = (int64_t)time(NULL);
	int i;

	session_load_catalog(s);
	free(s->due);
	s->due = xcalloc((size_t)s->catalog.n + 1, sizeof *s->due);
	s->due_total = 0;
	for (i = 0; h != NULL && i < s->catalog.n; i++)
		if (s->catalog.v[i].pack != NULL) {
			s->due[i] = pack_due(s, h, s->catalog.v[i].pack, now);
			s->due_total += s->due[i];
		}
}

bool
session_retry(struct session *s)
{
	struct quiz *z;

	if (s->z == NULL || !missed_any(s->z))
		return false;
	next_seed(s);
	z = quiz_retry(s->z, &s->rng);
	if (z == NULL)
		return false;
	s->kind = HISTORY_RETRY;
	set_game(s, z);
	return true;
}

/* mkdir -p for the folder that holds path. */
static int
make_parent(const char *path)
{
	char *dir = xstrdup(path), *p;
	int r = 0;

	for (p = dir + 1; r == 0 && (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(dir, 0755) < 0 && errno != EEXIST)
			r = -1;
		*p = '/';
	}
	free(dir);
	return r;
}

/* Say once why there is no history; the game goes on without it. */
static void
history_warn(struct session *s, const char *what, const char *why)
{
	free(s->history_note);
	s->history_note = xasprintf("%s (%s)", what, why);
	s->history_failed = true;
}

struct history *
session_history(struct session *s)
{
	char note[512], err[512];

	if (s->history != NULL || s->history_failed || s->history_path == NULL)
		return s->history;
	if (make_parent(s->history_path) < 0) {
		char *why = xasprintf("%s: %s", s->history_path,
		    strerror(errno));

		history_warn(s, "history not kept", why);
		free(why);
		return NULL;
	}
	s->history = history_open(s->history_path, note, sizeof note, err,
	    sizeof err);
	if (s->history == NULL) {
		history_warn(s, "history not kept", err);
		return NULL;
	}
	history_set_retention(s->history, s->cfg.desired_retention);
	if (note[0] != '\0')
		s->history_note = xstrdup(note);
	return s->history;
}

/* Put one game in the history; on the session's finished game, fetch
 * what the results screen shows (the best before it, the high scores of
 * the pack's whole games with as many questions).
 * False when the history could not take it now. */
static bool
save_game(struct session *s, struct quiz *z, const struct history_meta *m)
{
	struct history *h = session_history(s);
	char err[512];
	int64_t id;

	if (h == NULL) {
		s->note_is_unsaved = s->history_note != NULL;
		return false;
	}
	id = history_save(h, z, m, err, sizeof err);
	if (id < 0) {
		history_warn(s, "this game was not saved in the history", err);
		s->note_is_unsaved = true;
		return false;
	}
	if (z != s->z)
		return true;
	s->game_id = id;
	s->recorded = true;
	if (m->finished) {
		/* High scores: whole games with as many questions only. */
		if (m->kind == HISTORY_GAME) {
			s->best_before = history_best_before(h, z->key, z->n,
			    s->player, id);
			s->ntop = history_top(h, z->key, z->n, s->top, 10);
		}
		s->nseries = history_series(h, z->key, s->player, s->series,
		    SESSION_SERIES);
		if (s->nseries < 0)
			s->nseries = 0;
	}
	return true;
}

static int64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Put the game in the history, or keep it to try again later: a locked
 * database must neither freeze the screen nor lose the game. */
static void
history_record(struct session *s, bool finished)
{
	struct history_meta m;

	if (s->history_path == NULL)
		return;
	m.player = s->player;
	m.started_at = s->started_at;
	m.finished = finished;
	m.time_scale = s->cfg.time_scale;
	m.untimed = s->cfg.untimed;
	m.seed = s->seed;
	m.kind = s->kind;
	session_retry_saves(s, true);
	if (s->nunsaved > 0 || !save_game(s, s->z, &m)) {
		/* Behind the others, so that the history keeps their order. */
		s->unsaved = xrealloc(s->unsaved, (size_t)(s->nunsaved + 1) *
		    sizeof *s->unsaved);
		s->unsaved[s->nunsaved].z = s->z;
		s->unsaved[s->nunsaved++].m = m;
		s->unsaved_tried = now_ms();
	}
}

bool
session_saves_pending(const struct session *s)
{
	return s->nunsaved > 0;
}

void
session_retry_saves(struct session *s, bool now)
{
	int done = 0;

	if (s->nunsaved == 0 || (!now && now_ms() - s->unsaved_tried < 1000))
		return;
	s->unsaved_tried = now_ms();
	/* A history that could not even be opened is tried again too. */
	if (s->history == NULL)
		s->history_failed = false;
	while (done < s->nunsaved &&
	    save_game(s, s->unsaved[done].z, &s->unsaved[done].m)) {
		if (s->unsaved[done].z != s->z)
			quiz_free(s->unsaved[done].z);
		done++;
	}
	memmove(s->unsaved, s->unsaved + done, (size_t)(s->nunsaved - done) *
	    sizeof *s->unsaved);
	s->nunsaved -= done;
	if (s->nunsaved == 0 && s->note_is_unsaved) {
		free(s->history_note);
		s->history_note = NULL;
		s->note_is_unsaved = false;
	}
}

bool
session_next(struct session *s)
{
	if (quiz_next(s->z))
		return true;
	session_end_game(s, true);
	return false;
}

void
session_end_game(struct session *s, bool finished)
{
	struct report_info info;
	char err[512];

	if (s->z == NULL || s->ended)
		return;
	s->ended = true;
	if (quiz_answered(s->z) == 0)
		return;
	history_record(s, finished);
	if (s->results_path == NULL)
		return;
	info.seed = s->seed;
	info.time_scale = s->cfg.time_scale;
	info.untimed = s->cfg.untimed;
	info.finished = finished;
	free(s->saved_path);
	s->saved_path = report_path_nth(s->results_path, s->nsaved + 1);
	if (report_write(s->z, &info, s->saved_path, err, sizeof err) < 0) {
		free(s->save_error);
		s->save_error = xstrdup(err);
		return;
	}
	s->nsaved++;
	s->saved = true;
}

void
session_fini(struct session *s)
{
	int i;

	for (i = 0; i < s->nunsaved; i++)
		if (s->unsaved[i].z != s->z)
			quiz_free(s->unsaved[i].z);
	free(s->unsaved);
	quiz_free(s->z);
	for (i = 0; i < s->npacks; i++)
		pack_free(s->packs[i]);
	free(s->packs);
	free(s->formats);
	free(s->game_packs);
	free(s->due);
	catalog_fini(&s->catalog);
	config_fini(&s->cfg);
	free(s->save_error);
	free(s->saved_path);
	free(s->history_note);
	history_close(s->history);
	paths_fini(&s->paths);
}
