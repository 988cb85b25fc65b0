#include <zlib.h>

/* deflateInit2 and inflateInit2 are macros over the *_ functions; Swift cannot call macros. */
static inline int czlib_deflate_init_gzip(z_streamp stream, int level) {
  return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}

static inline int czlib_inflate_init_auto(z_streamp stream) {
  return inflateInit2(stream, 15 + 32);
}
