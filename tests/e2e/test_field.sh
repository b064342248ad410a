#!/bin/sh
# The text field: a bad byte (a non-UTF-8 locale, or a stray byte) is
# dropped and every key after it still works; Ctrl-U clears, Ctrl-W deletes
# a word, Ctrl-K to the end, Ctrl-A/Ctrl-E; a leading "…" when the text
# scrolls off the left.
. "$(dirname "$0")/lib.sh"

cat >"$T/pack.json" <<'EOF'
{"title": "E2E Field", "questions": [
  {"type": "text", "question": "Type it.", "answer": "abc", "time_limit": 60}
]}
EOF
cat >"$T/config.json" <<'EOF'
{"feedback_seconds": 0}
EOF

# typed_is RESULTS WANT: the answer recorded.
answer_is() {
	json_check "$1" "$2" "q[0][\"answer\"] == $3"
}

# --- LC_ALL=C: "aíbc" then Enter ---
tq_start -e LC_ALL=C -e LANG=C -- --config "$T/config.json" \
	--results "$T/c.json" "$T/pack.json"
wait_for "Type it."
type_text "aíbc"
expect_screen "abc" "in the C locale the keys after a non-ASCII one still show"
keys Enter
expect_screen "Correct!" "in the C locale Enter still submits after a bad byte"
keys Enter
wait_for "final score"
keys q
wait_exit
answer_is "$T/c.json" "the bad bytes are dropped: abc was sent" '"abc"'

# --- UTF-8: a stray byte ---
tq_start -- --config "$T/config.json" --results "$T/u.json" "$T/pack.json"
wait_for "Type it."
type_text "a"
tm send-keys -t "$S" -H ff
type_text "bc"
expect_screen "abc" "after a stray byte the keys still show"
keys Enter
expect_screen "Correct!" "after a stray byte Enter still submits"
keys Enter
wait_for "final score"
keys q
wait_exit
answer_is "$T/u.json" "the stray byte is dropped" '"abc"'

# --- the editing keys ---
tq_start -- --config "$T/config.json" --results "$T/k.json" "$T/pack.json"
wait_for "Type it."
type_text "one two three"
keys C-w
expect "Ctrl-W deletes the word before the cursor" \
	eval 'screen_has "one two" && ! screen_has "three"'
keys C-a
keys C-k
expect "Ctrl-A then Ctrl-K clears to the end" eval '! screen_has "one two"'
type_text "xyz"
keys Left
keys C-u
expect "Ctrl-U clears the whole field" eval '! screen_has "xy"'
type_text "bc"
keys C-a
type_text "a"
keys C-e
keys Enter
expect_screen "Correct!" "Ctrl-U, Ctrl-A, Ctrl-E and Ctrl-K edit as documented"
keys Enter
wait_for "final score"
keys q
wait_exit
answer_is "$T/k.json" "the edited text was sent" '"abc"'

# --- a leading ellipsis when the text scrolls off the left ---
tq_start -x 40 -y 12 -- --config "$T/config.json" "$T/pack.json"
wait_for "Type it."
type_text "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ"
expect "text scrolled off the left starts with …" \
	screen_has_re '…[A-Za-z0-9]+'
tq_kill_session

finish
