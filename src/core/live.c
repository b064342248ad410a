#include "live.h"

#include <assert.h>
#include <cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "clock.h"
#include "otdb.h"
#include "utf8.h"
#include "util.h"

#define NICK_COLUMNS 16

void
live_opts_defaults(struct live_opts *o)
{
	memset(o, 0, sizeof *o);
	o->grace_us = 250 * 1000;
	o->read_us = 3 * (int64_t)CLOCK_US;
	o->reveal_us = 5 * (int64_t)CLOCK_US;
	o->max_players = 250;
}

/* --- nicknames ----------------------------------------------------------- */

static bool
in(uint32_t c, uint32_t lo, uint32_t hi)
{
	return c >= lo && c <= hi;
}

/* Columns of one code point: a small table, the same in every locale. */
static int
cp_columns(uint32_t c)
{
	if (in(c, 0x0300, 0x036F) || in(c, 0x1AB0, 0x1AFF) ||
	    in(c, 0x1DC0, 0x1DFF) || in(c, 0x20D0, 0x20FF) ||
	    in(c, 0xFE00, 0xFE0F) || in(c, 0xFE20, 0xFE2F) ||
	    in(c, 0x200B, 0x200D))
		return 0;
	if (in(c, 0x1100, 0x115F) || (in(c, 0x2E80, 0xA4CF) && c != 0x303F) ||
	    in(c, 0xAC00, 0xD7A3) || in(c, 0xF900, 0xFAFF) ||
	    in(c, 0xFE30, 0xFE4F) || in(c, 0xFF00, 0xFF60) ||
	    in(c, 0xFFE0, 0xFFE6) || in(c, 0x1F300, 0x1F64F) ||
	    in(c, 0x1F900, 0x1F9FF) || in(c, 0x20000, 0x3FFFD))
		return 2;
	return 1;
}

int
live_columns(const char *s)
{
	size_t i = 0, n = strlen(s);
	int cols = 0;

	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);

		if (k == 0)
			return -1;
		cols += cp_columns(cp);
		i += k;
	}
	return cols;
}

const char *
live_nick_error(const char *nick)
{
	size_t i = 0, n = strlen(nick);
	int cols;

	if (n == 0)
		return "a nickname needs at least one character";
	if (!utf8_valid(nick, n, NULL))
		return "a nickname must be valid UTF-8";
	while (i < n) {
		uint32_t cp;

		i += utf8_decode(nick + i, n - i, &cp);
		if (wire_is_control(cp))
			return "a nickname cannot hold control characters";
	}
	if (nick[0] == ' ' || nick[n - 1] == ' ')
		return "a nickname cannot start or end with a space";
	cols = live_columns(nick);
	if (cols < 1)
		return "a nickname needs at least one visible character";
	if (cols > NICK_COLUMNS)
		return "a nickname is at most 16 columns wide";
	return NULL;
}

/* --- the game and its players -------------------------------------------- */

/* A player's own game: the host's questions in the host's order, nothing
 * answered yet. quiz_free frees it. */
static struct quiz *
game_clone(const struct quiz *m)
{
	struct quiz *z = xcalloc(1, sizeof *z);
	int i;

	z->o = xcalloc((size_t)m->n, sizeof *z->o);
	for (i = 0; i < m->n; i++) {
		z->o[i].q = m->o[i].q;
		memcpy(z->o[i].order, m->o[i].order, sizeof z->o[i].order);
		z->o[i].limit = m->o[i].limit;
	}
	z->n = m->n;
	z->cfg = m->cfg;
	z->title = xstrdup(m->title);
	memcpy(z->key, m->key, sizeof z->key);
	return z;
}

struct live *
live_new(const struct quiz *master, const struct live_opts *o,
    const char *pin)
{
	struct live *L = xcalloc(1, sizeof *L);

	assert(o->max_players > 0 && strlen(pin) == WIRE_PIN_LEN);
	L->o = *o;
	L->master = master;
	memcpy(L->pin, pin, sizeof L->pin);
	L->phase = LIVE_LOBBY;
	L->q = -1;
	L->first_join = -1;
	L->game = 1;
	L->p = xcalloc((size_t)o->max_players, sizeof *L->p);
	return L;
}

