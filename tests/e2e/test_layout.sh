#!/bin/sh
# The layout at every size: at 40 columns choices and answers wrap (a
# choice over several rows, the selection marking each, the number keys as
# before) and what does not fit says "more ↓" and scrolls; a three-line
# question plays at 40x12 with the bar in view; a game plays at 40x8
# (too small only when nothing usable fits); footers keep their keys;
# at 200x60 the screens sit in a frame of at most 100 columns in the
# middle, the bar right under the choices.
. "$(dirname "$0")/lib.sh"

cat >"$T/pack.json" <<'EOF'
{"title": "Layout", "questions": [
 {"type": "choice", "question": "Which of these best explains why Earth has seasons as it goes around the Sun?",
  "choices": ["Earth's changing distance from the Sun over the year",
   "The tilt of Earth's axis relative to its orbit around the Sun",
   "The Sun's own output rising and falling every six months",
   "Clouds covering one hemisphere for END-OF-FOUR"], "answer": 1,
  "explanation": "Earth's axis is tilted about 23.4 degrees, so through the year each hemisphere leans towards the Sun and then away from it. EXPLAINED."},
 {"type": "truefalse", "question": "Venus is hotter than Mercury.", "answer": true}
]}
EOF
cat >"$T/config.json" <<'EOF'
{"shuffle_questions": false, "shuffle_choices": false, "feedback_seconds": 0,
 "time_limit": 60, "time_limits": {"choice": 60, "truefalse": 60, "text": 60}}
EOF

# rows_with TEXT: the 1-based rows of $SCREEN holding TEXT.
rows_with() {
	printf '%s\n' "$SCREEN" | grep -n -F -- "$1" | cut -d: -f1
}

# no_cut_row TEXT: the row holding TEXT does not end in "…".
no_cut_row() {
	printf '%s\n' "$SCREEN" | grep -F -- "$1" | grep -qv '…'
}

# --- 40x12: a three-line question and choices of two and three rows ---------
tq_start -x 40 -y 12 -- --config "$T/config.json" --results "$T/r.json" \
	"$T/pack.json"
expect_screen "around the Sun?" "at 40x12 a three-line question plays"
expect "it is not the too-small message" _screen_lacks "too small"
expect "the first choice wraps instead of being cut" \
	eval 'screen_has "changing distance" && screen_has "from the Sun over the"'
expect "no choice row is cut with …" \
	eval '! printf "%s\n" "$SCREEN" | sed -n "3,10p" | grep -q "…"'
expect "choices that do not fit say more ↓" screen_has "more ↓"
expect "the bar and its seconds are in view" screen_has_re ' [0-9]+ s( !)?$'
expect "the footer keeps the answer keys" screen_has_re '^ 1-4 answer'
keys j
expect "the selection marks every row of a wrapped choice" \
	eval 'printf "%s\n" "$SCREEN" | grep -q "▸ 2  The tilt" &&
	      printf "%s\n" "$SCREEN" | grep -q "│ *relative to its orbit"'
keys j j
expect "moving down scrolls the choices into view" \
	eval 'screen_has "END-OF-FOUR" && screen_has "more ↑"'
keys 2
expect_screen "Correct!" "number keys pick as before (2: the tilt)"
expect "the feedback footer keeps Enter at 40 columns" \
	eval 'printf "%s\n" "$SCREEN" | sed -n "\$p" | grep -q "Enter"'
expect "the correct answer wraps under its label, whole" \
	eval 'screen_has "Correct answer:" && screen_has "relative to its orbit"'
keys j j j j j j j j
expect "the explanation scrolls into view with j" screen_has "EXPLAINED."
keys Enter
expect_screen "Venus is hotter" "the next question"
keys t
wait_for "Correct!"
keys Enter
expect_screen_re 'Score [0-9]+ / [0-9]+' "the score screen at 40x12"
expect "its footer keeps play again" screen_has "Enter again"
keys q
expect_exit 0 "the game at 40x12 ends with status 0"
json_check "$T/r.json" "the answers were the ones picked" \
	'[x["answer"] for x in q] == ["The tilt of Earth\u0027s axis relative to its orbit around the Sun", True]'

