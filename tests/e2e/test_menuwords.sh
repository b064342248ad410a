#!/bin/sh
# The menu's words: "1 question", a count for "All packs together", a line
# saying why when the digit of a broken pack is pressed, the menu's own
# header after m.
. "$(dirname "$0")/lib.sh"

BUNDLED=$(dirname "$TQ")/assets/packs
USER_PACKS=$XDG_DATA_HOME/termquiz/packs
mkdir -p "$USER_PACKS"
cat >"$USER_PACKS/a-one.json" <<'EOF'
{"title": "A One Question Pack", "questions": [
  {"type": "truefalse", "question": "Water is wet.", "answer": true}
]}
EOF
cat >"$USER_PACKS/b-broken.json" <<'EOF'
{"title": "Broken", "questions": [ {"type": "truefalse" "question": "x"} ]}
EOF
total=$(python3 - "$BUNDLED" "$USER_PACKS/a-one.json" <<'EOF'
import glob, json, os, sys
n = sum(len(json.load(open(p))["questions"])
        for p in glob.glob(os.path.join(sys.argv[1], "*.json")))
print(n + 1)
EOF
)
cat >"$T/config.json" <<'EOF'
{"feedback_seconds": 0}
EOF

tq_start -x 80 -y 30 -- --config "$T/config.json"
expect_screen "A One Question Pack" "the menu lists the user's packs"
expect "a pack of one question says 1 question" \
	screen_has_re 'A One Question Pack +1 question *$'
expect "All packs together says how many questions" \
	screen_has_re "All packs together +$total questions"
n=$(printf '%s\n' "$SCREEN" | grep -F "cannot load" | sed -n 's/^[^0-9]*\([1-9]\) .*/\1/p' | head -n 1)
keys "$n"
expect "the digit of a broken pack says in one line it cannot be played" \
	screen_has "Pack $n cannot be played:"
one=$(printf '%s\n' "$SCREEN" | grep -F "A One Question Pack" | sed -n 's/^[^0-9]*\([1-9]\) .*/\1/p')
keys "$one"
wait_for "Water is wet."
keys t
wait_for "Correct!"
keys Enter
wait_for "final score"
keys m
expect "after m the menu has its own header, not the game's" \
	eval 'printf "%s\n" "$SCREEN" | sed -n 1p | grep -q "^ termquiz .*choose a pack"'
tq_kill_session

finish
