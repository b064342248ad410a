#!/bin/sh
# Hostile packs and files (issue #10): text from a pack, a config or the
# history never reaches a terminal as control bytes, on every path that
# prints it; every byte written to the pty is captured (script(1)) and
# searched for ESC, BEL, C1 and bidi controls. Then --results targets that
# are not regular files, seeds, and a closed stdout.
. "$(dirname "$0")/lib.sh"

OUT=$T/out
ERR=$T/err
IN=$T/in

# A pack whose every string shown carries an escape: OSC 0 (title), OSC 52
# (clipboard), CSI 2J, BEL, C1 CSI and DCS, and a right-to-left override.
# The key "\u001b]0;key\u0007" is unknown: its warning quotes it.
cat >"$T/evil.json" <<'EOF'
{"title": "Evil\u001b]0;pwned\u0007\u202e",
 "\u001b]0;key\u0007": 1,
 "questions": [
  {"type": "choice", "question": "Q\u001b[2J?\u009b",
   "choices": ["a\u0007", "b\u0090x\u001b\\"], "answer": "b\u0090x\u001b\\",
   "explanation": "E\u001b]52;c;aGk=\u0007\u2066"}]}
EOF
# Open Trivia text where numeric references decode to ESC and BEL.
cat >"$T/otdb.json" <<'EOF'
{"response_code": 0, "results": [
  {"type": "multiple", "difficulty": "hard&#27;[2J",
   "category": "Cat&#27;]0;pwned&#7;",
   "question": "Q&#27;]52;c;aGk=&#7;?",
   "correct_answer": "Right&#27;[31m",
   "incorrect_answers": ["W1", "W2&#x202E;", "W3"]}]}
EOF
# A pack with an error that quotes the hostile string.
cat >"$T/bad.json" <<'EOF'
{"title": "Bad", "questions": [
  {"type": "choice", "question": "Q?", "choices": ["a", "b"],
   "answer": "c\u001b]0;pwned\u0007"}]}
EOF
cat >"$T/evil-config.json" <<'EOF'
{"theme": "\u001b]0;pwned\u0007\u009b"}
EOF

# pty_run LOG ARG...: termquiz ARG... in a pseudo-terminal with $IN on its
# input; every byte it wrote to the terminal is in LOG. $RC.
pty_run() {
	_log=$1
	shift
	_cmd=
	for _a in "$TQ" "$@"; do
		_cmd="$_cmd $(shquote "$_a")"
	done
	script -q -e -c "$_cmd" "$_log.raw" <"$IN" >/dev/null 2>&1
	RC=$?
	# script adds a line before and after what the program wrote.
	sed '1d;$d' "$_log.raw" >"$_log"
}

# clean_bytes FILE DESC MARKER: a test: FILE has no ESC, BEL or other C0
# control (but newline, CR, tab), no DEL, no C1 (U+0080..U+009F, nor as a
# lone byte), no bidi control (U+202A..E, U+2066..9), and shows MARKER (the
# stand-in of what the pack held, so that the path was really taken).
clean_bytes() {
	_why=$(python3 - "$1" "$3" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
marker = sys.argv[2].encode()
bad = []
for i, b in enumerate(data):
    if (b < 0x20 and b not in (9, 10, 13)) or b == 0x7F:
        bad.append(i)
text = data.decode("utf-8", errors="surrogateescape")
pos = 0
for ch in text:
    c = ord(ch)
    if 0x80 <= c <= 0x9F or 0x202A <= c <= 0x202E or 0x2066 <= c <= 0x2069 \
            or 0xDC80 <= c <= 0xDCFF:
        bad.append(pos)
    pos += len(ch.encode("utf-8", errors="surrogateescape"))
if bad:
    i = bad[0]
    print("%d control bytes; first at %d: %r" % (len(bad), i,
          data[max(0, i - 20):i + 20]))
elif marker not in data:
    print("the marker %r is not in the output: %r" % (marker, data[:300]))
PY
)
	if [ -z "$_why" ]; then
		ok "$2"
	else
		not_ok "$2"
		diag "$_why"
	fi
}

