# Helpers for the Open Trivia Database tests: the stand-in API server
# (tests/opentdb_server.py) on 127.0.0.1 and a free port, a config that
# points termquiz at it, and the state and cache folders. Sourced after
# lib.sh.

SRV_DIR=$T/srv
SRV_PID=
SRV_PORT=
CACHE=$XDG_CACHE_HOME/termquiz/opentdb
STATE=$XDG_STATE_HOME/termquiz/opentdb.json
OTDB_SERVER=$(cd "$(dirname "$0")/.." && pwd)/opentdb_server.py

# srv_start MODE: start the server, wait for its port, write the config.
srv_start() {
	mkdir -p "$SRV_DIR"
	rm -f "$SRV_DIR/port"
	python3 "$OTDB_SERVER" "$SRV_DIR" "$1" </dev/null >"$SRV_DIR/out" 2>&1 &
	SRV_PID=$!
	_end=$(($(now_ms) + 20000))
	while [ ! -s "$SRV_DIR/port" ]; do
		if [ "$(now_ms)" -ge "$_end" ]; then
			echo "Bail out! the test server did not start"
			sed "s/^/# /" "$SRV_DIR/out"
			exit 2
		fi
		sleep 0.05
	done
	SRV_PORT=$(cat "$SRV_DIR/port")
	write_config "http://127.0.0.1:$SRV_PORT"
}

# srv_stop: stop the server (the port then refuses connections).
srv_stop() {
	if [ -n "$SRV_PID" ]; then
		kill "$SRV_PID" 2>/dev/null
		wait "$SRV_PID" 2>/dev/null
	fi
	SRV_PID=
}

# srv_mode MODE: how api.php answers from now on.
srv_mode() {
	python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1]).read()' \
		"http://127.0.0.1:$SRV_PORT/_mode?m=$1"
	: >"$SRV_DIR/log"
}

write_config() {
	mkdir -p "$XDG_CONFIG_HOME/termquiz"
	printf '{"opentdb_url": "%s", "feedback_seconds": 0.2}\n' "$1" \
		>"$XDG_CONFIG_HOME/termquiz/config.json"
}

# fresh_state: a live session token, and no request for long: the next
# fetch asks at once.
fresh_state() {
	mkdir -p "$XDG_STATE_HOME/termquiz"
	printf '{"token": "seeded", "token_used": %s, "last_request": 0}\n' \
		"$(now_ms)" >"$STATE"
}

# no_state: no token yet (the first run on a machine).
no_state() {
	rm -f "$STATE"
}

clear_cache() {
	rm -rf "$CACHE"
}

# cached_files: how many files the cache holds.
cached_files() {
	if [ -d "$CACHE" ]; then
		find "$CACHE" -type f | wc -l | tr -d ' '
	else
		echo 0
	fi
}

# expect_nothing_cached DESC
expect_nothing_cached() {
	check "$1" [ "$(cached_files)" = 0 ] || find "$CACHE" -type f | sed 's/^/# cached: /'
}

# log_has TEXT: the server was asked for a path containing TEXT.
log_has() {
	grep -F -q -- "$1" "$SRV_DIR/log"
}

trap 'srv_stop; _cleanup' EXIT

# --- plain-mode runs: output in $OUT and $ERR, status in $RC

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
