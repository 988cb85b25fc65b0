import CLibXML2
import MuniscanCore

/// Parses a page with libxml2 once and extracts every fact the rules may look at.
///
/// This is the only door between raw HTML and the rest of muniscan: libxml2 documents never leave
/// it, and what comes out is a Sendable `PageFacts` value. One libxml2 HTML parser context is
/// reused for every page (reset between pages). Facts are gathered by SAX callbacks during the
/// parse (``PageCollector``), so no tree is built unless the rule set has queries: then the same
/// parse also builds libxml2's tree, the queries (compiled once) run on it, and it is freed. Not
/// Sendable: each crawler worker owns its own analyser.
public final class PageAnalyzer {
  /// The version of what analysis extracts and of the facts' binary form. Page facts kept beside
  /// an archive are only used by an analysis of the same version (see ``FactsFingerprint``):
  /// bump it whenever a change makes a page give other facts, or changes
  /// `PageFacts.encode(into:)`, so `score` parses archived pages again rather than trust
  /// facts an older analyser computed.
  public static let factsVersion = 1
  /// Visible text is cut to this many Unicode scalars.
  public static let maximumTextCharacters = 200_000
  /// Link and heading texts are cut to this many Unicode scalars.
  public static let maximumLinkTextCharacters = 300
  /// Query snippets are cut to this many Unicode scalars.
  public static let querySnippetCharacters = 200
  /// The parser context is replaced once its name dictionary (which libxml2 keeps across pages)
  /// holds this many strings, so hostile pages cannot grow it without bound.
  static let dictionaryLimit = 100_000

  private var parser: htmlParserCtxtPtr
  private let compiler: XPathCompiler
  private let dates: TextDates
  private let phones: PhoneReader
  private let queries: [(key: String, compiled: xmlXPathCompExprPtr)]
  private var encodingSupport: [String: Bool] = [:]
  private var resolvedLinks = ResolvedLinks()
  /// The last `Content-Type` seen with its media type and charset: a site sends the same one
  /// for every page.
  private var lastContentType: (value: String?, mediaType: String, charset: String?) = (
    nil, "text/html", nil
  )
  /// What the SAX callbacks report to; `ctxt->_private` points here during a parse.
  private let collector: UnsafeMutablePointer<PageCollector>

  /// Makes an analyser that reads dates and phone numbers as `locale` says (compiled here, once)
  /// and also runs `queries` on every page.
  /// - Throws: ``PageQueryError`` for the first query that is not valid.
  public init(queries: [PageQuery] = [], locale: PageLocale = .none) throws {
    _ = LibXML.initialized
    compiler = XPathCompiler()
    dates = TextDates(locale.dates)
    phones = PhoneReader(locale.phones)
    var compiled: [(key: String, compiled: xmlXPathCompExprPtr)] = []
    var seen = Set<String>()
    do {
      for query in queries where seen.insert(query.key).inserted {
        compiled.append((query.key, try compiler.compile(query)))
      }
    } catch {
      for entry in compiled { xmlXPathFreeCompExpr(entry.compiled) }
      throw error
    }
    self.queries = compiled
    collector = .allocate(capacity: 1)
    collector.initialize(to: PageCollector(text: TextBuffer(capacity: 64 * 1024)))
    parser = PageAnalyzer.newParser(buildsTree: !compiled.isEmpty)
  }

  deinit {
    for entry in queries { xmlXPathFreeCompExpr(entry.compiled) }
    htmlFreeParserCtxt(parser)
    collector.deinitialize(count: 1)
    collector.deallocate()
  }

  private static func newParser(buildsTree: Bool) -> htmlParserCtxtPtr {
    guard let parser = htmlNewParserCtxt() else {
      fatalError("libxml2 could not allocate an HTML parser context")
    }
    if buildsTree {
      SAXHandlers.collectAndBuildTree(parser)
    } else {
      SAXHandlers.collect(parser)
    }
    return parser
  }

  /// Bytes of script, style and SVG content that the last page's parse skipped unread (none when a
  /// tree is built for queries, which holds that content): what libxml2 did not have to read.
  public var rawTextBytesSkipped: Int { collector.pointee.rawTextBytesSkipped }