void
live_free(struct live *L)
{
	int i;

	if (L == NULL)
		return;
	for (i = 0; i < L->np; i++)
		quiz_free(L->p[i].z);
	free(L->p);
	free(L);
}

static void rank(struct live *L);

static bool
nick_taken(const struct live *L, const char *nick)
{
	int i;

	/* "Ann" and "ann" would look like one player on the board. */
	for (i = 0; i < L->np; i++)
		if (strcasecmp(L->p[i].nick, nick) == 0)
			return true;
	return false;
}

enum live_why
live_join(struct live *L, const char *pin, const char *nick,
    const char *token, int64_t now, int *id)
{
	struct live_player *p;

	if (strcmp(pin, L->pin) != 0)
		return LIVE_BAD_PIN;
	if (L->phase == LIVE_PODIUM)
		return LIVE_OVER;
	if (L->o.lock && L->phase != LIVE_LOBBY)
		return LIVE_LOCKED;
	if (L->np >= L->o.max_players)
		return LIVE_FULL;
	if (live_nick_error(nick) != NULL ||
	    strlen(nick) >= sizeof p->nick)
		return LIVE_BAD_NICK;
	if (nick_taken(L, nick))
		return LIVE_NICK_TAKEN;
	assert(strlen(token) == WIRE_TOKEN_LEN);
	p = &L->p[L->np];
	memset(p, 0, sizeof *p);
	p->id = L->np++;
	strcpy(p->nick, nick);
	memcpy(p->token, token, sizeof p->token);
	p->connected = true;
	p->z = game_clone(L->master);
	p->t0 = -1;
	p->choice = -1;
	p->rank = 1;
	if (L->first_join < 0)
		L->first_join = now;
	*id = p->id;
	if (L->phase != LIVE_LOBBY)
		rank(L);   /* a late joiner is on the board, last */
	return LIVE_OK;
}

int
live_resume(struct live *L, const char *token)
{
	int i;

	for (i = 0; i < L->np; i++)
		if (!L->p[i].left && strcmp(L->p[i].token, token) == 0) {
			L->p[i].connected = true;
			return i;
		}
	return -1;
}

void
live_drop(struct live *L, int id)
{
	assert(id >= 0 && id < L->np);
	L->p[id].connected = false;
}

void
live_leave(struct live *L, int id)
{
	assert(id >= 0 && id < L->np);
	L->p[id].connected = false;
	L->p[id].left = true;
}

int
live_connected(const struct live *L)
{
	int i, n = 0;

	for (i = 0; i < L->np; i++)
		n += L->p[i].connected;
	return n;
}

/* --- phases --------------------------------------------------------------- */

static void
enter(struct live *L, enum live_phase ph, int64_t now)
{
	L->phase = ph;
	L->phase_at = now;
}

int64_t
live_limit_us(const struct live *L)
{
	if (L->q < 0 || L->q >= L->master->n)
		return 0;
	return (int64_t)llround(L->master->o[L->q].limit * CLOCK_US);
}

static void
open_question(struct live *L, int64_t now)
{
	int i;

	enter(L, LIVE_OPEN, now);
	L->in_q = L->answered = 0;
	memset(L->counts, 0, sizeof L->counts);
	for (i = 0; i < L->np; i++) {
		struct live_player *p = &L->p[i];

		p->in_q = p->connected && !p->left;
		p->t0 = -1;
		p->answered = false;
		p->choice = -1;
		L->in_q += p->in_q;
	}
}

struct scored {
	int id;
	int score;
};

/* Best score first; equal scores in the order the players joined. */
static int
by_score(const void *pa, const void *pb)
{
	const struct scored *a = pa, *b = pb;

	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	return (a->id > b->id) - (a->id < b->id);
}

int
live_ranking(const struct live *L, int *ids, int max)
{
	struct scored *all = xcalloc((size_t)L->np + 1, sizeof *all);
	int i, n;

	for (i = 0; i < L->np; i++) {
		all[i].id = i;
		all[i].score = quiz_score(L->p[i].z);
	}
	qsort(all, (size_t)L->np, sizeof *all, by_score);
	n = L->np < max ? L->np : max;
	for (i = 0; i < n; i++)
		ids[i] = all[i].id;
	free(all);
	return n;
}

