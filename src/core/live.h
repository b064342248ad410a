#ifndef TERMQUIZ_LIVE_H
#define TERMQUIZ_LIVE_H

/*
 * A live game's rules (LIVE.md): the phases lobby -> ready -> open ->
 * reveal -> board -> ... -> podium, the players, the host's clock and the
 * score. Pure: no sockets, every time is passed in (microseconds on the
 * host's monotonic clock), the PIN and tokens come from the caller. The
 * socket layer tells it what arrived and when a line reached the kernel,
 * and asks it what to send.
 */

#include <stdbool.h>
#include <stdint.h>

#include "quiz.h"
#include "report.h"
#include "wire.h"

enum live_phase {
	LIVE_LOBBY, LIVE_READY, LIVE_OPEN, LIVE_REVEAL, LIVE_BOARD,
	LIVE_PODIUM
};

/* Why a join or an answer was refused (LIVE_OK: it was not). */
enum live_why {
	LIVE_OK,
	LIVE_BAD_PIN, LIVE_BAD_NICK, LIVE_NICK_TAKEN, LIVE_FULL, LIVE_LOCKED,
	LIVE_OVER,
	LIVE_NOT_OPEN, LIVE_WRONG_Q, LIVE_OUT_OF_RANGE, LIVE_ANSWERED,
	LIVE_TOO_LATE
};

struct live_opts {
	int64_t grace_us;        /* answers received this long after the
	                          * deadline still count */
	int64_t read_us;         /* "get ready" before each question */
	int64_t reveal_us;       /* reveal, then board, each this long;
	                          * 0: until live_next */
	int max_players;         /* > 0 */
	bool lock;               /* no joining once the game has started */
	int start_when;          /* start once this many are in; 0: no */
	int64_t start_after_us;  /* start this long after the first join;
	                          * 0: no */
};

/* Fill o with LIVE.md's defaults (grace 250 ms, read 3 s, reveal 5 s,
 * 250 players). */
void live_opts_defaults(struct live_opts *o);

struct live_player {
	int id;
	char nick[WIRE_NICK_BYTES];
	char token[WIRE_TOKEN_LEN + 1];
	bool connected;
	bool left;               /* said leave: out of the game for good */
	struct quiz *z;          /* this player's game: score, streak, answers */
	int rank;                /* after the last close; 1 is first */
	int gap;                 /* points behind the player just ahead */
	bool in_q;               /* takes part in the open question */
	int64_t t0;              /* its question reached the kernel; -1: not yet */
	bool answered;           /* the open question's answer is in */
	int choice;              /* the shown choice picked (-1: none) */
};

struct live {
	struct live_opts o;
	const struct quiz *master;  /* the questions, their order and limits */
	char pin[WIRE_PIN_LEN + 1];
	enum live_phase phase;
	int64_t phase_at;        /* when the phase began */
	int q;                   /* the question (0-based); -1 in the lobby */
	int64_t first_join;      /* -1 until someone joined */
	struct live_player *p;   /* ids are indices */
	int np;
	int in_q;                /* players in the open question */
	int answered;            /* of those, answered */
	int counts[CHOICES_MAX]; /* shown choices (true, false) picked */
	int top[WIRE_TOP_MAX];   /* the best players at the last ranking */
	int ntop;
	bool finished;           /* reached the podium by playing every question */
	int game;                /* 1 for the first game, 2 after live_again... */
};

/* A game over master's questions (borrowed: must outlive the game), with
 * the 6-digit pin. Caller frees with live_free. */
struct live *live_new(const struct quiz *master, const struct live_opts *o,
    const char *pin);

/* Free the game and its players (not master); NULL is a no-op. */
void live_free(struct live *L);

/* NULL when nick may be used (1 to 16 columns of valid UTF-8, no control
 * or bidi characters, no leading or trailing space), else why not. */
const char *live_nick_error(const char *nick);

/* Display columns of valid UTF-8 s (wide East Asian characters count 2,
 * combining marks 0); -1 when s is not valid UTF-8. */
int live_columns(const char *s);

