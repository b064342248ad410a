#!/bin/sh
# Spaced review (FSRS): a game with misses makes those questions due;
# --review asks them first, then the others; right answers push them out
# (--stats counts what is due); with no history --review still has a game;
# --stats draws sparklines of the scores and accuracy and lists the misses.
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
"$TQ" --config "$T/config.json" --stats --json "$T/pack.json" \
	>"$T/stats-named.json" 2>&1
json_check "$T/stats-named.json" "and so says --stats naming the pack" \
	'len(d) == 1 and d[0]["due"] == 2'

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
json_check "$T/stats.json" "--stats --json carries the series of both games" \
	'len(d[0]["series"]) == 2 and d[0]["series"][0]["accuracy"] == 0.5 and
	 d[0]["series"][1]["accuracy"] == 1 and
	 d[0]["series"][0]["score"] < d[0]["series"][1]["score"]'
json_check "$T/stats.json" "--stats --json lists the questions missed most" \
	'[m["question"] for m in d[0]["missed"]] ==
	 ["The Nile flows north.", "Capital of Canada?"] and
	 d[0]["missed"][0]["misses"] == 1 and d[0]["missed"][0]["answers"] == 2'
"$TQ" --config "$T/config.json" --stats >"$T/stats.txt" 2>&1
check "--stats draws the scores as a sparkline, numbers beside" \
	grep -Eq '^  scores +[▁▂▃▄▅▆▇█]{2} +last [0-9]+, low [0-9]+, high' \
	"$T/stats.txt" || diag_file "$T/stats.txt"
check "and the accuracy, 50% then 100%" \
	grep -Eq '^  accuracy +[▁▂▃▄▅▆▇█]{2} +last 100%, low 50%, high 100%' \
	"$T/stats.txt" || diag_file "$T/stats.txt"
check "and the missed questions" \
	grep -Eq '^  missed +1 of 2  The Nile flows north\.' "$T/stats.txt" ||
	diag_file "$T/stats.txt"
LC_ALL=C "$TQ" --config "$T/config.json" --stats >"$T/stats-c.txt" 2>&1
check "without UTF-8 the sparkline is ASCII" \
	grep -Eq '^  scores +[_.=+*#@-]{2} +last [0-9]+' "$T/stats-c.txt" ||
	diag_file "$T/stats-c.txt"
check "--stats shows the due column" \
	sh -c '"$1" --config "$2" --stats | grep -Eq "E2E Review .* 0$"' \
	sh "$TQ" "$T/config.json"

# The menu: a pack with questions due says so, and "Review due (N)" plays
# them first. A fresh history for a user pack the menu finds.
rm -f "$XDG_DATA_HOME/termquiz/history.db"
mkdir -p "$XDG_DATA_HOME/termquiz/packs"
cp "$T/pack.json" "$XDG_DATA_HOME/termquiz/packs/review.json"
printf '2\nfalse\nReykjavik\n1\n' | "$TQ" --config "$T/config.json" \
	"$T/pack.json" >/dev/null 2>&1
# A two-question game: the review is the two due questions, and back in
# the menu after it the counts are fresh.
cat >"$T/two.json" <<'EOF2'
{"shuffle_questions": false, "shuffle_choices": false,
 "questions_per_game": 2, "player": "tester"}
EOF2
tq_start -- --config "$T/two.json"
expect_screen "choose a pack" "the menu is shown" &&
	expect_screen_re "E2E Review +2 due +4 questions" \
		"the menu shows 2 due beside the pack" &&
	expect_screen "Review due (2)" "and a Review due (2) entry"
keys r
expect_screen "The Nile flows north." "r starts the review with a due question"
expect_screen "Question 1/2" "as question 1 of 2"
keys t
wait_for "Enter or Space" && keys Enter
expect_screen "Capital of Canada?" "then the other due question"
keys 2
wait_for "Enter or Space" && keys Enter
expect_screen "High scores" "the review's score screen"
keys m
expect_screen "Review due (0)" "back in the menu, nothing is due any more"
no_pack_due() {
	screen_has "E2E Review" && ! screen_has_re "E2E Review +[0-9]+ due"
}
expect "and the pack no longer shows due questions" no_pack_due
keys q
expect_exit 0 "the menu quits with status 0"

# The score screen: each answer's time as a bar (untimed: the slowest is a
# full bar), and the player's last scores as a sparkline, this game marked.
tq_start -- --config "$T/config.json" --untimed "$T/pack.json"
wait_for "Capital of Australia?" && keys 2 && wait_for "Enter or Space" &&
	keys Enter && wait_for "The Nile flows north." && keys t &&
	wait_for "Enter or Space" && keys Enter &&
	wait_for "Capital of Iceland?" && type_text Reykjavik && keys Enter &&
	wait_for "Enter or Space" && keys Enter &&
	wait_for "Capital of Canada?" && keys 2 && wait_for "Enter or Space" &&
	keys Enter
expect_screen "High scores" "the score screen is shown"
expect_screen_re "[0-9] s ████████$" \
	"the slowest answer of an untimed game has a full bar beside its time"
expect_screen_re "Your last 2 scores +[▁▂▃▄▅▆▇█]{2}  low [0-9]+, high [0-9]+" \
	"the last scores on this pack as a sparkline, numbers beside"
expect_screen_re "^ +↑ this game: [0-9]+" "this game is marked under its glyph"
keys q
expect_exit 0 "the score screen quits with status 0"

printf '2\ntrue\nReykjavik\n2\n' | "$TQ" --config "$T/config.json" \
	"$T/pack.json" >"$T/plain.txt" 2>&1
check "plain mode shows the answer times, numbers beside" \
	grep -Eq '^Answer times  [▁▂▃▄▅▆▇█]{4}  [0-9.]+ [0-9.]+ [0-9.]+ [0-9.]+ s$' \
	"$T/plain.txt" || diag_file "$T/plain.txt"
check "and the last scores, this game in brackets" \
	grep -Eq '^Your last 3  [▁▂▃▄▅▆▇█]{2}\[[▁▂▃▄▅▆▇█]\]  [0-9]+ [0-9]+ \[[0-9]+\]$' \
	"$T/plain.txt" || diag_file "$T/plain.txt"

finish
