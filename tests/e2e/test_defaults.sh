#!/bin/sh
# The built-in defaults are the documented ones (README, Configuration): a
# user's config file overrides only the keys it names, and the bundled packs
# leave the per-type limits to config.
. "$(dirname "$0")/lib.sh"

OUT=$T/out
ERR=$T/err
TOP=$(cd "$(dirname "$0")/../.." && pwd)

# Twelve true/false questions, no limits of their own.
python3 - "$T/tf.json" <<'PY'
import json, sys
qs = [{"type": "truefalse", "question": "Statement %d is true." % i,
       "answer": True} for i in range(1, 13)]
json.dump({"title": "E2E Defaults", "questions": qs}, open(sys.argv[1], "w"))
PY

out_has() {
	grep -Eq -- "$1" "$OUT"
}

# --- $XDG_CONFIG_HOME/termquiz/config.json naming one key ---
mkdir -p "$XDG_CONFIG_HOME/termquiz"
echo '{"bell": false}' >"$XDG_CONFIG_HOME/termquiz/config.json"
printf '' | "$TQ" --plain "$T/tf.json" >"$OUT" 2>"$ERR"
RC=$?
expect_rc 0 "a game with a one-key user config runs"
check "a one-key user config keeps questions_per_game 10" out_has \
	"E2E Defaults: 10 questions"
check "a one-key user config keeps the true/false limit of 15 s" out_has \
	"Question 1/10 \(15 seconds\)"

# --- --config on {} ---
echo '{}' >"$T/empty.json"
printf '' | "$TQ" --plain --config "$T/empty.json" "$T/tf.json" >"$OUT" 2>"$ERR"
RC=$?
expect_rc 0 "a game with --config {} runs"
check "--config {} keeps questions_per_game 10 and the 15 s limit" eval \
	'out_has "E2E Defaults: 10 questions" &&
	 out_has "Question 1/10 \(15 seconds\)"'
rm -f "$XDG_CONFIG_HOME/termquiz/config.json"

finish
