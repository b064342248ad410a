#!/bin/sh
# --opentdb in plain mode, the API's waits: the first run's token and the
# 5 s before the questions; code 3 (a new token), code 4 (a reset, said),
# code 5 (a visible wait, one retry). Apart from test_opentdb_plain.sh
# because each wait is 5 s of real time.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/otdb.sh"

srv_start ok
# --- the first run: a token, then the 5 s the API asks between requests
no_state
srv_mode ok
START=$(now_ms)
run '' --count 2
expect_rc 0 "the first run gets a token, then the questions"
check "the token was asked for first" \
	sh -c "head -n 1 '$SRV_DIR/log' | grep -q 'api_token.php?command=request'"
expect_out "waiting 5 s (one request per 5 s)" "the wait between the requests is said"
GAP=$(awk 'NR == 1 { a = $1 } NR == 2 { print $1 - a }' "$SRV_DIR/log")
check "the two requests were 5 s apart or more (${GAP} ms)" [ "${GAP:-0}" -ge 5000 ]
json_check "$STATE" "the new token is kept for the next run" \
	'd["token"] == "testtoken1"'

# --- code 3: a new token, then the questions
fresh_state
srv_mode code3
run '' --count 2
expect_rc 0 "code 3 gets a new token and plays"
check "code 3: a new token was asked for" log_has "api_token.php?command=request"
check "code 3: the new token was used" log_has "token=testtoken"

# --- code 4: the token reset, and said
fresh_state
srv_mode code4
run '' --count 2
expect_rc 0 "code 4 resets the token and plays"
check "code 4: the token was reset" log_has "api_token.php?command=reset&token=seeded"
expect_out "the session token was reset, so questions may repeat" "code 4: the reset is said"

# --- code 5: wait visibly, retry once the 5 s are up
fresh_state
srv_mode code5
run '' --count 2
expect_rc 0 "code 5 waits and retries"
expect_out "asked to slow down: waiting 5 s" "code 5: the wait is said"
GAP=$(awk 'NR == 1 { a = $1 } NR == 2 { print $1 - a }' "$SRV_DIR/log")
check "code 5: the retry came 5 s later or more (${GAP} ms)" [ "${GAP:-0}" -ge 5000 ]

fresh_state
clear_cache
srv_mode code5-always
run '' --count 2
expect_rc 1 "code 5 twice gives up"
expect_err "still refusing requests (code 5" "code 5 twice is said"
expect_nothing_cached "code 5 caches nothing"

finish
