#!/bin/sh
# A terminal that cannot place the cursor (TERM=dumb, or unknown) gets plain
# mode with a note, as when stdin is not a terminal; a real one still gets
# the full screen.
. "$(dirname "$0")/lib.sh"

cat >"$T/pack.json" <<'EOF'
{"title": "E2E Dumb", "questions": [
  {"type": "truefalse", "question": "The Nile flows north.", "answer": true}
]}
EOF

for term in dumb no-such-terminal-xyz; do
	tq_start -e "TERM=$term" -- --results "$T/$term.json" "$T/pack.json"
	expect_screen "cannot place the cursor" \
		"TERM=$term: a note says the game is played in plain mode"
	expect_screen "Question 1/1 (" "TERM=$term: the question comes in plain mode"
	type_text "t"
	keys Enter
	expect_exit 0 "TERM=$term: the plain game ends with status 0"
	json_check "$T/$term.json" "TERM=$term: the answer was taken" \
		'q[0]["answer"] is True and d["finished"] is True'
done

tq_start -- "$T/pack.json"
expect_screen "Question 1/1   Score" "a real terminal still gets the full screen"
capture
check "... and no plain-mode note" eval '! screen_has "plain mode"'
tq_kill_session

finish
