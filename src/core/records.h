#ifndef TERMQUIZ_RECORDS_H
#define TERMQUIZ_RECORDS_H

/*
 * What a saved game and a pack's past look like as plain data: what the
 * session hands the history, and what the history hands back for the score
 * screen. No database here, so that the screens can show these without
 * seeing the code that saves them.
 */

#include <stdbool.h>
#include <stdint.h>

#define HISTORY_NAME 64

/* What a game was: only a whole game ever makes a high score. */
enum history_kind { HISTORY_GAME, HISTORY_RETRY, HISTORY_REVIEW };

/* What is saved beside the game itself. */
struct history_meta {
	const char *player;
	int64_t started_at;   /* Unix seconds */
	bool finished;        /* false: quit midway, never a high score */
	double time_scale;
	bool untimed;
	uint64_t seed;
	enum history_kind kind;
};

/* One row of a pack's high-score table. */
struct history_top {
	int64_t game;
	char player[HISTORY_NAME];
	int64_t score;
	int64_t started_at;
};

/* One finished game in a pack's series, for sparklines. */
struct history_point {
	int64_t game;
	int64_t started_at;
	int64_t score;
	int64_t max_score;
	double accuracy;      /* correct answers / answers, 0..1 */
};

#endif
