/*
 * libFuzzer harness over the importers. The first byte picks the format
 * (its value mod 7: found by content, GIFT, Aiken, Anki, Quizlet,
 * OpenTriviaQA, CSV) and the options (0x10 --as-choice, 0x20 --swap, 0x40
 * Quizlet separators " - " and ";"); the rest is the file. make fuzz seeds
 * it from the fixtures, each with its format's byte in front.
 * Built with -DFUZZ_FORMAT=FORMAT_GIFT (and so on) it is one format's
 * target: the first byte gives only the options, and every input is read
 * as that format (build-fuzz/fuzz_gift...; tests/fuzz/seeds.sh DIR gift
 * seeds it from that format's fixtures).
 * Sanitizers catch memory errors; the asserts catch an importer that says
 * "valid" about something the game could not play, or an error that fails
 * nothing.
 */

#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "packwrite.h"
#include "pack.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#ifndef FUZZ_FORMAT
static const enum format formats[] = {
	FORMAT_AUTO, FORMAT_GIFT, FORMAT_AIKEN, FORMAT_ANKI, FORMAT_QUIZLET,
	FORMAT_OPENTRIVIAQA, FORMAT_CSV
};
#endif

static void
check_pack(const struct pack *p)
{
	int i, k;

	assert(p->title != NULL && p->title[0] != '\0' && p->nq > 0);
	for (i = 0; i < p->nq; i++) {
		const struct question *q = &p->q[i];

		assert(q->text != NULL && q->text[0] != '\0');
		if (q->type == Q_CHOICE) {
			assert(q->nchoices >= CHOICES_MIN &&
			    q->nchoices <= CHOICES_MAX && q->answer >= 0 &&
			    q->answer < q->nchoices);
			for (k = 0; k < q->nchoices; k++)
				assert(q->choices[k][0] != '\0');
		}
		if (q->type == Q_TEXT)
			assert(q->nanswers > 0 && q->answers[0][0] != '\0');
		assert(question_answer_text(q) != NULL);
	}
}

/* What --convert writes reads back as a pack of as many questions. */
static void
check_round_trip(const struct pack *p)
{
	char *json = pack_write_json(p, "fuzz", "fuzz.csv");
	struct diags d = { 0 };
	struct pack *back = pack_parse("fuzz.json", json, strlen(json), &d);

	assert(back != NULL && d.errors == 0 && back->nq == p->nq);
	pack_free(back);
	diags_fini(&d);
	free(json);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_opts o = { 0 };
	struct diags d = { 0 };
	struct pack *p;
	unsigned b;
	int i;

	if (size == 0)
		return 0;
	b = data[0];
#ifdef FUZZ_FORMAT
	o.format = FUZZ_FORMAT;
#else
	o.format = formats[b % (sizeof formats / sizeof formats[0])];
#endif
	o.as_choice = (b & 0x10) != 0;
	o.swap = (b & 0x20) != 0;
	o.seed = size;
	if (b & 0x40) {
		o.term_sep = " - ";
		o.row_sep = ";";
	}
	p = format_parse("fuzz.csv", (const char *)data + 1, size - 1, &o, &d,
	    NULL);
	if (p != NULL) {
		assert(d.errors == 0);
		check_pack(p);
		check_round_trip(p);
	} else {
		assert(d.errors > 0);
	}
	for (i = 0; i < d.n; i++)
		assert(d.v[i].msg != NULL && d.v[i].line >= 0 && d.v[i].col >= 0);
	pack_free(p);
	diags_fini(&d);
	return 0;
}
