// The options jemalloc reads as it starts in every program that links the crawler (see
// options.c). Nothing here is called: the allocator reads the symbol itself.
#ifndef MUNISCAN_JEMALLOC_OPTIONS_H
#define MUNISCAN_JEMALLOC_OPTIONS_H
extern const char *malloc_conf;
#endif
