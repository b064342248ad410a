#include <stdio.h>
#include <string.h>

#include "bench.h"

void
question_token(char *buf, size_t size, int k)
{
	snprintf(buf, size, "Q%02dxk", k);
}

static int
write_file(const char *dir, const char *leaf, const char *text)
{
	char path[512];
	FILE *fp;
	int bad;

	snprintf(path, sizeof path, "%s/%s", dir, leaf);
	fp = fopen(path, "w");
	if (fp == NULL)
		return -1;
	bad = fputs(text, fp) == EOF;
	return fclose(fp) != 0 || bad ? -1 : 0;
}

/* n text questions, each starting with its token. */
static int
write_text_pack(const char *dir, const char *leaf, int n)
{
	char path[512], tok[16];
	FILE *fp;
	int k;

	snprintf(path, sizeof path, "%s/%s", dir, leaf);
	fp = fopen(path, "w");
	if (fp == NULL)
		return -1;
	fputs("{\"title\": \"Bench\", \"questions\": [\n", fp);
	for (k = 1; k <= n; k++) {
		question_token(tok, sizeof tok, k);
		fprintf(fp, "  {\"type\": \"text\", \"question\": \"%s probe: "
		    "type anything\", \"answer\": \"zzz\"}%s\n", tok,
		    k < n ? "," : "");
	}
	fputs("]}\n", fp);
	return fclose(fp) == 0 ? 0 : -1;
}

int
gen_small(const char *dir)
{
	static const char config[] =
	    "{\"feedback_seconds\": 0, \"shuffle_questions\": false,\n"
	    " \"shuffle_choices\": false, \"streak_bonus\": 0,\n"
	    " \"questions_per_game\": 0}\n";
	static const char countdown[] =
	    "{\"title\": \"Bench\", \"questions\": [\n"
	    "  {\"type\": \"choice\", \"question\": \"Q01xk probe: pick one\",\n"
	    "   \"choices\": [\"Sydney\", \"Canberra\", \"Melbourne\", "
	    "\"Perth\"],\n   \"answer\": \"Canberra\"},\n"
	    "  {\"type\": \"text\", \"question\": \"Q02xk probe: type "
	    "anything\", \"answer\": \"zzz\"}\n]}\n";

	if (write_file(dir, "config.json", config) < 0 ||
	    write_file(dir, "countdown.json", countdown) < 0 ||
	    write_text_pack(dir, "deadline.json", 32) < 0 ||
	    write_text_pack(dir, "keys.json", 1) < 0)
		return -1;
	return 0;
}

/* --- the large pack --- */

static const char *const words[] = {
	"capital", "river", "mountain", "ocean", "island", "desert", "city",
	"empire", "treaty", "battle", "century", "planet", "element", "atom",
	"protein", "cell", "novel", "poet", "painter", "symphony", "opera",
	"language", "alphabet", "currency", "border", "glacier", "volcano",
	"forest", "species", "bridge", "tower", "harbour", "festival",
	"dynasty", "kingdom", "republic", "comet", "galaxy", "theorem",
	"prime", "Zürich", "Reykjavík", "São Paulo", "Kraków", "Malmö",
	"café", "naïve", "Québec", "Ñandú", "smörgåsbord", "東京", "Αθήνα",
	"\\\"Nile\\\"", "largest", "oldest", "first", "famous", "northern",
	"southern", "ancient", "modern", "which", "what", "known",
};
#define NWORDS ((int)(sizeof words / sizeof words[0]))

struct rng {
	uint64_t s;
};

static uint32_t
rnd(struct rng *r, uint32_t n)
{
	r->s ^= r->s >> 12;
	r->s ^= r->s << 25;
	r->s ^= r->s >> 27;
	return (uint32_t)((r->s * 2685821657736338717ULL) >> 33) % n;
}

/* min to min + extra words, at random but for the first when first >= 0. */
static void
put_words(FILE *fp, struct rng *r, int first, int min, int extra)
{
	int i, n = min + (int)rnd(r, (uint32_t)extra + 1);

	for (i = 0; i < n; i++)
		fprintf(fp, "%s%s", i ? " " : "", i == 0 && first >= 0 ?
		    words[first % NWORDS] : words[rnd(r, NWORDS)]);
}

static void
put_choice(FILE *fp, struct rng *r)
{
	int n = 3 + (int)rnd(r, 3), base = (int)rnd(r, NWORDS), k;
	int ans = (int)rnd(r, (uint32_t)n), len = 0;
	char first[64];

	fputs("\"type\": \"choice\", \"choices\": [", fp);
	for (k = 0; k < n; k++) {
		/* Distinct first words (7k mod 64), so no two choices match. */
		fputs(k ? ", \"" : "\"", fp);
		if (k == ans) {
			len = snprintf(first, sizeof first, "%s",
			    words[(base + 7 * k) % NWORDS]);
			fputs(first, fp);
		} else {
			put_words(fp, r, base + 7 * k, 1, 1);
		}
		fputc('"', fp);
	}
	if (rnd(r, 10) < 7 && len > 0)
		fprintf(fp, "], \"answer\": \"%s\"", first);
	else
		fprintf(fp, "], \"answer\": %d", ans);
}

