#ifndef TERMQUIZ_NET_JOIN_H
#define TERMQUIZ_NET_JOIN_H

/*
 * A player of a live game: connect, join (or resume with a token), then
 * show what the host says and send what the player typed. The player's
 * terminal decides nothing: no timeout, no point, no rank.
 */

#include <stdbool.h>

struct join_opts {
	const char *addr;    /* HOST[:PORT] */
	const char *pin;     /* --pin, or NULL: asked */
	const char *nick;    /* --name, or NULL: $USER, else asked */
	const char *token;   /* --resume TOKEN, or NULL */
};

/* Play in line mode on stdin/stdout until the game ends, the host goes
 * away or a signal. Returns the exit status (0: the game ended or the
 * player left; 1: could not join, or the host went away). */
int join_run_plain(const struct join_opts *o);

#endif
