#ifndef TERMQUIZ_NET_JOIN_H
#define TERMQUIZ_NET_JOIN_H

/*
 * A player of a live game: connect, join (or resume with a token), then
 * show what the host says and send what the player typed. The player's
 * terminal decides nothing: no timeout, no point, no rank.
 */

#include <stdbool.h>
#include <stdint.h>

#include "net/conn.h"

struct join_opts {
	const char *addr;    /* HOST[:PORT] */
	const char *pin;     /* --pin, or NULL: asked */
	const char *nick;    /* --name, or NULL: $USER, else asked */
	const char *token;   /* --resume TOKEN, or NULL */
};

/* A player: the connection, and what the host last said (line mode and the
 * full-screen player, src/ui/live_join.c, share it). */
struct join_player {
	const struct join_opts *o;
	char host[256], port[8];
	char pin[WIRE_PIN_LEN + 10];
	char nick[WIRE_NICK_BYTES];
	char token[WIRE_TOKEN_LEN + 1];
	int fd;
	struct net_in in;
	struct net_out out;
	struct net_in kbd;
	bool kbd_eof;
	bool welcomed;
	int score;
	bool podium;             /* the last game's podium is shown */
	/* the open question, as the host sent it */
	bool open;
	int q, qtype, nchoices;
	int64_t deadline;        /* local: arrival + left_ms, for the display */
	bool answered, timeup_said;
	int players;
};

/* Fill p from o: the address split, the PIN and nickname given or asked on
 * the terminal (line mode), or the resume token. Returns 0, or -1 (said on
 * stderr, or the player gave up at a prompt). */
int join_setup(struct join_player *p, const struct join_opts *o);

/* Connect and send join (or resume with p->token). Returns 0, or -1 with
 * a message in err. */
int join_connect(struct join_player *p, bool resume, char *err,
    size_t errlen);

/* Send m to the host now (what the kernel does not take waits in p->out). */
void join_send(struct join_player *p, const struct wire_msg *m);

/* The connection dropped: close it and try to resume for 3 s (saying so on
 * stdout when say). True when back in. */
bool join_reconnect(struct join_player *p, bool say);

/* Play in line mode on stdin/stdout until the game ends, the host goes
 * away or a signal. Returns the exit status (0: the game ended or the
 * player left; 1: could not join, or the host went away). */
int join_run_plain(const struct join_opts *o);

#endif
