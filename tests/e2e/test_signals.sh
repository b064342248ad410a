#!/bin/sh
# Ctrl-C, SIGTERM and SIGHUP end the game and leave the terminal as it was
# found; an interrupted game with an answer writes its (unfinished) results.
. "$(dirname "$0")/lib.sh"

cat >"$T/pack.json" <<'EOF'
{
  "title": "E2E Signals",
  "time_limit": 30,
  "questions": [
    {"type": "choice", "question": "Capital of Australia?",
     "choices": ["Sydney", "Canberra"], "answer": "Canberra"},
    {"type": "choice", "question": "Largest planet?",
     "choices": ["Mars", "Jupiter"], "answer": "Jupiter"},
    {"type": "text", "question": "Capital of Iceland?", "answer": "Reykjavík"}
  ]
}
EOF
cat >"$T/config.json" <<'EOF'
{"shuffle_questions": false, "shuffle_choices": false, "feedback_seconds": 0}
EOF

# start_and_answer_one NAME: a game with --results $T/NAME.json, the first
# question answered (right), the second on screen.
start_and_answer_one() {
	tq_start --config "$T/config.json" --results "$T/$1.json" \
		"$T/pack.json"
	wait_for "Capital of Australia?" || {
		not_ok "$1: the game starts"
		diag_screen
		return 1
	}
	keys 2
	wait_for "Correct!" && keys Enter
	wait_for "Largest planet?" || {
		not_ok "$1: the first question is answered"
		diag_screen
		return 1
	}
	return 0
}

# unfinished_results NAME: the results of a game stopped on question 2.
unfinished_results() {
	if [ ! -f "$T/$1.json" ]; then
		not_ok "$1: the interrupted game wrote its results"
		ls -la "$T" | sed 's/^/# /'
		return 1
	fi
	ok "$1: the interrupted game wrote its results"
	json_check "$T/$1.json" "$1: results say finished: false" \
		'd["finished"] is False'
	json_check "$T/$1.json" "$1: results hold the answered question" \
		'len(q) >= 1 and q[0]["answer"] == "Canberra" and
		 q[0]["correct"] is True and d["correct"] == 1'
}

ctrl_c() {
	start_and_answer_one ctrl-c || return 1
	keys C-c
	# No y is ever sent: an exit proves Ctrl-C did not ask first.
	expect_exit 0 "Ctrl-C quits at once (no question) with status 0" ||
		return 1
	expect_terminal_restored "Ctrl-C: the terminal is restored"
	unfinished_results ctrl-c
	tq_kill_session
}

ctrl_c_in_text() {
	tq_start --config "$T/config.json" --count 3 "$T/pack.json"
	wait_for "Capital of Australia?" && keys 1
	wait_for "Wrong" && keys Enter
	wait_for "Largest planet?" && keys 1
	wait_for "Wrong" && keys Enter
	wait_for "Capital of Iceland?" || {
		not_ok "Ctrl-C in a text field: the text question is reached"
		diag_screen
		return 1
	}
	type_text "Reyk"
	wait_for "Your answer: Reyk"
	keys C-c
	expect_exit 0 "Ctrl-C in a text field quits with status 0" || return 1
	expect_terminal_restored "Ctrl-C in a text field: the terminal is restored"
	tq_kill_session
}

# by_signal SIG STATUS...: kill termquiz with SIG mid-game.
by_signal() {
	_sig=$1
	_name=$(echo "$1" | tr 'A-Z' 'a-z')
	start_and_answer_one "$_name" || return 1
	_pid=$(tq_pid)
	if [ -z "$_pid" ] || ! kill -0 "$_pid" 2>/dev/null; then
		not_ok "$_sig: termquiz's pid is known"
		return 1
	fi
	kill -"$_sig" "$_pid"
	# Either a normal exit or death by that very signal (128 + N).
	expect_exit "0|$2" "SIG$_sig ends the game" || return 1
	expect_terminal_restored "SIG$_sig: the terminal is restored"
	unfinished_results "$_name"
	tq_kill_session
}

ctrl_c
ctrl_c_in_text
by_signal TERM 143
by_signal HUP 129
finish
