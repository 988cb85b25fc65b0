import CLibXML2

/// Sets the SAX callbacks of a reused libxml2 HTML parser context.
///
/// libxml2's HTML parser reports elements and text to the handler in `ctxt->sax`; its default
/// handler (SAX2) builds a tree from them. Extracting facts needs no tree, and not building one
/// halves the cost of a parse, so pages are parsed with callbacks that feed a ``PageCollector``
/// directly. Only when a rule set has XPath or selector queries is the tree wanted as well: then
/// each callback feeds the collector and goes on to the SAX2 tree builder, in the same parse.
///
/// The callbacks get the parser context (libxml2's default `userData`) and find the collector
/// through `ctxt->_private`, which the caller points at it before each parse. Without a tree, the
/// parser is moved past the content of each script and style element and of plain inline SVG
/// (``SVGContent``), which nothing reads; with one, the tree holds that content, so it is read.
enum SAXHandlers {
  /// Collect facts only: no document is built.
  static func collect(_ parser: htmlParserCtxtPtr) {
    let sax = handler(of: parser)
    sax.pointee = htmlSAXHandler()
    sax.pointee.initialized = 1
    sax.pointee.startElement = { context, name, attributes in
      guard let context, let name, let collector = collector(context) else { return }
      collector.pointee.start(name, attributes)
      // Script, style and SVG content is never text: the parser need not read it.
      let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
      collector.pointee.rawTextBytesSkipped +=
        muniscan_skip_raw_text(parser, name) + SVGContent.skip(parser, name)
    }
    sax.pointee.endElement = { context, _ in collector(context)?.pointee.end() }
    sax.pointee.characters = characters
    // Blanks the tree builder would drop still separate words (`x<img> <b>y</b>`).
    sax.pointee.ignorableWhitespace = characters
    // What script and style content is not skipped (see `muniscan_skip_raw_text`): never text.
    sax.pointee.cdataBlock = { _, _, _ in }
  }

  /// Collect facts and also build the tree libxml2 returns as the document.
  static func collectAndBuildTree(_ parser: htmlParserCtxtPtr) {
    let sax = handler(of: parser)
    sax.pointee = htmlSAXHandler()
    xmlSAX2InitHtmlDefaultSAXHandler(sax)
    sax.pointee.startElement = { context, name, attributes in
      if let name, let collector = collector(context) { collector.pointee.start(name, attributes) }
      xmlSAX2StartElement(context, name, attributes)
    }
    sax.pointee.endElement = { context, name in
      collector(context)?.pointee.end()
      xmlSAX2EndElement(context, name)
    }
    sax.pointee.characters = { context, bytes, count in
      characters(context, bytes, count)
      xmlSAX2Characters(context, bytes, count)
    }
    sax.pointee.ignorableWhitespace = { context, bytes, count in
      characters(context, bytes, count)
      xmlSAX2IgnorableWhitespace(context, bytes, count)
    }
  }

  /// No callbacks at all: the parser only tokenises (the benchmark's second baseline).
  static func none(_ parser: htmlParserCtxtPtr) {
    let sax = handler(of: parser)
    sax.pointee = htmlSAXHandler()
    sax.pointee.initialized = 1
  }

  private static func handler(of parser: htmlParserCtxtPtr) -> UnsafeMutablePointer<htmlSAXHandler>
  {
    guard let sax = parser.pointee.sax else {
      fatalError("libxml2 made an HTML parser context without a SAX handler")
    }
    return sax
  }
}

/// The collector of the parser context that libxml2 passes to a callback as `userData`.
@inline(__always)
private func collector(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<PageCollector>?
{
  context?.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private?
    .assumingMemoryBound(to: PageCollector.self)
}

private func characters(
  _ context: UnsafeMutableRawPointer?, _ bytes: UnsafePointer<UInt8>?, _ count: Int32
) {
  guard let bytes, count > 0, let collector = collector(context) else { return }
  collector.pointee.characters(bytes, count: Int(count))
}
