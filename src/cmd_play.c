/* Playing: a game of the packs named, or the menu; in either front end. */

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cmd.h"
#include "core/report.h"
#include "plain.h"
#include "ui/terminal.h"
#include "ui/ui.h"

/* After the game has ended: say what became of the
 * game, and leave the way the signal asked (so a parent sees SIGTERM as
 * SIGTERM: main raises it again). */
static int
finish(struct session *s, enum play_end end, int signo)
{
	bool over = s->z != NULL && quiz_over(s->z);

	/* The last chance for games a locked history could not take. */
	session_retry_saves(s, true);
	if (s->history_note != NULL)
		fprintf(stderr, "termquiz: %s\n", s->history_note);
	if (s->save_error != NULL)
		fprintf(stderr, "termquiz: %s\n", s->save_error);
	else if (s->saved && !over)
		fprintf(stderr, "termquiz: unfinished game saved to %s\n",
		    s->saved_path);
	if (end == PLAY_DONE || signo == SIGINT)
		return s->save_error ? 1 : 0;
	s->end_signal = signo;
	return 1;
}

bool
play_on_screen(const struct options *o)
{
	return !o->plain && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) &&
	    ui_can_address();
}

int
play_session(struct session *s, const struct options *o)
{
	enum play_end end;
	int signo = 0;
	char err[512];

	/* A results file that cannot be written fails now, not after the
	 * last question. */
	if (s->results_path != NULL &&
	    report_check(s->results_path, err, sizeof err) < 0) {
		fprintf(stderr, "termquiz: %s\n", err);
		return 1;
	}
	if (!play_on_screen(o)) {
		if (s->z == NULL) {
			fputs("termquiz: plain mode needs packs on the command "
			    "line (no menu without a terminal)\n", stderr);
			return 1;
		}
		s->plain_note = !o->plain && !(isatty(STDIN_FILENO) &&
		    isatty(STDOUT_FILENO));
		if (!o->plain && !s->plain_note) {
			const char *term = getenv("TERM");

			fprintf(stderr, "termquiz: this terminal (TERM=%s) "
			    "cannot place the cursor: playing in plain mode\n",
			    term != NULL && term[0] != '\0' ? term : "unset");
		}
		end = plain_run(s, &signo);
	} else {
		end = ui_run(s, &signo);
	}
	/* Quitting, a signal or a hang-up ends the game in play too. */
	if (s->z != NULL)
		session_end_game(s, quiz_over(s->z));
	return finish(s, end, signo);
}

int
cmd_play(struct session *s, const struct options *o, struct diags *d)
{
	(void)d;
	if (s->npacks > 0) {
		session_choose_packs(s, s->packs, s->npacks);
		session_new_game(s);
	}
	return play_session(s, o);
}
