import MuniscanCore

/// A link as found during the parse, before its URL is resolved: attribute values are ranges of
/// the collector's ``ByteArena``, link text a range of its ``TextBuffer``.
struct RawLink {
  var href: Range<Int>
  var textStart: Int
  var textEnd: Int
  var title: Range<Int>?
  var imageAlt: Range<Int>?
  var ariaLabel: Range<Int>?
  var typeAttribute: Range<Int>?
  var region: PageRegion
  /// Index in ``PageCollector/rows`` of the table row the link sits in.
  var row: Int?
  /// Index in ``PageCollector/headings`` of the last heading begun before the link: the
  /// section it is listed in.
  var section: Int?
}

/// Gathers everything `PageFacts` needs while libxml2's HTML parser reports elements and text
/// through SAX callbacks, so no tree has to be built (see ``SAXHandlers``).
///
/// Explicit state and a stack of open elements, never recursion, so 10 000 nested elements
/// cannot overflow the stack. Text goes into one ``TextBuffer``; link and heading texts and
/// hidden parts are ranges of it, so no text is copied twice. Attribute values that outlive their
/// callback (hrefs, titles, alt texts) are copied into one ``ByteArena``. The content of
/// skipped elements (script, style, iframe, …) and of `title`, `meta` and `base` is ignored,
/// except the title's own text.
struct PageCollector {
  /// The page text stops growing past this many bytes unless a link or heading is open.
  static let textByteLimit = 2 * 1024 * 1024
  static let maximumLinks = 10_000
  static let maximumHeadings = 1_000
  /// The embedded URLs kept (before resolving and removing duplicates), as for links.
  static let maximumEmbeds = maximumLinks

  private struct Frame {
    var kind: ElementKind
    var savedRegion: PageRegion
    var hiddenStart: Int = -1
    var link: Int = -1
    var heading: Int = -1
    var row: Int = -1
    var savedRow: Int = -1
  }

  /// All text outside skipped elements, hidden text included (see `hiddenRanges`), collapsed.
  let text: TextBuffer
  /// Attribute values of `links` and `embeds`.
  private(set) var arena = ByteArena()
  /// Byte ranges of `text` that are not visible (head, noscript, hidden elements).
  private(set) var hiddenRanges: [Range<Int>] = []
  private(set) var title: String?
  private(set) var lang: String?
  private(set) var baseHref: String?
  private(set) var links: [RawLink] = []
  private(set) var headings: [(level: Int, range: Range<Int>)] = []
  /// `<meta>` contents and `<time datetime>` values that may carry dates.
  private(set) var dateSources: [String] = []
  /// Unresolved URLs of embedded content, as ranges of `arena`.
  private(set) var embeds: [Range<Int>] = []
  /// Text ranges of the table rows, and how many links each holds.
  private(set) var rows: [(range: Range<Int>, links: Int)] = []
  /// The innermost open table row, -1 outside tables.
  private var currentRow = -1
  /// Bytes of script, style and SVG content the parser was moved past unread (see ``SAXHandlers``).
  var rawTextBytesSkipped = 0

  private var stack: [Frame] = []
  private var region = PageRegion.body
  private var isHidden = false
  private var openLinks: [Int] = []
  private var openHeadings = 0
  private var openMedia = 0
  /// Open elements whose content is ignored, counted from the outermost such one; 0 outside.
  private var ignoredDepth = 0
  /// Whether the outermost ignored element is the first `<title>`, whose own text is kept.
  private var collectsTitle = false
  private let titleText = TextBuffer()
  private var elementNames = NameCache(placeholder: ElementKind.block)
  private var attributeNames = NameCache(placeholder: AttributeName.other)

  init(text: TextBuffer) {
    self.text = text
    stack.reserveCapacity(64)
  }

