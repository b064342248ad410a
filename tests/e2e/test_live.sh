#!/bin/sh
# A live game over loopback: a host and three players, each in its own tmux
# session at 80x24 (line mode). One answers right and fast, one wrong, one
# lets time run out; one is killed mid-question and comes back with its
# token. The host's --results holds every player's every answer. The
# players are in line mode here (test_live_screen.sh has the full screen).
. "$(dirname "$0")/lib.sh"

cat >"$T/pack.json" <<'EOF'
{
  "title": "E2E Live",
  "questions": [
    {"type": "choice", "question": "Capital of Australia?",
     "choices": ["Sydney", "Canberra", "Melbourne", "Perth"],
     "answer": "Canberra", "time_limit": 8,
     "explanation": "Canberra was built as a compromise between Sydney and Melbourne."},
    {"type": "truefalse", "question": "The Nile flows north.",
     "answer": true, "time_limit": 12}
  ]
}
EOF
cat >"$T/config.json" <<'EOF'
{"shuffle_questions": false, "shuffle_choices": false,
 "live": {"read_seconds": 0.5, "reveal_seconds": 1.5}}
EOF

# --- the host ------------------------------------------------------------------
tq_start -- --host --plain --config "$T/config.json" --listen 127.0.0.1:0 \
	--start-when 3 --results "$T/results.json" "$T/pack.json"
HOST=$S
HOST_RUN=$RUN
expect_pane "$HOST" "PIN: " "the host shows a PIN" || finish
PIN=$(hist "$HOST" | sed -n 's/^PIN: \([0-9]*\)$/\1/p' | head -n 1)
ADDR=$(hist "$HOST" | sed -n 's/^Join with: termquiz --join //p' | head -n 1)
check "the PIN is 6 digits" [ "${#PIN}" -eq 6 ]
case $ADDR in
127.0.0.1:[0-9]*) ok "the host shows the address to join ($ADDR)" ;;
*) not_ok "the host shows the address to join"; diag "got '$ADDR'" ;;
esac

# --- a wrong PIN is refused clearly ------------------------------------------------
BAD=$(printf "%06d" $(( (1$PIN + 1) % 1000000 )))
"$TQ" --join "$ADDR" --pin "$BAD" --name eve >"$T/eve.out" 2>&1 </dev/null
RC=$?
OUT=$T/eve.out
ERR=$T/eve.out
expect_rc 1 "a wrong PIN given on the command line ends with status 1"
check "a wrong PIN is named as such" grep -q "wrong PIN" "$T/eve.out"

# --- --host with no PACK lists the packs to choose from ----------------------------
printf '99\n' | "$TQ" --host --plain --config "$T/config.json" \
	--listen 127.0.0.1:0 >"$T/pick.out" 2>"$T/pick.err"
RC=$?
OUT=$T/pick.out
ERR=$T/pick.err
expect_rc 2 "--host with no PACK and no valid choice ends with status 2"
check "--host with no PACK lists the bundled packs" \
	grep -q "^  1) .* questions)$" "$T/pick.out"
check "and says no pack was chosen" grep -q "no pack chosen" "$T/pick.err"
printf '2\n' >"$T/two"
"$TQ" --host --plain --config "$T/config.json" --listen 127.0.0.1:0 \
	<"$T/two" >"$T/pick2.out" 2>&1 &
PICK=$!
SECOND=$(sed -n 's/^  2) \(.*\) ([0-9]* questions)$/\1/p' "$T/pick.out")
_end=$(($(now_ms) + WAIT * 1000))
while ! grep -q "^Live game" "$T/pick2.out" 2>/dev/null &&
	[ "$(now_ms)" -lt "$_end" ]; do
	sleep 0.05
done
kill "$PICK" 2>/dev/null
wait "$PICK" 2>/dev/null
check "the pack chosen by number is hosted ($SECOND)" \
	grep -q "Live game: $SECOND" "$T/pick2.out"

# --- three players -------------------------------------------------------------------
tq_start -- --plain --join "$ADDR" --pin "$PIN" --name fast
FAST=$S
FAST_RUN=$RUN
tq_start -- --plain --join "$ADDR" --pin "$PIN" --name wrong
WRONG=$S
tq_start -- --plain --join "$ADDR" --pin "$PIN" --name slow
SLOW=$S
expect_pane "$FAST" "You're in, fast" "a player sees it is in the game"
expect_pane "$HOST" " joined (3 in)" "the host lists the players as they arrive"

# Question 1: fast answers right at once, wrong answers wrong, slow waits.
expect_pane "$FAST" "Answer with 1-4" "the question reaches the players" ||
	finish
