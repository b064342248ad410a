/*
 * libFuzzer over plain mode's line reader (src/core/linein.c): the input is
 * cut into chunks (each chunk's length from one byte of the input), fed,
 * and every line taken must be valid UTF-8 without NUL, CR at its end or
 * newline, and no longer than LINEIN_KEEP bytes before repair.
 */
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "linein.h"
#include "utf8.h"

static void
take_all(struct linein *in)
{
	struct line l;

	while (linein_take(in, &l)) {
		size_t n = strlen(l.text);

		assert(utf8_valid(l.text, n, NULL));
		assert(memchr(l.text, '\n', n) == NULL);
		/* Each kept byte gives at most 3 (U+FFFD). */
		assert(n <= 3 * LINEIN_KEEP);
		free(l.text);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct linein in = { 0 };
	size_t i = 0;

	while (i < size) {
		size_t k = 1 + data[i] % 64, n = size - i - 1;

		i++;
		if (k > n)
			k = n;
		linein_feed(&in, (const char *)data + i, k);
		i += k;
		if (k % 7 == 3)
			linein_drop_partial(&in);
		take_all(&in);
	}
	linein_end(&in);
	take_all(&in);
	linein_fini(&in);
	return 0;
}
