#!/bin/sh
# Live play over SSH, as the README's recipe sets it up: a real OpenSSH
# server on a loopback port (its own config, host key and user key in a temp
# folder, run in the foreground with -D) forces every login into
# `termquiz --join`; two players ssh in from their own tmux sessions, type
# the PIN and a nickname, and play a game to the podium.
. "$(dirname "$0")/lib.sh"

SSHD=/usr/sbin/sshd
if [ ! -x "$SSHD" ] || ! command -v ssh >/dev/null 2>&1 ||
	! command -v ssh-keygen >/dev/null 2>&1; then
	echo "ok 1 # SKIP OpenSSH (sshd, ssh, ssh-keygen) is not installed"
	echo "1..1"
	exit 0
fi

cat >"$T/pack.json" <<'EOF'
{
  "title": "E2E SSH",
  "time_limit": 30,
  "questions": [
    {"type": "choice", "question": "Capital of Australia?",
     "choices": ["Sydney", "Canberra", "Melbourne", "Perth"],
     "answer": "Canberra"}
  ]
}
EOF
cat >"$T/config.json" <<'EOF'
{"shuffle_questions": false, "shuffle_choices": false,
 "live": {"read_seconds": 0.5, "reveal_seconds": 1}}
EOF

# --- the host ----------------------------------------------------------------------
tq_start -- --host --plain --config "$T/config.json" --listen 127.0.0.1:0 \
	--start-when 2 --results "$T/results.json" "$T/pack.json"
HOST=$S
HOST_RUN=$RUN
expect_pane "$HOST" "PIN: " "the host shows a PIN" || finish
PIN=$(hist "$HOST" | sed -n 's/^PIN: \([0-9]*\)$/\1/p' | head -n 1)
ADDR=$(hist "$HOST" | sed -n 's/^Join with: termquiz --join //p' | head -n 1)

# --- sshd: keys, a config with the README's Match block, a free port ------------------
D=$T/ssh
mkdir -p "$D"
chmod 700 "$D"
ssh-keygen -q -t ed25519 -N '' -f "$D/host_key" </dev/null >/dev/null
ssh-keygen -q -t ed25519 -N '' -f "$D/id" </dev/null >/dev/null
cp "$D/id.pub" "$D/authorized_keys"
ME=$(id -un)
# Run as root, sshd wants its privilege separation folder.
[ "$(id -u)" -eq 0 ] && mkdir -p /run/sshd
SSHD_PID=
_stop_sshd() {
	[ -n "$SSHD_PID" ] && kill "$SSHD_PID" 2>/dev/null
	SSHD_PID=
}
trap '_stop_sshd; _cleanup' EXIT

start_sshd() { # PORT
	cat >"$D/sshd_config" <<EOF
Port $1
ListenAddress 127.0.0.1
HostKey $D/host_key
PidFile $D/sshd.pid
AuthorizedKeysFile $D/authorized_keys
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin prohibit-password
AllowUsers $ME
Match User $ME
	ForceCommand $TQ --join $ADDR
	PermitTTY yes
	X11Forwarding no
	AllowTcpForwarding no
EOF
	"$SSHD" -D -e -f "$D/sshd_config" 2>"$D/sshd.log" &
	SSHD_PID=$!
	# Up when it answers with its banner; gone when the port was taken.
	_end=$(($(now_ms) + 5000))
	while [ "$(now_ms)" -lt "$_end" ]; do
		kill -0 "$SSHD_PID" 2>/dev/null || return 1
		python3 -c "import socket,sys; s=socket.create_connection(('127.0.0.1', $1), 1); sys.exit(0 if s.recv(4).startswith(b'SSH') else 1)" \
			2>/dev/null && return 0
		sleep 0.05
	done
	return 1
}

SPORT=
for _try in 1 2 3 4 5; do
	_p=$((20000 + ($$ * 7 + _try * 811) % 40000))
	if start_sshd "$_p"; then
		SPORT=$_p
		break
	fi
	_stop_sshd
done
if [ -z "$SPORT" ]; then
	echo "ok 2 # SKIP sshd could not run here: $(tail -n 3 "$D/sshd.log" | tr '\n' ' ')"
	finish
fi
ok "a real sshd listens on 127.0.0.1:$SPORT with the Match User block"

# --- two players log in ------------------------------------------------------------------
ssh_player() { # SESSION
	tm new-session -d -s "$1" -x 80 -y 24 \
		"ssh -t -p $SPORT -i $(shquote "$D/id") -o BatchMode=yes \
		-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
		-o LogLevel=ERROR $ME@127.0.0.1; echo '[ssh exited]'; exec sleep 3600"
}
ssh_player ann
ssh_player bob
expect_pane ann "PIN: " "a player who logs in over SSH is asked the PIN" ||
	{ diag_file "$D/sshd.log"; finish; }
S=ann
type_text "$PIN"
keys Enter
expect_pane ann "Nickname [$ME]: " "then a nickname, offering the login name"
type_text ann
keys Enter
S=bob
wait_until "$WAIT" in_pane bob "PIN: "
type_text "$PIN"
keys Enter
wait_until "$WAIT" in_pane bob "Nickname"
type_text bob
keys Enter
expect_pane "$HOST" "+ ann joined" "the first SSH player is in the game"
expect_pane "$HOST" "+ bob joined (2 in)" "the host sees both"

# Over SSH the player is full screen (ssh -t gives it a terminal).
S=ann
expect_screen "2  Canberra" "the question reaches the SSH players" || finish
type_text 2
S=bob
wait_for "2  Canberra"
type_text 3
S=ann
expect_screen "Correct!" "ann, over SSH, is right"
S=bob
expect_screen "Correct answer: Canberra" "bob, over SSH, is told the answer"
expect "with what he chose, as the solo feedback shows it" \
	screen_has "Your answer:    Melbourne"
expect_pane bob "You finished #2 with 0 points" "the podium reaches SSH players" 10
# q on the host's podium ends the game (Enter would play again).
S=$HOST
RUN=$HOST_RUN
keys q Enter
expect_pane ann "[ssh exited]" "the SSH session ends with the game"
expect_exit 0 "the host ends after the podium"
json_check "$T/results.json" "the results hold both SSH players" \
	'[p["nick"] for p in d["players"]] == ["ann", "bob"] and d["players"][1]["questions"][0]["answer"] == "Melbourne"'
_stop_sshd
finish
