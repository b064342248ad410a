#!/bin/sh
# Several games per host: after the podium, Enter on the (line-mode) host
# plays again with the same players still connected; scores start from zero,
# each game has its own results file (res.json, then res-2.json, the rule a
# solo run uses), and q on the second podium ends it for everyone.
. "$(dirname "$0")/lib.sh"

cat >"$T/pack.json" <<'EOF'
{
  "title": "E2E Again",
  "questions": [
    {"type": "choice", "question": "Capital of Australia?",
     "choices": ["Sydney", "Canberra", "Melbourne", "Perth"],
     "answer": "Canberra", "time_limit": 6}
  ]
}
EOF
cat >"$T/config.json" <<'EOF'
{"shuffle_questions": false, "shuffle_choices": false,
 "live": {"read_seconds": 0.5, "reveal_seconds": 1}}
EOF

# seen SESSION TEXT N: TEXT is in the pane's output at least N times.
seen() {
	[ "$(hist "$1" | grep -c -F -- "$2")" -ge "$3" ]
}

# expect_seen SESSION TEXT N DESC [TIMEOUT]
expect_seen() {
	if wait_until "${5:-$WAIT}" seen "$1" "$2" "$3"; then
		ok "$4"
		return 0
	fi
	not_ok "$4"
	diag "expected $3 times in $1: $2"
	hist "$1" | tail -n 30 | sed 's/^/#   |/'
	return 1
}

# answer SESSION KEY: wait for the N-th question, then answer it.
answer() {
	wait_until "$WAIT" seen "$1" "Answer with 1-4" "$3"
	S=$1
	type_text "$2"
	keys Enter
}

tq_start -- --host --plain --config "$T/config.json" --listen 127.0.0.1:0 \
	--start-when 2 --results "$T/res.json" "$T/pack.json"
HOST=$S
HOST_RUN=$RUN
expect_seen "$HOST" "PIN: " 1 "the host shows a PIN" || finish
PIN=$(hist "$HOST" | sed -n 's/^PIN: \([0-9]*\)$/\1/p' | head -n 1)
ADDR=$(hist "$HOST" | sed -n 's/^Join with: termquiz --join //p' | head -n 1)

tq_start -- --plain --join "$ADDR" --pin "$PIN" --name ann
ANN=$S
ANN_RUN=$RUN
tq_start -- --plain --join "$ADDR" --pin "$PIN" --name bob
BOB=$S
BOB_RUN=$RUN

# Game 1: ann right, bob wrong.
answer "$ANN" 2 1
answer "$BOB" 1 1
expect_seen "$ANN" "You finished 1st with" 1 "game 1 reaches the podium" 20 ||
	finish
expect_seen "$HOST" "Press Enter to play again (q ends the game)." 1 \
	"the host's podium offers another game"
ANN1=$(hist "$ANN" | sed -n 's/^You finished 1st with \([0-9]*\) points\.$/\1/p' |
	head -n 1)

# Enter on the podium: game 2, same players, back through the lobby.
S=$HOST
keys Enter
expect_seen "$HOST" "Game 2: E2E Again, 2 players still in" 1 \
	"the host opens a second game with both players still in"
expect_seen "$HOST" "PIN: $PIN" 2 "with the same PIN"
expect_seen "$ANN" "Another game: you're in, ann — waiting for the host." 1 \
	"a line-mode player is told a new game is starting"
expect_seen "$ANN" "Get ready: question 1 of 1" 2 \
	"a player connected since game 1 is asked game 2's question"

# Game 2: this time bob is right and ann wrong; scores start from zero.
answer "$BOB" 2 2
answer "$ANN" 3 2
expect_seen "$BOB" "You finished 1st with" 1 "game 2 reaches its podium" 20 ||
	finish
expect_seen "$ANN" "You finished 2nd with 0 points." 1 \
	"the winner of game 1 starts game 2 from zero"
BOB2=$(hist "$BOB" | sed -n 's/^You finished 1st with \([0-9]*\) points\.$/\1/p' |
	head -n 1)
check "game 2's score is game 2's alone" [ "${BOB2:-0}" -gt 0 ]

expect_seen "$HOST" "Press Enter to play again (q ends the game)." 2 \
	"the second podium offers another game too"
S=$HOST
RUN=$HOST_RUN
keys q Enter
expect_seen "$BOB" "Goodbye: the game is over." 1 "q ends it for everyone"
expect_exit 0 "the host ends with status 0"
S=$ANN
RUN=$ANN_RUN
expect_exit 0 "a player ends with status 0"
S=$BOB
RUN=$BOB_RUN
expect_exit 0 "the other player ends with status 0"

json_check "$T/res.json" "game 1's results are in res.json (written aside while game 2 ran)" \
	'd["finished"] is True and [p["nick"] for p in d["players"]] == ["ann", "bob"] and d["players"][0]["score"] == '"${ANN1:-0}"' and d["players"][1]["score"] == 0'
json_check "$T/res-2.json" "game 2's results are in res-2.json, scores from zero" \
	'd["finished"] is True and [p["nick"] for p in d["players"]] == ["bob", "ann"] and d["players"][0]["score"] == '"${BOB2:-0}"' and d["players"][1]["score"] == 0 and len(d["players"][0]["questions"]) == 1'
json_check "$T/res-2.json" "game 2 has a seed of its own" \
	'd["seed"] != __import__("json").load(open("'"$T"'/res.json"))["seed"]'
check "no third results file" [ ! -e "$T/res-3.json" ]
finish
