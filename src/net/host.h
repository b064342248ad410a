#ifndef TERMQUIZ_NET_HOST_H
#define TERMQUIZ_NET_HOST_H

/*
 * The host of a live game: one poll() over the listening socket, every
 * player, the terminal and the next deadline (live_wake). The rules are
 * core/live.c's; this file moves bytes and stamps times. What the host's
 * terminal shows is a view (plain lines here, or the full screen), told
 * of every event.
 */

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "core/live.h"
#include "net/conn.h"

#define HOST_OUT_CAP (256 * 1024)   /* unsent bytes before a player is dropped */
#define HOST_JOIN_US (5 * (int64_t)1000000)
#define HOST_SILENCE_US (15 * (int64_t)1000000)
#define HOST_PING_US (5 * (int64_t)1000000)
#define HOST_RATE_MAX 20            /* messages a second */
#define HOST_AGAIN_US (1000 * 1000) /* the podium shows this long before
                                     * Enter plays again: a second Enter
                                     * meant for the reveal does not */

struct peer {
	int fd;                   /* -1: a free slot */
	char addr[48];
	int id;                   /* the player, -1 before join or resume */
	struct net_in in;
	struct net_out out;
	int64_t opened;
	int64_t heard;            /* the last complete line */
	int64_t rate_at;          /* the start of the current second */
	int rate;
	uint64_t q_mark;          /* the open question's line ends at this
	                           * byte of out (0: none pending) */
	bool closing;             /* close once out is flushed */
	unsigned fan_gen;         /* the last phase whose line it has had */
};

enum host_event {
	HOST_EV_PHASE, HOST_EV_JOIN, HOST_EV_GONE, HOST_EV_ANSWER,
	HOST_EV_AGAIN             /* Enter on the podium now plays again */
};

enum host_action { HOST_NONE, HOST_NEXT, HOST_QUIT };

struct host;

/* What the host's terminal shows; any hook may be NULL. */
struct host_view {
	void (*event)(struct host *h, enum host_event ev, int id, int64_t now);
	/* The terminal has input (fd 0): what the host asked for. */
	enum host_action (*input)(struct host *h, int64_t now);
	/* Milliseconds until the view wants to redraw (-1: no wish). */
	int (*wait_ms)(struct host *h, int64_t now);
	void (*draw)(struct host *h, int64_t now);
	/* input is also called when a signal (SIGWINCH) cut poll short: the
	 * view reads without blocking. */
	bool input_on_signal;
};

struct host_opts {
	const char *listen;       /* ADDR[:PORT]; NULL: 127.0.0.1:7447 */
	struct live_opts live;
	bool end_at_podium;       /* leave the loop once the podium is sent
	                           * (it also ends when nobody can press a key:
	                           * the terminal's input has ended) */
	const char *results;      /* --results, or NULL; game N's goes to
	                           * report_path_nth(results, N) */
	struct report_info info;  /* the first game's */
	/* Play again (Enter on the podium): the next game's questions, or
	 * NULL when there are none (Enter then does nothing), and its info.
	 * It may free the previous game's questions: the host switches to
	 * the new ones at once. What it returns stays the caller's. NULL: no
	 * playing again. */
	const struct quiz *(*again)(void *arg, struct report_info *info);
	void *again_arg;
};

struct host {
	struct live *L;
	const struct host_opts *o;
	const struct host_view *view;
	void *view_data;
	int lfd;
	char shown_addr[300];     /* the address players join, as shown */
	struct peer *pe;
	int npe;
	int *peer_of;             /* player id -> peer index, -1 */
	struct live_guard guard;
	int64_t next_ping;
	int ping_n;
	bool lobby_dirty;
	int64_t lobby_sent;
	bool quit;
	bool stdin_eof;
	bool batching;            /* peer_send queues without writing */
	unsigned fan_gen;         /* phases announced (see fanout in host.c) */
	int fan_next;             /* the next player the fan-out sends to */
	char *fan_line;           /* the phase's line when the same for all */
	int read_from;            /* the peer the next turn's reading starts at */
	char *ping_line;          /* a ping going out, to peers from ping_next */
	int ping_next;
	struct report_info info;  /* the game's, for its results */
	bool saved;               /* the game's results are written */
	bool again_told;          /* HOST_EV_AGAIN sent for this podium */
	pid_t writer;             /* the child writing a game's results, or 0 */
	bool results_failed;      /* one of them could not write */
	int64_t longest_us;       /* the longest loop iteration, poll aside */
	int64_t longest_cpu_us;   /* the same in CPU time */
	FILE *trace;              /* $TERMQUIZ_LIVE_TRACE: times for make bench */
};

/* Host a game of master's questions until the podium (end_at_podium), q
 * or a signal; write --results. Returns 0, or 1 with a message printed on
 * stderr. */
int host_run(const struct quiz *master, const struct host_opts *o,
    const struct host_view *view, void *view_data);

/* Whether Enter on the podium plays again: there is a next game, a
 * terminal to press it on, and the podium has been shown HOST_AGAIN_US. */
bool host_can_again(const struct host *h);

/* Players connected now, by peer. */
int host_players(const struct host *h);

/* The plain (line mode) view: for scripts and screen readers. */
extern const struct host_view host_plain_view;

#endif
