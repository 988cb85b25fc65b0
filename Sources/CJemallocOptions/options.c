#include "CJemallocOptions.h"

// jemalloc's options, read once as it starts (the MALLOC_CONF environment variable still
// overrides them, for experiments).
//
// One arena: jemalloc makes four per processor and gives each thread one, and memory one
// thread frees stays in its arena for that arena's next allocations. A crawl that judges sites
// as they end allocates a site's facts on one thread and frees them on another, so freed pages
// piled up in arenas no thread was allocating from: a scan of a thousand sites of a hundred
// dense pages at once peaked at 99.4-100.8 MB with eight arenas, 91.5-94.0 MB with one (three
// runs each, taking turns), 93.6-100.6 MB with two, at the same CPU. Each thread keeps its own
// cache of small blocks, so two processors seldom wait for the one arena's lock.
const char *malloc_conf = "narenas:1";
