#!/bin/sh
# The importer fuzzer's seeds: every fixture of tests/fixtures/<format>/,
# with the byte that picks its format in front (see fuzz_import.c).
#   tests/fuzz/seeds.sh DIR
set -eu
out=${1:?usage: seeds.sh DIR}
mkdir -p "$out"
n=0
for pair in auto:0 gift:1 aiken:2 anki:3 quizlet:4 opentriviaqa:5 csv:6 \
    detect:0; do
	dir=${pair%%:*} byte=${pair#*:}
	for f in tests/fixtures/"$dir"/*; do
		[ -f "$f" ] || continue
		for flags in 0 16 48; do
			b=$((byte + flags))
			{ printf "\\$(printf '%03o' "$b")"; cat "$f"; } \
			    >"$out/$dir-$flags-${f##*/}"
			n=$((n + 1))
		done
	done
done
echo "seeds.sh: $n seeds in $out"
