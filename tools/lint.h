/* What cppcheck must know of the system headers it is not given (make lint). */
#define cJSON_ArrayForEach(element, array) for (element = (array) != NULL ? (array)->child : NULL; element != NULL; element = element->next)
