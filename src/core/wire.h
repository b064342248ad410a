#ifndef TERMQUIZ_WIRE_H
#define TERMQUIZ_WIRE_H

/*
 * The live game's wire (LIVE.md "The wire"): one JSON object per line. Pure
 * encode and decode, no sockets: a message is a struct; wire_encode makes the
 * line, wire_decode checks a line (size, UTF-8, type, every field's range)
 * before anything in it is believed.
 */

#include <stdbool.h>
#include <stddef.h>

#define WIRE_VERSION 1
#define WIRE_LINE_MAX 4096     /* bytes in a line, newline included */
#define WIRE_TEXT_MAX 200      /* bytes in a typed answer */
#define WIRE_NICK_BYTES 68     /* 16 columns of at most 4 bytes, and a NUL */
#define WIRE_TOKEN_LEN 32      /* hex digits in a resume token */
#define WIRE_PIN_LEN 6
#define WIRE_TOP_MAX 5         /* players in a board or podium */
#define WIRE_CHOICES_MAX 9
#define WIRE_Q_MAX 100000      /* question numbers run 1..WIRE_Q_MAX */
#define WIRE_MS_MAX 86400000   /* a day, in milliseconds */
#define WIRE_SCORE_MAX 2000000000

enum wire_type {
	/* player -> host */
	W_JOIN, W_RESUME, W_ANSWER, W_PONG, W_LEAVE,
	/* host -> player */
	W_WELCOME, W_LOBBY, W_READY, W_QUESTION, W_ACK, W_RESULT, W_BOARD,
	W_PODIUM, W_PING, W_ERROR, W_BYE,
	W_TYPE_COUNT
};

/* What an answer carries: a choice index, true/false or typed text. */
enum wire_akind { WA_INDEX, WA_BOOL, WA_TEXT };

/* The question types as the wire names them (pack.h's enum qtype order). */
enum wire_qtype { WQ_CHOICE, WQ_TRUEFALSE, WQ_TEXT };

struct wire_entry {
	char nick[WIRE_NICK_BYTES];
	int score;
	int rank;
};

/* One message. Strings are owned by the message (wire_msg_fini frees them);
 * fields a type does not use stay zero. */
struct wire_msg {
	enum wire_type t;
	int v;                          /* join, resume */
	char pin[17];                    /* join: as sent, up to 16 bytes */
	char nick[WIRE_NICK_BYTES];     /* join, welcome */
	char token[WIRE_TOKEN_LEN + 1]; /* resume, welcome */
	int id;                         /* welcome */
	int players;                    /* lobby */
	int q, of;                      /* ready, question, answer, ack, result */
	char *text;                     /* ready, question; error's text */
	enum wire_qtype qtype;          /* question */
	char *choices[WIRE_CHOICES_MAX];
	int nchoices;
	int limit_ms, left_ms, in_ms;   /* question (limit 0: untimed), ready */
	enum wire_akind akind;          /* answer */
	int a_index;
	bool a_bool;
	char *a_text;
	bool ok;                        /* ack */
	char *why;                      /* ack (NULL when ok), bye */
	bool correct, timed_out;        /* result */
	char *answer;                   /* result: the correct answer as shown */
	char *explanation;              /* result: the question's, or NULL */
	int points, streak, score, rank, gap;  /* result; podium/board "you" */
	int bonus;                      /* result: of the points, the streak's */
	struct wire_entry top[WIRE_TOP_MAX];   /* board, podium */
	int ntop;
	int n;                          /* ping, pong */
	char code[24];                  /* error */
};

/* The type's name on the wire ("join", ...); NULL when out of range. */
const char *wire_type_name(enum wire_type t);

/* The line for m, ended by '\n', at most WIRE_LINE_MAX bytes: text that
 * would not fit is cut at a character boundary. Caller frees. */
char *wire_encode(const struct wire_msg *m);

/* Decode one line (without its '\n'; a trailing '\r' is ignored) into m.
 * Returns 0, or -1 with err set to a short code ("too_long", "bad_json",
 * "bad_type", "bad_field", "bad_utf8") and m cleared. Strings for the screen
 * (host -> player) come back with control and bidi characters replaced, so
 * they can be drawn as they are. Unknown fields are ignored. m is always
 * initialised: call wire_msg_fini after. */
int wire_decode(const char *line, size_t len, struct wire_msg *m,
    char *err, size_t errlen);

/* Free m's strings and zero it; NULL is a no-op. */
void wire_msg_fini(struct wire_msg *m);

/* True when cp is a control character (C0, DEL, C1) or a bidi control. */
bool wire_is_control(unsigned cp);

#endif
