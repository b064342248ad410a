#!/bin/sh
# A history.db locked by another program (issue #10): the score screen comes
# at once (it froze for 10 s), the game is saved once the lock goes (the
# failure used to stick), and SIGTERM acts at once (it took 9 s).
. "$(dirname "$0")/lib.sh"

cat >"$T/pack.json" <<'EOF'
{"title": "E2E Lock", "time_limit": 60, "questions": [
  {"type": "choice", "question": "Capital of Australia?",
   "choices": ["Sydney", "Canberra"], "answer": "Canberra"}]}
EOF
cat >"$T/config.json" <<'EOF'
{"shuffle_questions": false, "shuffle_choices": false, "player": "tester"}
EOF
DB=$XDG_DATA_HOME/termquiz/history.db

games() {
	sqlite3 "$DB" "SELECT COUNT(*) FROM games" 2>/dev/null
}

# lock: another program takes the write lock and keeps it ($LOCKER).
lock() {
	rm -f "$T/locked"
	python3 -c '
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
c.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
time.sleep(120)' "$DB" "$T/locked" &
	LOCKER=$!
	_end=$(($(now_ms) + 5000))
	while [ ! -f "$T/locked" ] && [ "$(now_ms)" -lt "$_end" ]; do
		sleep 0.05
	done
}

unlock() {
	kill "$LOCKER" 2>/dev/null
	wait "$LOCKER" 2>/dev/null
}

# The history exists, with one game.
printf '2\n' | "$TQ" --plain --config "$T/config.json" "$T/pack.json" \
	>/dev/null 2>&1
check "a first game is in the history" [ "$(games)" = 1 ]

lock
check "another program holds the write lock" test -f "$T/locked"
tq_start -- --config "$T/config.json" "$T/pack.json"
wait_for "Capital of Australia?"
keys 2
wait_for "Enter or Space"
t0=$(now_ms)
keys Enter
wait_for "Accuracy"
took=$(($(now_ms) - t0))
diag "the score screen came $took ms after the game ended (it took 10 s)"
check "the score screen is not held up by the lock" [ "$took" -lt 3000 ]
check "the game is not in the history while locked" [ "$(games)" = 1 ]
# Held longer than the 10 s a save used to wait: that failure stuck.
while [ $(($(now_ms) - t0)) -lt 11000 ]; do
	sleep 0.2
done
unlock
expect_screen "High scores" "once the lock goes the game is saved, while the \
score screen waits, and its high scores appear"
check "the history holds both games" [ "$(games)" = 2 ]
keys q
expect_exit 0 "the game ends with status 0"

lock
tq_start -- --config "$T/config.json" "$T/pack.json"
wait_for "Capital of Australia?"
keys 2
wait_for "Enter or Space"
# The game ends and is saved, on its way out if the signal comes first.
keys Enter
t0=$(now_ms)
kill -TERM "$(tq_pid)"
expect_exit 143 "SIGTERM with the history locked ends the game"
took=$(($(now_ms) - t0))
diag "SIGTERM acted after $took ms (it took 9 s)"
check "SIGTERM acts at once" [ "$took" -lt 3000 ]
expect_terminal_restored "the terminal is restored"
unlock

finish
