// The libxml2 headers MuniscanHTML uses, plus small helpers for what Swift cannot reach
// directly: variadic error callbacks, and C globals that Swift 6 treats as shared mutable state.
#ifndef MUNISCAN_CLIBXML2_SHIM_H
#define MUNISCAN_CLIBXML2_SHIM_H

// Debian builds libxml2 with ICU, and encoding.h then includes the system's <unicode/ucnv.h>,
// whose declarations clash with the ICU copy inside Foundation (_FoundationICU) as soon as a module
// imports both. Nothing here uses the ICU fields at the end of xmlCharEncodingHandler (only
// pointers to handlers are passed around), so the headers are read as if ICU were off.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/dict.h>
#include <libxml/encoding.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlreader.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <string.h>

/// Frees memory that libxml2 allocated (xmlFree is a global function pointer).
static inline void muniscan_xml_free(void *pointer) { xmlFree(pointer); }

static void muniscan_ignore_generic_error(void *context, const char *message, ...) {
  (void)context;
  (void)message;
}

static void muniscan_ignore_structured_error(void *context, xmlErrorPtr error) {
  (void)context;
  (void)error;
}

/// Stops libxml2 from printing to stderr on the calling thread (its error handlers are
/// thread-local): encoding and I/O errors have no parser context to carry them.
static inline void muniscan_silence_errors(void) {
  xmlSetGenericErrorFunc(NULL, muniscan_ignore_generic_error);
  xmlSetStructuredErrorFunc(NULL, muniscan_ignore_structured_error);
}

/// Makes an XPath context report errors into its `lastError` only.
static inline void muniscan_xpath_silence(xmlXPathContextPtr context) {
  context->error = muniscan_ignore_structured_error;
}

/// Options for every page parse. HUGE lifts libxml2's depth limit of 256 (xmlParserMaxDepth),
/// past which 2.9 halts the parse and keeps nothing of the page; every walk of the tree in
/// MuniscanHTML is iterative, and the crawler bounds the body size.
static inline int muniscan_html_options(void) {
  return HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
         HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE;
}

/// The parser's input from the `>` of the start tag it has just reported (where it stands while
/// the start-element callback runs) to the end of what it holds, with its length: only when
/// libxml2 2.9 parses from its own buffer, so that `muniscan_skip_content` never writes a caller's
/// bytes; NULL otherwise, and then nothing may be skipped.
static inline const xmlChar *muniscan_input_at_start_tag(xmlParserCtxtPtr ctxt, size_t *length) {
#if LIBXML_VERSION >= 20900 && LIBXML_VERSION < 21000
  xmlParserInputPtr input = ctxt->input;
  if (input == NULL || input->buf == NULL || input->buf->buffer == NULL ||
      xmlBufContent(input->buf->buffer) != input->base || input->cur >= input->end ||
      input->cur[0] != '>')
    return NULL;
  *length = (size_t)(input->end - input->cur);
  return input->cur;
#else
  (void)ctxt;
  (void)length;
  return NULL;
#endif
}

/// Moves the parser past the first `length` bytes (at least one) of the element's content, as
/// `muniscan_input_at_start_tag` gave it: the last skipped byte becomes the `>` the parser steps
/// over after the callback returns, and it goes on with the rest.
static inline void muniscan_skip_content(xmlParserCtxtPtr ctxt, size_t length) {
  xmlChar *stop = (xmlChar *)ctxt->input->cur + length;
  *stop = '>';
  ctxt->input->cur = stop;
}

/// Called from the start-element callback of a parser that builds no tree: when the element is a
/// script or style, moves the parser past its content, to its end tag, and returns how many bytes
/// it skipped. libxml2 2.9 reads that content a character at a time (half the bytes of many CMS
/// pages) only to hand it to a callback that ignores it. Where it ends is where 2.9 would end it
/// in recovery mode, the first `</` followed by the element's name in any case; nothing else of
/// the content matters to 2.9 but a first byte `<`, which it reads as markup, and then nothing is
/// skipped. Nothing is skipped either when the end tag is not in the input, or when
/// `muniscan_input_at_start_tag` gives no input.
static inline long muniscan_skip_raw_text(xmlParserCtxtPtr ctxt, const xmlChar *name) {
  size_t length;
  if (name[0] != 's') return 0;
  if (strcmp((const char *)name, "script") == 0) length = 6;
  else if (strcmp((const char *)name, "style") == 0) length = 5;
  else return 0;
  size_t available;
  const xmlChar *start = muniscan_input_at_start_tag(ctxt, &available);
  if (start == NULL) return 0;
  const xmlChar *end = start + available;
  if (end - start < 2 || start[1] == '<') return 0;
  const xmlChar *tag = start + 1;
  for (;;) {
    tag = memchr(tag, '<', (size_t)(end - tag));
    if (tag == NULL || (size_t)(end - tag) < 2 + length) return 0;
    if (tag[1] == '/' && xmlStrncasecmp(name, tag + 2, (int)length) == 0) break;
    tag += 1;
  }
  long skipped = (long)(tag - 1 - start);
  muniscan_skip_content(ctxt, (size_t)skipped);
  return skipped;
}

/// Options for reading sitemaps: recover from broken XML, never touch the network, never
/// substitute entities or load a DTD (no XXE), no messages.
static inline int muniscan_sitemap_options(void) {
  return XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
         XML_PARSE_NOCDATA;
}

#endif
