/* The host's terminal in line mode: one line per event, for scripts and
 * screen readers. Enter moves on, q ends the game. */

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/otdb.h"
#include "core/util.h"
#include "net/host.h"

static void
say_lobby(struct host *h)
{
	if (h->L->game > 1)
		printf("Game %d: %s, %d players still in\n", h->L->game,
		    h->L->master->title, host_players(h));
	else
		printf("Live game: %s\n", h->L->master->title);
	printf("Join with: termquiz --join %s\n", h->shown_addr);
	printf("PIN: %s\n", h->L->pin);
	printf("Press Enter to start (q ends the game).\n");
}

static void
say_reveal(struct host *h)
{
	const struct live *L = h->L;
	const struct outcome *o = &L->master->o[L->q];
	const struct question *q = o->q;
	int k;

	printf("Answer: %s\n", q->type == Q_TRUEFALSE ? (q->truth ? "True" :
	    "False") : question_answer_text(q));
	if (q->type == Q_CHOICE)
		for (k = 0; k < q->nchoices; k++)
			printf("  %d) %s: %d%s\n", k + 1,
			    q->choices[o->order[k]], L->counts[k],
			    o->order[k] == q->answer ? "  (correct)" : "");
	else if (q->type == Q_TRUEFALSE)
		printf("  True: %d\n  False: %d\n", L->counts[0], L->counts[1]);
	printf("Answered %d/%d\n", L->answered, L->in_q);
}

static void
say_table(struct host *h, int max)
{
	int *ids = xcalloc((size_t)h->L->np + 1, sizeof *ids), n, i;

	n = live_ranking(h->L, ids, max);
	for (i = 0; i < n; i++) {
		const struct live_player *p = &h->L->p[ids[i]];

		printf("  %d. %s %" PRId64 "%s\n", p->rank, p->nick,
		    quiz_score(p->z), p->connected ? "" : " (gone)");
	}
	free(ids);
}

static void
say_phase(struct host *h)
{
	const struct live *L = h->L;

	switch (L->phase) {
	case LIVE_LOBBY: say_lobby(h); break;
	case LIVE_READY:
		printf("Question %d of %d: %s\n", L->q + 1, L->master->n,
		    L->master->o[L->q].q->text);
		break;
	case LIVE_OPEN:
		if (live_limit_us(L) > 0)
			printf("Open: %.0f seconds, %d players\n",
			    (double)live_limit_us(L) / CLOCK_US, L->in_q);
		else
			printf("Open: untimed (Enter closes it), %d players\n",
			    L->in_q);
		break;
	case LIVE_REVEAL: say_reveal(h); break;
	case LIVE_BOARD:
		printf("Top 5:\n");
		say_table(h, 5);
		break;
	case LIVE_PODIUM:
		printf("Podium:\n");
		say_table(h, h->L->np);
		if (otdb_attribution(L->master) != NULL)
			printf("%s\n", otdb_attribution(L->master));
		if (host_can_again(h))
			printf("Press Enter to play again (q ends the game).\n");
		break;
	}
}

static void
plain_event(struct host *h, enum host_event ev, int id, int64_t now)
{
	static int64_t last_said;

	switch (ev) {
	case HOST_EV_PHASE: say_phase(h); break;
	case HOST_EV_AGAIN:
		printf("Press Enter to play again (q ends the game).\n");
		break;
	case HOST_EV_JOIN:
		printf("+ %s joined (%d in)\n", h->L->p[id].nick,
		    host_players(h));
		break;
	case HOST_EV_GONE:
		printf("- %s %s (%d in)\n", h->L->p[id].nick,
		    h->L->p[id].left ? "left" : "dropped", host_players(h));
		break;
	case HOST_EV_ANSWER:
		/* At most four lines a second, and the last one. */
		if (now - last_said < CLOCK_US / 4 &&
		    h->L->answered < h->L->in_q)
			return;
		last_said = now;
		printf("Answered %d/%d\n", h->L->answered, h->L->in_q);
		break;
	}
}

/* Once per turn of the loop, before it waits: the lines of all the events
 * of that turn in one write (200 joins were 200 writes). */
static void
plain_draw(struct host *h, int64_t now)
{
	(void)h;
	(void)now;
	fflush(stdout);
}

static enum host_action
plain_input(struct host *h, int64_t now)
{
	char buf[256];
	ssize_t n = read(STDIN_FILENO, buf, sizeof buf - 1);

	(void)now;
	if (n <= 0) {
		h->stdin_eof = true;   /* a script's host: no more keys */
		return HOST_NONE;
	}
	buf[n] = '\0';
	if (strchr(buf, 'q') != NULL)
		return HOST_QUIT;
	return strchr(buf, '\n') != NULL ? HOST_NEXT : HOST_NONE;
}

const struct host_view host_plain_view = {
	.event = plain_event,
	.input = plain_input,
	.draw = plain_draw,
};
