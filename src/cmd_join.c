/* --join: play in someone's live game, full screen or in line mode. */

#include "cmd.h"
#include "net/join.h"
#include "signals.h"
#include "ui/ui.h"

int
cmd_join(struct session *s, const struct options *o, struct diags *d)
{
	struct join_opts jo = { o->join, o->pin, o->name, o->token };

	(void)d;
	signals_catch();
	if (play_on_screen(o))
		return ui_live_join(s, &jo);
	return join_run_plain(&jo);
}
