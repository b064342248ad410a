/* --convert FILE [-o OUT.json]: the questions of a file in any format
 * termquiz reads, written as a termquiz pack. What was left out was said
 * (on stderr) by main.c as it loaded the file. */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "core/packwrite.h"
#include "core/sanitize.h"

int
cmd_convert(struct session *s, const struct options *o, struct diags *d)
{
	const char *file = o->files[0];
	char *raw, *json;
	FILE *fp = stdout;
	int r = 0;

	(void)d;
	raw = pack_write_json(s->packs[0], format_name(s->formats[0]), file);
	/* Controls and bidi marks escaped as \uXXXX: the same pack, and
	 * nothing for stdout's sanitiser to replace. */
	json = sanitize_json(raw);
	free(raw);
	if (o->output != NULL && (fp = fopen(o->output, "w")) == NULL) {
		fprintf(stderr, "termquiz: %s: cannot write: %s\n", o->output,
		    strerror(errno));
		free(json);
		return 1;
	}
	if (fputs(json, fp) == EOF || fflush(fp) == EOF)
		r = 1;
	if (fp != stdout && fclose(fp) != 0)
		r = 1;
	if (r)
		fprintf(stderr, "termquiz: %s: cannot write: %s\n",
		    o->output ? o->output : "standard output", strerror(errno));
	else if (o->output != NULL)
		fprintf(stderr, "termquiz: %s: %d question%s from %s (%s)\n",
		    o->output, s->packs[0]->nq, s->packs[0]->nq == 1 ? "" : "s",
		    file, format_name(s->formats[0]));
	free(json);
	return r;
}
