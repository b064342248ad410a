#ifndef TERMQUIZ_LOADUTIL_H
#define TERMQUIZ_LOADUTIL_H

/* Checks shared by the JSON loaders: typed getters that report what is wrong. */

#include <stdbool.h>

#include "jdoc.h"

/* Borrow obj.key as a string; report a wrong type, and a missing key when
 * required. Returns NULL when absent or wrong. */
const char *lu_string(struct jdoc *doc, const cJSON *obj, struct jpath p,
    const char *key, bool required);

/* Read obj.key as a number in [min, max]; whole if integer. Returns 1 when
 * read, 0 when absent, -1 when wrong (reported). */
int lu_number(struct jdoc *doc, const cJSON *obj, struct jpath p,
    const char *key, double min, double max, bool integer, double *out);

/* lu_number for whole numbers stored in an int. */
int lu_int(struct jdoc *doc, const cJSON *obj, struct jpath p,
    const char *key, int min, int max, int *out);

/* Read obj.key as a boolean. Returns 1, 0 (absent) or -1 (wrong, reported). */
int lu_bool(struct jdoc *doc, const cJSON *obj, struct jpath p,
    const char *key, bool *out);

/* lu_string for a member already found: v is obj.key, or NULL when obj
 * has no such member (for loaders that read an object in one pass). */
const char *lu_string_of(struct jdoc *doc, const cJSON *v, struct jpath p,
    const char *key, bool required);

/* lu_number for a member already found (v NULL: absent, returns 0). */
int lu_number_of(struct jdoc *doc, const cJSON *v, struct jpath p,
    const char *key, double min, double max, bool integer, double *out);

/* lu_bool for a member already found (v NULL: absent, returns 0). */
int lu_bool_of(struct jdoc *doc, const cJSON *v, struct jpath p,
    const char *key, bool *out);

/* Warn about member m of an object at p when it is not in the
 * NULL-terminated list known ("$schema" is always allowed), with a "did
 * you mean" for near misses. Returns whether it was unknown. */
bool lu_unknown_key(struct jdoc *doc, const cJSON *m, struct jpath p,
    const char *const *known);

/* Warn about members of obj not in the NULL-terminated list known, with a
 * "did you mean" for near misses. */
void lu_unknown_keys(struct jdoc *doc, const cJSON *obj, struct jpath p,
    const char *const *known);

/* Warn about every member of obj (at p) whose name an earlier member
 * already has, naming both places. */
void lu_repeated_keys(struct jdoc *doc, const cJSON *obj, struct jpath p);

/* The name of a JSON value's type for messages ("a string", "an array"...). */
const char *lu_type_name(const cJSON *v);

/* Edit distance between a and b, ASCII case-insensitive, capped at cap + 1. */
int lu_distance(const char *a, const char *b, int cap);

#endif
