#!/bin/sh
# --stats: a pack never played shows its title and zeros (not a hash),
# "pack" is never empty in JSON, long names are cut with "…" at a
# character's edge, never inside one.
. "$(dirname "$0")/lib.sh"

cat >"$T/new.json" <<'EOF'
{"title": "Never Played", "questions": [
  {"type": "truefalse", "question": "Q?", "answer": true}
]}
EOF
cat >"$T/wide.json" <<'EOF'
{"title": "日本の地理とちょっとした歴史のクイズです長い", "questions": [
  {"type": "truefalse", "question": "Q?", "answer": true}
]}
EOF

"$TQ" --stats "$T/new.json" >"$T/out" 2>&1
check "a pack never played shows its title" grep -q '^Never Played  *0 ' "$T/out" ||
	diag_file "$T/out"
"$TQ" --stats --json "$T/new.json" >"$T/out.json" 2>&1
json_check "$T/out.json" '"pack" is the title of a pack never played' \
	'd[0]["pack"] == "Never Played" and d[0]["games"] == 0'

"$TQ" --stats "$T/wide.json" >"$T/out" 2>&1
check "a long wide name is cut with … and stays valid UTF-8" python3 - "$T/out" <<'EOF'
import sys, unicodedata
line = open(sys.argv[1], encoding="utf-8").read().splitlines()[1]
cell = line.split("…")[0] + "…"
width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in cell)
sys.exit(0 if "…" in line and width <= 32 else 1)
EOF

finish