static void
put_question(FILE *fp, struct rng *r, int i, struct pack_shape *sh)
{
	uint32_t kind = rnd(r, 10);

	fprintf(fp, "    {\"question\": \"#%d: ", i + 1);
	put_words(fp, r, -1, 3, 5);
	fputs("?\", ", fp);
	if (kind < 5) {
		put_choice(fp, r);
		sh->choice++;
	} else if (kind < 7) {
		fprintf(fp, "\"type\": \"truefalse\", \"answer\": %s",
		    rnd(r, 2) ? "true" : "false");
		sh->truefalse++;
	} else {
		fputs("\"type\": \"text\", \"answer\": [\"", fp);
		put_words(fp, r, -1, 1, 1);
		sh->text++;
		if (rnd(r, 2)) {
			fputs("\", \"", fp);
			put_words(fp, r, -1, 1, 1);
			sh->alternatives++;
		}
		fputs("\"]", fp);
	}
	if (rnd(r, 10) < 3) {
		sh->explained++;
		fputs(", \"explanation\": \"", fp);
		put_words(fp, r, -1, 5, 8);
		fputs(".\"", fp);
	}
	fputs("}", fp);
}

int
gen_big(const char *path, int n, long long *bytes, struct pack_shape *sh)
{
	struct rng r = { 0x9E3779B97F4A7C15ULL };
	FILE *fp = fopen(path, "w");
	int i;
	long end;

	if (fp == NULL)
		return -1;
	fprintf(fp, "{\n  \"title\": \"Benchmark %d\",\n  \"description\": "
	    "\"Generated by tests/bench\",\n  \"time_limit\": 20,\n"
	    "  \"questions\": [\n", n);
	for (i = 0; i < n; i++) {
		put_question(fp, &r, i, sh);
		fputs(i + 1 < n ? ",\n" : "\n", fp);
	}
	fputs("  ]\n}\n", fp);
	end = ftell(fp);
	if (fclose(fp) != 0 || end < 0)
		return -1;
	*bytes = end;
	return 0;
}

/* --- the mixed pack: every choice explained, every text answer with
 * alternatives (issue #16's shape) --- */

static void
put_mixed(FILE *fp, struct rng *r, int i, struct pack_shape *sh)
{
	uint32_t kind = rnd(r, 10);

	fprintf(fp, "    {\"question\": \"#%d: ", i + 1);
	put_words(fp, r, -1, 3, 4);
	fputs("?\", ", fp);
	if (kind < 5) {
		put_choice(fp, r);
		fputs(", \"explanation\": \"", fp);
		put_words(fp, r, -1, 4, 6);
		fputs(".\"", fp);
		sh->choice++;
		sh->explained++;
	} else if (kind < 7) {
		fprintf(fp, "\"type\": \"truefalse\", \"answer\": %s",
		    rnd(r, 2) ? "true" : "false");
		sh->truefalse++;
	} else {
		int k, n = 2 + (int)rnd(r, 2);

		sh->text++;
		sh->alternatives++;

		fputs("\"type\": \"text\", \"answer\": [", fp);
		for (k = 0; k < n; k++) {
			fputs(k ? ", \"" : "\"", fp);
			put_words(fp, r, -1, 1, 2);
			fputc('"', fp);
		}
		fputc(']', fp);
	}
	fputs("}", fp);
}

int
gen_mixed(const char *path, int n, long long *bytes, struct pack_shape *sh)
{
	struct rng r = { 0x2545F4914F6CDD1DULL };
	FILE *fp = fopen(path, "w");
	int i;
	long end;

	if (fp == NULL)
		return -1;
	fprintf(fp, "{\n  \"title\": \"Mixed benchmark %d\",\n"
	    "  \"questions\": [\n", n);
	for (i = 0; i < n; i++) {
		put_mixed(fp, &r, i, sh);
		fputs(i + 1 < n ? ",\n" : "\n", fp);
	}
	fputs("  ]\n}\n", fp);
	end = ftell(fp);
	if (fclose(fp) != 0 || end < 0)
		return -1;
	*bytes = end;
	return 0;
}

int
gen_duplicates(const char *path, int n, long long *bytes)
{
	FILE *fp = fopen(path, "w");
	int i;
	long end;

	if (fp == NULL)
		return -1;
	fputs("{\"title\": \"Duplicates\", \"questions\": [\n", fp);
	for (i = 0; i < n; i++)
		fprintf(fp, "  {\"type\": \"text\", \"question\": \"Asked "
		    "again?\", \"answer\": \"yes\"}%s\n", i + 1 < n ? "," : "");
	fputs("]}\n", fp);
	end = ftell(fp);
	if (fclose(fp) != 0 || end < 0)
		return -1;
	*bytes = end;
	return 0;
}
