#!/bin/sh
# The history: two games then --stats shows both; the score screen's high
# scores and "New best!"; --review asks the once-missed question first; a data
# folder that cannot be made, and a damaged database, never stop a game.
. "$(dirname "$0")/lib.sh"

cat >"$T/pack.json" <<'EOF2'
{
  "title": "E2E History",
  "time_limit": 30,
  "questions": [
    {"type": "choice", "question": "Capital of Australia?",
     "choices": ["Sydney", "Canberra"], "answer": "Canberra"},
    {"type": "choice", "question": "Capital of Canada?",
     "choices": ["Toronto", "Ottawa"], "answer": "Ottawa"}
  ]
}
EOF2
cat >"$T/config.json" <<'EOF2'
{"shuffle_questions": false, "shuffle_choices": false,
 "questions_per_game": 0, "player": "tester"}
EOF2

# play KEY1 KEY2: a curses game answering with these keys, up to the score.
play() {
	tq_start -- --config "$T/config.json" "$T/pack.json"
	wait_for "Capital of Australia?" || return 1
	keys "$1"
	wait_for "Enter or Space" || return 1
	keys Enter
	wait_for "Capital of Canada?" || return 1
	keys "$2"
	wait_for "Enter or Space" || return 1
	keys Enter
	wait_for "High scores"
}

play 2 1   # right, wrong
expect_screen "First score on this pack!" "the first game is the first score"
expect_screen "<- this game" "the high-score table marks this game"
keys q
expect_exit 0 "the first game ends with status 0"

play 2 2   # right, right
expect_screen "New best!" "a better second game says New best!"
expect_screen_re "^ +2\. tester " "the table holds both games"
keys q
expect_exit 0 "the second game ends with status 0"

"$TQ" --config "$T/config.json" --stats >"$T/stats.txt" 2>&1
check "--stats exits 0" [ $? -eq 0 ]
check "--stats shows the pack with 2 games" \
	grep -Eq '^E2E History +2 ' "$T/stats.txt" || diag_file "$T/stats.txt"
"$TQ" --config "$T/config.json" --stats --json "$T/pack.json" >"$T/stats.json"
json_check "$T/stats.json" "--stats --json: 2 games, 75% accuracy" \
	'd[0]["games"] == 2 and d[0]["accuracy"] == 0.75 and d[0]["best"] > 0'

printf '2\n2\n' | "$TQ" --config "$T/config.json" --review "$T/pack.json" \
	>"$T/review.txt" 2>&1
check "--review asks the missed question first" \
	grep -q 'Question 1/2.*Capital of Canada' "$T/review.txt" ||
	diag_file "$T/review.txt"

# A data folder that cannot be made: XDG_DATA_HOME under a plain file.
printf 'x' >"$T/file"
printf '2\n2\n' | XDG_DATA_HOME="$T/file/data" "$TQ" --config "$T/config.json" \
	--results "$T/nodata.json" "$T/pack.json" >"$T/nodata.out" 2>"$T/nodata.err"
check "without a data folder the game still plays and exits 0" [ $? -eq 0 ]
json_check "$T/nodata.json" "without a data folder the results are written" \
	'd["correct"] == 2 and d["finished"]'
check "without a data folder it warns once" \
	[ "$(grep -c 'history not kept' "$T/nodata.err")" -eq 1 ] ||
	diag_file "$T/nodata.err"

# The same in the full-screen game: the score screen says so.
tq_start -e "XDG_DATA_HOME=$T/file/data" -- --config "$T/config.json" \
	"$T/pack.json"
wait_for "Capital of Australia?" && keys 2 && wait_for "Enter or Space" &&
	keys Enter && wait_for "Capital of Canada?" && keys 2 &&
	wait_for "Enter or Space" && keys Enter
expect_screen "history not kept" "the score screen says the game was not kept"
keys q
expect_exit 0 "and the game ends normally"

# A damaged database is moved aside and a new one started.
mkdir -p "$T/bad/termquiz"
printf 'this is not an SQLite database at all, just some text to trip it up..' \
	>"$T/bad/termquiz/history.db"
printf '2\n2\n' | XDG_DATA_HOME="$T/bad" "$TQ" --config "$T/config.json" \
	"$T/pack.json" >/dev/null 2>"$T/bad.err"
check "a damaged database is reported" grep -q 'damaged' "$T/bad.err" ||
	diag_file "$T/bad.err"
check "and moved aside" [ -f "$T/bad/termquiz/history.db.corrupt-1" ]
XDG_DATA_HOME="$T/bad" "$TQ" --config "$T/config.json" --stats --json \
	>"$T/bad-stats.json"
json_check "$T/bad-stats.json" "and the new one holds the game" \
	'len(d) == 1 and d[0]["games"] == 1'

finish
