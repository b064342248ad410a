/*
 * html.c - the plain text of the HTML that Anki, Quizlet and GIFT [html]
 * fields carry, for a terminal.
 */
#include "html.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "entities.h"
#include "util.h"

/* Tags that end a line of text, opening or closing. */
static const char *const break_tags[] = {
	"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
	"ul", "ol", "table", "blockquote", "pre", "hr", NULL
};

static bool
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The name of the tag at s ('<' already passed, '/' skipped) in lower
 * case into name; returns its length. */
static size_t
tag_name(const char *s, char name[12])
{
	size_t n = 0;

	while ((is_alpha(s[n]) || (n > 0 && s[n] >= '0' && s[n] <= '9')) &&
	    n < 11) {
		name[n] = (char)(s[n] | 0x20);
		n++;
	}
	name[n] = '\0';
	return n;
}

/* One tag at s (s[0] == '<'): what it means for the text, and the offset
 * past it; 0 when s is not a tag (a lone '<' is text). */
static size_t
tag(const char *s, struct strbuf *b, unsigned *dropped)
{
	const char *p = s + 1, *end;
	char name[12];
	int i;

	if (strncmp(p, "!--", 3) == 0) {
		end = strstr(p + 3, "-->");
		return end ? (size_t)(end + 3 - s) : strlen(s);
	}
	if (*p == '/')
		p++;
	if (!is_alpha(*p) && *p != '!')
		return 0;
	end = strchr(p, '>');
	if (end == NULL)
		return 0;
	tag_name(p, name);
	if (strcmp(name, "img") == 0)
		*dropped |= HTML_DROPPED_IMAGE;
	for (i = 0; break_tags[i] != NULL; i++)
		if (strcmp(name, break_tags[i]) == 0) {
			strbuf_add(b, "\n", 1);
			break;
		}
	return (size_t)(end + 1 - s);
}

/* [sound:file] at s: its length, or 0. */
static size_t
sound(const char *s)
{
	const char *end;

	if (strncmp(s, "[sound:", 7) != 0 || (end = strchr(s, ']')) == NULL)
		return 0;
	return (size_t)(end + 1 - s);
}

/* Spaces around line breaks trimmed, runs of breaks made one, none at
 * either end. */
static char *
tidy_lines(const char *s)
{
	struct strbuf b = { 0 };
	size_t i = 0, n = strlen(s);
	bool pending = false;

	while (i < n) {
		size_t k = i, e;

		while (k < n && s[k] != '\n')
			k++;
		e = k;
		while (i < e && (s[i] == ' ' || s[i] == '\t'))
			i++;
		while (e > i && (s[e - 1] == ' ' || s[e - 1] == '\t'))
			e--;
		if (e > i) {
			if (pending)
				strbuf_add(&b, "\n", 1);
			strbuf_add(&b, s + i, e - i);
			pending = true;
		}
		i = k + 1;
	}
	return b.s ? strbuf_take(&b) : xstrdup("");
}

/* Whether s has nothing for html_to_text to do but trimming: no tag,
 * entity, sound, line break, tab or run of spaces (most fields). */
static bool
plain(const char *s, bool html)
{
	if (!html)
		return strstr(s, "[sound:") == NULL;
	return s[strcspn(s, "<&\n\t")] == '\0' && strstr(s, "  ") == NULL &&
	    strstr(s, "[sound:") == NULL;
}

static char *
trimmed_copy(const char *s)
{
	size_t n;

	while (*s == ' ')
		s++;
	n = strlen(s);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	return xstrndup(s, n);
}

char *
html_to_text(const char *s, bool html, unsigned *dropped)
{
	struct strbuf b = { 0 };
	char *stripped, *decoded, *out;
	size_t i = 0, k;

	if (plain(s, html))
		return html ? trimmed_copy(s) : xstrdup(s);
	while (s[i] != '\0') {
		/* The run up to the next character that may mean something. */
		k = strcspn(s + i, html ? "[< \n\t" : "[");
		strbuf_add(&b, s + i, k);
		i += k;
		if (s[i] == '\0')
			break;
		if (s[i] == '[' && (k = sound(s + i)) > 0) {
			*dropped |= HTML_DROPPED_SOUND;
			i += k;
		} else if (s[i] == '<' && (k = tag(s + i, &b, dropped)) > 0) {
			i += k;
		} else if (s[i] == '\n' || s[i] == '\t' || s[i] == ' ') {
			/* Source white space is one space in HTML. */
			if (b.len == 0 || b.s[b.len - 1] != ' ')
				strbuf_add(&b, " ", 1);
			i++;
		} else {
			strbuf_add(&b, s + i, 1);
			i++;
		}
	}
	stripped = b.s ? strbuf_take(&b) : xstrdup("");
	if (!html)
		return stripped;
	if (strchr(stripped, '&') != NULL) {
		decoded = entities_decode(stripped);
		if (decoded == NULL)   /* out of memory: xstrdup ends it */
			decoded = xstrdup(stripped);
		free(stripped);
	} else {
		decoded = stripped;
	}
	out = tidy_lines(decoded);
	free(decoded);
	return out;
}
