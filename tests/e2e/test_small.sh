#!/bin/sh
# Small terminals: the too-small message wraps and says the size needed
# (20x6); the header shortens by priority at 40 columns; the score screen
# works at 40x12; the quit box leaves the choices visible at 50x16; footers
# are shortened by whole items, never cut mid-word.
. "$(dirname "$0")/lib.sh"

cat >"$T/pack.json" <<'EOF'
{"title": "A Rather Long Pack Title For Small Screens", "questions": [
  {"type": "choice", "question": "Which planet is closest to the Sun?",
   "choices": ["Venus", "Mercury", "Mars", "Earth"], "answer": "Mercury"},
  {"type": "truefalse", "question": "Venus is hotter than Mercury.",
   "answer": true}
]}
EOF
cat >"$T/config.json" <<'EOF'
{"shuffle_questions": false, "shuffle_choices": false, "feedback_seconds": 0}
EOF

# no_cut_footer: the last row ends with a whole word (no … or ~).
no_cut_footer() {
	! printf '%s\n' "$SCREEN" | sed -n '$p' | grep -q '[…~] *$'
}

tq_start -x 20 -y 6 -- --config "$T/config.json" "$T/pack.json"
expect "at 20x6 the too-small message says the size needed" \
	eval 'printf "%s\n" "$SCREEN" | tr -s " \n" " " | grep -q "need 40x"'
expect "at 20x6 the message is wrapped, not cut" screen_has "go on."
tq_kill_session

tq_start -x 40 -y 12 -- --config "$T/config.json" --results "$T/r.json" \
	"$T/pack.json"
expect_screen "closest to" "at 40x12 the question shows"
expect "at 40x12 the header keeps the question number and the score" \
	eval 'printf "%s\n" "$SCREEN" | sed -n 1p | grep -q "Question 1/2   Score 0"'
expect "at 40x12 the footer is cut by whole items" no_cut_footer
keys 2
wait_for "Correct!"
keys Enter
wait_for "Venus is hotter"
keys f
wait_for "Wrong"
keys Enter
expect_screen "Score " "at 40x12 the score screen is shown, not too small"
expect "at 40x12 the score rows show, marked" screen_has_re '^ +1 ✔ Which planet'
expect "at 40x12 the score footer is cut by whole items" no_cut_footer
keys q
expect_exit 0 "the game at 40x12 ends with status 0"

cat >"$T/explain.json" <<'EOF'
{"title": "Explained", "questions": [
  {"type": "truefalse", "question": "Venus is hotter than Mercury.",
   "answer": true, "explanation": "Venus is nearly twice as far from the Sun, but its thick carbon dioxide atmosphere traps heat, keeping the surface around 465 degrees. Mercury has almost no atmosphere, so its night side freezes. FINAL-WORDS."}
]}
EOF
tq_start -x 40 -y 12 -- --config "$T/config.json" "$T/explain.json"
wait_for "Venus is hotter"
keys t
expect_screen "Correct!" "at 40x12 the feedback shows"
expect "an explanation that does not fit says more ↓" \
	eval 'printf "%s\n" "$SCREEN" | grep -q "more ↓"'
expect "the footer is not drawn over the answer rows" \
	eval '! printf "%s\n" "$SCREEN" | sed -n "\$p" | grep -q "answer"'
keys j j j j j j
expect "j scrolls the explanation to its end" screen_has "FINAL-WORDS."
tq_kill_session

tq_start -x 50 -y 16 -- --config "$T/config.json" "$T/pack.json"
wait_for "4  Earth"
keys Escape
expect_screen "Quit the game? y/n" "at 50x16 Esc asks"
expect "at 50x16 the quit box leaves every choice visible" \
	eval 'screen_has "1  Venus" && screen_has "4  Earth"'
keys n
tq_kill_session

finish