/* Equal scores share a rank (1, 2, 2, 4); the gap is to the next higher
 * score. */
static void
rank(struct live *L)
{
	int *ids = xcalloc((size_t)L->np + 1, sizeof *ids), i, n;

	n = live_ranking(L, ids, L->np);
	/* Kept for the boards: one sort per ranking, not one per player. */
	L->ntop = n < WIRE_TOP_MAX ? n : WIRE_TOP_MAX;
	memcpy(L->top, ids, (size_t)L->ntop * sizeof *ids);
	for (i = 0; i < n; i++) {
		struct live_player *p = &L->p[ids[i]];

		if (i > 0 && quiz_score(L->p[ids[i - 1]].z) ==
		    quiz_score(p->z)) {
			p->rank = L->p[ids[i - 1]].rank;
			p->gap = L->p[ids[i - 1]].gap;
		} else {
			p->rank = i + 1;
			p->gap = i == 0 ? 0 :
			    quiz_score(L->p[ids[i - 1]].z) - quiz_score(p->z);
		}
	}
	free(ids);
}

static void
close_question(struct live *L, int64_t now)
{
	int i;

	for (i = 0; i < L->np; i++) {
		struct live_player *p = &L->p[i];

		if (p->in_q && !p->answered) {
			p->z->cur = L->q;
			quiz_time_out(p->z);
		}
	}
	rank(L);
	enter(L, LIVE_REVEAL, now);
}

bool
live_start(struct live *L, int64_t now)
{
	if (L->phase != LIVE_LOBBY || live_connected(L) == 0)
		return false;
	L->q = 0;
	enter(L, LIVE_READY, now);
	return true;
}

/* After the reveal: the board, or the podium after the last question. */
static void
after_reveal(struct live *L, int64_t now)
{
	if (L->q + 1 >= L->master->n) {
		L->finished = true;
		enter(L, LIVE_PODIUM, now);
	} else {
		enter(L, LIVE_BOARD, now);
	}
}

bool
live_next(struct live *L, int64_t now)
{
	switch (L->phase) {
	case LIVE_LOBBY: return live_start(L, now);
	case LIVE_READY: open_question(L, now); return true;
	case LIVE_OPEN: close_question(L, now); return true;
	case LIVE_REVEAL: after_reveal(L, now); return true;
	case LIVE_BOARD:
		L->q++;
		enter(L, LIVE_READY, now);
		return true;
	case LIVE_PODIUM: return false;
	}
	return false;
}

bool
live_again(struct live *L, const struct quiz *master, int64_t now,
    int *moved)
{
	int i, n = 0;

	if (L->phase != LIVE_PODIUM)
		return false;
	for (i = 0; i < L->np; i++) {
		struct live_player *p = &L->p[i];

		quiz_free(p->z);
		p->z = NULL;
		if (p->left) {
			moved[i] = -1;
			continue;
		}
		moved[i] = n;
		if (n != i)
			L->p[n] = *p;
		p = &L->p[n];
		p->id = n++;
		p->z = game_clone(master);
		p->rank = 1;
		p->gap = 0;
		p->in_q = p->answered = false;
		p->t0 = -1;
		p->choice = -1;
	}
	L->np = n;
	L->master = master;
	L->q = -1;
	L->in_q = L->answered = 0;
	memset(L->counts, 0, sizeof L->counts);
	L->ntop = 0;
	L->finished = false;
	L->game++;
	/* --start-after counts from the lobby's opening for those still in. */
	L->first_join = live_connected(L) > 0 ? now : -1;
	enter(L, LIVE_LOBBY, now);
	return true;
}

/* When the open question closes: everyone in it has answered or gone,
 * or the last deadline plus grace has passed. */
