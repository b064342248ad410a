#!/bin/sh
# Run every test and end with one line: N passed, N failed.
#   tests/run.sh BUILD_DIR [unit|e2e]...
# Unit tests are cmocka binaries in BUILD_DIR/tests, e2e tests are the
# scripts tests/e2e/test_*.sh; both report in TAP ("ok" / "not ok" lines).
set -u
build=${1:?usage: tests/run.sh BUILD_DIR [unit|e2e]...}
shift
kinds=${*:-unit e2e}
top=$(cd "$(dirname "$0")/.." && pwd)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0

run_one() { # name, command...
	name=$1
	shift
	out=$(mktemp)
	"$@" >"$out" 2>&1
	rc=$?
	sed "s/^/[$name] /" "$out" >>"$log"
	# TAP: "# SKIP" marks a skipped test, whether "ok" or "not ok".
	s=$(grep -c '^\(not \)\{0,1\}ok .*# *SKIP' "$out")
	p=$(grep '^ok ' "$out" | grep -vc '# *SKIP')
	f=$(grep '^not ok ' "$out" | grep -vc '# *SKIP')
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		# Crashed or failed before reporting: count it as a failure.
		echo "not ok - $name exited with status $rc" >>"$log"
		f=1
	fi
	if [ "$p" -eq 0 ] && [ "$f" -eq 0 ] && [ "$s" -eq 0 ]; then
		echo "not ok - $name ran no test" >>"$log"
		f=1
	fi
	grep '^not ok' "$out" | grep -v '# *SKIP' | sed "s/^/[$name] /"
	[ "$f" -gt 0 ] && [ "$rc" -ne 0 ] && tail -n 20 "$out" | sed "s/^/[$name]   /"
	printf '%-28s %4d passed, %d failed%s\n' "$name" "$p" "$f" \
	    "$([ "$s" -gt 0 ] && echo ", $s skipped")"
	echo "$p $f $s" >>"$log.counts"
	rm -f "$out"
}

for kind in $kinds; do
	case $kind in
	unit)
		for t in "$build"/tests/test_*; do
			[ -x "$t" ] || continue
			CMOCKA_MESSAGE_OUTPUT=TAP run_one "$(basename "$t")" "$t"
		done
		;;
	e2e)
		for t in "$top"/tests/e2e/test_*.sh; do
			[ -f "$t" ] || continue
			run_one "$(basename "$t" .sh)" sh "$t" "$top/termquiz"
		done
		;;
	esac
done

passed=0
failed=0
skipped=0
if [ -f "$log.counts" ]; then
	while read -r p f s; do
		passed=$((passed + p))
		failed=$((failed + f))
		skipped=$((skipped + s))
	done <"$log.counts"
	rm -f "$log.counts"
fi
[ -n "${TEST_LOG:-}" ] && cp "$log" "$TEST_LOG"
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ] || status=1
exit $status
