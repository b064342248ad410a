#ifndef TERMQUIZ_PACKWRITE_H
#define TERMQUIZ_PACKWRITE_H

#include "pack.h"

/* The pack as termquiz JSON, naming its schema and, when format is not
 * NULL, a "source" note {"format": format, "file": file}. The JSON loader
 * reads it back to the same questions. Returns a new string (ending in a
 * newline) the caller frees. */
char *pack_write_json(const struct pack *p, const char *format,
    const char *file);

#endif
