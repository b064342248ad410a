#!/bin/sh
# Spaced review (FSRS): a game with misses makes those questions due;
# --review asks them first, then the others; right answers push them out
# (--stats counts what is due); with no history --review still has a game.
. "$(dirname "$0")/lib.sh"

cat >"$T/pack.json" <<'EOF2'
{
  "title": "E2E Review",
  "time_limit": 30,
  "questions": [
    {"type": "choice", "question": "Capital of Australia?",
     "choices": ["Sydney", "Canberra"], "answer": "Canberra"},
    {"type": "truefalse", "question": "The Nile flows north.", "answer": true},
    {"type": "text", "question": "Capital of Iceland?", "answer": "Reykjavik"},
    {"type": "choice", "question": "Capital of Canada?",
     "choices": ["Toronto", "Ottawa"], "answer": "Ottawa"}
  ]
}
EOF2
cat >"$T/config.json" <<'EOF2'
{"shuffle_questions": false, "shuffle_choices": false,
 "questions_per_game": 0, "player": "tester"}
EOF2

# due: how many questions --stats --json says are due now.
due_is() {
	"$TQ" --config "$T/config.json" --stats --json >"$T/stats.json" 2>&1
	json_check "$T/stats.json" "$2" "d[0][\"due\"] == $1"
}

# With no history at all there is still a game: every question.
printf '2\ntrue\nReykjavik\n2\n' | "$TQ" --config "$T/config.json" \
	--review "$T/pack.json" >"$T/fresh.txt" 2>&1
check "--review with no history exits 0" [ $? -eq 0 ]
check "--review with no history asks every question" \
	grep -q 'Question 1/4.*Capital of Australia' "$T/fresh.txt" ||
	diag_file "$T/fresh.txt"
rm -f "$XDG_DATA_HOME/termquiz/history.db"

# A game: Australia right, the Nile wrong, Iceland right, Canada wrong.
printf '2\nfalse\nReykjavik\n1\n' | "$TQ" --config "$T/config.json" \
	"$T/pack.json" >"$T/game.txt" 2>&1
check "the game exits 0" [ $? -eq 0 ]
due_is 2 "after the game the two missed questions are due"

printf 'true\n2\n2\nReykjavik\n' | "$TQ" --config "$T/config.json" \
	--review "$T/pack.json" >"$T/review.txt" 2>&1
check "--review exits 0" [ $? -eq 0 ]
check "--review asks the first missed question first" \
	grep -q 'Question 1/4.*The Nile flows north' "$T/review.txt" ||
	diag_file "$T/review.txt"
check "and the second missed question second" \
	grep -q 'Question 2/4.*Capital of Canada' "$T/review.txt" ||
	diag_file "$T/review.txt"
check "then the others" \
	grep -q 'Question 3/4.*Capital of Australia' "$T/review.txt" ||
	diag_file "$T/review.txt"
check "all four answered right" grep -q 'Correct 4 ' "$T/review.txt" ||
	diag_file "$T/review.txt"
due_is 0 "answered right, they are no longer due"
check "--stats shows the due column" \
	sh -c '"$1" --config "$2" --stats | grep -Eq "E2E Review .* 0$"' \
	sh "$TQ" "$T/config.json"

finish
