#!/bin/sh
# Time that fits the player, and scripts: the same seed plays the same game
# in the full screen and in plain mode; more time; pause; --untimed;
# --time-scale.
. "$(dirname "$0")/lib.sh"

cat >"$T/pack.json" <<'EOF2'
{
  "title": "E2E Access",
  "time_limit": 30,
  "questions": [
    {"type": "choice", "question": "Q-alpha", "choices": ["a1", "a2", "a3"], "answer": 0},
    {"type": "choice", "question": "Q-bravo", "choices": ["b1", "b2", "b3"], "answer": 1},
    {"type": "choice", "question": "Q-charlie", "choices": ["c1", "c2", "c3"], "answer": 2},
    {"type": "choice", "question": "Q-delta", "choices": ["d1", "d2", "d3"], "answer": 0},
    {"type": "choice", "question": "Q-echo", "choices": ["e1", "e2", "e3"], "answer": 1}
  ]
}
EOF2
cat >"$T/config.json" <<'EOF2'
{"shuffle_questions": true, "shuffle_choices": true, "questions_per_game": 3}
EOF2

# --- the same seed, both modes --------------------------------------------------
tq_start -- --config "$T/config.json" --seed 4242 --results "$T/curses.json" \
	"$T/pack.json"
for n in 1 2 3; do
	wait_for "Question $n/3" && keys 1 && wait_for "Enter or Space" && keys Enter
done
wait_for "High scores" && keys q
expect_exit 0 "the full-screen game with --seed ends"
printf '1\n1\n1\n' | "$TQ" --plain --config "$T/config.json" --seed 4242 \
	--results "$T/plain.json" "$T/pack.json" >"$T/plain.out" 2>&1
check "the plain game with the same seed ends with status 0" [ $? -eq 0 ]
_same=$(python3 - "$T/curses.json" "$T/plain.json" <<'EOF2'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
key = lambda d: [(q["question"], q["answer"], q["correct"]) for q in d["questions"]]
print("same" if key(a) == key(b) and len(key(a)) == 3 and a["correct"] == b["correct"]
      else "differ: %r / %r" % (key(a), key(b)))
EOF2
)
check "the same seed asks the same questions, choices and outcomes in both modes" \
	[ "$_same" = same ] || diag "$_same"
printf '1\n1\n1\n' | "$TQ" --plain --config "$T/config.json" --seed 4243 \
	--results "$T/other.json" "$T/pack.json" >/dev/null 2>&1
_diff=$(python3 -c 'import json,sys; a,b=(json.load(open(p)) for p in sys.argv[1:3]); print([q["question"] for q in a["questions"]] != [q["question"] for q in b["questions"]] or [q["answer"] for q in a["questions"]] != [q["answer"] for q in b["questions"]])' "$T/plain.json" "$T/other.json")
check "another seed gives another game" [ "$_diff" = True ]

# --- more time and pause ------------------------------------------------------
cat >"$T/aids.json" <<'EOF2'
{"more_time_seconds": 3, "allow_pause": true, "shuffle_questions": false,
 "shuffle_choices": false}
EOF2
tq_start -- --config "$T/aids.json" --time 2 --results "$T/more.json" \
	"$T/pack.json"
wait_for "+ more time"
t0=$(now_ms)
keys +
expect_screen_re "[34]\.[0-9] s" "+ adds time to the bar"
expect_screen "Time's up" "the extended deadline still ends the question" 7
# After the fact: the end came no sooner than the 2 + 3 s deadline (the
# screen is polled every 50 ms, so it is seen a little after it).
took=$(($(now_ms) - t0))
check "the question ended after the extended 5 s, not the first 2 s ($took ms)" \
	[ "$took" -ge 4000 ]
keys Escape
wait_for "Quit the game?" && keys y
expect_exit 0 "quit after the extended question"
json_check "$T/more.json" "the timeout records the time allowed, 5 s" \
	'q[0]["timed_out"] and q[0]["answer"] is None and q[0]["seconds"] == 5 and q[0]["limit"] == 5'

tq_start -- --config "$T/aids.json" --time 2 "$T/pack.json"
wait_for "Q-alpha"
t0=$(now_ms)
keys p
expect_screen "Paused" "p pauses"
t_paused=$(now_ms)
check "paused, the question is hidden" eval 'capture; ! screen_has "Q-alpha"'
# Stay paused longer than the whole 2 s limit (this test is about time
# passing); the checks below come after the fact.
sleep 2.5
keys p
expect_screen "Q-alpha" "p again shows the question"
t_resumed=$(now_ms)
expect_screen "Time's up" "and its clock runs on to the deadline" 4
t_end=$(now_ms)
# The time before the pause plus the time after it make up the 2 s limit:
# had the clock run while paused, Time's up would come at once.
left=$((t_end - t_resumed))
before=$((t_paused - t0))
check "the clock stood still while paused ($before ms before, $left ms after)" eval \
	'[ "$left" -ge 500 ] && [ "$left" -ge $((2000 - before - 800)) ]'
tq_kill_session

# --- untimed and time scale ---------------------------------------------------
tq_start -- --config "$T/aids.json" --untimed --time 1 "$T/pack.json"
wait_for "Q-alpha"
expect_screen "untimed" "--untimed shows no countdown"
# Answer later than the 1 s limit would allow (time passing is the point):
# the answer still counts, in full.
sleep 1.5
keys 1
expect_screen "+1000 points" \
	"--untimed: a right answer after 1.5 s earns 1000, no time-out, no speed bonus"
tq_kill_session

printf '' | "$TQ" --plain --config "$T/aids.json" --time 4 --time-scale 2.5 \
	"$T/pack.json" >"$T/scale.out" 2>&1
check "--time-scale multiplies the limit (4 s x 2.5 = 10 s)" \
	grep -q '(10 seconds)' "$T/scale.out" || diag_file "$T/scale.out"

finish
