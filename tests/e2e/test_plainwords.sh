#!/bin/sh
# Plain mode's words: "(1 second)", "The answer: True" as the screens say
# it, and a countdown notice on a line of its own followed by the prompt
# again (never in the middle of the prompt line).
. "$(dirname "$0")/lib.sh"

OUT=$T/out
cat >"$T/pack.json" <<'EOF'
{"title": "E2E Plain Words", "questions": [
  {"type": "truefalse", "question": "One second.", "answer": true,
   "time_limit": 1},
  {"type": "truefalse", "question": "The Nile flows north.", "answer": true,
   "time_limit": 4}
]}
EOF
cat >"$T/config.json" <<'EOF'
{"shuffle_questions": false, "announce": [0.5], "announce_last_seconds": 0}
EOF

printf 't\n' | "$TQ" --plain --config "$T/config.json" "$T/pack.json" >"$OUT" 2>&1
check "a one-second limit says (1 second)" grep -q '^Question 1/2 (1 second):' "$OUT"
check "two seconds and more: (N seconds)" grep -q '^Question 2/2 (4 seconds):' "$OUT"

printf 'f\nf\n' | "$TQ" --plain --config "$T/config.json" --time 5 \
	"$T/pack.json" >"$OUT" 2>&1
check "a wrong true/false answer says The answer: True" \
	grep -q 'Wrong\. The answer: True$' "$OUT"

tq_start -- --plain --config "$T/config.json" "$T/pack.json"
expect_screen "Time's up! The answer: True" \
	"a timed-out true/false answer says The answer: True" 8
expect_screen "[2 s left]" "the half-time notice comes" 8
capture
check "the notice is on a line of its own, the prompt again after it" \
	eval 'printf "%s\n" "$SCREEN" | grep -A1 "^  \[2 s left\]$" | sed -n 2p | grep -q "^> *$"'
check "the prompt before it was ended, not written into" \
	eval '! printf "%s\n" "$SCREEN" | grep -q "^> .*\[2 s left\]"'
type_text "t"
keys Enter
expect_screen "Correct!" "after the notice the answer is still taken"
tq_kill_session

finish