static int64_t
close_at(const struct live *L)
{
	int64_t T = live_limit_us(L), last = L->phase_at;
	int i, pending = 0;

	for (i = 0; i < L->np; i++) {
		const struct live_player *p = &L->p[i];

		if (!p->in_q)
			continue;
		pending += p->connected && !p->answered;
		if (p->t0 > last)
			last = p->t0;
	}
	if (pending == 0)
		return L->phase_at;
	if (T == 0)
		return CLOCK_NEVER;
	return last + T + L->o.grace_us;
}

static int64_t
lobby_wake(const struct live *L)
{
	int n = live_connected(L);

	if (n == 0)
		return CLOCK_NEVER;
	if (L->o.start_when > 0 && n >= L->o.start_when)
		return L->phase_at;
	if (L->o.start_after_us > 0)
		return L->first_join + L->o.start_after_us;
	return CLOCK_NEVER;
}

int64_t
live_wake(const struct live *L)
{
	switch (L->phase) {
	case LIVE_LOBBY: return lobby_wake(L);
	case LIVE_READY: return L->phase_at + L->o.read_us;
	case LIVE_OPEN: return close_at(L);
	case LIVE_REVEAL:
	case LIVE_BOARD:
		return L->o.reveal_us > 0 ? L->phase_at + L->o.reveal_us :
		    CLOCK_NEVER;
	case LIVE_PODIUM: return CLOCK_NEVER;
	}
	return CLOCK_NEVER;
}

bool
live_tick(struct live *L, int64_t now)
{
	if (L->phase == LIVE_PODIUM || now < live_wake(L))
		return false;
	return live_next(L, now);
}

void
live_delivered(struct live *L, int id, int64_t t0)
{
	struct live_player *p = &L->p[id];

	if (L->phase == LIVE_OPEN && p->in_q && p->t0 < 0)
		p->t0 = t0;
}

int64_t
live_left_us(const struct live *L, int id, int64_t now)
{
	const struct live_player *p = &L->p[id];
	int64_t T = live_limit_us(L), left;

	if (p->t0 < 0)
		return T;
	left = p->t0 + T - now;
	return left < 0 ? 0 : left;
}

/* --- answers -------------------------------------------------------------- */

static bool
in_range(const struct question *q, const struct wire_msg *a)
{
	switch (q->type) {
	case Q_CHOICE:
		return a->akind == WA_INDEX && a->a_index >= 0 &&
		    a->a_index < q->nchoices;
	case Q_TRUEFALSE:
		return a->akind == WA_BOOL;
	default:
		return a->akind == WA_TEXT && a->a_text != NULL &&
		    strlen(a->a_text) <= WIRE_TEXT_MAX &&
		    utf8_valid(a->a_text, strlen(a->a_text), NULL);
	}
}

enum live_why
live_answer(struct live *L, int id, int q, const struct wire_msg *a,
    int64_t received)
{
	struct live_player *p = &L->p[id];
	const struct question *qq;
	int64_t T = live_limit_us(L), took;
	double seconds;

	if (L->phase != LIVE_OPEN)
		return LIVE_NOT_OPEN;
	if (q != L->q + 1)
		return LIVE_WRONG_Q;
	if (!p->in_q || p->t0 < 0)
		return LIVE_NOT_OPEN;
	qq = L->master->o[L->q].q;
	if (!in_range(qq, a))
		return LIVE_OUT_OF_RANGE;
	if (p->answered)
		return LIVE_ANSWERED;
	if (T > 0 && received > p->t0 + T + L->o.grace_us)
		return LIVE_TOO_LATE;
	took = received - p->t0;
	if (took < 0)
		took = 0;
	if (T > 0 && took > T)
		took = T;
	seconds = (double)took / CLOCK_US;
	p->z->cur = L->q;
	if (qq->type == Q_CHOICE) {
		quiz_answer_choice(p->z, a->a_index, seconds);
		p->choice = a->a_index;
	} else if (qq->type == Q_TRUEFALSE) {
		quiz_answer_truefalse(p->z, a->a_bool, seconds);
		p->choice = a->a_bool ? 0 : 1;
	} else {
		quiz_answer_text(p->z, a->a_text, seconds);
	}
	if (p->choice >= 0)
		L->counts[p->choice]++;
	p->answered = true;
	L->answered++;
	return LIVE_OK;
}

