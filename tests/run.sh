#!/bin/sh
# Run every test and end with one line: N passed, N failed.
#   tests/run.sh BUILD_DIR [unit|e2e]...
# Unit tests are cmocka binaries in BUILD_DIR/tests, e2e tests are the
# scripts tests/e2e/test_*.sh; both report in TAP ("ok" / "not ok" lines).
# Each e2e script has its own tmux socket and temp folder, so the tests run
# side by side: TEST_JOBS at once (default 6; 1 runs them one by one).
# Their reports are printed in a fixed order, whatever order they end in.
set -u

# One test, run by a worker: tests/run.sh --one KIND NAME, with RUN_BUILD,
# RUN_TOP and RUN_OUT in the environment. Writes RUN_OUT/NAME.out (its TAP)
# and RUN_OUT/KIND-NAME.rc (its exit status).
if [ "${1:-}" = "--one" ]; then
	kind=$2 name=$3
	out="$RUN_OUT/$kind-$name"
	case $kind in
	unit) "$RUN_BUILD/tests/$name" >"$out.out" 2>&1 </dev/null ;;
	e2e) sh "$RUN_TOP/tests/e2e/$name.sh" "$RUN_TOP/termquiz" \
	    >"$out.out" 2>&1 </dev/null ;;
	esac
	echo $? >"$out.rc"
	exit 0
fi

build=${1:?usage: tests/run.sh BUILD_DIR [unit|e2e]...}
shift
kinds=${*:-unit e2e}
top=$(cd "$(dirname "$0")/.." && pwd)
case $build in /*) ;; *) build="$(pwd)/$build" ;; esac
jobs=${TEST_JOBS:-6}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
: >"$work/list"

# The list: one line per test, "KIND NAME".
for kind in $kinds; do
	case $kind in
	unit)
		for t in "$build"/tests/test_*; do
			[ -x "$t" ] && echo "unit $(basename "$t")" >>"$work/list"
		done
		;;
	e2e)
		for t in "$top"/tests/e2e/test_*.sh; do
			[ -f "$t" ] && echo "e2e $(basename "$t" .sh)" >>"$work/list"
		done
		;;
	*)
		echo "tests/run.sh: unknown kind '$kind' (unit or e2e)" >&2
		exit 2
		;;
	esac
done

start=$(date +%s)
export CMOCKA_MESSAGE_OUTPUT=TAP RUN_BUILD="$build" RUN_TOP="$top" \
    RUN_OUT="$work"
xargs -P "$jobs" -L 1 sh "$top/tests/run.sh" --one <"$work/list"

log=$(mktemp)
passed=0 failed=0 skipped=0
while read -r kind name; do
	out="$work/$kind-$name.out"
	rc=$(cat "$work/$kind-$name.rc" 2>/dev/null || echo 127)
	[ -f "$out" ] || : >"$out"
	sed "s/^/[$name] /" "$out" >>"$log"
	# TAP: "# SKIP" marks a skipped test, whether "ok" or "not ok".
	s=$(grep -c '^\(not \)\{0,1\}ok .*# *SKIP' "$out")
	p=$(grep '^ok ' "$out" | grep -vc '# *SKIP')
	f=$(grep '^not ok ' "$out" | grep -vc '# *SKIP')
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		# Crashed or failed before reporting: count it as a failure.
		echo "not ok - $name exited with status $rc" >>"$log"
		echo "[$name] not ok - exited with status $rc"
		f=1
	fi
	if [ "$p" -eq 0 ] && [ "$f" -eq 0 ] && [ "$s" -eq 0 ]; then
		echo "not ok - $name ran no test" >>"$log"
		echo "[$name] not ok - ran no test"
		f=1
	fi
	grep '^not ok' "$out" | grep -v '# *SKIP' | sed "s/^/[$name] /"
	[ "$f" -gt 0 ] && [ "$rc" -ne 0 ] && tail -n 20 "$out" | sed "s/^/[$name]   /"
	printf '%-28s %4d passed, %d failed%s\n' "$name" "$p" "$f" \
	    "$([ "$s" -gt 0 ] && echo ", $s skipped")"
	passed=$((passed + p))
	failed=$((failed + f))
	skipped=$((skipped + s))
done <"$work/list"

[ -n "${TEST_LOG:-}" ] && cp "$log" "$TEST_LOG"
rm -f "$log"
echo "# $(wc -l <"$work/list") test programs, $jobs at a time, $(($(date +%s) - start)) s"
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