# --- a long text question at 40x12: it scrolls, the field stays -------------
cat >"$T/text.json" <<'EOF2'
{"title": "Long text", "questions": [
 {"type": "text", "question": "Which city, the capital of a Nordic island nation on the Mid-Atlantic Ridge known for geothermal heating, hot springs and long summer days, is the northernmost capital of a sovereign state, and hosted the 1986 summit between Reagan and Gorbachev at HOFDI-HOUSE?",
  "answer": ["Reykjavík", "Reykjavik"]}
]}
EOF2
tq_start -x 40 -y 12 -- --config "$T/config.json" "$T/text.json"
expect_screen "Which city" "at 40x12 a ten-line text question plays"
expect "its rest says more ↓ and the keys, the field in view" \
	eval 'screen_has "more ↓ · ↑↓ scroll" && screen_has "Your answer:" &&
	      _screen_lacks "HOFDI-HOUSE"'
keys Down Down Down Down Down
expect "Down scrolls the question to its end" screen_has "HOFDI-HOUSE"
type_text "Reykjavik"
keys Enter
expect_screen "Correct!" "the field still takes the answer"
tq_kill_session

# --- too small only when nothing usable fits -----------------------------------
# The header, one whole choice (three rows here), more ↓, the bar, the
# footer: 8 rows.
tq_start -x 40 -y 8 -- --config "$T/config.json" "$T/pack.json"
expect_screen "more ↓" "at 40x8 the question plays, scrolled"
expect "not the too-small message" _screen_lacks "too small"
keys 2
expect_screen "Correct!" "at 40x8 the feedback shows too"
expect "it scrolls rather than saying too small" \
	eval 'screen_has "more ↓" && _screen_lacks "too small"'
keys Enter
wait_for "Venus is hotter"
keys t
wait_for "Correct!"
keys Enter
expect_screen_re 'Score [0-9]+ / [0-9]+' "at 40x8 the score screen shows"
expect "with its rows" screen_has_re '^ +1 ✔ Which of these'
tq_kill_session
tq_start -x 40 -y 7 -- --config "$T/config.json" "$T/pack.json"
expect_screen "need 40x8" "at 40x7 it says the size needed"
tq_kill_session
tq_start -x 39 -y 12 -- --config "$T/config.json" "$T/pack.json"
expect_screen_re "too small.*need 40x" "at 39 columns it says the size needed"
tq_kill_session

# --- 200x60: a frame of at most 100 columns in the middle ----------------------
tq_start -x 200 -y 60 -- --config "$T/config.json" "$T/pack.json"
expect_screen "Which of these" "at 200x60 the question shows"
# span: the first non-blank column of any row (1-based) and the widest
# stretch of a row from its first to its last non-blank character.
span() {
	printf '%s\n' "$SCREEN" | python3 -c '
import sys
rows = [r.rstrip() for r in sys.stdin.read().split("\n") if r.strip()]
first = min(len(r) - len(r.lstrip()) for r in rows) + 1
print(first, max(len(r.strip()) for r in rows))'
}
# framed: the content starts past column 45 and spans at most 100.
framed() {
	_sp=$(span)
	[ "${_sp% *}" -ge 45 ] && [ "${_sp#* }" -le 100 ]
}
expect "the content is at most 100 columns wide, centred" framed
expect "the question is not one 125-column line: it sits in the frame" \
	eval 'q=$(rows_with "Which of these"); [ "$q" -ge 10 ]'
bar_under() {
	last=$(rows_with "END-OF-FOUR")
	bar=$(printf '%s\n' "$SCREEN" | grep -n -E ' [0-9]+ s( !)?$' | cut -d: -f1)
	[ -n "$last" ] && [ -n "$bar" ] && [ "$bar" -gt "$last" ] &&
		[ $((bar - last)) -le 2 ]
}
expect "the bar is right under the choices" bar_under
keys 2
expect_screen "Correct!" "the feedback at 200x60"
expect "the feedback sits in the frame too" framed
keys Escape
expect_screen "Quit the game? y/n" "Esc asks, at 200x60"
keys y
expect_exit 0 "quitting at 200x60 ends with status 0"

finish