# --- every path that prints pack text, through a pty ---
printf '1\n' >"$IN"
pty_run "$T/plain.log" --plain --untimed "$T/evil.json"
clean_bytes "$T/plain.log" "--plain: title, question, choices, answer, \
explanation and the warning reach the pty as stand-ins" '^[]0;pwned^G'
check "--plain shows the clipboard write as text" \
	grep -Fq 'E^[]52;c;aGk=^G<U+2066>' "$T/plain.log"
check "--plain shows the unknown key's warning as text" \
	grep -Fq '^[]0;key^G' "$T/plain.log"

pty_run "$T/otdb.log" --plain --untimed "$T/otdb.json"
clean_bytes "$T/otdb.log" "--plain: Open Trivia text whose &#27; decodes \
to ESC (question, category, difficulty, answer) as stand-ins" \
	'Q^[]52;c;aGk=^G?'
check "--plain shows the category and difficulty as text" \
	grep -Fq 'Cat^[]0;pwned^G' "$T/otdb.log"

pty_run "$T/check.log" --check "$T/evil.json" "$T/bad.json"
clean_bytes "$T/check.log" "--check: messages quoting a pack's strings" \
	'^[]0;pwned^G'

pty_run "$T/config.log" --config "$T/evil-config.json" --plain "$T/evil.json"
clean_bytes "$T/config.log" "config errors on stderr" '^[]0;pwned^G<U+009B>'

# The title is kept in the history: it must not inject from there either.
printf '1\n' >"$IN"
"$TQ" --plain --untimed --results "$T/results.json" "$T/evil.json" \
	<"$IN" >/dev/null 2>&1
pty_run "$T/stats.log" --stats
clean_bytes "$T/stats.log" "--stats table: the title from the history" \
	'Evil^[]0;pwned^G<U+202E>'
pty_run "$T/stats-json.log" --stats --json
clean_bytes "$T/stats-json.log" "--stats --json escapes C1 and bidi controls" \
	'\u202e'
clean_bytes "$T/results.json" "the results file escapes C1 and bidi \
controls" '\u009b'
json_check "$T/results.json" "the results file keeps the text itself" \
	'd["pack"] == "Evil\x1b]0;pwned\x07\u202e"'

# --- --results: what is not a regular file is written in place ---
printf '1\n' >"$IN"
ln -s /dev/null "$T/null-link"
"$TQ" --plain --untimed --results "$T/null-link" "$T/evil.json" \
	<"$IN" >"$OUT" 2>"$ERR"
RC=$?
expect_rc 0 "--results through a link to /dev/null"
check "the link to /dev/null is not replaced by a file" test -L "$T/null-link"
check "/dev/null is still a device" test -c /dev/null

mkfifo "$T/fifo"
cat "$T/fifo" >"$T/from-fifo" &
reader=$!
# termquiz refuses a FIFO that no program reads (it never waits for one), so
# start it once the reader is waiting in open() for a writer.
_reader_waits() {
	[ "$(cat /proc/$reader/comm 2>/dev/null)" = cat ] &&
	    grep -q 'wait_for_partner\|fifo_open' /proc/$reader/wchan 2>/dev/null
}
if [ -r /proc/self/wchan ]; then
	_end=$(($(now_ms) + $(to_ms "$WAIT")))
	until _reader_waits || [ "$(now_ms)" -ge "$_end" ]; do
		sleep 0.02
	done
else
	sleep 0.5   # no /proc: give the reader a moment to reach open()
fi
"$TQ" --plain --untimed --results "$T/fifo" "$T/evil.json" \
	<"$IN" >"$OUT" 2>"$ERR"
RC=$?
# Were the results never written (or the FIFO replaced by a file), the
# reader would wait forever: give it $WAIT s, then open and close the
# write end ourselves so that it sees the end, and stop it.
_end=$(($(now_ms) + $(to_ms "$WAIT")))
while kill -0 "$reader" 2>/dev/null && [ "$(now_ms)" -lt "$_end" ]; do
	sleep 0.05
done
if kill -0 "$reader" 2>/dev/null; then
	test -p "$T/fifo" && : >"$T/fifo"
	kill "$reader" 2>/dev/null
fi
wait "$reader"
expect_rc 0 "--results into a FIFO"
check "the FIFO is still a FIFO" test -p "$T/fifo"
json_check "$T/from-fifo" "the results came through the FIFO" \
	'd["questions"][0]["type"] == "choice"'

