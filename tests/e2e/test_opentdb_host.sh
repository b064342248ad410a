#!/bin/sh
# A live game of Open Trivia Database questions, against a local stand-in
# of the API: `--host --opentdb` fetches (the same status line as a solo
# fetch), then hosts the questions fetched like a pack; two players join
# and play to the podium; the host's results file holds both players and
# the source. In line mode and on the big screen; a fetch cancelled with
# Esc hosts nothing; the host's menu (--host with no PACK) has the Open
# Trivia DB entry too; offline, the cached questions are offered and
# hosted.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/otdb.sh"

# host_config: the server's URL and a quick live game.
host_config() {
	printf '{"opentdb_url": "http://127.0.0.1:%s", "shuffle_choices": false,
 "live": {"read_seconds": 0.3, "reveal_seconds": 0.5}}\n' "$SRV_PORT" \
		>"$XDG_CONFIG_HOME/termquiz/config.json"
}

# players ADDR PIN N: two players in line mode join and answer the N
# questions (ann the first choice, bob the second).
players() {
	tq_start -- --plain --join "$1" --pin "$2" --name ann
	ANN=$S
	tq_start -- --plain --join "$1" --pin "$2" --name bob
	BOB=$S
	_i=0
	while [ $_i -lt "$3" ]; do
		_i=$((_i + 1))
		for _p in "$ANN" "$BOB"; do
			if ! wait_until 20 in_pane "$_p" "Question $_i of $3:"; then
				not_ok "question $_i reaches $_p"
				hist "$_p" | tail -n 20 | sed 's/^/#   |/'
				return 1
			fi
			S=$_p
			[ "$_p" = "$ANN" ] && type_text 1 || type_text 2
			keys Enter
		done
	done
	ok "both players answered the $3 questions"
}

srv_start ok
host_config
fresh_state
clear_cache

# --- line mode: fetch, lobby, game, podium, results ------------------------------
tq_start -- --host --opentdb --plain --category science --difficulty medium \
	--type choice --count 3 --listen 127.0.0.1:0 --start-when 2 \
	--results "$T/plain.json"
HOST=$S
HOST_RUN=$RUN
expect_pane "$HOST" "Fetching questions from 127.0.0.1:$SRV_PORT" \
	"--host --opentdb says what it fetches"
expect_pane "$HOST" "PIN: " "then the host shows a PIN" || finish
check "the questions were asked for Science & Nature, medium, choice" \
	log_has "/api.php?amount=3&category=17&difficulty=medium&type=multiple&encode=base64&token=seeded"
expect_pane "$HOST" "Live game: Open Trivia: Science & Nature" \
	"the fetched questions are the game hosted"
PIN=$(hist "$HOST" | sed -n 's/^PIN: \([0-9]*\)$/\1/p' | head -n 1)
ADDR=$(hist "$HOST" | sed -n 's/^Join with: termquiz --join //p' | head -n 1)
players "$ADDR" "$PIN" 3
expect_pane "$HOST" "Podium:" "the host reaches the podium" 20
expect_pane "$HOST" "Questions: Open Trivia Database (opentdb.com), CC BY-SA 4.0" \
	"the podium credits the Open Trivia Database"
expect_pane "$ANN" "You finished" "a player sees its place"
S=$HOST
RUN=$HOST_RUN
keys q Enter   # the podium waits: Enter would play again
expect_exit 0 "the line-mode host ends after the podium with status 0" 20
json_check "$T/plain.json" "the results hold both players and the 3 fetched questions" \
	'len(d["players"]) == 2 and d["finished"] is True and len(d["questions"]) == 3 and all(len(p["questions"]) == 3 for p in d["players"])'
json_check "$T/plain.json" "the results name the Open Trivia Database as the source" \
	'd["source"] == "Questions: Open Trivia Database (opentdb.com), CC BY-SA 4.0"'
json_check "$T/plain.json" "the results hold the questions the server sent" \
	'{(q["question"], q["correct_answer"]) for q in d["questions"]} == {("Which planet is closest to the Sun?", "Mercury"), ("What is 1 + 1?", "2"), ("What is 2 + 2?", "4")}'
json_check "$T/plain.json" "each player's answers are recorded" \
	'sorted(p["nick"] for p in d["players"]) == ["ann", "bob"] and all(q["answer"] is not None for p in d["players"] for q in p["questions"])'
check "the fetched questions are cached" [ "$(cached_files)" = 1 ]

# --- the big screen: a fetch cancelled with Esc hosts nothing ----------------------
srv_mode hang
fresh_state
tq_start -- --host --opentdb --count 2 --listen 127.0.0.1:0
expect_screen "Fetching questions from 127.0.0.1:$SRV_PORT" \
	"the big screen fetches with the status line"
expect_screen "Esc cancel" "Esc to cancel is offered"
keys Escape
expect_exit 0 "Esc cancels the fetch and the host leaves with status 0"
expect_terminal_restored "the terminal is restored after a cancelled host fetch"
check "a cancelled host fetch caches nothing" [ "$(cached_files)" = 1 ]
tq_start -- --host --opentdb --count 2 --listen 127.0.0.1:0
expect_screen "Fetching questions from 127.0.0.1:$SRV_PORT" \
	"a host fetching on the big screen"
