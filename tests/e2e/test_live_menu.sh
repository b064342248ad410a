#!/bin/sh
# `termquiz --host` with no PACK in a terminal: the solo menu (full screen)
# picks the pack to host, then the lobby; a player plays its question. q in
# that menu hosts nothing and gives the terminal back. A player killed
# mid-question comes back with the token its lobby showed. (--plain keeps the
# numbered prompt: test_live.sh.)
. "$(dirname "$0")/lib.sh"

USER_PACKS=$XDG_DATA_HOME/termquiz/packs
mkdir -p "$USER_PACKS"
cat >"$USER_PACKS/host.json" <<'EOF2'
{"title": "E2E Host Pack", "questions": [
  {"type": "choice", "question": "Which planet is known as the red planet?",
   "choices": ["Venus", "Mars", "Jupiter"], "answer": "Mars"}
]}
EOF2
cat >"$T/config.json" <<'EOF2'
{"shuffle_questions": false, "shuffle_choices": false,
 "live": {"read_seconds": 0.5, "reveal_seconds": 0}}
EOF2

# q in the host's menu: nothing hosted, status 0, the terminal as it was.
tq_start -- --host --config "$T/config.json" --listen 127.0.0.1:0
expect_screen "choose the packs to host" \
	"--host with no PACK opens the full-screen menu" || finish
expect "the menu lists the packs with their counts" \
	screen_has_re "E2E Host Pack +1 question"
expect "its footer says the keys host" screen_has "Enter host"
check "a host's menu has no review entry" eval '! screen_has "Review due"'
keys q
expect_exit 0 "q in the host's menu ends with status 0"
expect_terminal_restored "and gives the terminal back"

# Choosing a pack by its number hosts it.
tq_start -- --host --config "$T/config.json" --listen 127.0.0.1:0 \
	--results "$T/results.json"
HOST=$S
HOST_RUN=$RUN
wait_for "E2E Host Pack" || { not_ok "the menu lists the user's pack"; finish; }
capture
NUM=$(printf '%s\n' "$SCREEN" | sed -n 's/^ *[^0-9 ]* *\([1-9]\)  E2E Host Pack.*/\1/p' | head -n 1)
check "the pack has a number key ($NUM)" [ -n "$NUM" ]
type_text "$NUM"
expect "the lobby of the chosen pack follows" screen_has "PIN  "
expect "its title is the host's header" screen_has "E2E Host Pack"
capture
PIN=$(printf '%s\n' "$SCREEN" | sed -n 's/.*PIN  \([0-9]\{3\}\) \([0-9]\{3\}\).*/\1\2/p' | head -n 1)
ADDR=$(printf '%s\n' "$SCREEN" | sed -n 's/.*Join: termquiz --join \([0-9.:]*\).*/\1/p' | head -n 1)
tq_start -- --join "$ADDR" --pin "$PIN" --name ann
PLAYER=$S
PLAYER_RUN=$RUN
expect "the lobby tells the player how to come back if cut off" \
	screen_has "rejoin with:"
capture
TOKEN=$(printf '%s\n' "$SCREEN" | grep -o '[0-9a-f]\{32\}' | head -n 1)
check "with the resume token" [ "${#TOKEN}" -eq 32 ]
tq_start -- --join "$ADDR" --pin "$PIN" --name bob
BOB=$S
S=$HOST
expect "the players are in the lobby" screen_has "2 players in"
keys Enter
S=$PLAYER
expect "the player gets the chosen pack's question" \
	screen_has "Which planet is known as the red planet?"
expect "with its choices" screen_has "2  Mars"
# Killed mid-question and started again with the token: the question
# comes back, still open.
RUN=$PLAYER_RUN
kill -KILL "$(tq_pid)"
tq_start -- --join "$ADDR" --resume "$TOKEN"
PLAYER=$S
expect "a player back with its token gets the open question again" \
	screen_has "2  Mars"
type_text 2
expect "and answers it" screen_has "Answer locked in"
S=$BOB
type_text 1
S=$PLAYER
expect "and gets its verdict" screen_has "Correct!"
expect "with nothing of the lobby left on screen" \
	eval '! screen_has "in the game, waiting"' 
S=$HOST
keys Enter
expect "the host reaches the podium" screen_has "Podium"
keys q
expect_exit 0 "the host ends with status 0"
S=$PLAYER
expect_exit 0 "the player ends with status 0"
S=$BOB
RUN=$T/run${BOB#tq}
expect_exit 0 "the other player ends with status 0"
json_check "$T/results.json" "the results are the chosen pack's game" \
	'd["players"][0]["nick"] == "ann" and d["players"][0]["correct"] == 1'
finish
