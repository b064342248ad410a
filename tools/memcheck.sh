#!/bin/sh
# valgrind memcheck over `termquiz --check` of every fixture and bundled pack,
# and of the configs through --config: no leak, no error, or it fails.
#   tools/memcheck.sh [./termquiz]
set -u
tq=${1:-./termquiz}
command -v valgrind >/dev/null 2>&1 || {
	echo "memcheck: valgrind is not installed (apt-get install valgrind)" >&2
	exit 1
}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
runs=0
bad=0
vg() {
	runs=$((runs + 1))
	valgrind --quiet --error-exitcode=99 --leak-check=full \
	    --show-leak-kinds=all --errors-for-leak-kinds=all \
	    "$tq" "$@" >/dev/null 2>"$log"
	if [ $? -eq 99 ] || grep -q '^==[0-9]*==' "$log"; then
		bad=$((bad + 1))
		echo "memcheck: $*" >&2
		cat "$log" >&2
	fi
}
for f in $(find tests/fixtures/packs tests/fixtures/opentdb assets/packs \
       -name '*.json' | sort); do
	vg --check "$f"
done
for f in $(find tests/fixtures/config -name '*.json' | sort); do
	vg --config "$f" --check assets/packs/space.json
done
# The importers: every fixture of each format, and a conversion with
# --as-choice.
for f in $(find tests/fixtures/gift tests/fixtures/aiken tests/fixtures/anki \
       tests/fixtures/quizlet tests/fixtures/opentriviaqa tests/fixtures/csv \
       tests/fixtures/detect -type f | sort); do
	vg --check "$f"
done
vg --convert --as-choice --seed 1 tests/fixtures/anki/warn_vocabulary.txt
echo "memcheck: $runs runs, $bad with errors or leaks"
[ "$bad" -eq 0 ]
