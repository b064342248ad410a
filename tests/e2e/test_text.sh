#!/bin/sh
# Text questions: the one-line editor (UTF-8, Backspace, Left/Right,
# Home/End), accent- and case-insensitive matching, and a timeout with
# half a word typed.
. "$(dirname "$0")/lib.sh"

cat >"$T/pack.json" <<'EOF'
{
  "title": "E2E Text",
  "time_limit": 20,
  "questions": [
    {"type": "text", "question": "Capital of Iceland?",
     "answer": ["Reykjavík"]},
    {"type": "text", "question": "Iceland's capital, once more?",
     "answer": "Reykjavík"},
    {"type": "text", "question": "Capital of Norway?", "answer": "Oslo",
     "time_limit": 3}
  ]
}
EOF
cat >"$T/config.json" <<'EOF'
{"shuffle_questions": false, "shuffle_choices": false, "feedback_seconds": 0}
EOF
RES=$T/results.json

play() {
	tq_start --config "$T/config.json" --results "$RES" "$T/pack.json"
	expect_screen "Capital of Iceland?" "the text question is shown" ||
		return 1
	expect_screen "Your answer:" "the answer field is shown"

	# Outside a text field q asks to quit; inside, it is a letter.
	type_text "q"
	expect_screen "Your answer: q" "q in the text field is typed" ||
		return 1
	check "q in the text field does not ask to quit" \
		_no_quit_prompt
	keys BSpace
	wait_gone "Your answer: q"

	type_text "eyjavík"
	expect_screen "Your answer: eyjavík" "UTF-8 text is typed and shown" ||
		return 1
	keys Home
	type_text "R"
	expect_screen "Your answer: Reyjavík" "Home moves to the start" ||
		return 1
	keys Right Right
	type_text "k"
	expect_screen "Your answer: Reykjavík" "Right moves over letters" ||
		return 1
	keys End
	type_text "x"
	expect_screen "Your answer: Reykjavíkx" "End moves to the end" ||
		return 1
	keys BSpace
	# Left twice crosses "k" and the two-byte "í"; Backspace there
	# removes the "v" before them.
	keys Left Left BSpace
	expect_screen "Your answer: Reykjaík" \
		"Backspace and Left work on UTF-8 text" || return 1
	type_text "v"
	expect_screen "Your answer: Reykjavík" "typing inserts at the cursor" ||
		return 1
	keys Enter
	expect_screen "Correct!" "the edited answer is accepted" || return 1
	keys Enter

	expect_screen "Iceland's capital, once more?" "question 2 is shown" ||
		return 1
	type_text "  REYKJAVIK  "
	wait_for "REYKJAVIK"
	keys Enter
	expect_screen "Correct!" \
		"the answer matches ignoring case, accents and spaces" ||
		return 1
	keys Enter

	expect_screen "Capital of Norway?" "question 3 is shown" || return 1
	type_text "Os"
	expect_screen "Your answer: Os" "half a word is typed"
	# The test is about the 3 s limit passing with the word unfinished.
	expect_screen "Time's up" "the question times out with text typed" \
		$((WAIT + 3)) || return 1
	expect "the feedback says no answer was given" \
		screen_has "none (time ran out)"
	keys Enter
	expect_screen_re 'Score [0-9]+ / [0-9]+' "the score screen is shown" ||
		return 1
	keys q
	expect_exit 0 "the game ends with status 0"
}

_no_quit_prompt() {
	! screen_has "Quit the game?"
}

play

if [ -f "$RES" ]; then
	ok "--results wrote the results file"
	json_check "$RES" "results: the typed UTF-8 answer, as typed" \
		'q[0]["answer"] == "Reykjavík" and q[0]["correct"] is True'
	json_check "$RES" "results: the accent-less answer counts as correct" \
		'q[1]["answer"].strip() == "REYKJAVIK" and q[1]["correct"] is True
		 and q[1]["points"] >= 500'
	json_check "$RES" "results: the half-typed answer is null" \
		'q[2]["answer"] is None and q[2]["timed_out"] is True and
		 q[2]["correct"] is False and q[2]["seconds"] == 3 and
		 q[2]["points"] == 0'
	json_check "$RES" "results: correct 2, wrong 0, timed_out 1" \
		'(d["correct"], d["wrong"], d["timed_out"]) == (2, 0, 1)'
else
	not_ok "--results wrote the results file"
fi

finish
