#!/bin/sh
# --opentdb in plain mode against a local stand-in of the API: a fetched
# game with its results file and cache; response codes 1 and 2 (3-5 are in
# test_opentdb_wait.sh, a silent server in test_opentdb_hang.sh); broken,
# truncated, unplayable and 100 MB replies; no server at all (the cached
# questions offered). Each ends with its message; nothing broken is cached.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/otdb.sh"

srv_start ok

# --- a game fetched, played, its results written and its questions cached
fresh_state
clear_cache
run '1
1
1
' --count 3 --category science --seed 7 --results "$T/r.json"
expect_rc 0 "a fetched game plays to the end"
check "the request asked for 3 Science & Nature questions in base64 with the saved token" \
	log_has "/api.php?amount=3&category=17&encode=base64&token=seeded"
expect_out "Open Trivia: Science & Nature: final score" "the score names the category"
expect_out "Questions: Open Trivia Database (opentdb.com), CC BY-SA 4.0" \
	"the score credits the Open Trivia Database"
json_check "$T/r.json" "the results file has 3 questions and credits the source" \
	'len(q) == 3 and d["source"] == "Questions: Open Trivia Database (opentdb.com), CC BY-SA 4.0"'
json_check "$T/r.json" "entities and base64 decode as for files (°C)" \
	'any("100 °C" in x["question"] for x in q)'
check "the questions are cached, one file" [ "$(cached_files)" = 1 ]
CACHED=$(find "$CACHE" -type f | head -n 1)
json_check "$CACHED" "the cache holds the API's JSON of the 3 questions" \
	'd["response_code"] == 0 and len(d["results"]) == 3'
check "the cached file loads as a pack" \
	sh -c '"$0" --check "$1" >/dev/null 2>&1' "$TQ" "$CACHED"
json_check "$STATE" "the token and the time of the request are kept" \
	'd["token"] == "seeded" and d["last_request"] > 0'

# --- code 1: fewer than asked
fresh_state
clear_cache
srv_mode code1-some
run '' --count 5
expect_rc 0 "code 1 with some questions plays them"
expect_out "had only 3 of the 5 questions" "code 1: fewer questions than asked is said"
expect_out "final score 0 / 3" "code 1: the 3 that came are played"

fresh_state
clear_cache
srv_mode code1-none
run '' --count 5
expect_rc 1 "code 1 with no questions fails"
expect_err "does not have 5 questions for this choice (code 1)" \
	"code 1 without questions says there are none"
expect_nothing_cached "code 1 without questions caches nothing"

# --- code 2
fresh_state
srv_mode code2
run '' --count 3
expect_rc 1 "code 2 fails"
expect_err "answered code 2 (invalid parameter)" "code 2 is named"
expect_nothing_cached "code 2 caches nothing"

# --- broken replies
for mode in malformed truncated; do
	fresh_state
	srv_mode $mode
	run '' --count 4
	expect_rc 1 "a $mode reply fails"
	expect_err "reply is broken: the reply is not valid JSON" "a $mode reply is called broken"
	expect_nothing_cached "a $mode reply caches nothing"
done

fresh_state
srv_mode badquestion
run '' --count 4
expect_rc 1 "an unplayable question fails"
expect_err 'cannot be played:' "an unplayable question is said"
expect_err 'correct_answer' "the message names the field"
expect_nothing_cached "an unplayable reply caches nothing"

fresh_state
srv_mode huge
START=$(now_ms)
run '' --count 4
expect_rc 1 "a 100 MB reply fails"
expect_err "the reply is larger than 2048 KB: refused" "a 100 MB reply is refused"
expect_nothing_cached "a 100 MB reply caches nothing"

# --- no server: the cached questions offered
srv_mode ok
fresh_state
run '' --count 3 --category geography
expect_rc 0 "Geography questions fetched and cached"
srv_stop
fresh_state
run 'y
1
1
1
' --count 3 --category geography --results "$T/off.json"
expect_rc 0 "offline, the cached questions are played"
expect_out "No connection to 127.0.0.1:$SRV_PORT — play the 3 cached questions? [y/n]" \
	"offline: the cached questions are offered"
json_check "$T/off.json" "offline: the cached game's results file" \
	'len(q) == 3 and "source" in d'
run 'n
' --count 3 --category geography
expect_rc 0 "offline: saying no ends cleanly"
clear_cache
run '' --count 3 --category geography
expect_rc 1 "offline with nothing cached fails"
expect_err "no connection: cannot reach 127.0.0.1:$SRV_PORT" "offline: no connection is said"
expect_err "no questions are cached for this choice yet" "offline: nothing cached is said"

# --- the command line
RC=0
"$TQ" --opentdb --category entertainment >"$OUT" 2>"$ERR" </dev/null || RC=$?
expect_rc 2 "an ambiguous category is a usage error"
expect_err '"entertainment" could be "Entertainment: Books"' "the candidates are listed"
RC=0
"$TQ" --opentdb --difficulty extreme >"$OUT" 2>"$ERR" </dev/null || RC=$?
expect_rc 2 "a bad difficulty is a usage error"
RC=0
"$TQ" --opentdb --type text >"$OUT" 2>"$ERR" </dev/null || RC=$?
expect_rc 2 "a bad type is a usage error"
expect_err "--type wants choice or truefalse" "the bad type is named"

finish
