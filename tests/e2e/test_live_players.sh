#!/bin/sh
# The live player's screens are the single-player ones, driven by the host:
# a host and four full-screen players (three at 80x24, one at 40x12). Per
# question each player sees get ready, the question with its choice keys
# (or the text field) and the countdown bar, "Answer locked in", then the
# solo verdict (Correct / Wrong / Time's up, the points and streak bonus,
# what they answered, the correct answer, the explanation) with their rank and the gap to the player ahead; the
# board; the podium. One answers right, one wrong, one lets time run out.
# Then the host plays again: the players are back in the lobby, from zero.
. "$(dirname "$0")/lib.sh"

cat >"$T/pack.json" <<'EOF2'
{
  "title": "E2E Players",
  "questions": [
    {"type": "choice", "question": "Capital of Australia?",
     "choices": ["Sydney", "Canberra", "Melbourne", "Perth"],
     "answer": "Canberra", "time_limit": 10,
     "explanation": "Canberra was built as a compromise between Sydney and Melbourne."},
    {"type": "text", "question": "Chemical symbol for gold?",
     "answer": "Au", "time_limit": 10}
  ]
}
EOF2
# A long grace: the "waiting for the host" after the bar runs out lasts
# long enough to be seen; the host steps the reveal and board with Enter.
cat >"$T/config.json" <<'EOF2'
{"shuffle_questions": false, "shuffle_choices": false,
 "live": {"read_seconds": 1.5, "reveal_seconds": 0, "grace_ms": 1500}}
EOF2

tq_start -- --host --config "$T/config.json" --listen 127.0.0.1:0 \
	--start-when 4 --results "$T/results.json" "$T/pack.json"
HOST=$S
HOST_RUN=$RUN
expect_screen "PIN  " "the host's lobby shows the PIN" || finish
capture
PIN=$(printf '%s\n' "$SCREEN" | sed -n 's/.*PIN  \([0-9]\{3\}\) \([0-9]\{3\}\).*/\1\2/p' | head -n 1)
ADDR=$(printf '%s\n' "$SCREEN" | sed -n 's/.*Join: termquiz --join \([0-9.:]*\).*/\1/p' | head -n 1)
check "the host shows the PIN and address" [ "${#PIN}" -eq 6 ] && [ -n "$ADDR" ]

tq_start -- --join "$ADDR" --pin "$PIN" --name ann
ANN=$S
expect "a player in the lobby is told so" screen_has "You're in, ann"
tq_start -- --join "$ADDR" --pin "$PIN" --name bob
BOB=$S
tq_start -- --join "$ADDR" --pin "$PIN" --name cat
CAT=$S
tq_start -x 40 -y 12 -- --join "$ADDR" --pin "$PIN" --name dan
DAN=$S

# --- question 1: a choice ------------------------------------------------------
S=$ANN
expect "get ready shows the question alone" screen_has "Get ready..."
expect "then the question, as the solo game shows it" \
	screen_has "Capital of Australia?"
expect "with each choice and its key" screen_has "2  Canberra"
expect "the countdown bar with the time left" screen_has_re "[0-9]+ s *$"
expect "the solo game's header: question, score, streak" \
	screen_has "Question 1/2   Score 0   Streak 0"
expect "and the keys in the footer" screen_has "1-4 answer"
type_text 2
expect "an answer taken says so" screen_has "Answer locked in"
S=$BOB
expect "the second player has the question" screen_has "1  Sydney"
type_text 1
expect "the second player is locked in" screen_has "Answer locked in"
S=$DAN
expect "at 40x12 the question fits" screen_has "Capital of Australia?"
expect "with its four choices" screen_has "4  Perth"
expect "and the bar" screen_has_re "[0-9]+ s *$"
type_text 2
expect "at 40x12 the answer is locked in" screen_has "Answer locked in"
S=$CAT
expect_screen "Time's up: waiting for the host" \
	"a player whose bar runs out waits for the host" 15

