/*
 * paths_fixture.h - the pack text and paths that test_jpos.c and
 * test_jdoc.c both find positions in: nested arrays, brackets and quotes
 * inside strings, and multi-byte characters. Include after <cmocka.h>
 * and "jpos.h" (or "jdoc.h").
 */
#ifndef TERMQUIZ_PATHS_FIXTURE_H
#define TERMQUIZ_PATHS_FIXTURE_H

#include <string.h>

static const char paths_text[] =
	"{\n"
	"  \"title\": \"Paths\",\n"
	"  \"questions\": [\n"
	"    {\"type\": \"truefalse\", \"question\": \"Zero\", \"answer\": "
	    "true},\n"
	"    {\"type\": \"text\", \"question\": \"One { [ \\\" ] }\", "
	    "\"answer\": \"x\"},\n"
	"    {\n"
	"      \"type\": \"choice\",\n"
	"      \"question\": \"Two\",\n"
	"      \"choices\": [\"a\", \"b\", \"c\"],\n"
	"      \"answer\": \"b\"\n"
	"    },\n"
	"    {\"type\": \"text\", \"question\": \"Trois — été\", \"answer\": "
	    "[\"ç\", \"ü\"]}\n"
	"  ]\n"
	"}\n";

static inline struct jpath
root_path(void)
{
	struct jpath p;

	memset(&p, 0, sizeof p);
	return p;
}

/* questions[i].key, or questions[i] when key is NULL. */
static inline struct jpath
qpath(int i, const char *key)
{
	struct jpath p = jpath_index(jpath_key(root_path(), "questions"), i);

	return key != NULL ? jpath_key(p, key) : p;
}

#endif