  /// The facts of one page. Never fails: broken markup, wrong charsets and binary junk give
  /// whatever facts can be read.
  public func analyze(_ input: PageInput) -> PageFacts {
    muniscan_silence_errors()
    let contentType = input.header("content-type")
    if contentType != lastContentType.value {
      lastContentType = (
        contentType, Self.mediaType(contentType), CharsetSniffer.headerCharset(contentType)
      )
    }
    var facts = PageFacts(
      url: input.url, depth: input.depth, status: input.status,
      contentType: lastContentType.mediaType)
    facts.lastModified = input.header("last-modified").flatMap(HTTPDate.day(from:))
    collector.pointee.reset()
    let parse = parse(input, headerCharset: lastContentType.charset)
    defer {
      if let document = parse.document { xmlFreeDoc(document) }
      recycleParserIfNeeded()
    }
    if parse.parsed {
      collector.pointee.finish()
      fill(&facts, from: collector.pointee, pageURL: input.url)
    }
    for entry in queries {
      guard let document = parse.document else {
        facts.queries[entry.key] = QueryMatch(snippet: "", count: 0)
        continue
      }
      facts.queries[entry.key] = compiler.evaluate(
        entry.compiled, in: document, snippetLength: Self.querySnippetCharacters)
    }
    return facts
  }

  // MARK: Parsing

  /// What parsing a page gave: whether the parser ran (the collector has the page's facts), and
  /// the tree when queries need one.
  private typealias Parse = (parsed: Bool, document: xmlDocPtr?)

  private func parse(_ input: PageInput, headerCharset: String?) -> Parse {
    let (charset, bomLength) = CharsetSniffer.detect(headerCharset: headerCharset, body: input.body)
    return input.body.withUnsafeBufferPointer { whole -> Parse in
      let body = UnsafeBufferPointer(rebasing: whole[min(bomLength, whole.count)...])
      if SingleByteTables.table(for: charset) != nil {
        if let utf8 = SingleByteDecoder.utf8(from: body, charset: charset) {
          return utf8.withUnsafeBufferPointer { parse($0, encoding: "utf-8") }
        }
        return parse(body, encoding: "utf-8")  // ASCII only
      }
      return parse(body, encoding: supports(charset) ? charset : "utf-8")
    }
  }

  private func parse(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String) -> Parse {
    if let replaced = NULReplacement.replacingNULs(in: bytes, encoding: encoding) {
      return replaced.withUnsafeBufferPointer { parseWithoutNULs($0, encoding: encoding) }
    }
    return parseWithoutNULs(bytes, encoding: encoding)
  }

