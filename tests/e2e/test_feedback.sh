#!/bin/sh
# Feedback that teaches: what was typed shows also when right, and on a
# timeout what was typed but not sent ("you had typed: Reykj"), while the
# answer stays null.
. "$(dirname "$0")/lib.sh"

cat >"$T/pack.json" <<'EOF'
{"title": "E2E Feedback", "questions": [
  {"type": "text", "question": "Which plant had the 1986 accident?",
   "answer": ["Chernobyl", "Chornobyl"], "time_limit": 30},
  {"type": "text", "question": "Capital of Iceland?",
   "answer": ["Reykjavík", "Reykjavik"], "time_limit": 3}
]}
EOF
cat >"$T/config.json" <<'EOF'
{"shuffle_questions": false, "feedback_seconds": 0}
EOF

tq_start -- --config "$T/config.json" --results "$T/r.json" "$T/pack.json"
wait_for "1986 accident"
type_text "Chornobyl"
keys Enter
expect_screen "Correct!" "an accepted form is right"
expect "the feedback shows what was typed, also when right" \
	screen_has_re 'Your answer: +Chornobyl'
expect "... beside the answer shown as correct" \
	screen_has_re 'Correct answer: +Chernobyl'
keys Enter
wait_for "Capital of Iceland?"
type_text "Reykj"
expect_screen "Time's up" "the half-typed answer times out" 10
expect "the feedback shows what had been typed but not sent" \
	screen_has "you had typed: Reykj"
keys Enter
wait_for "final score"
keys q
wait_exit
json_check "$T/r.json" "the timed-out answer stays null" \
	'q[1]["answer"] is None and q[1]["timed_out"] is True'

finish
