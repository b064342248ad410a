#!/bin/sh
# With no pack on the command line: a menu of the bundled packs and the
# user's, with their question counts; a broken pack shows as "cannot load"
# without breaking the menu; choosing a pack starts a game.
. "$(dirname "$0")/lib.sh"

BUNDLED=$(dirname "$TQ")/assets/packs
USER_PACKS=$XDG_DATA_HOME/termquiz/packs
mkdir -p "$USER_PACKS"
cat >"$USER_PACKS/mine.json" <<'EOF'
{"title": "E2E User Pack", "questions": [
  {"type": "truefalse", "question": "Water is wet.", "answer": true},
  {"type": "truefalse", "question": "Fire is cold.", "answer": false}
]}
EOF
# A missing comma after "truefalse".
cat >"$USER_PACKS/broken.json" <<'EOF'
{"title": "E2E Broken Pack", "questions": [
  {"type": "truefalse" "question": "Is this valid?", "answer": true}
]}
EOF

# "TITLE<tab>COUNT" for each bundled pack.
python3 - "$BUNDLED" >"$T/bundled.txt" <<'EOF'
import glob, json, os, sys
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.json"))):
    with open(path, encoding="utf-8") as fp:
        d = json.load(fp)
    print("%s\t%d" % (d["title"], len(d["questions"])))
EOF

# menu_line TEXT: the menu row holding TEXT (first match).
menu_line() {
	printf '%s\n' "$SCREEN" | grep -F -- "$1" | head -n 1
}

# The number key shown on the row of TEXT.
menu_number() {
	menu_line "$1" | sed -n 's/^[^0-9]*\([1-9]\) .*/\1/p'
}

menu() {
	tq_start
	expect_screen "choose a pack" "with no pack, termquiz shows the menu" ||
		return 1
	if [ ! -s "$T/bundled.txt" ]; then
		not_ok "the bundled packs are found in $BUNDLED"
		return 1
	fi
	for title in "World Geography" "Science & Nature" "Space & Astronomy" \
		"History"; do
		grep -q "^$title" "$T/bundled.txt" ||
			not_ok "the bundled pack \"$title\" exists in $BUNDLED"
	done
	while IFS='	' read -r title count; do
		line=$(menu_line "$title")
		if printf '%s\n' "$line" | grep -Eq -- " $count questions *\$"; then
			ok "the menu lists \"$title\" with its $count questions"
		else
			not_ok "the menu lists \"$title\" with its $count questions"
			diag "row: $line"
			diag_screen
		fi
	done <"$T/bundled.txt"
	line=$(menu_line "E2E User Pack")
	if printf '%s\n' "$line" | grep -Eq ' 2 questions *$'; then
		ok "the menu lists the user's pack from \$XDG_DATA_HOME/termquiz/packs"
	else
		not_ok "the menu lists the user's pack from \$XDG_DATA_HOME/termquiz/packs"
		diag_screen
	fi
	line=$(menu_line "broken")
	if printf '%s\n' "$line" | grep -q "cannot load"; then
		ok "the broken pack is listed as \"cannot load\""
	else
		not_ok "the broken pack is listed as \"cannot load\""
		diag_screen
	fi

	# Moving onto the broken pack says what is wrong with it; choosing it
	# starts nothing and keeps the menu.
	n=$(menu_number "broken")
	if [ -n "$n" ]; then
		i=1
		while [ "$i" -lt "$n" ]; do
			keys Down
			i=$((i + 1))
		done
		expect_screen_re "broken\.json:2:[0-9]+:" \
			"the selected broken pack shows FILE:LINE:COL of its problem"
		keys Enter
		type_text "$n"
		# Keys are handled in order: once Down has moved the selection
		# to the last row, Enter and the number key were handled too.
		keys Down
		wait_for "Every pack above in one game"
		if screen_has "choose a pack" && ! screen_has "Question 1/" &&
			[ ! -f "$RUN.status" ]; then
			ok "choosing the broken pack keeps the menu"
		else
			not_ok "choosing the broken pack keeps the menu"
			diag_screen
		fi
	else
		not_ok "the broken pack has a number key"
		diag_screen
	fi

	n=$(menu_number "World Geography")
	if [ -z "$n" ]; then
		not_ok "World Geography has a number key"
		diag_screen
		return 1
	fi
	type_text "$n"
	expect_screen_re "Question 1/[0-9]+" \
		"choosing World Geography by its number starts a game" || return 1
	expect "the game is World Geography's" screen_has " World Geography"
	keys Escape
	wait_for "Quit the game?" && type_text y
	expect_exit 0 "quitting the game from the menu exits with status 0"
	expect_terminal_restored "the terminal is restored"
}

# With only the broken pack around (no bundled packs found from a copy of
# the binary elsewhere), the menu still comes up and q leaves it.
menu_only_broken() {
	mkdir -p "$T/bin"
	cp "$TQ" "$T/bin/termquiz"
	TQ_SAVED=$TQ
	TQ=$T/bin/termquiz
	tq_start
	TQ=$TQ_SAVED
	expect_screen "cannot load" \
		"a menu with only a broken pack still shows it" || return 1
	type_text q
	expect_exit 0 "q leaves the menu with status 0"
}

menu
menu_only_broken
finish
