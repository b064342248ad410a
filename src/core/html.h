#ifndef TERMQUIZ_HTML_H
#define TERMQUIZ_HTML_H

#include <stdbool.h>

/* What html_to_text left out, for the importer's warnings. */
enum {
	HTML_DROPPED_IMAGE = 1,  /* <img ...> */
	HTML_DROPPED_SOUND = 2   /* Anki's [sound:file] */
};

/* Plain text of an HTML fragment: tags stripped (<br>, <p>, <div>, <li>
 * and headings become line breaks), white space collapsed as a browser
 * would, entities decoded, <img> and [sound:...] left out (their flags
 * or'ed into *dropped). With html false only [sound:...] is removed and
 * the text is otherwise kept. Returns a new string the caller frees. */
char *html_to_text(const char *s, bool html, unsigned *dropped);

#endif
