// PCRE2's 8-bit (UTF-8) library, and helpers for what Swift cannot reach directly: the
// width-generic names are macros, and a match needs match data of its own.
#ifndef MUNISCAN_CPCRE2_SHIM_H
#define MUNISCAN_CPCRE2_SHIM_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/// Compiles `pattern` as UTF-8 with Unicode properties (`\w`, `\d`, `\b` and case folding cover
/// every script), any Unicode line break ending a line (as in ICU), caseless when asked, and
/// JIT-compiles it when the platform has a JIT. NULL on error, with its code and offset.
static inline pcre2_code_8 *muniscan_pcre2_compile(const char *pattern, size_t length,
                                                   int caseless, int *error,
                                                   size_t *errorOffset) {
  pcre2_compile_context_8 *context = pcre2_compile_context_create_8(NULL);
  if (context == NULL) {
    *error = PCRE2_ERROR_NOMEMORY;
    *errorOffset = 0;
    return NULL;
  }
  pcre2_set_newline_8(context, PCRE2_NEWLINE_ANY);
  uint32_t options = PCRE2_UTF | PCRE2_UCP | (caseless ? PCRE2_CASELESS : 0);
  pcre2_code_8 *code = pcre2_compile_8((PCRE2_SPTR8)pattern, length, options, error,
                                       errorOffset, context);
  pcre2_compile_context_free_8(context);
  if (code != NULL) (void)pcre2_jit_compile_8(code, PCRE2_JIT_COMPLETE);
  return code;
}

/// Finds the first match of `code` in `subject` (valid UTF-8, `length` bytes). Returns 1 with
/// the match's byte offsets, 0 when there is none, or a negative PCRE2 error code. The JIT runs
/// on the default 32 KB stack; a match that needs more runs again in the interpreter, whose
/// backtracking lives on the heap.
static inline int muniscan_pcre2_first_match(const pcre2_code_8 *code, const char *subject,
                                             size_t length, size_t *start, size_t *end) {
  pcre2_match_data_8 *data = pcre2_match_data_create_8(1, NULL);
  if (data == NULL) return PCRE2_ERROR_NOMEMORY;
  int result = pcre2_match_8(code, (PCRE2_SPTR8)subject, length, 0, PCRE2_NO_UTF_CHECK, data,
                             NULL);
  if (result == PCRE2_ERROR_JIT_STACKLIMIT) {
    result = pcre2_match_8(code, (PCRE2_SPTR8)subject, length, 0,
                           PCRE2_NO_UTF_CHECK | PCRE2_NO_JIT, data, NULL);
  }
  if (result >= 0) {
    PCRE2_SIZE *ovector = pcre2_get_ovector_pointer_8(data);
    *start = ovector[0];
    *end = ovector[1];
  }
  pcre2_match_data_free_8(data);
  if (result == PCRE2_ERROR_NOMATCH) return 0;
  return result < 0 ? result : 1;
}

#endif
