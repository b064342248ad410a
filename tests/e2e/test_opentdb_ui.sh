#!/bin/sh
# The Open Trivia Database on the full screen, against a local stand-in of
# the API: from the menu, the categories with their question counts (all in
# one api_count_global.php request, 5 s after the list), a category (its
# counts by difficulty) and a difficulty, the fetched game played to the
# score screen and its results file; the list and counts again from the
# cache with no request; a damaged list cache fetched again; --opentdb with the server stopped (the cached questions offered);
# a server that never answers (a spinner line, Esc cancels); an error
# reply (said on screen). The terminal is restored every time.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/otdb.sh"

srv_start ok
fresh_state
clear_cache

# log_count TEXT: how many requests the server was asked with TEXT in them.
log_count() {
	grep -F -c -- "$1" "$SRV_DIR/log"
}
# log_ms TEXT: when the first request with TEXT came (ms).
log_ms() {
	grep -F -- "$1" "$SRV_DIR/log" | head -n 1 | cut -d' ' -f1
}
LIST_CACHE=$XDG_CACHE_HOME/termquiz/opentdb-categories.json

# --- from the menu: categories with counts, difficulty, game, results
rm -f "$LIST_CACHE"
tq_start -y 30 -- --seed 3 --results "$T/menu.json"
expect_screen "Open Trivia DB (online)" "the menu has the Open Trivia DB entry"
keys o
expect_screen "Science & Nature" "the categories come from api_category.php"
expect_screen "Any category" "any category can be chosen"
expect_screen "Open Trivia Database: waiting" \
	"the counts wait the API's 5 s, said under the list"
keys Down
expect_screen "▸ General Knowledge" \
	"the list moves while the counts are on their way (the screen is not frozen)"
check "(the counts had not come yet)" screen_has "Open Trivia Database: waiting"
keys Up
expect_screen_re "Science & Nature +57 questions" \
	"the list shows each category's question count" 15
expect_screen_re "Any category +340 questions" \
	"and the count of all the questions" 15
check "all the counts came in one request (api_count_global.php)" \
	[ "$(log_count /api_count_global.php)" = 1 ]
check "no category was counted one by one for the list" \
	[ "$(log_count /api_count.php)" = 0 ]
LIST_AT=$(log_ms /api_category.php)
COUNT_AT=$(log_ms /api_count_global.php)
check "the counts were asked 5 s after the list, as the API asks ($LIST_AT, $COUNT_AT)" \
	[ $((COUNT_AT - LIST_AT)) -ge 5000 ]
# Any, General Knowledge, Entertainment: Film, Science & Nature
keys Down Down Down Enter
expect_screen "27 questions" "the chosen category's easy count is shown" 15
expect_screen_re "Hard +10 questions" "and the hard count"
check "the counts by difficulty were asked for the chosen category" \
	log_has "/api_count.php?category=17"
keys Down Down Enter
expect_screen "Question 1/10" "the fetched game starts" 15
check "the questions were asked for Science & Nature, medium" \
	log_has "/api.php?amount=10&category=17&difficulty=medium&encode=base64&token=seeded"
i=0
while [ $i -lt 10 ]; do
	i=$((i + 1))
	wait_for_re "Question $i/10" || break
	keys 1
	[ $i -lt 10 ] && wait_gone "Question $i/10"
done
expect_screen "of 10 right" "the game ends on the score screen"
expect_screen "Questions: Open Trivia Database (opentdb.com), CC BY-SA 4.0" \
	"the score screen credits the Open Trivia Database"
keys q
expect_exit 0 "q leaves"
expect_terminal_restored "the terminal is restored after an online game"
json_check "$T/menu.json" "the results file has the 10 questions and the source" \
	'len(q) == 10 and d["source"].startswith("Questions: Open Trivia Database")'
check "the fetched questions are cached" [ "$(cached_files)" = 1 ]
json_check "$LIST_CACHE" "the list is cached with its counts" \
	'[c for c in d["categories"] if c["id"] == 17][0]["total"] == 57 and [c for c in d["categories"] if c["id"] == 17][0]["easy"] == 27 and d["all"] == 340'

# --- the list again: from the cache, nothing asked
srv_mode ok   # (clears the server's log)
fresh_state
tq_start -- --seed 3
expect_screen "Open Trivia DB (online)" "the menu again"
keys o
expect_screen_re "Science & Nature +57 questions" \
	"the list and its counts show again at once"
keys Down Down Down Enter
expect_screen "27 questions" "the category's difficulties too"
keys Escape
expect_screen "Any category" "Esc goes back to the list"
keys Escape
expect_screen "Open Trivia DB (online)" "and Esc again to the menu"
keys q
expect_exit 0 "q leaves the menu"
check "opening the list again asked the server nothing" \
	[ ! -s "$SRV_DIR/log" ]

# --- more asked for than a difficulty has: what there is is asked for (the
# API would send none, code 1)
srv_mode ok
fresh_state
tq_start -- --seed 3 --count 20
expect_screen "Open Trivia DB (online)" "the menu, 20 questions a game"
keys o
expect_screen_re "Science & Nature +57 questions" "the cached list"
keys Down Down Down Enter
expect_screen_re "Hard +10 questions" "Science & Nature has 10 hard questions"
keys Down Down Down Enter
expect_screen "Question 1/10" "the 10 there are are played" 15
check "10, not 20, were asked for" \
	log_has "/api.php?amount=10&category=17&difficulty=hard&encode=base64"
keys C-c
expect_exit 0 "Ctrl-C quits"