  /// Forgets the last page, keeping the memory.
  mutating func reset() {
    text.removeAll()
    arena.removeAll()
    hiddenRanges.removeAll(keepingCapacity: true)
    title = nil
    lang = nil
    baseHref = nil
    links.removeAll(keepingCapacity: true)
    headings.removeAll(keepingCapacity: true)
    dateSources.removeAll(keepingCapacity: true)
    embeds.removeAll(keepingCapacity: true)
    rows.removeAll(keepingCapacity: true)
    currentRow = -1
    stack.removeAll(keepingCapacity: true)
    region = .body
    isHidden = false
    openLinks.removeAll(keepingCapacity: true)
    openHeadings = 0
    openMedia = 0
    ignoredDepth = 0
    collectsTitle = false
    rawTextBytesSkipped = 0
  }

  /// Forgets the meaning of name pointers: the parser context they came from is gone.
  mutating func forgetNames() {
    elementNames.removeAll()
    attributeNames.removeAll()
  }

  /// Closes what the parse left open (it stopped early).
  mutating func finish() {
    if collectsTitle { endTitle() }
    while let frame = stack.popLast() { exit(frame) }
  }

  // MARK: SAX events

  /// An element starts; `attributes` is libxml2's NULL-terminated name/value list.
  mutating func start(
    _ name: UnsafePointer<UInt8>, _ attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
  ) {
    if ignoredDepth > 0 {
      ignoredDepth += 1
      return
    }
    let kind = elementNames.value(for: name, else: ElementKind.of(name:))
    if kind.skipsContent {
      if kind == .iframe, let list = attributes,
        let src = ElementAttributes(list, names: &attributeNames).src
      {
        addEmbed(src)
      }
      ignoredDepth = 1
      return
    }
    let attributes =
      if let list = attributes {
        ElementAttributes(list, names: &attributeNames)
      } else {
        ElementAttributes()
      }
    if kind.breaksWords { text.breakWord() }
    var frame = Frame(kind: kind, savedRegion: region)

    if !isHidden, kind == .head || kind == .noscript || attributes.hidesElement {
      frame.hiddenStart = text.count
      isHidden = true
    }
    if let opened = LinkRegion.region(kind: kind, attributes: attributes) { region = opened }

    switch kind {
    case .anchor, .area:
      if let href = attributes.href, links.count < Self.maximumLinks {
        frame.link = addLink(href, kind: kind, attributes: attributes)
      }
    case .image:
      if let link = openLinks.last, links[link].imageAlt == nil, let alt = attributes.alt,
        alt.pointee != 0
      {
        links[link].imageAlt = arena.store(alt)
      }
    case .tableRow:
      if rows.count < Self.maximumLinks {
        rows.append((text.count..<text.count, 0))
        frame.row = rows.count - 1
        frame.savedRow = currentRow
        currentRow = frame.row
      }
    case .heading1, .heading2, .heading3, .heading4, .heading5, .heading6:
      if headings.count < Self.maximumHeadings {
        headings.append((kind.headingLevel, text.count..<text.count))
        frame.heading = headings.count - 1
        openHeadings += 1
      }
    case .title, .meta, .base:
      return startIgnored(frame, attributes: attributes)
    case .html:
      if lang == nil, let value = attributes.lang {
        let value = String(cString: value).trimmingWhitespace().lowercased()
        if !value.isEmpty { lang = value }
      }
    case .time:
      if let datetime = attributes.datetime { dateSources.append(String(cString: datetime)) }
    case .embed:
      if let src = attributes.src { addEmbed(src) }
    case .object:
      if let data = attributes.data { addEmbed(data) }
    case .video, .audio:
      if let src = attributes.src { addEmbed(src) }
      openMedia += 1
    case .source:
      if openMedia > 0, let src = attributes.src { addEmbed(src) }
    default:
      break
    }
    stack.append(frame)
  }

  /// The innermost open element ends.
  mutating func end() {
    if ignoredDepth > 0 {
      ignoredDepth -= 1
      if ignoredDepth == 0, collectsTitle { endTitle() }
      return
    }
    guard let frame = stack.popLast() else { return }
    exit(frame)
  }

