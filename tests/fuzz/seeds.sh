#!/bin/sh
# The importer fuzzer's seeds: every fixture of tests/fixtures/<format>/,
# with the byte that picks its format in front (see fuzz_import.c); with
# FORMAT (gift, aiken, anki, quizlet, opentriviaqa, csv), only that
# format's fixtures, for its own target (which reads only the options in
# that byte).
#   tests/fuzz/seeds.sh DIR [FORMAT]
set -eu
out=${1:?usage: seeds.sh DIR [FORMAT]}
only=${2:-}
mkdir -p "$out"
n=0
for pair in auto:0 gift:1 aiken:2 anki:3 quizlet:4 opentriviaqa:5 csv:6 \
    detect:0; do
	dir=${pair%%:*} byte=${pair#*:}
	[ -z "$only" ] || [ "$dir" = "$only" ] || continue
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
[ "$n" -gt 0 ] || { echo "seeds.sh: no fixtures for '$only'" >&2; exit 1; }
echo "seeds.sh: $n seeds in $out"
