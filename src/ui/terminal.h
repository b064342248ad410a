#ifndef TERMQUIZ_UI_TERMINAL_H
#define TERMQUIZ_UI_TERMINAL_H

#include <stdbool.h>

/* Whether $TERM names a terminal that can place the cursor (not "dumb", not
 * unknown): without that a full-screen game cannot be drawn. */
bool ui_can_address(void);

#endif
