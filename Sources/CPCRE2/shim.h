// PCRE2's 8-bit (UTF-8) library, and helpers for what Swift cannot reach directly: the
// width-generic names are macros, and a match needs match data of its own.
#ifndef MUNISCAN_CPCRE2_SHIM_H
#define MUNISCAN_CPCRE2_SHIM_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/// Compiles `pattern` as UTF-8 with Unicode properties (`\w`, `\d`, `\b` and case folding cover
/// every script), any Unicode line break ending a line (as in ICU), caseless when asked,
/// anchored (matching only where a search starts) when asked, and JIT-compiles it when the
/// platform has a JIT. NULL on error, with its code and offset.
static inline pcre2_code_8 *muniscan_pcre2_compile(const char *pattern, size_t length,
                                                   int caseless, int anchored, int *error,
                                                   size_t *errorOffset) {
  pcre2_compile_context_8 *context = pcre2_compile_context_create_8(NULL);
  if (context == NULL) {
    *error = PCRE2_ERROR_NOMEMORY;
    *errorOffset = 0;
    return NULL;
  }
  pcre2_set_newline_8(context, PCRE2_NEWLINE_ANY);
  uint32_t options = PCRE2_UTF | PCRE2_UCP | (caseless ? PCRE2_CASELESS : 0) |
                     (anchored ? PCRE2_ANCHORED : 0);
  pcre2_code_8 *code = pcre2_compile_8((PCRE2_SPTR8)pattern, length, options, error,
                                       errorOffset, context);
  pcre2_compile_context_free_8(context);
  if (code != NULL) (void)pcre2_jit_compile_8(code, PCRE2_JIT_COMPLETE);
  return code;
}

/// Finds the first match of `code` in `subject` (valid UTF-8, `length` bytes) at or after byte
/// `offset`, using `data` (room for one pair of offsets). Returns 1 with the match's byte
/// offsets, 0 when there is none, or a negative PCRE2 error code. The JIT runs on the default
/// 32 KB stack; a match that needs more runs again in the interpreter, whose backtracking lives
/// on the heap.
static inline int muniscan_pcre2_match_from(const pcre2_code_8 *code, pcre2_match_data_8 *data,
                                            const char *subject, size_t length, size_t offset,
                                            size_t *start, size_t *end) {
  int result = pcre2_match_8(code, (PCRE2_SPTR8)subject, length, offset, PCRE2_NO_UTF_CHECK,
                             data, NULL);
  if (result == PCRE2_ERROR_JIT_STACKLIMIT) {
    result = pcre2_match_8(code, (PCRE2_SPTR8)subject, length, offset,
                           PCRE2_NO_UTF_CHECK | PCRE2_NO_JIT, data, NULL);
  }
  if (result >= 0) {
    PCRE2_SIZE *ovector = pcre2_get_ovector_pointer_8(data);
    *start = ovector[0];
    *end = ovector[1];
  }
  if (result == PCRE2_ERROR_NOMATCH) return 0;
  return result < 0 ? result : 1;
}

/// The 256 flags of the bytes a match can begin with, when PCRE2 worked them out; NULL when
/// it did not (a match may then begin with any byte).
static inline const uint8_t *muniscan_pcre2_first_bytes(const pcre2_code_8 *code) {
  const uint8_t *bitmap = NULL;
  if (pcre2_pattern_info_8(code, PCRE2_INFO_FIRSTBITMAP, &bitmap) != 0) return NULL;
  return bitmap;
}

#endif