  /// Text (or whitespace the tree builder would drop, which still separates words).
  mutating func characters(_ bytes: UnsafePointer<UInt8>, count: Int) {
    let chunk = UnsafeBufferPointer(start: bytes, count: count)
    if ignoredDepth > 0 {
      if ignoredDepth == 1, collectsTitle, titleText.count < 4096 { titleText.append(chunk) }
      return
    }
    if text.count < Self.textByteLimit || !openLinks.isEmpty || openHeadings > 0 {
      text.append(chunk)
    }
  }

  // MARK: Elements

  private mutating func addLink(
    _ href: UnsafePointer<UInt8>, kind: ElementKind, attributes: ElementAttributes
  ) -> Int {
    let start = text.count
    if currentRow >= 0 { rows[currentRow].links += 1 }
    links.append(
      RawLink(
        href: arena.store(href), textStart: start, textEnd: start,
        title: attributes.title.map { arena.store($0) },
        imageAlt: kind == .area ? attributes.alt.map { arena.store($0) } : nil,
        ariaLabel: attributes.ariaLabel.map { arena.store($0) },
        typeAttribute: attributes.type.map { arena.store($0) }, region: region,
        row: currentRow >= 0 ? currentRow : nil,
        section: headings.isEmpty ? nil : headings.count - 1
      ))
    openLinks.append(links.count - 1)
    return links.count - 1
  }

  private mutating func addEmbed(_ url: UnsafePointer<UInt8>) {
    if embeds.count < Self.maximumEmbeds { embeds.append(arena.store(url)) }
  }

  /// Handles `title`, `meta` and `base`, which end at once for the facts (their content is
  /// ignored, bar the first title's own text).
  private mutating func startIgnored(_ frame: Frame, attributes: ElementAttributes) {
    switch frame.kind {
    case .title where title == nil:
      collectsTitle = true
      titleText.removeAll()
    case .meta:
      collectMeta(attributes)
    case .base:
      if baseHref == nil, let href = attributes.href { baseHref = String(cString: href) }
    default:
      break
    }
    exit(frame)
    ignoredDepth = 1
  }

  private mutating func endTitle() {
    title = titleText.string(maxCharacters: 1000)
    collectsTitle = false
  }

  private mutating func exit(_ frame: Frame) {
    if frame.kind.breaksWords { text.breakWord() }
    if frame.link >= 0 {
      links[frame.link].textEnd = text.count
      openLinks.removeLast()
    }
    if frame.row >= 0 {
      rows[frame.row].range = rows[frame.row].range.lowerBound..<text.count
      currentRow = frame.savedRow
    }
    if frame.heading >= 0 {
      let start = headings[frame.heading].range.lowerBound
      headings[frame.heading].range = start..<text.count
      openHeadings -= 1
    }
    if frame.hiddenStart >= 0 {
      if text.count > frame.hiddenStart { hiddenRanges.append(frame.hiddenStart..<text.count) }
      isHidden = false
    }
    if frame.kind == .video || frame.kind == .audio { openMedia -= 1 }
    region = frame.savedRegion
  }

  private static let dateMetaNames: Set<String> = [
    "article:published_time", "article:modified_time", "og:updated_time", "date",
    "last-modified", "dc.date", "dc.date.created", "dc.date.modified", "dc.date.issued",
    "datepublished", "datemodified",
  ]

  /// Keeps the content of date-carrying `<meta>` tags (`article:published_time`, `dcterms.*`, …).
  private mutating func collectMeta(_ attributes: ElementAttributes) {
    guard let content = attributes.content else { return }
    func carriesDate(_ key: UnsafePointer<UInt8>?) -> Bool {
      guard let key else { return false }
      let name = String(cString: key).trimmingWhitespace().lowercased()
      return Self.dateMetaNames.contains(name) || name.hasPrefix("dcterms.")
    }
    if carriesDate(attributes.name) || carriesDate(attributes.property)
      || carriesDate(attributes.httpEquiv)
    {
      dateSources.append(String(cString: content))
    }
  }
}
