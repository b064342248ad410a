#!/bin/sh
# Plain (line) mode through pipes: a whole game, end of input midway, a
# timeout with a half-typed line, automatic plain mode without a terminal.
. "$(dirname "$0")/lib.sh"

OUT=$T/out
ERR=$T/err

cat >"$T/pack.json" <<'EOF'
{
  "title": "E2E Plain",
  "time_limit": 15,
  "questions": [
    {"type": "choice", "question": "Capital of Australia?",
     "choices": ["Sydney", "Canberra", "Melbourne", "Perth"],
     "answer": "Canberra"},
    {"type": "truefalse", "question": "The Nile flows north.", "answer": true},
    {"type": "text", "question": "Capital of Iceland?",
     "answer": ["Reykjavík", "Reykjavik"]}
  ]
}
EOF
cat >"$T/timeout.json" <<'EOF'
{
  "title": "E2E Plain Timeout",
  "questions": [
    {"type": "text", "question": "Capital of Iceland?", "answer": "Reykjavík",
     "time_limit": 2},
    {"type": "text", "question": "Capital of Norway?", "answer": "Oslo",
     "time_limit": 15}
  ]
}
EOF
cat >"$T/opentdb.json" <<'EOF'
{"response_code": 0, "results": [
  {"type": "boolean", "difficulty": "easy", "category": "General",
   "question": "&quot;Caf&eacute;&quot; is a French word &amp; it&#039;s common.",
   "correct_answer": "True", "incorrect_answers": ["False"]}
]}
EOF
cat >"$T/config.json" <<'EOF'
{"shuffle_questions": false, "shuffle_choices": false, "feedback_seconds": 0}
EOF

out_has() {
	grep -Eq -- "$1" "$OUT"
}

no_escape() {
	! grep -q "$(printf '\033')" "$OUT" "$ERR"
}

# --- a whole game through a pipe ---
printf '2\nf\n  REYKJAVIK \n' |
	"$TQ" --plain --seed 1 --config "$T/config.json" \
		--results "$T/whole.json" "$T/pack.json" >"$OUT" 2>"$ERR"
RC=$?
expect_rc 0 "a whole game through a pipe exits 0"
check "plain mode asks every question" eval \
	'out_has "Capital of Australia\?" && out_has "The Nile flows north" &&
	 out_has "Capital of Iceland\?"'
check "plain mode mentions the time limit" out_has "15 seconds"
check "plain mode says Correct and Wrong" \
	eval 'out_has "Correct" && out_has "Wrong"'
check "plain mode ends with the score" out_has "[Ss]core [0-9]+ / [0-9]+"
check "plain mode writes no escape sequences" no_escape
if [ -f "$T/whole.json" ]; then
	json_check "$T/whole.json" "plain results: correct 2, wrong 1, finished" \
		'(d["correct"], d["wrong"], d["timed_out"]) == (2, 1, 0) and
		 d.get("finished", True) is True and len(q) == 3'
	json_check "$T/whole.json" "plain results: the answers as given" \
		'q[0]["answer"] == "Canberra" and q[1]["answer"] is False and
		 q[2]["answer"].strip() == "REYKJAVIK" and q[2]["correct"] is True'
	json_check "$T/whole.json" "plain results: right answers score 500..1000+" \
		'all(x["points"] >= 500 for x in q if x["correct"]) and
		 d["score"] == sum(x["points"] for x in q)'
else
	not_ok "plain mode wrote the results file"
fi

