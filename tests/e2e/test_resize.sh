#!/bin/sh
# Resizing mid-question redraws at once, says when the terminal is too
# small, comes back when it grows, and never moves the deadline.
. "$(dirname "$0")/lib.sh"

LIMIT=5
cat >"$T/pack.json" <<EOF
{
  "title": "E2E Resize",
  "questions": [
    {"type": "choice", "question": "Capital of Australia?",
     "choices": ["Sydney", "Canberra", "Melbourne", "Perth"],
     "answer": "Canberra", "time_limit": $LIMIT}
  ]
}
EOF
cat >"$T/config.json" <<'EOF'
{"shuffle_questions": false, "shuffle_choices": false, "feedback_seconds": 0}
EOF
RES=$T/results.json

# The header fills the first row, ending one column from the right edge.
_header_width_is() {
	[ "$(printf '%s\n' "$SCREEN" | sed -n 1p | awk '{ print length($0) }')" \
		-eq "$1" ]
}

resize() {
	tm resize-window -t "$S" -x "$1" -y "$2"
}

play() {
	tq_start --config "$T/config.json" --results "$RES" "$T/pack.json"
	expect_screen "Capital of Australia?" "the question is shown" ||
		return 1
	# The clock started when the question appeared: at most one poll ago.
	t0=$(now_ms)
	expect "the question is laid out for 80 columns" _header_width_is 79

	resize 100 30
	if wait_until "$WAIT" _header_width_is 99; then
		ok "after growing to 100x30 the screen is redrawn at the new width"
	else
		not_ok "after growing to 100x30 the screen is redrawn at the new width"
		diag_screen
	fi
	expect "the question is still shown at 100x30" \
		screen_has "Capital of Australia?"

	resize 30 8
	expect_screen "too small" "at 30x8 the game says the terminal is too small"

	# Stay small for a while (this test is about time passing): were a
	# resize to restart the clock, the timeout would come late enough to
	# tell.
	sleep 2.5
	resize 80 24
	wait_gone "too small"
	expect_screen "Capital of Australia?" \
		"back at 80x24 the question is shown again" || return 1
	expect "the choices are back too" screen_has "2  Canberra"
	t_resized=$(now_ms)

	expect_screen "Time's up" "the question times out after the resizes" \
		$((LIMIT + WAIT)) || return 1
	t1=$(now_ms)
	took=$((t1 - t0))
	diag "question seen at 0 ms, back to 80x24 at $((t_resized - t0)) ms, Time's up seen at $took ms (limit ${LIMIT}000 ms)"
	# Lenient bounds: polling adds a few tenths either way.  A clock
	# restarted by the last resize, or stopped while the terminal was too
	# small, would give at least limit + 2.5 s.
	if [ "$took" -ge $((LIMIT * 1000 - 300)) ]; then
		ok "the timeout does not come before the limit"
	else
		not_ok "the timeout does not come before the limit"
	fi
	if [ "$took" -le $((LIMIT * 1000 + 2300)) ]; then
		ok "the timeout comes on time: resizing kept the deadline"
	else
		not_ok "the timeout comes on time: resizing kept the deadline"
	fi

	keys Enter
	expect_screen_re 'Score [0-9]+ / [0-9]+' "the score screen is shown" ||
		return 1
	keys q
	expect_exit 0 "the game ends with status 0"
}

# A terminal too small from the start says so, and the game begins when
# it grows.
start_small() {
	tq_start -x 30 -y 8 --config "$T/config.json" "$T/pack.json"
	expect_screen "too small" "started at 30x8 the game says it is too small" ||
		return 1
	resize 80 24
	expect_screen "Capital of Australia?" \
		"grown to 80x24 the question is shown" || return 1
	type_text 2
	expect_screen "Correct!" "the question can then be answered"
	tq_kill_session
}

play
start_small

if [ -f "$RES" ]; then
	json_check "$RES" "results: the timed-out question took exactly its limit" \
		"q[0]['answer'] is None and q[0]['timed_out'] is True and
		 q[0]['seconds'] == $LIMIT"
else
	not_ok "--results wrote the results file"
fi

finish