  private func parseWithoutNULs(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String) -> Parse {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return (false, nil) }
    let length = Int32(clamping: bytes.count)
    htmlCtxtReset(parser)
    parser.pointee._private = UnsafeMutableRawPointer(collector)
    defer { parser.pointee._private = nil }
    let document = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { pointer in
      htmlCtxtReadMemory(parser, pointer, length, nil, encoding, muniscan_html_options())
    }
    return (true, document)
  }

  /// Whether libxml2 (through iconv) can convert from `charset`.
  private func supports(_ charset: String) -> Bool {
    if let known = encodingSupport[charset] { return known }
    let handler = xmlFindCharEncodingHandler(charset)
    if let handler { xmlCharEncCloseFunc(handler) }
    encodingSupport[charset] = handler != nil
    return handler != nil
  }

  private func recycleParserIfNeeded() {
    guard let dictionary = parser.pointee.dict, xmlDictSize(dictionary) > Self.dictionaryLimit
    else { return }
    htmlFreeParserCtxt(parser)
    parser = Self.newParser(buildsTree: !queries.isEmpty)
    collector.pointee.forgetNames()
  }

  // MARK: Facts

  private func fill(_ facts: inout PageFacts, from page: PageCollector, pageURL: String) {
    facts.title = page.title ?? ""
    facts.lang = page.lang
    let all = page.text.bytes
    let headingTexts = page.headings.map { heading in
      TextBuffer.string(
        from: UnsafeBufferPointer(rebasing: all[heading.range]),
        maxCharacters: Self.maximumLinkTextCharacters)
    }
    for (heading, text) in zip(page.headings, headingTexts) where !text.isEmpty {
      facts.headings.append(Heading(level: heading.level, text: text))
    }
    facts.text = Self.visibleText(all, hidden: page.hiddenRanges)

    var emails = UniqueList(limit: ContactExtractor.maximumCount)
    var phones = UniqueList(limit: ContactExtractor.maximumCount)
    var text = facts.text
    text.withUTF8 { bytes in
      ContactExtractor.emails(in: bytes, into: &emails)
      self.phones.phones(in: bytes, into: &phones)
    }

    var resolver = Self.resolver(pageURL: pageURL, baseHref: page.baseHref)
    let originHash = ResolvedLinks.hash(origin: resolver.origin)
    page.arena.bytes.withUnsafeBufferPointer { arena in
      facts.links.reserveCapacity(page.links.count)
      for raw in page.links {
        let href = UnsafeBufferPointer(rebasing: arena[raw.href])
        let link: ResolvedLinks.Link
        switch LinkTarget.classify(href) {
        case .ignored:
          continue
        case .mailto:
          for address in ContactExtractor.emails(fromMailto: href) { emails.insert(address) }
          continue
        case .tel:
          if let phone = self.phones.phone(fromTel: href) { phones.insert(phone) }
          continue
        case .web:
          // Only an http(s) URL is a web link (`URLResolver.isWeb`).
          guard
            let resolved = resolvedLinks.link(
              href, originHash: originHash, resolvedWith: &resolver)
          else { continue }
          link = resolved
        }
        let url = link.url
        let text = Self.linkText(raw, in: all, arena: arena)
        let context = raw.row.flatMap { Self.rowText(page.rows[$0], in: all, unlike: text) }
        facts.links.append(Link(text: text, url: url, region: raw.region, context: context))
        let document =
          if let type = raw.typeAttribute {
            DocumentClassifier.classify(
              url: url, typeAttribute: String(decoding: arena[type], as: UTF8.self))
          } else {
            link.document
          }
        if let document {
          let name = Self.documentName(
            text, fileName: document.fileName, section: raw.section.map { headingTexts[$0] })
          facts.documents.append(
            DocumentLink(url: url, text: name, type: document.type, context: context))
        }
      }
      facts.embeds = Self.embeds(page.embeds, in: arena, resolver: &resolver)
    }
    facts.emails = emails.items
    facts.phones = phones.items

    facts.dates = dates.days(in: facts.text)
    if !page.dateSources.isEmpty {
      var days = Set(facts.dates)
      for source in page.dateSources { days.formUnion(dates.days(in: source)) }
      facts.dates = days.sorted()
    }
  }

  /// The http(s) URLs of embedded content, resolved, each once, in page order.
  private static func embeds(
    _ raw: [Range<Int>], in arena: UnsafeBufferPointer<UInt8>, resolver: inout URLResolver
  ) -> [String] {
    var embeds = UniqueList(limit: PageCollector.maximumEmbeds)
    for range in raw {
      let reference = UnsafeBufferPointer(rebasing: arena[range])
      guard LinkTarget.classify(reference) == .web, let url = resolver.resolve(bytes: reference),
        URLResolver.isWeb(url)
      else { continue }
      embeds.insert(url)
    }
    return embeds.items
  }

  /// A table row longer than this (in UTF-8 bytes), or with more links, is page layout or a
  /// list, not a row of a document table, and gives its links no context.
  static let maximumRowBytes = 400
  static let maximumRowLinks = 2

  /// The text of a link's table row; nil when the row is layout or says no more than the link.
  private static func rowText(
    _ row: (range: Range<Int>, links: Int), in text: UnsafeBufferPointer<UInt8>,
    unlike linkText: String
  ) -> String? {
    guard row.range.count <= maximumRowBytes, row.links <= maximumRowLinks else { return nil }
    let context = TextBuffer.string(
      from: UnsafeBufferPointer(rebasing: text[row.range]),
      maxCharacters: maximumLinkTextCharacters)
    return context.isEmpty || context == linkText ? nil : context
  }

  /// The resolver for a page: its URL, or the `<base href>` resolved against it.
  private static func resolver(pageURL: String, baseHref: String?) -> URLResolver {
    var page = URLResolver(base: pageURL)
    if let baseHref, let base = page.resolve(baseHref) { return URLResolver(base: base) }
    return page
  }

  /// What a document is called: its link text; its file name when the link has no text; and
  /// when the text names nothing but a year or a number ("2025", "2026 (pdf)"), the heading of
  /// the section it is listed under before it ("Majandusaasta aruanded: 2025"), as a reader
  /// takes it.
  static func documentName(_ text: String, fileName: String, section: String?) -> String {
    if text.isEmpty { return fileName }
    guard let section, !section.isEmpty else { return text }
    for character in text {
      if character == "(" { break }
      if character.unicodeScalars.contains(where: \.properties.isAlphabetic) { return text }
    }
    return section + ": " + text
  }

  /// Visible text (link text) or, when there is none, `title`, the alt text of an image inside,
  /// or `aria-label`.
  private static func linkText(
    _ link: RawLink, in text: UnsafeBufferPointer<UInt8>, arena: UnsafeBufferPointer<UInt8>
  ) -> String {
    let visible = TextBuffer.string(
      from: UnsafeBufferPointer(rebasing: text[link.textStart..<link.textEnd]),
      maxCharacters: maximumLinkTextCharacters)
    if !visible.isEmpty { return visible }
    func collapsed(_ range: Range<Int>?) -> String {
      guard let range else { return "" }
      return TextCollapser.collapse(
        UnsafeBufferPointer(rebasing: arena[range]), maxCharacters: maximumLinkTextCharacters)
    }
    let title = collapsed(link.title)
    if !title.isEmpty { return title }
    let alt = collapsed(link.imageAlt)
    return alt.isEmpty ? collapsed(link.ariaLabel) : alt
  }

  /// The gathered text without its hidden ranges, trimmed and cut to the text limit.
  static func visibleText(_ all: UnsafeBufferPointer<UInt8>, hidden: [Range<Int>]) -> String {
    if hidden.isEmpty { return TextBuffer.string(from: all, maxCharacters: maximumTextCharacters) }
    var visible: [UInt8] = []
    visible.reserveCapacity(all.count)
    var position = 0
    func copy(_ range: Range<Int>) {
      var start = range.lowerBound
      if visible.last == 0x20, start < range.upperBound, all[start] == 0x20 { start += 1 }
      visible.append(contentsOf: UnsafeBufferPointer(rebasing: all[start..<range.upperBound]))
    }
    for range in hidden {
      if range.lowerBound > position { copy(position..<range.lowerBound) }
      position = max(position, range.upperBound)
    }
    if position < all.count { copy(position..<all.count) }
    return visible.withUnsafeBufferPointer {
      TextBuffer.string(from: $0, maxCharacters: maximumTextCharacters)
    }
  }

  /// The media type of a `Content-Type` value, lower-cased, without parameters.
  static func mediaType(_ contentType: String?) -> String {
    guard var contentType else { return "text/html" }
    let type = contentType.withUTF8 { bytes -> String in
      var end = 0
      while end < bytes.count, bytes[end] != 0x3B { end += 1 }
      var start = 0
      while start < end, bytes[start] <= 0x20 { start += 1 }
      while end > start, bytes[end - 1] <= 0x20 { end -= 1 }
      return String(decoding: bytes[start..<end].map(\.asciiLowercased), as: UTF8.self)
    }
    return type.isEmpty ? "text/html" : type
  }
}

