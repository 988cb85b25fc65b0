// glibc's malloc_trim, which gives the pages of freed heap memory back to the system.
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif
