# Shared helpers for the end-to-end tests: the real termquiz binary in a
# real terminal (a private tmux server), driven by keys, read back from the
# screen.  Sourced by tests/e2e/test_*.sh, which are run as
#   sh tests/e2e/test_x.sh /abs/path/to/termquiz
# and report in TAP.  POSIX sh; needs tmux and python3 (for JSON checks).
#
# The waits poll the screen against a deadline; nothing here sleeps a fixed
# time to wait for the program.

set -u

TQ=${1:-}
if [ -z "$TQ" ] || [ ! -x "$TQ" ]; then
	echo "Bail out! usage: sh $0 /abs/path/to/termquiz"
	exit 2
fi
case $TQ in
/*) ;;
*) TQ=$(pwd)/$TQ ;;
esac

# Seconds a wait for the screen may take before the test gives up: generous,
# so that a loaded CI machine does not fail the suite.
WAIT=${E2E_WAIT:-6}

# --- a private world: temp dir, home, config, locale -----------------------

T=$(mktemp -d "${TMPDIR:-/tmp}/termquiz-e2e.XXXXXX") || {
	echo "Bail out! mktemp failed"
	exit 2
}
SOCK=$T/tmux.sock
export HOME="$T/home"
export XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data"
export XDG_STATE_HOME="$T/state" XDG_CACHE_HOME="$T/cache"
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_STATE_HOME" \
	"$XDG_CACHE_HOME"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset NO_COLOR TMUX TMUX_PANE LC_CTYPE 2>/dev/null

# The terminal type inside tmux: tmux's own entry if installed (its Home/End
# keys match what tmux sends), else close relatives.
PANE_TERM=xterm-256color
for _t in tmux-256color screen-256color; do
	if infocmp "$_t" >/dev/null 2>&1; then
		PANE_TERM=$_t
		break
	fi
done

# --- TAP ---------------------------------------------------------------------

_tap_n=0
_tap_failed=0
SCREEN=

ok() {
	_tap_n=$((_tap_n + 1))
	echo "ok $_tap_n - $*"
}

not_ok() {
	_tap_n=$((_tap_n + 1))
	_tap_failed=$((_tap_failed + 1))
	echo "not ok $_tap_n - $*"
}

# diag TEXT...: each line as a TAP comment.
diag() {
	printf '%s\n' "$@" | sed 's/^/# /'
}

# diag_screen: the last captured screen, framed, as TAP comments.
diag_screen() {
	echo "# screen (${S:-no session}):"
	printf '%s\n' "$SCREEN" | sed 's/^/#   |/'
}

# diag_file FILE: a file's content as TAP comments.
diag_file() {
	if [ -f "$1" ]; then
		echo "# $1:"
		sed 's/^/#   |/' "$1"
	else
		echo "# $1: (no such file)"
	fi
}

# check DESC COMMAND...: ok if the command succeeds.
check() {
	_d=$1
	shift
	if "$@"; then
		ok "$_d"
		return 0
	fi
	not_ok "$_d"
	return 1
}

# finish: the TAP plan, and the exit status (non-zero if anything failed).
finish() {
	echo "1..$_tap_n"
	[ "$_tap_failed" -eq 0 ] && [ "$_tap_n" -gt 0 ]
	exit $?
}

# --- time ----------------------------------------------------------------------

if [ "$(date +%s%3N 2>/dev/null | tr -d 0-9)" = "" ]; then
	now_ms() { date +%s%3N; }
else
	now_ms() { python3 -c 'import time; print(int(time.time() * 1000))'; }
fi

# to_ms SECONDS: seconds (maybe fractional) as whole milliseconds.
to_ms() {
	awk -v s="$1" 'BEGIN { printf "%d\n", s * 1000 }'
}

# --- the tmux server -----------------------------------------------------------

tm() {
	tmux -S "$SOCK" -f /dev/null "$@" </dev/null
}

_server=

_cleanup() {
	[ -n "$_server" ] && tm kill-server >/dev/null 2>&1
	rm -rf "$T"
}
trap _cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# One server for this script, started by the first tq_start: no user
# config, no status line (the window is all pane), kept alive between
# sessions, and panes that stay on screen after their program ends.
tm_server() {
	[ -n "$_server" ] && return 0
	if ! command -v tmux >/dev/null 2>&1; then
		echo "Bail out! tmux is not installed"
		exit 2
	fi
	_server=1
	if ! tm start-server \; set-option -g exit-empty off \
		\; set-option -g status off \; set-option -g remain-on-exit on \
		\; set-option -g default-shell /bin/sh >/dev/null 2>&1; then
		echo "Bail out! cannot start a tmux server"
		exit 2
	fi
}

# --- running termquiz in a pane --------------------------------------------------

_runs=0
S=
RUN=

# shquote WORD: WORD quoted for sh.
shquote() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

# tq_start [-x COLS] [-y ROWS] [-e NAME=VALUE]... [--] ARG...
# Start termquiz ARG... in a new detached session (80x24 unless told) and
# make it the current one ($S).  The pane runs a small sh wrapper that
#   - records `stty -g` before ($RUN.stty0) and after ($RUN.stty1),
#   - writes termquiz's pid to $RUN.pid (termquiz is exec'd by a child sh),
#   - writes the exit status to $RUN.status, then prints a marker line
#     "[termquiz exited N]" and stays alive, so the last screen can be read.
# The wrapper traps SIGINT so that Ctrl-C (sent to the whole foreground
# process group) ends only termquiz; termquiz itself starts with the
# default disposition (a trapped signal is reset by exec).
tq_start() {
	_cols=80
	_rows=24
	_env=
	while [ $# -gt 0 ]; do
		case $1 in
		-x) _cols=$2; shift 2 ;;
		-y) _rows=$2; shift 2 ;;
		-e) _env="$_env export $(shquote "$2");"; shift 2 ;;
		--) shift; break ;;
		*) break ;;
		esac
	done
	tm_server
	_runs=$((_runs + 1))
	S=tq$_runs
	RUN=$T/run$_runs
	_cmd=
	for _a in "$TQ" "$@"; do
		_cmd="$_cmd $(shquote "$_a")"
	done
	cat >"$RUN.sh" <<EOF
cd $(shquote "$T") || exit 1
export TERM=$(shquote "$PANE_TERM") LANG=C.UTF-8 LC_ALL=C.UTF-8
export HOME=$(shquote "$HOME") XDG_CONFIG_HOME=$(shquote "$XDG_CONFIG_HOME")
export XDG_DATA_HOME=$(shquote "$XDG_DATA_HOME")
export XDG_STATE_HOME=$(shquote "$XDG_STATE_HOME")
export XDG_CACHE_HOME=$(shquote "$XDG_CACHE_HOME")
unset NO_COLOR COLUMNS LINES
$_env
trap : INT
stty -g >$(shquote "$RUN.stty0") 2>&1
echo '[termquiz starting]'
sh -c 'echo \$\$ >"\$0"; exec "\$@"' $(shquote "$RUN.pid")$_cmd
st=\$?
stty -g >$(shquote "$RUN.stty1") 2>&1
echo \$st >$(shquote "$RUN.status.tmp")
mv $(shquote "$RUN.status.tmp") $(shquote "$RUN.status")
echo "[termquiz exited \$st]"
exec sleep 3600
EOF
	tm new-session -d -s "$S" -x "$_cols" -y "$_rows" "exec sh $(shquote "$RUN.sh")"
}

# keys KEY...: tmux key names (Enter, Escape, BSpace, Left, C-c, ...).
keys() {
	tm send-keys -t "$S" "$@"
}

# type_text TEXT: literal text, UTF-8 as is.
type_text() {
	tm send-keys -t "$S" -l -- "$1"
}

# capture [FLAGS]: the screen of the current pane into $SCREEN.
# shellcheck disable=SC2120 # FLAGS (e.g. -e) are for the test scripts
capture() {
	SCREEN=$(tm capture-pane -p "$@" -t "$S" 2>&1)
}

# screen_has TEXT: whether the last captured screen contains TEXT.
screen_has() {
	printf '%s\n' "$SCREEN" | grep -F -q -- "$1"
}

# screen_has_re ERE: likewise, an extended regular expression.
screen_has_re() {
	printf '%s\n' "$SCREEN" | grep -E -q -- "$1"
}

# wait_until TIMEOUT COMMAND...: capture the screen every ~50 ms until
# COMMAND (which can look at $SCREEN) succeeds, or TIMEOUT seconds pass.
wait_until() {
	_end=$(($(now_ms) + $(to_ms "$1")))
	shift
	while :; do
		capture
		"$@" && return 0
		[ "$(now_ms)" -ge "$_end" ] && return 1
		sleep 0.05
	done
}

# wait_for TEXT [TIMEOUT]: until TEXT is on screen.
wait_for() {
	wait_until "${2:-$WAIT}" screen_has "$1"
}

# hist SESSION: the whole output of a pane, its history too (line mode
# scrolls). For the live tests' several panes.
hist() {
	tm capture-pane -p -J -S -300 -t "$1" 2>&1
}

# in_pane SESSION TEXT: TEXT is somewhere in the pane's output.
in_pane() {
	hist "$1" | grep -F -q -- "$2"
}

# expect_pane SESSION TEXT DESC [TIMEOUT]: a test, polling until TEXT shows
# in that pane; on failure its last 30 lines go to the log.
expect_pane() {
	if wait_until "${4:-$WAIT}" in_pane "$1" "$2"; then
		ok "$3"
		return 0
	fi
	not_ok "$3"
	diag "expected in $1: $2"
	hist "$1" | tail -n 30 | sed 's/^/#   |/'
	return 1
}

# wait_for_re ERE [TIMEOUT]: until a line matches ERE.
wait_for_re() {
	wait_until "${2:-$WAIT}" screen_has_re "$1"
}

_screen_lacks() {
	! screen_has "$1"
}

# wait_gone TEXT [TIMEOUT]: until TEXT is no longer on screen.
wait_gone() {
	wait_until "${2:-$WAIT}" _screen_lacks "$1"
}

# expect DESC COMMAND...: a test: COMMAND (looking at $SCREEN, like
# screen_has) succeeds within $WAIT seconds.  Use it rather than one
# capture and a check: a capture can catch a frame half drawn.
expect() {
	_d=$1
	shift
	if wait_until "$WAIT" "$@"; then
		ok "$_d"
		return 0
	fi
	not_ok "$_d"
	diag "no screen passed: $*"
	diag_screen
	return 1
}

# expect_screen TEXT DESC [TIMEOUT]: a test: TEXT appears on screen.
expect_screen() {
	if wait_for "$1" "${3:-$WAIT}"; then
		ok "$2"
		return 0
	fi
	not_ok "$2"
	diag "expected on screen: $1"
	diag_screen
	return 1
}

# expect_screen_re ERE DESC [TIMEOUT]
expect_screen_re() {
	if wait_for_re "$1" "${3:-$WAIT}"; then
		ok "$2"
		return 0
	fi
	not_ok "$2"
	diag "expected a line matching: $1"
	diag_screen
	return 1
}

# wait_exit [TIMEOUT]: until termquiz has ended; its status in $STATUS.
wait_exit() {
	_end=$(($(now_ms) + $(to_ms "${1:-$WAIT}")))
	STATUS=
	while [ ! -f "$RUN.status" ]; do
		[ "$(now_ms)" -ge "$_end" ] && return 1
		sleep 0.05
	done
	STATUS=$(cat "$RUN.status")
	return 0
}

# expect_exit STATUS DESC [TIMEOUT]: a test: termquiz ends with STATUS
# (a list like "0" or "0|143").
expect_exit() {
	if ! wait_exit "${3:-$WAIT}"; then
		not_ok "$2"
		diag "termquiz did not end"
		capture
		diag_screen
		return 1
	fi
	case "|$1|" in
	*"|$STATUS|"*)
		ok "$2"
		return 0
		;;
	esac
	not_ok "$2"
	diag "exit status $STATUS, expected $1"
	capture
	diag_screen
	return 1
}

# expect_rc WANT DESC: a test on the exit status $RC of a run outside tmux,
# whose output went to $OUT and $ERR (shown when it fails).
expect_rc() {
	if [ "$RC" -eq "$1" ]; then
		ok "$2"
		return 0
	fi
	not_ok "$2"
	diag "exit status $RC, expected $1"
	diag_file "$OUT"
	diag_file "$ERR"
	return 1
}

# tq_pid: termquiz's pid in the current pane (empty until it started).
tq_pid() {
	cat "$RUN.pid" 2>/dev/null
}

# expect_terminal_restored DESC: a test: after termquiz ended, the stty
# settings are those from before, the pane is out of the alternate screen,
# and the wrapper's marker line is visible.
# The pane has left the alternate screen. tmux may parse the program's last
# bytes a moment after it exited, so this is polled like the screen.
_alternate_off() {
	[ "$(tm display -p -t "$S" '#{alternate_on}')" = 0 ]
}

expect_terminal_restored() {
	_why=
	if [ ! -s "$RUN.stty0" ] || [ ! -s "$RUN.stty1" ]; then
		_why="stty settings not recorded"
	elif ! cmp -s "$RUN.stty0" "$RUN.stty1"; then
		_why="stty -g before: $(cat "$RUN.stty0") after: $(cat "$RUN.stty1")"
	elif ! wait_until "$WAIT" _alternate_off; then
		_why="the pane is still in the alternate screen"
	elif ! wait_for "[termquiz exited"; then
		_why="the shell's output after termquiz is not visible"
	fi
	if [ -z "$_why" ]; then
		ok "$1"
		return 0
	fi
	not_ok "$1"
	diag "$_why"
	capture
	diag_screen
	return 1
}

# tq_kill_session: end the current session (and what runs in it).
tq_kill_session() {
	tm kill-session -t "$S" >/dev/null 2>&1
}

# --- JSON ------------------------------------------------------------------------

# json_check FILE DESC PY_EXPR: a test: PY_EXPR is true, with d = the
# parsed JSON of FILE (python3's json.load).
json_check() {
	_f=$1
	_d=$2
	_out=$(python3 - "$_f" "$3" 2>&1 <<'EOF'
import json, sys
path, expr = sys.argv[1], sys.argv[2]
try:
    with open(path, encoding="utf-8") as fp:
        d = json.load(fp)
except Exception as e:
    print("cannot read JSON: %s" % e)
    sys.exit(1)
q = d.get("questions", []) if isinstance(d, dict) else []
try:
    r = eval("(" + expr + "\n)", {"d": d, "q": q})
except Exception as e:
    print("%s raised %r" % (expr, e))
    sys.exit(1)
if not r:
    print("false: %s" % expr)
    sys.exit(1)
EOF
)
	if [ $? -eq 0 ]; then
		ok "$_d"
		return 0
	fi
	not_ok "$_d"
	diag "$_out"
	diag_file "$_f"
	return 1
}
