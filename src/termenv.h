#ifndef TERMQUIZ_TERMENV_H
#define TERMQUIZ_TERMENV_H

/* What the environment says about the terminal, for every front end. */

#include <stdbool.h>

/* Whether the locale's character set (after setlocale) is UTF-8. */
bool termenv_utf8(void);

#endif
