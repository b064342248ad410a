#!/bin/sh
# --opentdb in plain mode against a server that never answers: the fetch
# gives up at the 15 s limit with a message and caches nothing. Apart from
# the others because it takes those 15 s.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/otdb.sh"

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
