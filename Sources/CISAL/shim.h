#include <isa-l/igzip_lib.h>

/* The level buffer ISA-L's deflate wants at each level (0-3), as the header's macros name it
   (function-like arithmetic that Swift does not import). */
static inline unsigned int muniscan_isal_level_buffer_size(int level) {
  switch (level) {
  case 0: return ISAL_DEF_LVL0_DEFAULT;
  case 1: return ISAL_DEF_LVL1_DEFAULT;
  case 2: return ISAL_DEF_LVL2_DEFAULT;
  default: return ISAL_DEF_LVL3_DEFAULT;
  }
}