const char *
live_why_text(enum live_why why)
{
	switch (why) {
	case LIVE_OK: return "ok";
	case LIVE_BAD_PIN: return "wrong PIN";
	case LIVE_BAD_NICK: return "that nickname cannot be used";
	case LIVE_NICK_TAKEN: return "that nickname is taken: choose another";
	case LIVE_FULL: return "the game is full";
	case LIVE_LOCKED: return "the game has started and is locked";
	case LIVE_OVER: return "the game is over";
	case LIVE_NOT_OPEN: return "no question is open";
	case LIVE_WRONG_Q: return "that is not the open question";
	case LIVE_OUT_OF_RANGE: return "not an answer to this question";
	case LIVE_ANSWERED: return "already answered";
	case LIVE_TOO_LATE: return "too late";
	}
	return "?";
}

/* --- what to send ----------------------------------------------------------- */

static const struct question *
cur_question(const struct live *L)
{
	assert(L->q >= 0 && L->q < L->master->n);
	return L->master->o[L->q].q;
}

void
live_msg_ready(const struct live *L, struct wire_msg *m)
{
	memset(m, 0, sizeof *m);
	m->t = W_READY;
	m->q = L->q + 1;
	m->of = L->master->n;
	m->text = xstrdup(cur_question(L)->text);
	m->in_ms = (int)(L->o.read_us / 1000);
}

void
live_msg_question(const struct live *L, int id, int64_t now,
    struct wire_msg *m)
{
	const struct question *q = cur_question(L);
	const struct outcome *o = &L->master->o[L->q];
	int k;

	memset(m, 0, sizeof *m);
	m->t = W_QUESTION;
	m->q = L->q + 1;
	m->of = L->master->n;
	m->qtype = (enum wire_qtype)q->type;
	m->text = xstrdup(q->text);
	if (q->type == Q_CHOICE) {
		for (k = 0; k < q->nchoices && k < WIRE_CHOICES_MAX; k++)
			m->choices[k] = xstrdup(q->choices[o->order[k]]);
		m->nchoices = k;
	}
	m->limit_ms = (int)(live_limit_us(L) / 1000);
	/* Rounded down: the player's countdown never outlasts the host's. */
	m->left_ms = (int)(live_left_us(L, id, now) / 1000);
}

void
live_msg_result(const struct live *L, int id, struct wire_msg *m)
{
	const struct live_player *p = &L->p[id];
	const struct outcome *o = &p->z->o[L->q];
	const struct question *q = cur_question(L);

	memset(m, 0, sizeof *m);
	m->t = W_RESULT;
	m->q = L->q + 1;
	m->correct = o->done && o->correct;
	m->timed_out = !o->done || outcome_timed_out(o);
	if (q->type == Q_TRUEFALSE)
		m->answer = xstrdup(q->truth ? "True" : "False");
	else
		m->answer = xstrdup(question_answer_text(q));
	m->points = o->points;
	m->bonus = (int)o->bonus;
	/* The solo feedback's explanation, for the player's verdict. */
	m->explanation = q->explanation != NULL ? xstrdup(q->explanation) :
	    NULL;
	m->streak = p->z->streak;
	m->score = quiz_score(p->z);
	m->rank = p->rank;
	m->gap = p->gap;
}

void
live_msg_board(const struct live *L, int id, bool podium,
    struct wire_msg *m)
{
	int n = L->ntop, i;

	memset(m, 0, sizeof *m);
	m->t = podium ? W_PODIUM : W_BOARD;
	for (i = 0; i < n; i++) {
		const struct live_player *p = &L->p[L->top[i]];

		snprintf(m->top[i].nick, sizeof m->top[i].nick, "%s", p->nick);
		m->top[i].score = quiz_score(p->z);
		m->top[i].rank = p->rank;
	}
	m->ntop = n;
	if (id >= 0 && id < L->np) {
		m->rank = L->p[id].rank;
		m->score = quiz_score(L->p[id].z);
	}
}

/* --- results ------------------------------------------------------------------ */

static double
hundredths(double s)
{
	return round(s * 100) / 100;
}

