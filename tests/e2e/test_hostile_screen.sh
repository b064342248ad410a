#!/bin/sh
# The full screen against hostile input (issue #10): every signal that ends
# the game restores the terminal (SIGQUIT without a core dump), keys do not
# answer a question the player cannot see, and a 100 KB paste is taken at
# the terminal's pace, not one redraw per byte.
. "$(dirname "$0")/lib.sh"

cat >"$T/choice.json" <<'EOF'
{"title": "E2E Hostile", "time_limit": 60, "questions": [
  {"type": "choice", "question": "Capital of Australia?",
   "choices": ["Sydney", "Canberra", "Melbourne", "Perth"],
   "answer": "Canberra"}]}
EOF
cat >"$T/text.json" <<'EOF'
{"title": "E2E Paste", "time_limit": 60, "questions": [
  {"type": "text", "question": "Capital of Iceland?", "answer": "Reykjavik"}]}
EOF
cat >"$T/config.json" <<'EOF'
{"shuffle_questions": false, "shuffle_choices": false}
EOF

# --- signals that end the process give the terminal back ---
for sig in USR1:138 USR2:140 ALRM:142 QUIT:131 TERM:143; do
	name=${sig%%:*}
	tq_start -- --config "$T/config.json" "$T/choice.json"
	wait_for "Capital of Australia?"
	kill -"$name" "$(tq_pid)"
	expect_exit "${sig##*:}" "SIG$name ends the game as SIG$name"
	expect_terminal_restored "SIG$name: the terminal is restored"
	tq_kill_session
done

# SIGQUIT dumps no core (the game's state) even where cores are allowed.
_why=$(python3 - "$TQ" "$T/choice.json" <<'PY'
import os, resource, signal, subprocess, sys
def unlimited():
    resource.setrlimit(resource.RLIMIT_CORE,
                       (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
p = subprocess.Popen([sys.argv[1], "--plain", sys.argv[2]], cwd="/tmp",
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                     stderr=subprocess.DEVNULL, preexec_fn=unlimited)
while b"Capital" not in p.stdout.readline():
    pass
p.send_signal(signal.SIGQUIT)
_, status = os.waitpid(p.pid, 0)
if not os.WIFSIGNALED(status) or os.WTERMSIG(status) != signal.SIGQUIT:
    print("not ended by SIGQUIT: status %d" % status)
elif os.WCOREDUMP(status):
    print("a core was dumped")
PY
)
check "SIGQUIT ends plain mode as SIGQUIT without a core dump" [ -z "$_why" ] ||
	diag "$_why"

# --- a question the player cannot see cannot be answered ---
tq_start -x 30 -y 8 -- --config "$T/config.json" --results "$T/small.json" \
	"$T/choice.json"
wait_for "too small"
keys 3 2 Enter
tm resize-window -t "$S" -x 80 -y 24
expect_screen "Capital of Australia?" "keys typed while the terminal was too \
small answered nothing: the question is still there"
check "no feedback was shown" eval '! screen_has "Enter or Space"'
keys 2
expect_screen "Enter or Space" "at full size the question is answered"
keys Enter
wait_for "Accuracy"
keys q
expect_exit 0 "the game ends"
json_check "$T/small.json" "the answer given is the one typed at full size" \
	'q[0]["answer"] == "Canberra"'

# --- a paste of 100 KB into the text field ---
python3 -c 'import sys; sys.stdout.write("x" * 100000)' >"$T/paste.txt"
tm load-buffer -b big "$T/paste.txt"
tq_start -- --config "$T/config.json" --results "$T/paste.json" "$T/text.json"
wait_for "Capital of Iceland?"
t0=$(now_ms)
tm paste-buffer -b big -t "$S"
keys Enter
wait_for "Enter or Space" 30
took=$(($(now_ms) - t0))
diag "100 KB pasted and Enter: the feedback after $took ms (it took 21 s)"
check "the paste is taken at once, not one redraw per byte" [ "$took" -lt 6000 ]
keys Enter
wait_for "Accuracy"
keys q
expect_exit 0 "the game ends"
json_check "$T/paste.json" "the answer is the field's 255 bytes, not a time-out" \
	'q[0]["answer"] == "x" * 255 and not q[0]["timed_out"]'

# --- Ctrl-Z: stopped, the clock stops too; fg comes back paused ---
cat >"$T/short.json" <<'EOF'
{"title": "E2E Stop", "questions": [
  {"type": "choice", "question": "Capital of Australia?",
   "choices": ["Sydney", "Canberra"], "answer": "Canberra", "time_limit": 3}]}
EOF
alt_off() {
	[ "$(tm display -p -t "$S" '#{alternate_on}')" = 0 ]
}
# Ctrl-Z needs a shell with job control (it stops the foreground job):
# an interactive sh in the pane, the game typed at its prompt.
cat >"$T/shell.sh" <<EOF
cd $(shquote "$T") || exit 1
export TERM=$(shquote "$PANE_TERM") LANG=C.UTF-8 LC_ALL=C.UTF-8 PS1='sh$ '
export HOME=$(shquote "$HOME") XDG_CONFIG_HOME=$(shquote "$XDG_CONFIG_HOME")
export XDG_DATA_HOME=$(shquote "$XDG_DATA_HOME")
exec sh -i
EOF
tm_server
S=stopshell
tm new-session -d -s "$S" -x 80 -y 24 "exec sh $(shquote "$T/shell.sh")"
wait_for 'sh$'
type_text "$(shquote "$TQ") --config config.json --results stop.json short.json"
keys Enter
wait_for "Capital of Australia?"
keys C-z
check "Ctrl-Z gives the terminal back to the shell" wait_until "$WAIT" alt_off
expect_screen_re "Stopped|stopped" "the shell says the game is stopped"
# Stopped for longer than the 3 s limit: the time passing is the test.
sleep 4
type_text fg
keys Enter
expect_screen "Paused" "fg comes back to the paused screen"
check "the question is hidden while paused" \
	eval '! screen_has "Capital of Australia?"'
keys p
expect_screen "Capital of Australia?" "going on shows the question again"
keys 2
expect_screen "Enter or Space" "the question is answered after the stop"
keys Enter
wait_for "Accuracy"
keys q
wait_for 'sh$'
json_check "$T/stop.json" "the stop did not cost the question: answered, \
not timed out" 'q[0]["correct"] and not q[0]["timed_out"]'
tq_kill_session

finish
