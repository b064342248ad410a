/* --check: the packs named were loaded (and their problems printed) by
 * main.c; say which format each was read as and whether they are valid. */

#include <stdio.h>

#include "cmd.h"

int
cmd_check(struct session *s, const struct options *o, struct diags *d)
{
	int i;

	for (i = 0; i < o->nfiles; i++)
		if (s->formats[i] != FORMAT_AUTO)
			fprintf(stderr, "termquiz: %s: read as %s\n",
			    o->files[i], format_name(s->formats[i]));
	if (d->errors)
		return 1;
	fprintf(stderr, "termquiz: %d pack%s valid (%d warning%s)\n",
	    o->nfiles, o->nfiles == 1 ? "" : "s", d->warnings,
	    d->warnings == 1 ? "" : "s");
	return 0;
}
