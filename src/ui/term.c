/* Whether the terminal can take a full-screen game: kept apart from the
 * screens because <term.h> defines macros (lines, columns, ...) that would
 * clash with their names. */

#include <curses.h>
#include <term.h>
#include <unistd.h>

#include "terminal.h"

bool
ui_can_address(void)
{
	TERMINAL *saved = cur_term, *t;
	const char *cup;
	int err = 0;
	bool ok;

	if (setupterm(NULL, STDOUT_FILENO, &err) != OK)
		return false;
	cup = tigetstr("cup");
	ok = cup != NULL && cup != (const char *)-1;
	t = set_curterm(saved);
	del_curterm(t);
	return ok;
}
