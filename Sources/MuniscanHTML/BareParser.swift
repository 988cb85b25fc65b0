import CLibXML2

/// libxml2's HTML parser alone, with the options and reused context PageAnalyzer uses, and
/// nothing else: the baseline the analysis benchmark compares the full analysis with.
public final class BareParser {
  private let parser: htmlParserCtxtPtr

  public init() {
    _ = LibXML.initialized
    parser = htmlNewParserCtxt()
  }

  deinit { htmlFreeParserCtxt(parser) }

  /// Parses UTF-8 bytes into a tree and frees it; returns whether a document was built.
  @discardableResult
  public func parse(_ bytes: [UInt8]) -> Bool {
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