static cJSON *
player_json(const struct live_player *p)
{
	cJSON *j = cJSON_CreateObject(), *qs;
	struct quiz_tally t;
	int i;

	quiz_tally(p->z, &t);
	cJSON_AddStringToObject(j, "nick", p->nick);
	cJSON_AddNumberToObject(j, "score", (double)t.score);
	cJSON_AddNumberToObject(j, "rank", p->rank);
	cJSON_AddNumberToObject(j, "correct", t.correct);
	cJSON_AddNumberToObject(j, "wrong", t.wrong);
	cJSON_AddNumberToObject(j, "timed_out", t.timed_out);
	cJSON_AddNumberToObject(j, "best_streak", p->z->best_streak);
	cJSON_AddBoolToObject(j, "left", p->left);
	qs = cJSON_AddArrayToObject(j, "questions");
	for (i = 0; i < p->z->n; i++)
		if (p->z->o[i].done)
			cJSON_AddItemToArray(qs,
			    report_outcome_json(&p->z->o[i]));
	return j;
}

static void
game_fields(cJSON *root, const struct live *L, const struct report_info *in)
{
	const struct quiz *m = L->master;
	cJSON *qs;
	int i, asked = L->phase == LIVE_LOBBY ? 0 : L->q + 1;

	cJSON_AddStringToObject(root, "pack", m->title);
	if (otdb_attribution(m) != NULL)
		cJSON_AddStringToObject(root, "source", otdb_attribution(m));
	cJSON_AddNumberToObject(root, "max_score", quiz_max_score(m));
	report_add_info(root, in);
	qs = cJSON_AddArrayToObject(root, "questions");
	for (i = 0; i < asked && i < m->n; i++) {
		cJSON *j = cJSON_CreateObject();

		cJSON_AddStringToObject(j, "question", m->o[i].q->text);
		cJSON_AddStringToObject(j, "type", qtype_name(m->o[i].q->type));
		cJSON_AddStringToObject(j, "correct_answer",
		    question_answer_text(m->o[i].q));
		cJSON_AddNumberToObject(j, "limit", hundredths(m->o[i].limit));
		cJSON_AddItemToArray(qs, j);
	}
}

char *
live_report_json(const struct live *L, const struct report_info *info)
{
	cJSON *root = cJSON_CreateObject(), *ps;
	int *ids = xcalloc((size_t)L->np + 1, sizeof *ids), i, n;

	game_fields(root, L, info);
	ps = cJSON_AddArrayToObject(root, "players");
	n = live_ranking(L, ids, L->np);
	for (i = 0; i < n; i++)
		cJSON_AddItemToArray(ps, player_json(&L->p[ids[i]]));
	free(ids);
	return report_print(root);
}

/* --- wrong PINs ----------------------------------------------------------------- */

static int
guard_find(const struct live_guard *g, const char *addr)
{
	int i;

	for (i = 0; i < LIVE_GUARD_SLOTS; i++)
		if (g->v[i].addr[0] != '\0' && strcmp(g->v[i].addr, addr) == 0)
			return i;
	return -1;
}

bool
live_guard_allows(const struct live_guard *g, const char *addr, int64_t now)
{
	int i = guard_find(g, addr);

	return i < 0 || g->v[i].until <= now;
}

void
live_guard_fail(struct live_guard *g, const char *addr, int64_t now)
{
	int i = guard_find(g, addr), k;

	if (i < 0) {
		/* A free slot, else the one idle longest. */
		for (i = 0, k = 0; k < LIVE_GUARD_SLOTS; k++) {
			if (g->v[k].addr[0] == '\0') {
				i = k;
				break;
			}
			if (g->v[k].last < g->v[i].last)
				i = k;
		}
		memset(&g->v[i], 0, sizeof g->v[i]);
		snprintf(g->v[i].addr, sizeof g->v[i].addr, "%s", addr);
	}
	g->v[i].last = now;
	if (++g->v[i].fails >= LIVE_PIN_TRIES) {
		g->v[i].until = now + LIVE_PIN_WAIT_US;
		g->v[i].fails = 0;
	}
}
