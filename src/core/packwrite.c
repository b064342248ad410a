/*
 * packwrite.c - a pack written as a termquiz JSON pack (--convert).
 */
#include "packwrite.h"

#include <cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define SCHEMA_ID "https://termquiz.example/pack.schema.json"

/* cJSON's allocation failure ends the program, as xmalloc does. */
static cJSON *
must(cJSON *v)
{
	if (v == NULL)
		die("out of memory");
	return v;
}

static void
add_string(cJSON *obj, const char *key, const char *s)
{
	must(cJSON_AddStringToObject(obj, key, s));
}

/* The correct choice by its text, or by its index when the text is given
 * twice (the text would be ambiguous). */
static void
add_choice_answer(cJSON *obj, const struct question *q)
{
	int i;

	for (i = 0; i < q->nchoices; i++)
		if (i != q->answer &&
		    strcmp(q->choices[i], q->choices[q->answer]) == 0) {
			must(cJSON_AddNumberToObject(obj, "answer", q->answer));
			return;
		}
	add_string(obj, "answer", q->choices[q->answer]);
}

static cJSON *
question_json(const struct question *q)
{
	cJSON *o = must(cJSON_CreateObject()), *a;
	int i;

	add_string(o, "type", qtype_name(q->type));
	add_string(o, "question", q->text);
	switch (q->type) {
	case Q_CHOICE:
		a = must(cJSON_AddArrayToObject(o, "choices"));
		for (i = 0; i < q->nchoices; i++)
			cJSON_AddItemToArray(a,
			    must(cJSON_CreateString(q->choices[i])));
		add_choice_answer(o, q);
		break;
	case Q_TRUEFALSE:
		must(cJSON_AddBoolToObject(o, "answer", q->truth));
		break;
	default:
		if (q->nanswers == 1) {
			add_string(o, "answer", q->answers[0]);
			break;
		}
		a = must(cJSON_AddArrayToObject(o, "answer"));
		for (i = 0; i < q->nanswers; i++)
			cJSON_AddItemToArray(a,
			    must(cJSON_CreateString(q->answers[i])));
		break;
	}
	if (q->explanation != NULL)
		add_string(o, "explanation", q->explanation);
	if (q->time_limit > 0)
		must(cJSON_AddNumberToObject(o, "time_limit", q->time_limit));
	if (q->category != NULL)
		add_string(o, "category", q->category);
	if (q->difficulty != NULL)
		add_string(o, "difficulty", q->difficulty);
	return o;
}

char *
pack_write_json(const struct pack *p, const char *format, const char *file)
{
	cJSON *root = must(cJSON_CreateObject()), *qs, *src;
	char *text, *out;
	int i;

	add_string(root, "$schema", SCHEMA_ID);
	add_string(root, "title", p->title);
	if (p->description && *p->description)
		add_string(root, "description", p->description);
	if (p->author && *p->author)
		add_string(root, "author", p->author);
	if (format != NULL) {
		src = must(cJSON_AddObjectToObject(root, "source"));
		add_string(src, "format", format);
		add_string(src, "file", file ? file : "");
	}
	if (p->time_limit > 0)
		must(cJSON_AddNumberToObject(root, "time_limit", p->time_limit));
	qs = must(cJSON_AddArrayToObject(root, "questions"));
	for (i = 0; i < p->nq; i++)
		cJSON_AddItemToArray(qs, question_json(&p->q[i]));
	text = cJSON_Print(root);
	cJSON_Delete(root);
	if (text == NULL)
		die("out of memory");
	out = xasprintf("%s\n", text);
	cJSON_free(text);
	return out;
}
