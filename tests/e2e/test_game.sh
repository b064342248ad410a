#!/bin/sh
# A whole game in a terminal: one answer right, one wrong, one left to time
# out; the score screen; q; then the --results file.
. "$(dirname "$0")/lib.sh"

cat >"$T/pack.json" <<'EOF'
{
  "title": "E2E Game",
  "time_limit": 15,
  "questions": [
    {"type": "choice", "question": "Capital of Australia?",
     "choices": ["Sydney", "Canberra", "Melbourne", "Perth"],
     "answer": "Canberra", "explanation": "Chosen as a compromise."},
    {"type": "truefalse", "question": "The Nile flows north.", "answer": true},
    {"type": "choice", "question": "Largest planet?",
     "choices": ["Mars", "Jupiter"], "answer": 1, "time_limit": 2}
  ]
}
EOF
cat >"$T/config.json" <<'EOF'
{"shuffle_questions": false, "shuffle_choices": false, "feedback_seconds": 0}
EOF
RES=$T/results.json

_all_choices_listed() {
	screen_has "1  Sydney" && screen_has "2  Canberra" &&
		screen_has "3  Melbourne" && screen_has "4  Perth"
}

# Every line but the rule under the header starts with a space.
_margin_kept() {
	! printf '%s\n' "$SCREEN" | sed 1,2d | grep -q '^[^ ]'
}

play() {
	tq_start --config "$T/config.json" --seed 1 --results "$RES" \
		"$T/pack.json"
	expect_screen "Question 1/3" "the game starts at question 1 of 3" ||
		return 1
	expect_screen "Capital of Australia?" "the first question is shown"
	expect "the choices show their number keys" \
		screen_has_re '^ +[^ ]? *1  Sydney *$'
	expect "every choice is listed" _all_choices_listed
	# Whole seconds above the last 10 s, tenths from there (15 s here).
	expect "the countdown shows the seconds left" \
		screen_has_re ' 1[45] s'

	keys 2
	expect_screen "Correct!" "the right answer gets Correct!" || return 1
	expect "the feedback shows the points won" screen_has_re '\+[0-9]+ points'
	expect "the feedback shows the explanation" \
		screen_has "Chosen as a compromise."
	keys Enter

	expect_screen "Question 2/3" "Enter goes on to question 2" || return 1
	expect_screen "The Nile flows north." "the true/false question is shown"
	keys f
	expect_screen "Wrong" "a wrong answer gets Wrong" || return 1
	expect "the feedback names the correct answer" \
		screen_has "Correct answer: True"
	expect "the feedback names the given answer" \
		screen_has "Your answer:    False"
	keys Space

	expect_screen "Question 3/3" "Space goes on to question 3" || return 1
	# This question has a 2 s limit: let it run out (the test is about
	# time passing, so no key is sent).
	expect_screen "Time's up" "an unanswered question times out" \
		$((WAIT + 2)) || return 1
	expect "the timed-out feedback names the correct answer" \
		screen_has "Correct answer: Jupiter"
	keys Enter

	expect_screen_re 'Score [0-9]+ / [0-9]+' "the score screen shows Score N / M" ||
		return 1
	expect "the score screen counts 1 correct, 1 wrong, 1 timed out" \
		screen_has "Correct 1   Wrong 1   Time's up 1"
	expect "the score screen lists every question" \
		screen_has_re 'Capital of Australia\?.*Canberra'
	# PRODUCT.md: the score screen shows the average answer time; at the
	# standard 80 columns it must not be cut off.
	expect "the score screen shows the average answer time (80x24)" \
		screen_has_re 'Avg answer [0-9]+\.[0-9] s'
	# Every line keeps the screen's left margin: a long line (here the
	# "results saved to PATH" note) must be clipped, not wrapped onto the
	# next row from column 0.  The footer, on the last row, comes last
	# in a frame: once it is there the whole first frame is.
	wait_for "q quit"
	if ! check "the score screen keeps its left margin (nothing wraps)" \
		_margin_kept; then
		diag_screen
	fi
	SCORE_ON_SCREEN=$(printf '%s\n' "$SCREEN" |
		sed -n 's/.*Score \([0-9][0-9]*\) \/.*/\1/p' | head -n 1)

	keys q
	expect_exit 0 "q on the score screen exits with status 0"
	expect_terminal_restored "the terminal is restored after the game"
}

play

if [ -f "$RES" ]; then
	ok "--results wrote the results file"
	json_check "$RES" "results: the pack title" 'd["pack"] == "E2E Game"'
	json_check "$RES" "results: score > 0 and the sum of the points" \
		'd["score"] > 0 and d["score"] == sum(x["points"] for x in q)'
	json_check "$RES" "results: score below max_score" \
		'd["max_score"] > d["score"]'
	json_check "$RES" "results: correct 1, wrong 1, timed_out 1" \
		'(d["correct"], d["wrong"], d["timed_out"]) == (1, 1, 1)'
	json_check "$RES" "results: three questions in play order" \
		'[x["question"] for x in q] == ["Capital of Australia?",
		  "The Nile flows north.", "Largest planet?"]'
	json_check "$RES" "results: the right answer scores 500..1000 points" \
		'q[0]["answer"] == "Canberra" and q[0]["correct"] is True and
		 q[0]["timed_out"] is False and 500 <= q[0]["points"] <= 1000 and
		 0 <= q[0]["seconds"] < 15'
	json_check "$RES" "results: the wrong answer is false, 0 points" \
		'q[1]["answer"] is False and q[1]["correct"] is False and
		 q[1]["timed_out"] is False and q[1]["points"] == 0'
	json_check "$RES" "results: the timed-out answer is null, seconds == limit" \
		'q[2]["answer"] is None and q[2]["timed_out"] is True and
		 q[2]["correct"] is False and q[2]["seconds"] == 2 and
		 q[2]["points"] == 0'
	json_check "$RES" "results: a finished game says finished: true" \
		'd.get("finished", True) is True'
	if [ -n "${SCORE_ON_SCREEN:-}" ]; then
		json_check "$RES" "results: the score is the one on screen" \
			"d['score'] == $SCORE_ON_SCREEN"
	fi
else
	not_ok "--results wrote the results file"
	ls -la "$T" | sed 's/^/# /'
fi

finish