S=$ANN
expect "the right player sees the solo verdict" screen_has "Correct!"
expect "with the points" screen_has_re "\+[0-9]+ points"
expect "and the rank" screen_has "Rank 1"
S=$BOB
expect "the wrong player sees Wrong" screen_has "Wrong"
expect "what they answered" screen_has "Your answer:    Sydney"
expect "the correct answer" screen_has "Correct answer: Canberra"
expect "and the explanation, as alone" screen_has "built as a compromise"
expect "and the gap to the player ahead" \
	screen_has_re "Rank 3 .+ [0-9]+ behind the player ahead"
S=$CAT
expect "the slow player sees Time's up" screen_has "Time's up"
expect "with no answer" screen_has "none (time ran out)"
S=$DAN
expect "at 40x12 the verdict shows" screen_has "Correct!"
expect "with the rank" screen_has_re "Rank [12]"

S=$HOST
keys Enter
S=$ANN
expect "the board gives each player their place" \
	screen_has_re "You are #[12] with [0-9]+ points"
S=$HOST
keys Enter

# --- question 2: typed -----------------------------------------------------------
S=$ANN
expect "a text question has the solo text field" screen_has "Your answer:"
expect "and the score so far in the header" \
	screen_has_re "Question 2/2   Score [1-9][0-9]*   Streak 1"
# The solo field's editing keys: "u", Home, "A" makes "Au".
type_text u
keys Home
type_text A
expect "what is typed shows in the field, edited as alone" \
	screen_has "Your answer: Au"
keys Enter
expect "a typed answer is locked in" screen_has "Answer locked in"
S=$BOB
wait_for "Your answer:"
type_text Ag
keys Enter
S=$DAN
wait_for "Your answer:"
type_text au
keys Enter
S=$CAT
wait_for "Your answer:"
type_text "A"
expect_screen "you had typed: A" \
	"what was typed but not sent shows with Time's up" 20
S=$ANN
expect "a streak of two shows" screen_has "Streak 2"
expect "with its streak bonus, as alone" screen_has "(100 streak bonus)"
S=$BOB
expect "a wrong typed answer shows what was sent" screen_has "Your answer:    Ag"

S=$HOST
keys Enter
keys Enter
expect "the host reaches the podium" screen_has "Podium"
S=$ANN
expect "the podium gives the player their place" \
	screen_has_re "You finished #[12] with [0-9]+ points"
S=$CAT
expect "and to the last (equal scores share a place)" \
	screen_has "You finished #3 with 0 points"

# --- play again: a lobby after the podium -----------------------------------------
# dan leaves at the podium, so game 2 (--start-when 4) waits in the lobby.
S=$DAN
RUN=$T/run${DAN#tq}
keys q
expect_exit 0 "a player who leaves at the podium ends with status 0"
S=$HOST
expect "the host's podium offers another game" screen_has "Enter play again"
keys Enter
S=$ANN
expect "a new game after the podium brings the player back to the lobby" \
	screen_has "You're in, ann — 3 in the game, waiting for the host"
expect "with the score from zero" screen_has_re "ann +Score 0 *$"
tq_start -- --join "$ADDR" --pin "$PIN" --name eve
S=$ANN
expect "game 2 starts once four are in again" \
	screen_has "Capital of Australia?"
expect "from question 1 and a score of zero" \
	screen_has "Question 1/2   Score 0   Streak 0"
wait_for "1  Sydney"
type_text 2
expect "and the player plays it" screen_has "Answer locked in"
S=$HOST
keys q
expect_exit 0 "the host ends with status 0"
for P in "$ANN" "$BOB" "$CAT"; do
	S=$P
	RUN=$T/run${P#tq}
	expect_exit 0 "player $P ends with status 0"
	expect_terminal_restored "player $P's terminal is restored"
done
json_check "$T/results.json" "the results hold every answer, null for time out" \
	'[p["nick"] for p in sorted(d["players"], key=lambda p: p["nick"])] == ["ann", "bob", "cat", "dan"] and [q["answer"] for p in d["players"] if p["nick"] == "cat" for q in p["questions"]] == [None, None]'
finish
