/* --host: a live game of the packs named; players join over TCP. */

#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "core/clock.h"
#include "net/host.h"
#include "signals.h"
#include "ui/ui.h"

/* The live game's settings: the config's live keys, then the options. */
static void
host_opts_from(struct host_opts *h, const struct session *s,
    const struct options *o)
{
	struct live_opts *lo = &h->live;

	live_opts_defaults(lo);
	lo->grace_us = (int64_t)llround(s->cfg.live_grace_ms * 1000);
	lo->read_us = (int64_t)llround(s->cfg.live_read_seconds * CLOCK_US);
	lo->reveal_us = (int64_t)llround(s->cfg.live_reveal_seconds *
	    CLOCK_US);
	if (o->max_players > 0)
		lo->max_players = (int)o->max_players;
	lo->lock = o->lock;
	lo->start_when = (int)o->start_when;
	lo->start_after_us = (int64_t)llround(o->start_after * CLOCK_US);
	h->listen = o->listen;
	h->results = o->results;
	h->info.seed = s->seed;
	h->info.time_scale = s->cfg.time_scale;
	h->info.untimed = s->cfg.untimed;
	/* The podium waits for Enter (play again) or q, in either view; a
	 * host whose input has ended stops there. */
	h->end_at_podium = false;
}

/* No PACK named, in line mode: list the packs the menu would show and read the numbers
 * of those to play (Enter: the first). Fills packs (borrowed from the
 * catalog); returns how many, 0 when none was chosen. */
static int
pick_packs(struct session *s, struct pack **packs, int max)
{
	char line[512], *p, *end;
	int i, n = 0, k;

	session_load_catalog(s);
	for (i = k = 0; i < s->catalog.n; i++)
		if (s->catalog.v[i].pack != NULL)
			printf("%3d) %s (%d questions)\n", ++k,
			    s->catalog.v[i].pack->title, s->catalog.v[i].pack->nq);
	if (k == 0) {
		fputs("termquiz: no packs found to host\n", stderr);
		return 0;
	}
	printf("Host which packs? Numbers (Enter: 1): ");
	fflush(stdout);
	if (fgets(line, sizeof line, stdin) == NULL)
		line[0] = '\0';
	for (p = line; n < max;) {
		long want = strtol(p, &end, 10), seen = 0;

		if (end == p) {
			if (p == line && strspn(p, " \t\r\n") == strlen(p))
				want = 1;   /* just Enter */
			else
				break;
		}
		for (i = 0; i < s->catalog.n; i++)
			if (s->catalog.v[i].pack != NULL && ++seen == want)
				packs[n++] = s->catalog.v[i].pack;
		if (end == p)
			break;
		p = end;
	}
	return n;
}

/* Play again: the next game of the same packs, with a seed of its own
 * (recorded, so --seed replays it), as "play again" alone makes it. The
 * session owns the game and frees the previous one. */
static const struct quiz *
host_again(void *arg, struct report_info *info)
{
	struct session *s = arg;

	session_new_game(s);
	info->seed = s->seed;
	return s->z;
}

int
cmd_host(struct session *s, const struct options *o, struct diags *d)
{
	struct host_opts ho = { 0 };
	struct pack *picked[64], **packs = s->packs;
	int npacks = s->npacks, r;
	const struct quiz *master;

	(void)d;
	if (o->opentdb) {
		if ((r = cmd_opentdb_for_host(s, o)) >= 0)
			return r;
		packs = s->game_packs;
		npacks = s->ngame_packs;
	}
	if (npacks == 0 && play_on_screen(o)) {
		int signo;

		/* The solo menu picks the packs; q there hosts nothing. */
		session_load_catalog(s);
		if (!ui_pick_packs(s, &signo)) {
			if (signo == 0 || signo == SIGINT)
				return 0;
			s->end_signal = signo;
			return 1;
		}
		packs = s->game_packs;
		npacks = s->ngame_packs;
	} else if (npacks == 0) {
		npacks = pick_packs(s, picked, 64);
		packs = picked;
		if (npacks == 0) {
			fputs("termquiz: --host: no pack chosen\n", stderr);
			return 2;
		}
	}
	host_opts_from(&ho, s, o);
	signals_catch();
	if (packs != s->game_packs)   /* an Open Trivia DB game chose them */
		session_choose_packs(s, packs, npacks);
	session_new_game(s);
	master = s->z;
	ho.info.seed = s->seed;
	ho.again = host_again;
	ho.again_arg = s;
	if (o->plain || !isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		r = host_run(master, &ho, &host_plain_view, NULL);
	} else {
		void *screen = live_screen_new(s);

		r = host_run(master, &ho, &live_host_view, screen);
		ui_restore();
		free(screen);
	}
	return r;   /* session_fini frees the game */
}
