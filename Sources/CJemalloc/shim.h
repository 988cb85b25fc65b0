// jemalloc (Debian's libjemalloc-dev), which replaces glibc's allocator in every program that
// links the crawler, and the one call the crawler makes of it.
#include <jemalloc/jemalloc.h>

#define MUNISCAN_STRINGIFY_(x) #x
#define MUNISCAN_STRINGIFY(x) MUNISCAN_STRINGIFY_(x)

// Gives the pages of every arena's freed memory back to the system now, instead of when
// jemalloc's decay (10 s by default) would.
static inline int muniscan_purge_freed_pages(void) {
  return mallctl("arena." MUNISCAN_STRINGIFY(MALLCTL_ARENAS_ALL) ".purge", NULL, NULL, NULL, 0);
}
