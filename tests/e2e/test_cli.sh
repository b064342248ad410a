#!/bin/sh
# The command line: --help, --version, exit statuses, errors on stderr
# before any screen, --check.  Mostly without a terminal; one run in tmux
# to see that a broken pack never takes the screen over.
. "$(dirname "$0")/lib.sh"

BUNDLED=$(dirname "$TQ")/assets/packs
OUT=$T/out
ERR=$T/err

# run ARG...: termquiz without a terminal; $RC, $OUT, $ERR.
run() {
	"$TQ" "$@" >"$OUT" 2>"$ERR" </dev/null
	RC=$?
}

# file_has FILE ERE: a line of FILE matches ERE.
file_has() {
	grep -Eq -- "$2" "$1"
}

has_no_escape() {
	! grep -q "$(printf '\033')" "$1"
}

cat >"$T/good.json" <<'EOF'
{"title": "E2E Good", "questions": [
  {"type": "truefalse", "question": "Water is wet.", "answer": true}
]}
EOF
# Line 3 lacks the comma after "truefalse".
cat >"$T/broken.json" <<'EOF'
{
  "title": "E2E Broken",
  "questions": [{"type": "truefalse" "question": "Valid?", "answer": true}]
}
EOF
# Valid JSON, four errors on lines 4 to 7, one warning on line 8.
cat >"$T/invalid.json" <<'EOF'
{
  "title": "E2E Invalid",
  "questions": [
    {"type": "choice", "question": "Q1?", "choices": ["a", "b"], "answer": "c"},
    {"type": "truefalse", "question": "Q2?", "answer": "yes"},
    {"type": "text", "question": "Q3?"},
    {"type": "choice", "question": "Q4?", "choices": ["only"], "answer": 0},
    {"type": "truefalse", "question": "Q5?", "answer": true, "colour": 1}
  ]
}
EOF
cat >"$T/warning.json" <<'EOF'
{"title": "E2E Warning", "colour": "blue", "questions": [
  {"type": "truefalse", "question": "Water is wet.", "answer": true}
]}
EOF
cat >"$T/bad-config.json" <<'EOF'
{
  "time_limit": -5,
  "shuffle_questions": "yes"
}
EOF

# --- --help and --version ---
run --help
expect_rc 0 "--help exits 0"
missing=
for opt in --config --time --count --seed --results --check --plain \
	--time-scale --untimed --stats --review --version --help; do
	# The option itself, not a longer one (--time vs --time-scale).
	grep -Eq -- "(^|[^a-z-])$opt([^a-z-]|\$)" "$OUT" ||
		missing="$missing $opt"
done
if [ -z "$missing" ]; then
	ok "--help lists every option of the contract"
else
	not_ok "--help lists every option of the contract"
	diag "missing:$missing"
fi
check "--help writes to stdout, nothing to stderr" test ! -s "$ERR"

run -h
expect_rc 0 "-h exits 0"
check "-h prints the help on stdout" eval \
	'file_has "$OUT" "^usage: termquiz" && test ! -s "$ERR"'

run --version
expect_rc 0 "--version exits 0"
check "--version prints a version number" file_has "$OUT" '[0-9]+\.[0-9]+'

# --- bad command lines: status 2, a message on stderr, nothing on stdout ---
bad_usage() { # DESC ARG...
	_desc=$1
	shift
	run "$@" "$T/good.json"
	expect_rc 2 "$_desc exits 2" &&
		check "$_desc: a message on stderr only" \
			eval 'test -s "$ERR" && test ! -s "$OUT"'
}
bad_usage "an unknown option" --no-such-option
bad_usage "--count abc" --count abc
bad_usage "--count -1" --count -1
bad_usage "--json without --stats" --json
check "--json without --stats says it goes with --stats" \
	file_has "$ERR" "^termquiz: --json goes with --stats"