# --- time limits: the most specific wins, --time beats all ---
cat >"$T/limits.json" <<'EOF'
{"title": "E2E Limits", "questions": [
  {"type": "truefalse", "question": "Q1?", "answer": true, "time_limit": 4},
  {"type": "truefalse", "question": "Q2?", "answer": true},
  {"type": "choice", "question": "Q3?", "choices": ["a", "b"], "answer": 0}
]}
EOF
cat >"$T/limits-config.json" <<'EOF'
{"shuffle_questions": false, "time_limit": 11, "time_limits": {"truefalse": 6}}
EOF
# Q3 (choice) keeps the documented per-type default, 20 s, which beats
# time_limit.
# limits ARG...: the limits plain mode announces, one per question.
limits() {
	printf 't\nt\n1\n' | "$TQ" --plain --config "$T/limits-config.json" \
		"$@" "$T/limits.json" 2>"$ERR" |
		sed -n 's/^Question [0-9]*\/3 (\([0-9.]*\) seconds).*/\1/p' |
		tr '\n' ' '
}
# expect_limits WANT DESC ARG...
expect_limits() {
	_want=$1
	_desc=$2
	shift 2
	_got=$(limits "$@")
	if [ "$_got" = "$_want" ]; then
		ok "$_desc"
	else
		not_ok "$_desc"
		diag "limits announced: $_got, expected: $_want"
	fi
}
expect_limits "4 6 20 " \
	"question, per-type and global limits apply, most specific first"
expect_limits "7 7 7 " "--time beats every other limit" --time 7
expect_limits "8 12 40 " "--time-scale multiplies every limit" --time-scale 2

# --- end of input midway ---
printf '2\n' |
	"$TQ" --plain --seed 1 --config "$T/config.json" \
		--results "$T/eof.json" "$T/pack.json" >"$OUT" 2>"$ERR"
RC=$?
expect_rc 0 "end of input midway ends the game with status 0"
check "the game stops at the end of input, with a score" \
	out_has "[Ss]core [0-9]+ / [0-9]+"
if [ -f "$T/eof.json" ]; then
	json_check "$T/eof.json" "results of a game cut short: finished false" \
		'd["finished"] is False and len(q) == 1 and
		 q[0]["answer"] == "Canberra" and d["correct"] == 1'
else
	not_ok "a game cut short with an answer writes its results"
fi

# --- a half-typed line when time runs out ---
# The writer types "Reykj" without Enter, lets the 2 s limit pass (this
# test is about time passing), then answers the next question.
{
	printf 'Reykj'
	sleep 3
	printf 'Oslo\n'
} | "$TQ" --plain --config "$T/config.json" --results "$T/timeout-res.json" \
	"$T/timeout.json" >"$OUT" 2>"$ERR"
RC=$?
expect_rc 0 "a plain game with a timeout exits 0"
check "plain mode says time is up" out_has "Time's up"
if [ -f "$T/timeout-res.json" ]; then
	json_check "$T/timeout-res.json" \
		"a half-typed line when time runs out gives answer null" \
		'q[0]["answer"] is None and q[0]["timed_out"] is True and
		 q[0]["seconds"] == 2 and q[0]["points"] == 0'
	json_check "$T/timeout-res.json" \
		"the half-typed line does not leak into the next answer" \
		'q[1]["answer"] == "Oslo" and q[1]["correct"] is True'
else
	not_ok "a plain game with a timeout writes its results"
fi

# --- automatic plain mode when stdin and stdout are not a terminal ---
printf '2\nt\nreykjavik\n' |
	"$TQ" --seed 1 --config "$T/config.json" --results "$T/auto.json" \
		"$T/pack.json" >"$OUT" 2>"$ERR"
RC=$?
expect_rc 0 "without a terminal the game plays in plain mode"
check "automatic plain mode writes no escape sequences" no_escape
if [ -f "$T/auto.json" ]; then
	json_check "$T/auto.json" "automatic plain mode: all three right" \
		'd["correct"] == 3'
else
	not_ok "automatic plain mode wrote the results file"
fi

# --- an Open Trivia Database file plays, entities decoded ---
printf 't\n' | "$TQ" --plain "$T/opentdb.json" >"$OUT" 2>"$ERR"
RC=$?
expect_rc 0 "an Open Trivia Database file plays"
check "its HTML entities are decoded" \
	out_has "\"Café\" is a French word & it's common\\."
check "its category and difficulty are shown" out_has "\\[General, easy\\]"

finish