S=$FAST
type_text 2
keys Enter
S=$WRONG
wait_until "$WAIT" in_pane "$WRONG" "Answer with 1-4"
type_text 1
keys Enter
expect_pane "$FAST" "Answer locked in." "an answer is acknowledged"
# (at most four count lines a second; the reveal says the final count)
expect_pane "$HOST" "Answered 2/3" "the host counts the answers" 15
expect_pane "$SLOW" "Time's up: waiting for the host." \
	"the player's countdown runs out on screen" 15
expect_pane "$FAST" "Correct! +" "the fast player sees Correct" 15
expect_pane "$FAST" "rank 1st" "the fast player sees their rank"
expect_pane "$WRONG" "Wrong. The answer: Canberra" \
	"the wrong player sees Wrong and the answer"
expect_pane "$WRONG" "rank 2nd" "the wrong player sees their rank"
expect_pane "$WRONG" "Canberra was built as a compromise" \
	"and the question's explanation"
expect_pane "$SLOW" "Time's up. The answer: Canberra" \
	"the slow player sees Time's up"
expect_pane "$SLOW" "rank 2nd" "equal scores share a rank"
expect_pane "$HOST" "2) Canberra: 1  (correct)" \
	"the host shows how many chose each choice"
SCORE1=$(hist "$FAST" | sed -n 's/^Score \([0-9]*\), .*/\1/p' | head -n 1)

# Question 2: fast is killed while it is open and comes back with its token.
expect_pane "$FAST" "Answer with t (true) or f (false)" \
	"the second question reaches the players" || finish
TOKEN=$(hist "$FAST" | sed -n 's/.*--resume \([0-9a-f]*\)$/\1/p' | head -n 1)
check "the player is shown a resume token" [ "${#TOKEN}" -eq 32 ]
RUN=$FAST_RUN
kill -KILL "$(tq_pid)"
expect_pane "$HOST" "- fast dropped (2 in)" "the host sees the player drop"
tq_start -- --plain --join "$ADDR" --resume "$TOKEN"
BACK=$S
expect_pane "$BACK" "Back in the game, fast." "the token puts the player back"
expect_pane "$BACK" "Question 2 of 2: The Nile flows north." \
	"the open question is sent again"
type_text t
keys Enter
expect_pane "$BACK" "Answer locked in." "the resumed player's answer counts"
# The question stays open to its deadline: slow and wrong have not answered.
expect_pane "$BACK" "Correct! +" "the resumed player sees Correct" 20
SCORE2=$(hist "$BACK" | sed -n 's/^Score \([0-9]*\), streak 2, .*/\1/p' |
	head -n 1)
if [ -n "$SCORE1" ] && [ -n "$SCORE2" ] && [ "$SCORE2" -gt "$SCORE1" ]; then
	ok "the resumed player keeps score and streak ($SCORE1 -> $SCORE2)"
else
	not_ok "the resumed player keeps score and streak"
	diag "score after q1 '$SCORE1', after q2 with streak 2 '$SCORE2'"
	hist "$BACK" | tail -n 20 | sed 's/^/#   |/'
fi

# The podium, then everyone is told and the host writes its results.
expect_pane "$BACK" "You finished 1st with $SCORE2 points." \
	"the winner sees the podium"
expect_pane "$WRONG" "You finished 2nd with 0 points." \
	"the others see their place"
# The podium waits for the host: Enter would play again, q ends it.
expect_pane "$HOST" "Press Enter to play again (q ends the game)." \
	"the host's podium waits for Enter or q"
S=$HOST
RUN=$HOST_RUN
keys q Enter
expect_pane "$SLOW" "Goodbye: the game is over." "players are told the game is over"
expect_exit 0 "q on the podium ends the host with status 0" 20
S=$SLOW
RUN=$T/run4
expect_exit 0 "a player ends with status 0 after the podium"
expect_terminal_restored "the player's terminal is as it was"

json_check "$T/results.json" "the results hold all three players" \
	'len(d["players"]) == 3 and d["finished"] is True'
json_check "$T/results.json" "a timeout is answer null" \
	'[p for p in d["players"] if p["nick"] == "slow"][0]["questions"][0]["answer"] is None and [p for p in d["players"] if p["nick"] == "slow"][0]["timed_out"] == 2'
json_check "$T/results.json" "the wrong answer is recorded as given" \
	'[p for p in d["players"] if p["nick"] == "wrong"][0]["questions"][0]["answer"] == "Sydney"'
json_check "$T/results.json" "the winner's answers and score are recorded" \
	'd["players"][0]["nick"] == "fast" and d["players"][0]["score"] == '"${SCORE2:-0}"' and d["players"][0]["correct"] == 2 and d["players"][0]["questions"][1]["answer"] is True'

finish
