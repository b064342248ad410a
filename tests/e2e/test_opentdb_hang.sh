#!/bin/sh
# --opentdb in plain mode against a server that never answers: the fetch
# gives up at the 15 s limit with a message and caches nothing. Apart from
# the others because it takes those 15 s.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/otdb.sh"

OUT=$T/out
ERR=$T/err
RC=0

# run INPUT ARG...: termquiz --opentdb --plain ARG... with INPUT on stdin.
run() {
	_in=$1
	shift
	printf '%s' "$_in" | timeout 60 "$TQ" --opentdb --plain "$@" \
		>"$OUT" 2>"$ERR"
	RC=$?
}

out_has() { grep -F -q -- "$1" "$OUT"; }
err_has() { grep -F -q -- "$1" "$ERR"; }

# expect_out TEXT DESC / expect_err TEXT DESC
expect_out() {
	if out_has "$1"; then ok "$2"; else not_ok "$2"; diag "stdout lacks: $1"; diag_file "$OUT"; diag_file "$ERR"; fi
}
expect_err() {
	if err_has "$1"; then ok "$2"; else not_ok "$2"; diag "stderr lacks: $1"; diag_file "$OUT"; diag_file "$ERR"; fi
}

srv_start ok
# --- a server that never answers: the 15 s limit
fresh_state
srv_mode hang
START=$(now_ms)
run '' --count 4
TOOK=$(($(now_ms) - START))
expect_rc 1 "a server that never answers fails"
expect_err "Operation timed out" "a silent server is a timeout"
check "it gave up after 15 s, not much later (${TOOK} ms)" \
	[ "$TOOK" -ge 14500 ] && [ "$TOOK" -lt 25000 ]
expect_nothing_cached "a silent server caches nothing"

finish
