#!/bin/sh
# The live host's big screen and the full-screen player (no --plain) at
# 80x24: the lobby with the address, PIN and players; the question with
# "answered N/M" on the host and the choices and bar on the player; the
# reveal; the podium; q leaves with the terminal restored; a host that dies
# leaves its player's terminal as it was, with a clear message.
. "$(dirname "$0")/lib.sh"

cat >"$T/pack.json" <<'EOF2'
{
  "title": "E2E Big Screen",
  "time_limit": 30,
  "questions": [
    {"type": "choice", "question": "Capital of Australia?",
     "choices": ["Sydney", "Canberra", "Melbourne", "Perth"],
     "answer": "Canberra"}
  ]
}
EOF2
cat >"$T/config.json" <<'EOF2'
{"shuffle_questions": false, "shuffle_choices": false,
 "live": {"read_seconds": 0.5, "reveal_seconds": 0}}
EOF2

tq_start -- --host --config "$T/config.json" --listen 127.0.0.1:0 \
	--results "$T/results.json" "$T/pack.json"
HOST=$S
HOST_RUN=$RUN
expect_screen "PIN  " "the lobby shows the PIN" || finish
capture
PIN=$(printf '%s\n' "$SCREEN" | sed -n 's/.*PIN  \([0-9]\{3\}\) \([0-9]\{3\}\).*/\1\2/p' | head -n 1)
ADDR=$(printf '%s\n' "$SCREEN" | sed -n 's/.*Join: termquiz --join \([0-9.:]*\).*/\1/p' | head -n 1)
check "the lobby shows a 6-digit PIN" [ "${#PIN}" -eq 6 ]
check "the lobby shows the address to join" [ -n "$ADDR" ]
expect "the lobby says nobody is in yet" screen_has "0 players in"

tq_start -- --join "$ADDR" --pin "$PIN" --name ann
PLAYER=$S
S=$HOST
expect "the lobby counts the player" screen_has "1 player in"
expect "the lobby lists the player" screen_has "ann"

keys Enter
expect "the question is on the big screen" screen_has "Capital of Australia?"
expect "with its choices" screen_has "2  Canberra"
expect "and how many answered" screen_has "answered 0/1"
S=$PLAYER
expect "the player sees the question full screen" screen_has "Capital of Australia?"
expect "with the choices and their keys" screen_has "2  Canberra"
expect "and the countdown bar" screen_has_re " [0-9]+(\.[0-9])? s"
type_text 2
S=$HOST
expect "the reveal shows the correct answer" screen_has "Answer: Canberra"
expect "and the count of answers" screen_has "answered 1/1"
S=$PLAYER
expect "the player sees the verdict" screen_has "Correct!"
expect "and the points and rank" screen_has "Rank 1"
S=$HOST
keys Enter
expect "the podium follows the last question" screen_has "Podium"
expect "with the player and their score" screen_has_re "1\. ann +[0-9]+"
expect "the podium offers another game" screen_has "Enter play again"
# Enter plays again: the lobby of game 2, the player still in, then its
# question; q on that game's podium ends it.
keys Enter
expect "Enter on the podium opens the next game's lobby" screen_has \
	"1 player in"
expect "with the same PIN" screen_has "PIN  $(printf '%s' "$PIN" | cut -c1-3) "
keys Enter
expect "game 2 asks its question" screen_has "answered 0/1"
S=$PLAYER
expect "the player still connected is asked it" screen_has "2  Canberra"
S=$HOST
keys Enter
expect "Enter closes game 2's question" screen_has "Answer: Canberra   answered 0/1"
keys Enter
expect "game 2 ends on its podium" screen_has "Podium"
expect "where the player who did not answer has 0" screen_has_re "1\. ann +0"
keys q
expect_exit 0 "q on the podium ends the host with status 0"
expect_terminal_restored "the host's terminal is restored"
S=$PLAYER
expect "the player's last word is its place" screen_has "You finished #1 with"
expect_exit 0 "the player ends with status 0"
expect_terminal_restored "the player's terminal is restored"
json_check "$T/results.json" "the big screen's game is in the results" \
	'd["finished"] is True and d["players"][0]["nick"] == "ann" and d["players"][0]["correct"] == 1'
json_check "$T/results-2.json" "and its second game in results-2.json" \
	'd["finished"] is True and d["players"][0]["nick"] == "ann" and d["players"][0]["correct"] == 0 and d["players"][0]["timed_out"] == 1'

# A host that dies mid-question: the player says so and its terminal is
# as it was.
tq_start -- --host --config "$T/config.json" --listen 127.0.0.1:0 \
	--start-when 1 "$T/pack.json"
HOST2=$S
HOST2_RUN=$RUN
wait_for "PIN  "
PIN=$(printf '%s\n' "$SCREEN" | sed -n 's/.*PIN  \([0-9]\{3\}\) \([0-9]\{3\}\).*/\1\2/p' | head -n 1)
ADDR=$(printf '%s\n' "$SCREEN" | sed -n 's/.*Join: termquiz --join \([0-9.:]*\).*/\1/p' | head -n 1)
tq_start -- --join "$ADDR" --pin "$PIN" --name bob
ORPHAN=$S
S=$ORPHAN
if wait_for "2  Canberra"; then
	RUN=$HOST2_RUN
	kill -KILL "$(tq_pid)"
	if wait_until 10 in_pane "$ORPHAN" "The host has gone away"; then
		ok "a player whose host died is told so"
	else
		not_ok "a player whose host died is told so"
		hist "$ORPHAN" | tail -n 10 | sed 's/^/#   |/'
	fi
	S=$ORPHAN
	RUN=$T/run$_runs
	expect_exit 1 "and ends with status 1"
	expect_terminal_restored "with its terminal as it was"
else
	not_ok "the second game's question reached the player"
fi
finish
