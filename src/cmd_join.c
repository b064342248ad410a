/* --join: play in someone's live game. */

#include "cmd.h"
#include "net/join.h"
#include "signals.h"

int
cmd_join(struct session *s, const struct options *o, struct diags *d)
{
	struct join_opts jo = { o->join, o->pin, o->name, o->token };

	(void)d;
	(void)s;
	signals_catch();
	return join_run_plain(&jo);
}