/* A new player, with the pin they typed and the token made for them (32
 * hex digits). On LIVE_OK *id is theirs. */
enum live_why live_join(struct live *L, const char *pin, const char *nick,
    const char *token, int64_t now, int *id);

/* The player with token, back (connected): their id, or -1 when none. A
 * player who left cannot come back. */
int live_resume(struct live *L, const char *token);

/* The connection of player id was lost (it can resume). */
void live_drop(struct live *L, int id);

/* Player id said leave: out for good, their answers kept. */
void live_leave(struct live *L, int id);

/* Players connected now. */
int live_connected(const struct live *L);

/* The host starts the game (lobby -> ready); false when nobody is in. */
bool live_start(struct live *L, int64_t now);

/* The host presses Enter: ready opens now, an open question closes, the
 * reveal and the board move on. False when there is nothing to move. */
bool live_next(struct live *L, int64_t now);

/* Play again (the host pressed Enter on the podium): a new game of
 * master's questions (borrowed, as for live_new; the previous master may be
 * freed after this returns) with the same PIN and players, back in the
 * lobby at now. Scores, streaks and answers start again; players who left
 * are gone and the others are numbered anew in the order they joined:
 * moved (L->np entries, read before the call) gets each old id's new id,
 * or -1. Tokens are kept, so a dropped player can still resume. False (and
 * nothing changes) unless the game is at the podium. */
bool live_again(struct live *L, const struct quiz *master, int64_t now,
    int *moved);

/* Move on one phase if its time has come; true when the phase changed
 * (call again: time may have passed more than one). */
bool live_tick(struct live *L, int64_t now);

/* When live_tick next has something to do; CLOCK_NEVER when waiting for
 * the host or the players. */
int64_t live_wake(const struct live *L);

/* The open question's line for player id reached the kernel at t0: their
 * countdown starts there. Only the first call counts. */
void live_delivered(struct live *L, int id, int64_t t0);

/* An answer from player id for question q (1-based, as on the wire),
 * stamped when read. LIVE_OK when it counts; the first that counts wins. */
enum live_why live_answer(struct live *L, int id, int q,
    const struct wire_msg *answer, int64_t received);

/* The text an ack or error shows for why. */
const char *live_why_text(enum live_why why);

/* The open question's limit in microseconds (0: untimed). */
int64_t live_limit_us(const struct live *L);

/* Microseconds player id has left at now (the whole limit before their
 * line went out). */
int64_t live_left_us(const struct live *L, int id, int64_t now);

/* Fill m (zeroed first; wire_msg_fini after) with what player id is to be
 * sent for the current phase: ready, question, result, board or podium. */
void live_msg_ready(const struct live *L, struct wire_msg *m);
void live_msg_question(const struct live *L, int id, int64_t now,
    struct wire_msg *m);
void live_msg_result(const struct live *L, int id, struct wire_msg *m);
void live_msg_board(const struct live *L, int id, bool podium,
    struct wire_msg *m);

/* The ids of the players by rank (best first), at most max. Returns how
 * many. */
int live_ranking(const struct live *L, int *ids, int max);

/* The results file (LIVE.md "Results of a live game"). Caller frees. */
char *live_report_json(const struct live *L, const struct report_info *info);

/*
 * Wrong PINs per address: after LIVE_PIN_TRIES wrong ones, that address
 * waits LIVE_PIN_WAIT_US. A small table; the oldest entry makes room.
 */
#define LIVE_PIN_TRIES 5
#define LIVE_PIN_WAIT_US (30 * (int64_t)1000000)
#define LIVE_GUARD_SLOTS 256

struct live_guard {
	struct {
		char addr[48];
		int fails;
		int64_t last;
		int64_t until;
	} v[LIVE_GUARD_SLOTS];
};

/* True when addr may try a PIN at now. */
bool live_guard_allows(const struct live_guard *g, const char *addr,
    int64_t now);

/* addr gave a wrong PIN at now. */
void live_guard_fail(struct live_guard *g, const char *addr, int64_t now);

#endif
