#!/bin/sh
# Results of every game of a run: the first as FILE, later ones beside it
# (out.json, out-2.json, ...), each with the seed that replays that game
# (play again dealing questions not yet seen first);
# quitting a later game never overwrites a finished one; a true/false
# correct_answer is a JSON boolean.
. "$(dirname "$0")/lib.sh"

python3 - "$T/pack.json" <<'PY'
import json, sys
qs = [{"type": "truefalse", "question": "Statement %s holds." % c,
       "answer": True} for c in "ABCDEF"]
json.dump({"title": "E2E Results", "questions": qs}, open(sys.argv[1], "w"))
PY
cat >"$T/config.json" <<'EOF'
{"questions_per_game": 2, "feedback_seconds": 0}
EOF
OUT=$T/out.json

# answer_two: answer both questions of a game (t, the right one), get to the
# score screen.
answer_two() {
	for _n in 1 2; do
		wait_for "Question $_n/2" || return 1
		keys t
		wait_for "Correct!" || return 1
		keys Enter
	done
	wait_for_re 'Score [0-9]+ / [0-9]+'
}

tq_start -- --config "$T/config.json" --seed 1 --results "$OUT" "$T/pack.json"
answer_two
keys Enter                                  # play again
answer_two
keys Enter                                  # a third game, quit midway
wait_for "Question 1/2"
keys t
wait_for "Correct!"
keys Enter
wait_for "Question 2/2"
keys Escape
wait_for "Quit the game?"
keys y
expect_exit 0 "three games, the last one quit, exit 0"

json_check "$OUT" "the first game is FILE, finished, with --seed's seed" \
	'd["finished"] is True and d["seed"] == 1 and len(q) == 2'
json_check "$T/out-2.json" "the second game is FILE-2.json, finished" \
	'd["finished"] is True and len(q) == 2'
json_check "$T/out-2.json" "the second game has a seed of its own" \
	'd["seed"] != 5 and 0 <= d["seed"] < 2**53'
json_check "$T/out-3.json" "the third game, quit midway, is FILE-3.json" \
	'd["finished"] is False and len(q) == 1'
json_check "$OUT" "a true/false correct_answer is a JSON boolean" \
	'all(x["correct_answer"] is True for x in q)'

# Play again deals unseen questions first: six in the pack, two a game,
# so the three games never repeat one.
python3 - "$OUT" "$T/out-2.json" "$T/out-3.json" >"$T/seen" 2>&1 <<'PY'
import json, sys
games = [[x["question"] for x in json.load(open(p))["questions"]]
         for p in sys.argv[1:4]]
asked = [q for g in games for q in g]
print("unseen" if len(asked) == len(set(asked)) == 5 else "repeated: %s" % games)
PY
check "play again asks questions not yet seen while the pack has them" \
	grep -q '^unseen$' "$T/seen" || diag_file "$T/seen"

# --seed with the second game's seed plays that game again.
seed2=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["seed"])' "$T/out-2.json")
printf 't\nt\n' | "$TQ" --plain --config "$T/config.json" --seed "$seed2" \
	--results "$T/replay.json" "$T/pack.json" >/dev/null 2>&1
python3 - "$T/out-2.json" "$T/replay.json" >"$T/cmp" 2>&1 <<'PY'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
qa = [x["question"] for x in a["questions"]]
qb = [x["question"] for x in b["questions"]]
print("same" if qa == qb and a["seed"] == b["seed"] else "differ: %s %s" % (qa, qb))
PY
check "--seed with the second game's seed replays the second game" \
	grep -q '^same$' "$T/cmp" || diag_file "$T/cmp"

finish
