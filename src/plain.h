#ifndef TERMQUIZ_PLAIN_H
#define TERMQUIZ_PLAIN_H

#include "session.h"

/* Play the session's game in line mode: prompts on stdout, answers from
 * stdin, each question ending at its deadline on the monotonic clock.
 * A signal that stops it is stored in *signo. */
enum play_end plain_run(struct session *s, int *signo);

#endif
