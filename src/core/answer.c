#include "answer.h"

#include <stdlib.h>
#include <string.h>

#include "fold.h"

bool
answer_text_matches(const struct question *q, const char *typed)
{
	char *t = fold_text(typed);
	bool hit = false;
	int i;

	for (i = 0; i < q->nanswers && !hit && t[0] != '\0'; i++) {
		char *a = fold_text(q->answers[i]);

		hit = strcmp(a, t) == 0;
		free(a);
	}
	free(t);
	return hit;
}
