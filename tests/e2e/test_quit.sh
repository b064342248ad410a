#!/bin/sh
# Esc (or q outside a text field) asks before quitting: n resumes the same
# question, y quits with status 0.
. "$(dirname "$0")/lib.sh"

cat >"$T/pack.json" <<'EOF'
{
  "title": "E2E Quit",
  "time_limit": 30,
  "questions": [
    {"type": "choice", "question": "Capital of Australia?",
     "choices": ["Sydney", "Canberra"], "answer": "Canberra"},
    {"type": "text", "question": "Capital of Iceland?", "answer": "Reykjavík"}
  ]
}
EOF
cat >"$T/config.json" <<'EOF'
{"shuffle_questions": false, "shuffle_choices": false, "feedback_seconds": 0}
EOF

PROMPT="Quit the game? y/n"

play() {
	tq_start --config "$T/config.json" "$T/pack.json"
	expect_screen "Capital of Australia?" "the first question is shown" ||
		return 1

	keys Escape
	expect_screen "$PROMPT" "Esc asks before quitting" || return 1
	type_text n
	if wait_gone "$PROMPT"; then
		ok "n dismisses the prompt"
	else
		not_ok "n dismisses the prompt"
		diag_screen
		return 1
	fi
	expect "n resumes the same question" screen_has "Capital of Australia?"
	expect "the header still says question 1" screen_has "Question 1/2"

	type_text q
	expect_screen "$PROMPT" "q outside a text field asks too" || return 1
	type_text n
	wait_gone "$PROMPT"

	# The game goes on normally after a dismissed prompt.
	keys 2
	expect_screen "Correct!" "the resumed question can be answered" ||
		return 1
	keys Escape
	expect_screen "$PROMPT" "Esc on the feedback screen asks too" ||
		return 1
	type_text n
	wait_gone "$PROMPT"
	expect "n keeps the feedback on screen" screen_has "Correct!"
	keys Enter
	expect_screen "Capital of Iceland?" "the next question follows" ||
		return 1

	type_text "Rey"
	wait_for "Your answer: Rey"
	keys Escape
	expect_screen "$PROMPT" "Esc in a text field asks before quitting" ||
		return 1
	type_text n
	wait_gone "$PROMPT"
	expect "n keeps the half-typed answer" screen_has "Your answer: Rey"

	keys Escape
	wait_for "$PROMPT" || {
		not_ok "Esc asks again"
		diag_screen
		return 1
	}
	type_text y
	expect_exit 0 "Esc then y quits with status 0" || return 1
	expect_terminal_restored "after quitting the terminal is restored"
}

play
finish
