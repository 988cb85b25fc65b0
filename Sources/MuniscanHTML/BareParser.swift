import CLibXML2

/// libxml2's HTML parser alone, with the options and reused context PageAnalyzer uses, and
/// nothing else: the baselines the analysis benchmark compares the full analysis with (visible
/// to this package's benchmark only, not part of the library).
package final class BareParser {
  /// What the parser does with what it reads.
  package enum Mode: Sendable {
    /// Builds libxml2's tree (and frees it): what a tree-walking analysis would start from.
    case tree
    /// Tokenises only: SAX callbacks all unset, no tree. What fact gathering by callbacks costs
    /// on top of this is the whole price of extraction.
    case tokens
  }

  private let parser: htmlParserCtxtPtr

  package init(mode: Mode = .tree) {
    _ = LibXML.initialized
    parser = htmlNewParserCtxt()
    if mode == .tokens { SAXHandlers.none(parser) }
  }

  deinit { htmlFreeParserCtxt(parser) }

  /// Parses UTF-8 bytes and frees any tree; returns whether a document was built.
  @discardableResult
  package func parse(_ bytes: [UInt8]) -> Bool {
    muniscan_silence_errors()
    return bytes.withUnsafeBufferPointer { buffer -> Bool in
      guard let base = buffer.baseAddress, !buffer.isEmpty else { return false }
      htmlCtxtReset(parser)
      let document = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
        htmlCtxtReadMemory(
          parser, $0, Int32(clamping: buffer.count), nil, "utf-8", muniscan_html_options())
      }
      guard let document else { return false }
      xmlFreeDoc(document)
      return true
    }
  }
}