# getopt's own complaints, said like every other message.
for args in "--no-such-option" "-x" "--plain=1" "--count"; do
	# shellcheck disable=SC2086 # split on purpose
	run $args
	expect_rc 2 "$args exits 2" &&
		check "$args: the message starts 'termquiz:' and names it" \
			eval 'file_has "$ERR" "^termquiz: .*'"'$args'"'"'
done
printf '' | "$TQ" --plain --count 0 "$BUNDLED/space.json" >"$OUT" 2>"$ERR"
RC=$?
expect_rc 0 "--count 0 is accepted"
check "--count 0 plays every question" file_has "$OUT" \
	"^Space & Astronomy: 30 questions"
bad_usage "--time -1" --time -1
bad_usage "--seed x" --seed x
run "$T/good.json" --results
expect_rc 2 "--results without a file exits 2"
run --check
expect_rc 2 "--check without a pack exits 2"

# --- broken packs and configs: status 1, FILE:LINE:COL: on stderr ---
run "$T/broken.json"
expect_rc 1 "a pack with a JSON syntax error exits 1"
check "the syntax error is reported as FILE:LINE:COL: on stderr" \
	file_has "$ERR" "^$T/broken\\.json:3:[0-9]+: "
check "nothing on stdout for a broken pack" test ! -s "$OUT"
check "no escape sequences are written for a broken pack" \
	eval 'has_no_escape "$OUT" && has_no_escape "$ERR"'

run "$T/no-such-pack.json"
expect_rc 1 "a missing pack file exits 1"
check "the missing file is named on stderr" \
	file_has "$ERR" "no-such-pack\\.json"

run --config "$T/bad-config.json" "$T/good.json"
expect_rc 1 "a config with bad values exits 1"
check "each bad config value is reported with FILE:LINE:COL:" \
	eval 'file_has "$ERR" "bad-config\\.json:2:[0-9]+: " &&
	      file_has "$ERR" "bad-config\\.json:3:[0-9]+: "'

# --- --check ---
run --check "$BUNDLED"/*.json
expect_rc 0 "--check on every bundled pack exits 0"
check "--check on the bundled packs reports no error" \
	eval '! grep -q "error" "$OUT"'

run --check "$T/good.json" "$T/warning.json"
expect_rc 0 "--check: warnings (unknown keys) are not errors"
cat "$OUT" "$ERR" >"$T/check.txt"
check "--check reports the unknown key as FILE:LINE:COL:" \
	file_has "$T/check.txt" "warning\\.json:1:[0-9]+: .*colour"

run --check "$T/invalid.json" "$T/broken.json" "$T/good.json"
expect_rc 1 "--check on broken packs exits 1"
cat "$OUT" "$ERR" >"$T/check.txt"
missing=
for line in 4 5 6 7; do
	file_has "$T/check.txt" "^$T/invalid\\.json:$line:[0-9]+: " ||
		missing="$missing invalid.json:$line"
done
file_has "$T/check.txt" "^$T/broken\\.json:3:[0-9]+: " ||
	missing="$missing broken.json:3"
if [ -z "$missing" ]; then
	ok "--check lists every problem of every pack as FILE:LINE:COL:"
else
	not_ok "--check lists every problem of every pack as FILE:LINE:COL:"
	diag "not reported:$missing"
	diag_file "$T/check.txt"
fi
check "--check also reports the warning" \
	file_has "$T/check.txt" "^$T/invalid\\.json:8:[0-9]+: .*colour"

# --- in a terminal, a broken pack leaves the screen alone ---
tq_start "$T/broken.json"
if expect_exit 1 "in a terminal, a broken pack exits 1"; then
	capture
	# The wrapper printed "[termquiz starting]" first; the error must
	# follow it on the normal screen, which must not have been cleared.
	if printf '%s\n' "$SCREEN" | sed -n '/\[termquiz starting\]/,$p' |
		grep -q "broken\\.json:3:[0-9]*: "; then
		ok "in a terminal the error is printed on the untouched screen"
	else
		not_ok "in a terminal the error is printed on the untouched screen"
		diag_screen
	fi
	expect_terminal_restored "in a terminal the settings are unchanged"
fi

finish
