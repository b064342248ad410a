#!/bin/sh
# NO_COLOR (any value) turns colour off; the game still shows the bar and
# every word.  Colour is read from the screen with `capture-pane -e`.
. "$(dirname "$0")/lib.sh"

cat >"$T/pack.json" <<'EOF'
{
  "title": "E2E Colour",
  "time_limit": 30,
  "questions": [
    {"type": "choice", "question": "Capital of Australia?",
     "choices": ["Sydney", "Canberra", "Melbourne", "Perth"],
     "answer": "Canberra"},
    {"type": "truefalse", "question": "The Nile flows north.", "answer": true}
  ]
}
EOF
cat >"$T/config.json" <<'EOF'
{"shuffle_questions": false, "shuffle_choices": false, "feedback_seconds": 0}
EOF

# colours: prints the colour-setting SGR sequences found on stdin
# (foreground or background: 30-38, 40-48, 90-97, 100-107), one a line.
colours() {
	python3 -c '
import re, sys
text = sys.stdin.buffer.read().decode("utf-8", "replace")
for m in re.finditer(r"\x1b\[([0-9;:]*)m", text):
    params = [p for p in re.split(r"[;:]", m.group(1)) if p != ""]
    for p in params:
        n = int(p)
        if 30 <= n <= 38 or 40 <= n <= 48 or 90 <= n <= 97 or 100 <= n <= 107:
            print(repr(m.group(0)))
            break
'
}

# screen_colours: the colour sequences on the current screen.
screen_colours() {
	tm capture-pane -e -p -t "$S" | colours
}

# capture_coloured: for expect: capture with attributes; any colour?
capture_coloured() {
	capture -e
	[ -n "$(printf '%s\n' "$SCREEN" | colours)" ]
}

# no_colour SYNC DESC: a test: once SYNC (text on the frame's last row,
# so the whole frame has arrived) is on screen, nothing is coloured.
no_colour() {
	wait_for "$1"
	shift
	_c=$(screen_colours)
	if [ -z "$_c" ]; then
		ok "$1"
		return 0
	fi
	not_ok "$1"
	diag "colour sequences found: $(printf '%s' "$_c" | sort -u | tr '\n' ' ')"
	return 1
}

# question_screen NAME [TQ_START_ARG...]: start a game and check that the
# first question's words and bar are shown; the game stays on it.
question_screen() {
	_p=$1
	shift
	tq_start "$@" --config "$T/config.json" "$T/pack.json"
	expect_screen "Capital of Australia?" "$_p: the question is shown" ||
		return 1
	expect "$_p: header, choices and help are shown" _question_words
	# The bar: a run of reverse-video cells (its full part) and the
	# seconds left beside it (whole seconds: 30 s here).
	expect "$_p: the countdown bar is shown with the seconds left" \
		_bar_shown
}

_bar_shown() {
	capture -e
	_e=$(printf '\033')
	printf '%s\n' "$SCREEN" | grep -Eq \
	    "$_e\[([0-9]+;)*7(;[0-9]+)*m($_e\[[0-9;]*m)* {10,}.* [0-9]+ s"
}

_question_words() {
	screen_has "Question 1/2" && screen_has "1  Sydney" &&
		screen_has "4  Perth" && screen_has "Esc quit"
}

with_colour() {
	question_screen "default" || return 1
	expect "default: the question screen uses colour" capture_coloured
	keys 2
	wait_for "Correct!"
	expect "default: the feedback uses colour" capture_coloured
	tq_kill_session
}

# without_colour NAME TQ_START_ARGS...
without_colour() {
	_n=$1
	shift
	question_screen "$_n" "$@" || return 1
	no_colour "Esc quit" "$_n: no colour on the question screen"
	keys 2
	expect_screen "Correct!" "$_n: the feedback says Correct!" || return 1
	expect "$_n: the feedback names the correct answer" \
		screen_has "Correct answer: Canberra"
	no_colour "Enter or Space" "$_n: no colour on the feedback screen"
	keys Enter
	wait_for "The Nile flows north." && type_text f
	expect_screen "Wrong" "$_n: a wrong answer says Wrong" || return 1
	no_colour "Enter or Space" "$_n: no colour on the wrong-answer feedback"
	keys Enter
	expect_screen "Correct 1   Wrong 1   Time's up 0" \
		"$_n: the score screen shows the counts" || return 1
	no_colour "q quit" "$_n: no colour on the score screen"
	keys q
	expect_exit 0 "$_n: the game ends with status 0"
	tq_kill_session
}

with_colour
without_colour "NO_COLOR=1" -e NO_COLOR=1 --
without_colour "--no-color" --no-color
finish
