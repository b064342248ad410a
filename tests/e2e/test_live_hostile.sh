#!/bin/sh
# Text the host sends (a pack's question, choices, answer and explanation)
# reaches a full-screen player's terminal as text, never as control bytes:
# a pack full of escape sequences, BEL, C1 controls and a bidi override is
# hosted, and every byte written to the player's terminal is checked.
. "$(dirname "$0")/lib.sh"

if ! command -v script >/dev/null 2>&1; then
	echo "ok 1 # SKIP script(1) is not installed"
	echo "1..1"
	exit 0
fi

python3 - "$T/hostile.json" <<'EOF2'
import json, sys
esc = "\u001b"
d = {"title": "Hostile " + esc + "]0;pwned\u0007 Pack", "questions": [{
    "type": "choice",
    "question": "Red " + esc + "[31mtext" + esc + "[0m and \u202eevil?",
    "choices": ["A" + esc + "[2J", "B\u0007", "C\u009b5m"],
    "answer": "A" + esc + "[2J",
    "explanation": "Expl " + esc + "[5mblink" + esc + "]2;title\u0007."}]}
json.dump(d, open(sys.argv[1], "w"))
EOF2
cat >"$T/config.json" <<'EOF2'
{"shuffle_questions": false, "shuffle_choices": false,
 "live": {"read_seconds": 0.3, "reveal_seconds": 0}}
EOF2

tq_start -- --host --plain --config "$T/config.json" --listen 127.0.0.1:0 \
	--start-when 1 "$T/hostile.json"
HOST=$S
expect_screen "PIN: " "the host of the hostile pack is up" || finish
PIN=$(tm capture-pane -p -J -S -100 -t "$HOST" | sed -n 's/^PIN: \([0-9]*\)$/\1/p' | head -n 1)
ADDR=$(tm capture-pane -p -J -S -100 -t "$HOST" | sed -n 's/^Join with: termquiz --join //p' | head -n 1)

# The player under script(1): its typescript is every byte it wrote.
cat >"$T/player.sh" <<EOF2
export TERM=$(shquote "$PANE_TERM") LANG=C.UTF-8 LC_ALL=C.UTF-8
export HOME=$(shquote "$HOME") XDG_CONFIG_HOME=$(shquote "$XDG_CONFIG_HOME")
export XDG_DATA_HOME=$(shquote "$XDG_DATA_HOME")
export XDG_STATE_HOME=$(shquote "$XDG_STATE_HOME")
script -q -c "$(shquote "$TQ") --join $ADDR --pin $PIN --name ann" $(shquote "$T/ann.bytes")
exec sleep 3600
EOF2
tm new-session -d -s ann -x 80 -y 24 "exec sh $(shquote "$T/player.sh")"
S=ann
expect "the player has the question, its escapes made harmless" \
	screen_has_re "Red .*\[31mtext"
expect "and the choices" screen_has "3  C"
type_text 2
expect "the verdict shows" screen_has "Wrong"
expect "with the explanation" screen_has "blink"
keys q
wait_gone "blink"

python3 - "$T/ann.bytes" >"$T/check.txt" <<'EOF2'
import sys
b = open(sys.argv[1], "rb").read()
bad = {"OSC (ESC ])": b"\x1b]", "BEL": b"\x07", "C1 CSI": b"\xc2\x9b",
       "bidi override": "\u202e".encode(), "blink (ESC [5m)": b"\x1b[5m"}
found = [k for k, v in bad.items() if v in b]
print("bytes=%d found=%s" % (len(b), ",".join(found) or "none"))
EOF2
check "the player's terminal got bytes ($(cat "$T/check.txt"))" \
	grep -q "^bytes=[1-9][0-9]* " "$T/check.txt"
check "and none of them a control from the pack" \
	grep -q "found=none$" "$T/check.txt"
finish