# --- on a big terminal the list sits in the screens' frame (100 columns,
# centred: columns 51 to 150 of 200), with its header and footer
tq_start -x 200 -y 60 -- --seed 3
expect_screen "Open Trivia DB (online)" "the menu at 200x60"
keys o
expect_screen_re "Science & Nature +57 questions" "the cached list at 200x60"
# in_frame TEXT: TEXT's row starts at the frame's column 5 and ends in it.
in_frame() {
	printf '%s\n' "$SCREEN" | python3 -c '
import sys
want = sys.argv[1]
rows = [r.rstrip() for r in sys.stdin.read().split("\n") if want in r]
sys.exit(not (rows and rows[0].index(want) == 54 and len(rows[0]) <= 150))' "$1"
}
expect "a category's row sits in the frame" in_frame "Science & Nature"
expect "as does the header" eval 'printf "%s\n" "$SCREEN" | grep -q "^ \{51\}Open Trivia DB "'
keys q
expect_screen "Open Trivia DB (online)" "q goes back to the menu"
keys q
expect_exit 0 "q leaves the menu at 200x60"

# --- a damaged list cache is asked for again, and replaced
printf '{"listed": "garbage' >"$LIST_CACHE"
fresh_state
tq_start -- --seed 3
expect_screen "Open Trivia DB (online)" "the menu with a damaged list cache"
keys o
expect_screen_re "Science & Nature +57 questions" \
	"a damaged cache: the list and counts are fetched again" 15
keys Escape
expect_screen "Open Trivia DB (online)" "back to the menu"
keys q
expect_exit 0 "q leaves"
check "the list was asked for again" log_has "/api_category.php"
json_check "$LIST_CACHE" "and the cache holds it again" \
	'len(d["categories"]) == 6 and d["all"] == 340'

# --- --opentdb with the server stopped: the cached questions offered
srv_stop
fresh_state
tq_start -- --opentdb --category science --difficulty medium --count 10
expect_screen "play the 10 cached questions?" "offline, the cached questions are offered"
expect_screen "No connection to 127.0.0.1:$SRV_PORT" "offline, no connection is said"
keys y
expect_screen "Question 1/10" "offline, the cached questions are played"
keys C-c
expect_exit 0 "Ctrl-C quits the offline game"
expect_terminal_restored "the terminal is restored after the offline game"

# stale_list NAME [URL]: a cached list of one category, 17 called NAME,
# listed and counted 25 hours ago, from URL (default: the server's).
stale_list() {
	_old=$(($(now_ms) - 90000000))
	printf '{"url": "%s", "listed": %s, "counted": %s, "all": 7, "categories": [{"id": 17, "name": "%s", "total": 7, "easy": -1, "medium": -1, "hard": -1}]}\n' \
		"${2:-http://127.0.0.1:$SRV_PORT}" "$_old" "$_old" "$1" \
		>"$LIST_CACHE"
}

# --- the menu offline: a list older than a day is still shown, and the
# questions cached for the choice offered
stale_list "Old Science"
fresh_state
tq_start -- --seed 3
expect_screen "Open Trivia DB (online)" "the menu, offline"
keys o
expect_screen_re "Old Science +7 questions" \
	"offline, the cached list is shown, however old"
keys Down Enter
expect_screen "Any difficulty" "a category can be chosen offline"
keys Down Down Enter
expect_screen "play the 10 cached questions?" \
	"and the questions cached for it are offered"
keys n
expect_screen "Open Trivia DB (online)" "n goes back to the menu"
keys q
expect_exit 0 "q leaves"

# --- offline, another server's cached list is not shown as this one's
stale_list "Elsewhere Science" "https://elsewhere.example"
tq_start -- --seed 3
expect_screen "Open Trivia DB (online)" "the menu, offline, another server's list cached"
keys o
expect_screen "play the 20 cached questions?" \
	"another server's list is not used: the cached questions are offered"
check "(its names are not shown)" eval '! screen_has "Elsewhere Science"'
keys n
expect_screen "Open Trivia DB (online)" "n goes back to the menu"
keys q
expect_exit 0 "q leaves"

# --- a list older than a day is asked for again
srv_start ok
stale_list "Old Science"
fresh_state
tq_start -- --seed 3
expect_screen "Open Trivia DB (online)" "the menu with a day-old list"
keys o
expect_screen "Science & Nature" "a list older than a day is fetched again"
check "and replaces the old one" eval '! screen_has "Old Science"'
keys Escape
expect_screen "Open Trivia DB (online)" "back to the menu"
keys q
expect_exit 0 "q leaves"

# --- a server that never answers: the spinner, Esc cancels
srv_mode hang
fresh_state
clear_cache
tq_start -- --opentdb --count 5
expect_screen "Fetching questions from 127.0.0.1:$SRV_PORT" "the fetch shows a status line"
expect_screen "Esc cancel" "Esc to cancel is offered"
capture
FIRST=$SCREEN
_spin() { capture; [ "$SCREEN" != "$FIRST" ]; }
check "the spinner turns while the fetch runs (the screen is not frozen)" \
	wait_until "$WAIT" _spin
keys Escape
expect_exit 0 "Esc cancels the fetch and leaves"
expect_terminal_restored "the terminal is restored after a cancelled fetch"
expect_nothing_cached "a cancelled fetch caches nothing"

# --- an error reply: said on screen
srv_mode code2
fresh_state
tq_start -- --opentdb --count 5
expect_screen "code 2 (invalid parameter)" "an error reply is said on screen"
keys Enter
expect_exit 0 "Enter leaves after the error"
expect_terminal_restored "the terminal is restored after an error"
expect_nothing_cached "an error reply caches nothing"

# --- code 5 on screen: the wait is shown, then the game
srv_mode code5
fresh_state
tq_start -- --opentdb --count 2
expect_screen "asked to slow down: waiting" "code 5: the wait is shown"
expect_screen "Question 1/2" "code 5: the game comes after the wait" 12
keys C-c
expect_exit 0 "Ctrl-C quits"

finish