kill -TERM "$(tq_pid)"
expect_exit 143 "SIGTERM during the host's fetch ends it by that signal"
expect_terminal_restored "the terminal is restored after SIGTERM"

# --- the big screen: fetch, lobby, game, podium, results ---------------------------
srv_mode ok
fresh_state
tq_start -- --host --opentdb --category geography --type choice --count 2 \
	--listen 127.0.0.1:0 --start-when 2 --results "$T/screen.json"
HOST=$S
HOST_RUN=$RUN
expect_screen "PIN  " "the big screen's lobby follows the fetch" || finish
check "the questions were asked for Geography" \
	log_has "/api.php?amount=2&category=22&type=multiple&encode=base64&token=seeded"
capture
PIN=$(printf '%s\n' "$SCREEN" | sed -n 's/.*PIN  \([0-9]\{3\}\) \([0-9]\{3\}\).*/\1\2/p' | head -n 1)
ADDR=$(printf '%s\n' "$SCREEN" | sed -n 's/.*Join: termquiz --join \([0-9.:]*\).*/\1/p' | head -n 1)
expect "the lobby's title is the fetched game" screen_has "Open Trivia: Geography"
players "$ADDR" "$PIN" 2
S=$HOST
RUN=$HOST_RUN
expect_screen "Podium" "the big screen reaches the podium" 20
expect_screen "Questions: Open Trivia Database (opentdb.com), CC BY-SA 4.0" \
	"the big screen's podium credits the Open Trivia Database"
keys q
expect_exit 0 "q on the podium ends the host with status 0"
expect_terminal_restored "the host's terminal is restored"
json_check "$T/screen.json" "the big screen's results hold both players, 2 questions and the source" \
	'len(d["players"]) == 2 and len(d["questions"]) == 2 and d["source"].startswith("Questions: Open Trivia Database") and "What is the capital of France?" in [q["question"] for q in d["questions"]]'

# --- --host with no PACK: the host's menu, its Open Trivia DB entry ------------------
srv_mode ok
fresh_state
tq_start -- --host --listen 127.0.0.1:0
expect_screen "choose the packs to host" "the host's menu" || finish
keys o
expect_screen "Any category" "its Open Trivia DB entry lists the categories"
expect_screen "Science: Computers" "(from the server)"
# Any, General Knowledge, Entertainment: Film, Science & Nature, Science:
# Computers, Geography
keys Down Down Down Down Down Enter
expect_screen "Any difficulty" "then the difficulties"
keys Down Enter
expect_screen "PIN  " "the questions fetched are hosted: the lobby" 20
expect "the lobby's title is the fetched game" screen_has "Open Trivia: Geography"
check "the questions were asked for Geography, easy" \
	log_has "/api.php?amount=10&category=22&difficulty=easy&encode=base64&token=seeded"
keys q
expect_exit 0 "q in the lobby ends the host"
expect_terminal_restored "the terminal is restored"

# --- a results file that cannot be written fails before the fetch ---------------
srv_mode ok   # (clears the server's log)
fresh_state
"$TQ" --host --opentdb --plain --listen 127.0.0.1:0 \
	--results "$T/no/such/dir/r.json" >"$OUT" 2>"$ERR" </dev/null
RC=$?
expect_rc 1 "--host --opentdb with an unwritable --results ends with status 1"
expect_err "no/such/dir/r.json" "and names the file"
check "before anything was fetched" [ ! -s "$SRV_DIR/log" ]

# --- offline: the cached questions are offered, then hosted ---------------------------
srv_stop
fresh_state
printf 'y\nq\n' | timeout 30 "$TQ" --host --opentdb --plain --category science \
	--difficulty medium --type choice --listen 127.0.0.1:0 >"$OUT" 2>"$ERR"
RC=$?
expect_rc 0 "offline, the line-mode host ends with status 0"
expect_out "No connection to 127.0.0.1:$SRV_PORT — play the 3 cached questions? [y/n]" \
	"offline, the host offers the cached questions"
expect_out "Live game: Open Trivia: Science & Nature" \
	"and hosts them once accepted"
printf 'n\n' | timeout 30 "$TQ" --host --opentdb --plain --category science \
	--difficulty medium --type choice --listen 127.0.0.1:0 >"$OUT" 2>"$ERR"
RC=$?
expect_rc 0 "declining the cached questions ends with status 0"
check "and hosts nothing" sh -c '! grep -q "Live game" "$1"' sh "$OUT"

tq_start -- --host --opentdb --category science --difficulty medium \
	--type choice --listen 127.0.0.1:0
expect_screen "play the 3 cached questions?" "offline, the big screen offers the cached questions"
keys y
expect_screen "PIN  " "and hosts them"
keys q
expect_exit 0 "q in the lobby ends the host"
expect_terminal_restored "the terminal is restored after the offline host"

# --- bad use -----------------------------------------------------------------------------
"$TQ" --host --opentdb --plain --difficulty tough >"$OUT" 2>"$ERR" </dev/null
RC=$?
expect_rc 2 "--host --opentdb with a wrong --difficulty is bad usage"
expect_err "--difficulty wants easy, medium or hard" "and says why"

finish