@available(*, unavailable)
extension PageAnalyzer: Sendable {}

/// What kind of target an `href` has, decided from its scheme.
enum LinkTarget {
  case web, mailto, tel, ignored

  /// Schemes (packed as ``LibXML/key(_:)-swift.type.method`` does) that are not web links; the
  /// longer `javascript` and `vbscript` are told by their first eight letters.
  private static let schemes: NameTable<LinkTarget> = {
    var table: [UInt64: LinkTarget] = [
      LibXML.key("mailto"): .mailto, LibXML.key("tel"): .tel,
      LibXML.key("javascri"): .ignored, LibXML.key("vbscript"): .ignored,
    ]
    let ignored: [StaticString] = [
      "data", "about", "blob", "callto", "sms", "skype", "viber", "whatsapp", "fax", "cid",
    ]
    for scheme in ignored { table[LibXML.key(scheme)] = .ignored }
    return NameTable(table)
  }()

  static func classify(_ href: UnsafeBufferPointer<UInt8>) -> LinkTarget {
    var scheme: UInt64 = 0
    var schemeLength = 0
    var sawContent = false
    for byte in href {
      if byte == 0x09 || byte == 0x0A || byte == 0x0D || (!sawContent && byte <= 0x20) { continue }
      if !sawContent, byte == 0x23 { return .ignored }  // `#top`: this page.
      sawContent = true
      if byte == 0x3A { return schemes.value(for: scheme) ?? .web }
      let lower = byte.asciiLowercased
      guard lower &- 0x61 < 26 || byte &- 0x30 < 10 || byte == 0x2B || byte == 0x2D || byte == 0x2E
      else { return .web }
      if schemeLength < 8 {
        scheme |= UInt64(lower) << UInt64(schemeLength * 8)
        schemeLength += 1
      }
    }
    return sawContent ? .web : .ignored
  }
}
