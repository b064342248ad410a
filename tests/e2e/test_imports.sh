#!/bin/sh
# Packs in other formats, played in a real terminal: a GIFT file and an
# Anki deck (as typed answers, then --as-choice), their --results files;
# --check naming the format and a problem's place; --convert's pack.
. "$(dirname "$0")/lib.sh"

cat >"$T/config.json" <<'EOF2'
{"shuffle_questions": false, "shuffle_choices": false, "feedback_seconds": 0}
EOF2
cat >"$T/geo.gift" <<'EOF2'
// A teacher's GIFT file
$CATEGORY: $course$/top/Geography

::Capital:: What is the capital of Australia? {
	~Sydney
	=Canberra#Chosen as a compromise between Sydney and Melbourne.
	~Melbourne
}

The Nile flows north.{T}

Which river flows through Vienna?{=Danube =the Danube}
EOF2
printf '#separator:tab\n#html:true\n#deck:Languages::Spanish\n' >"$T/deck.txt"
printf 'el perro\tthe dog\nel gato\tthe <b>cat</b>\nla casa\tthe house\n' \
    >>"$T/deck.txt"
printf 'el libro\tthe book\nla mesa\tthe table\n' >>"$T/deck.txt"

# --- a GIFT file ----------------------------------------------------------
RES=$T/gift-results.json
gift_game() {
	tq_start --config "$T/config.json" --seed 1 --results "$RES" \
		"$T/geo.gift"
	expect_screen "Question 1/3" "GIFT: the game starts at question 1 of 3" ||
		return 1
	expect_screen "What is the capital of Australia?" \
		"GIFT: the question is shown without its ::title::"
	expect "GIFT: its choices are listed in order" \
		screen_has_re '2  Canberra *$'
	keys 2
	expect_screen "Correct!" "GIFT: the = answer is the right one" ||
		return 1
	expect "GIFT: the right answer's #feedback is the explanation" \
		screen_has "Chosen as a compromise"
	keys Enter
	expect_screen "The Nile flows north." "GIFT: {T} is a true/false question" ||
		return 1
	keys t
	expect_screen "Correct!" "GIFT: {T} is true" || return 1
	keys Enter
	expect_screen "Which river flows through Vienna?" \
		"GIFT: {=a =b} is a typed answer" || return 1
	type_text "the danube"
	keys Enter
	expect_screen "Correct!" "GIFT: any = answer is accepted" || return 1
	keys Enter
	expect_screen_re 'Score [0-9]+ / [0-9]+' "GIFT: the score screen" ||
		return 1
	keys q
	expect_exit 0 "GIFT: q ends the game with status 0"
	expect_terminal_restored "GIFT: the terminal is restored"
}
gift_game
json_check "$RES" "GIFT results: the pack is named by \$CATEGORY" \
	'd["pack"] == "Geography"'
json_check "$RES" "GIFT results: three right answers" \
	'(d["correct"], d["wrong"], d["timed_out"]) == (3, 0, 0)'
json_check "$RES" "GIFT results: the questions in the file's order" \
	'[x["question"] for x in q] == ["What is the capital of Australia?",
	  "The Nile flows north.", "Which river flows through Vienna?"]'

# --- an Anki deck, typed ---------------------------------------------------
RES=$T/anki-results.json
anki_game() {
	tq_start --config "$T/config.json" --seed 1 --count 2 --results "$RES" \
		"$T/deck.txt"
	expect_screen "el perro" "Anki: the first field is asked" || return 1
	type_text "the dog"
	keys Enter
	expect_screen "Correct!" "Anki: the second field is the answer" ||
		return 1
	keys Enter
	expect_screen "el gato" "Anki: the next note is asked" || return 1
	type_text "the mouse"
	keys Enter
	expect_screen "Wrong" "Anki: another answer is wrong" || return 1
	expect "Anki: the answer is shown without its HTML" \
		screen_has "Correct answer: the cat"
	keys Enter
	expect_screen_re 'Score [0-9]+ / [0-9]+' "Anki: the score screen" ||
		return 1
	keys q
	expect_exit 0 "Anki: q ends the game with status 0"
}
anki_game
json_check "$RES" "Anki results: the pack is named by its #deck" \
	'd["pack"] == "Spanish"'
json_check "$RES" "Anki results: one right, one wrong" \
	'(d["correct"], d["wrong"]) == (1, 1) and q[1]["answer"] == "the mouse"'

# --- the same deck --as-choice -----------------------------------------------
RES=$T/choice-results.json
choice_game() {
	tq_start --config "$T/config.json" --seed 5 --count 1 --as-choice \
		--results "$RES" "$T/deck.txt"
	expect_screen "el perro" "--as-choice: the card is asked" || return 1
	expect "--as-choice: four choices" screen_has_re '^ +[^ ]? *4  '
	expect "--as-choice: the right answer is among them" \
		screen_has_re '[1-4]  the dog *$'
	_key=$(printf '%s\n' "$SCREEN" | sed -n 's/.* \([1-4]\)  the dog *$/\1/p' |
		head -n 1)
	keys "${_key:-1}"
	expect_screen "Correct!" "--as-choice: its key is the right answer" ||
		return 1
	keys Enter
	expect_screen_re 'Score [0-9]+ / [0-9]+' "--as-choice: the score screen" ||
		return 1
	keys q
	expect_exit 0 "--as-choice: q ends the game with status 0"
}
choice_game
json_check "$RES" "--as-choice results: a choice answered right" \
	'd["correct"] == 1 and q[0]["answer"] == "the dog"'

# --- --check and --convert -------------------------------------------------
OUT=$T/out ERR=$T/err
"$TQ" --check "$T/geo.gift" "$T/deck.txt" >"$OUT" 2>"$ERR"
RC=$?
expect_rc 0 "--check: a GIFT file and an Anki deck are valid"
check "--check names the format it read" \
	grep -q "geo.gift: read as gift" "$ERR"
check "--check names the Anki format" grep -q "deck.txt: read as anki" "$ERR"
printf 'The Nile flows north.{T}\n\nWhich?{=a ~b\n' >"$T/bad.gift"
"$TQ" --check "$T/bad.gift" >"$OUT" 2>"$ERR"
RC=$?
expect_rc 1 "--check: a broken GIFT file exits 1"
check "--check: the problem at its LINE:COL" \
	grep -q "bad.gift:3:7: error: '{' without its closing '}'" "$OUT"
"$TQ" --convert "$T/geo.gift" -o "$T/geo.json" >"$OUT" 2>"$ERR"
RC=$?
expect_rc 0 "--convert -o writes the pack"
json_check "$T/geo.json" "--convert: names the schema, the title, the source" \
	'd["$schema"].endswith("pack.schema.json") and d["title"] ==
	 "Geography" and d["source"] == {"format": "gift", "file":
	 "'"$T"'/geo.gift"}'
json_check "$T/geo.json" "--convert: the same questions, explanation kept" \
	'[x["type"] for x in q] == ["choice", "truefalse", "text"] and
	 q[0]["answer"] == "Canberra" and "compromise" in q[0]["explanation"]'
"$TQ" --check "$T/geo.json" >"$OUT" 2>"$ERR"
RC=$?
expect_rc 0 "--convert: the converted pack passes --check"
check "--convert: with no warning" test ! -s "$OUT"

finish
