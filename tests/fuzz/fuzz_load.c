/*
 * libFuzzer harness over the JSON loaders: any bytes, as a pack and as a
 * config. Sanitizers catch memory errors; the asserts below catch a loader
 * that says "valid" about something the game could not play.
 */

#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "config.h"
#include "pack.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_pack(const struct pack *p)
{
	int i;

	assert(p->title != NULL && p->nq > 0);
	for (i = 0; i < p->nq; i++) {
		const struct question *q = &p->q[i];

		assert(q->text != NULL);
		if (q->type == Q_CHOICE)
			assert(q->nchoices >= CHOICES_MIN &&
			    q->nchoices <= CHOICES_MAX && q->answer >= 0 &&
			    q->answer < q->nchoices);
		if (q->type == Q_TEXT)
			assert(q->nanswers > 0 && q->answers[0] != NULL);
		assert(question_answer_text(q) != NULL);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags d = { 0 };
	struct config c;
	struct pack *p;
	int i;

	p = pack_parse("fuzz.json", (const char *)data, size, &d);
	if (p != NULL) {
		assert(d.errors == 0);
		check_pack(p);
	} else {
		assert(d.errors > 0);
	}
	for (i = 0; i < d.n; i++)
		assert(d.v[i].msg != NULL && d.v[i].line >= 0);
	pack_free(p);
	diags_fini(&d);
	config_defaults(&c);
	if (config_parse(&c, "fuzz.json", (const char *)data, size, &d) == 0)
		assert(d.errors == 0 && c.time_limit > 0);
	config_fini(&c);
	diags_fini(&d);
	return 0;
}
