#!/bin/sh
# The score screen: each row marked ✔/✘/⏱ (ASCII without UTF-8), "Avg
# answer" leaves time-outs out, and it says when rows are below.
. "$(dirname "$0")/lib.sh"

cat >"$T/pack.json" <<'EOF'
{"title": "E2E Score", "questions": [
  {"type": "truefalse", "question": "Right one.", "answer": true},
  {"type": "truefalse", "question": "Wrong one.", "answer": true},
  {"type": "truefalse", "question": "Timed out one.", "answer": true,
   "time_limit": 4}
]}
EOF
cat >"$T/config.json" <<'EOF'
{"shuffle_questions": false, "feedback_seconds": 0}
EOF

play_three() {
	wait_for "Right one." || return 1
	keys t
	wait_for "Correct!" && keys Enter
	wait_for "Wrong one." && keys f
	wait_for_re "Wrong +\+0 points" && keys Enter   # the verdict, not the question
	wait_for "Timed out one." || return 1
	wait_for "Time's up" 10 && keys Enter
	wait_for "final score"
}

tq_start -- --config "$T/config.json" "$T/pack.json"
play_three
expect "the right row is marked ✔" screen_has_re '^ +1 ✔ Right one\.'
expect "the wrong row is marked ✘" screen_has_re '^ +2 ✘ +Wrong one\.'
expect "the timed-out row is marked ⏱" screen_has_re '^ +3 ⏱ +Timed out one\.'
expect "Avg answer leaves the 4 s time-out out" \
	screen_has_re 'Avg answer [0-1]\.[0-9] s'
tq_kill_session

tq_start -e LC_ALL=C -e LANG=C -y 12 -- --config "$T/config.json" "$T/pack.json"
play_three
expect "without UTF-8 the marks are ASCII" \
	eval 'screen_has_re "^ +1 \+ +Right one" && screen_has_re "^ +2 x +Wrong one"'
expect "rows below the screen are announced" screen_has "more below"
expect "... and the timed-out one with t" screen_has_re '^ +3 t Timed out one'
keys j j j
expect "after scrolling down the footer offers k up" screen_has "k up"
tq_kill_session

finish