# /dev/fd/N of a pipe, as bash's --results >(cat) gives.
{ "$TQ" --plain --untimed --results /dev/fd/3 "$T/evil.json" \
	<"$IN" 3>&1 >/dev/null 2>"$ERR"; echo $? >"$T/fd-rc"; } |
	cat >"$T/from-fd"
RC=$(cat "$T/fd-rc")
expect_rc 0 "--results /dev/fd/3 (a pipe)"
json_check "$T/from-fd" "the results came through the pipe" \
	'd["pack"].startswith("Evil")'

"$TQ" --plain --results "$T/no/such/folder/r.json" "$T/evil.json" \
	<"$IN" >"$OUT" 2>"$ERR"
RC=$?
expect_rc 1 "--results in a missing folder fails"
check "it fails before the first question" eval '! grep -q "Question" "$OUT"'
check "the message names the file" \
	grep -Fq "$T/no/such/folder/r.json: cannot write results" "$ERR"

# --- seeds: exact integers, and what --seed takes back ---
for seed in 0 1803676355032090 9007199254740991; do
	"$TQ" --plain --untimed --seed "$seed" --results "$T/seed.json" \
		"$T/evil.json" <"$IN" >/dev/null 2>&1
	check "seed $seed is written as an exact JSON integer" \
		grep -Eq "\"seed\":[[:space:]]*$seed,\$" "$T/seed.json"
done
"$TQ" --plain --untimed --results "$T/fresh.json" "$T/evil.json" \
	<"$IN" >/dev/null 2>&1
seed=$(sed -n 's/.*"seed":[[:space:]]*\([0-9]*\),$/\1/p' "$T/fresh.json")
"$TQ" --plain --untimed --seed "$seed" --check "$T/evil.json" \
	>"$OUT" 2>"$ERR"
RC=$?
expect_rc 0 "a fresh seed from a results file ($seed) is taken by --seed"
for bad in " -1" -1 +1 9007199254740992 18446744073709551615 " 1"; do
	"$TQ" --seed "$bad" --check "$T/evil.json" >"$OUT" 2>"$ERR"
	RC=$?
	expect_rc 2 "--seed '$bad' is refused"
done

# --- plain mode input: one line, one answer; only text is kept ---
cat >"$T/three.json" <<'EOF'
{"title": "Three", "questions": [
 {"type": "text", "question": "Q1?", "answer": "x"},
 {"type": "text", "question": "Q2?", "answer": "x"},
 {"type": "text", "question": "Q3?", "answer": "x"}]}
EOF
cat >"$T/in.py" <<'EOF'
import sys
sys.stdout.buffer.write(b"a" * 10000 + b"\n" + b"q\xff\xc3(\x00HIDDEN\n" + b"x\n")
EOF
python3 "$T/in.py" >"$IN"
"$TQ" --plain --untimed --results "$T/three-results.json" "$T/three.json" \
	<"$IN" >"$OUT" 2>"$ERR"
RC=$?
expect_rc 0 "a game fed a 10,000-byte line, bad bytes and a NUL"
json_check "$T/three-results.json" "the 10,000-byte line is one answer (it \
answered three questions): each line answered one question" \
	'len(q) == 3 and d["questions"][2]["answer"] == "x"'
json_check "$T/three-results.json" "the long answer is kept cut to 4096 bytes" \
	'q[0]["answer"] == "a" * 4096'
json_check "$T/three-results.json" "bad bytes and the NUL became U+FFFD, the \
text after the NUL is kept" 'q[1]["answer"] == "q\ufffd\ufffd(\ufffdHIDDEN"'
check "the player is told the line was cut" grep -q "bytes past the first 4096 \
were dropped" "$OUT"
check "the player is told bytes were replaced" grep -q "3 bytes that are not \
text" "$OUT"

# --- a closed stdout is an error ---
"$TQ" --version >&- 2>"$ERR"
RC=$?
expect_rc 1 "--version with stdout closed exits 1"
check "and says why" grep -q "cannot write the output" "$ERR"
"$TQ" --plain --untimed "$T/evil.json" <"$IN" >/dev/full 2>"$ERR"
RC=$?
expect_rc 1 "a game in plain mode onto a full disk exits 1"

finish
