import CLibXML2
import MuniscanCore

/// A link as found in the tree, before its URL is resolved. The attribute pointers are valid
/// while the document is.
struct RawLink {
  var href: xmlAttrPtr
  var textStart: Int
  var textEnd: Int
  var title: xmlAttrPtr?
  var imageAlt: xmlAttrPtr?
  var ariaLabel: xmlAttrPtr?
  var typeAttribute: UnsafePointer<UInt8>?
  var region: PageRegion
}

/// What one walk over a parsed page collects; ``PageAnalyzer`` turns it into `PageFacts`.
struct WalkResult {
  /// All text outside scripts and styles, hidden text included (see `hiddenRanges`), collapsed.
  let text: TextBuffer
  /// Byte ranges of `text` that are not visible (head, noscript, hidden elements).
  var hiddenRanges: [Range<Int>] = []
  var title: String?
  var lang: String?
  var baseHref: String?
  var links: [RawLink] = []
  var headings: [(level: Int, range: Range<Int>)] = []
  /// `<meta>` contents and `<time datetime>` values that may carry dates.
  var dateSources: [String] = []
}

/// Walks a parsed document once, in document order, gathering everything `PageFacts` needs.
///
/// One iterative pass (an explicit stack of open elements, never recursion, so 10 000 nested
/// elements cannot overflow the stack) collects text, links with their regions, headings, the
/// title, `lang`, `<base href>` and date-carrying attributes. Link and heading texts are ranges
/// of the page text, so no text is copied twice.
struct PageWalker {
  /// The page text stops growing past this many bytes unless a link or heading is open.
  static let textByteLimit = 2 * 1024 * 1024
  static let maximumLinks = 10_000
  static let maximumHeadings = 1_000

  private struct Frame {
    var node: xmlNodePtr
    var kind: ElementKind
    var savedRegion: PageRegion
    var hiddenStart: Int = -1
    var link: Int = -1
    var heading: Int = -1
  }

  private var result: WalkResult
  private var stack: [Frame] = []
  private var region = PageRegion.body
  private var isHidden = false
  private var openLinks: [Int] = []
  private var openHeadings = 0

  private init(text: TextBuffer) { result = WalkResult(text: text) }

  /// Walks `document`, gathering its text into `text` (emptied first).
  static func walk(_ document: xmlDocPtr, text: TextBuffer) -> WalkResult {
    text.removeAll()
    var walker = PageWalker(text: text)
    walker.stack.reserveCapacity(64)
    walker.run(document)
    return walker.result
  }

  private mutating func run(_ document: xmlDocPtr) {
    var next = document.pointee.children
    while let node = next {
      switch node.pointee.type {
      case XML_ELEMENT_NODE:
        if let frame = enter(node) {
          if let child = node.pointee.children {
            stack.append(frame)
            next = child
            continue
          }
          exit(frame)
        }
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if let content = node.pointee.content, mayAppendText {
          result.text.append(cString: content)
        }
      default:
        break
      }
      // Move on: the next sibling, or close open elements until one has a next sibling.
      var current = node
      next = nil
      while true {
        if let sibling = current.pointee.next {
          next = sibling
          break
        }
        guard let frame = stack.popLast() else { break }
        exit(frame)
        current = frame.node
      }
    }
  }

  private var mayAppendText: Bool {
    result.text.count < Self.textByteLimit || !openLinks.isEmpty || openHeadings > 0
  }

  /// Handles an element's start; nil when its content is not walked.
  private mutating func enter(_ node: xmlNodePtr) -> Frame? {
    let kind = ElementKind.of(node)
    if kind == .skipped { return nil }
    if kind.breaksWords { result.text.breakWord() }
    let attributes: ElementAttributes? =
      node.pointee.properties == nil ? nil : ElementAttributes(node)
    var frame = Frame(node: node, kind: kind, savedRegion: region)

    if !isHidden, kind == .head || kind == .noscript || attributes?.hidesElement == true {
      frame.hiddenStart = result.text.count
      isHidden = true
    }
    if let opened = LinkRegion.region(kind: kind, attributes: attributes) { region = opened }

    switch kind {
    case .anchor, .area:
      if let href = attributes?.href, result.links.count < Self.maximumLinks {
        let start = result.text.count
        result.links.append(
          RawLink(
            href: href, textStart: start, textEnd: start, title: attributes?.title,
            imageAlt: kind == .area ? attributes?.alt : nil, ariaLabel: attributes?.ariaLabel,
            typeAttribute: attributes?.type, region: region))
        frame.link = result.links.count - 1
        openLinks.append(frame.link)
      }
    case .image:
      if let link = openLinks.last, result.links[link].imageAlt == nil,
        let alt = attributes?.alt, LibXML.value(of: alt)?.pointee != 0
      {
        result.links[link].imageAlt = alt
      }
    case .heading1, .heading2, .heading3, .heading4, .heading5, .heading6:
      if result.headings.count < Self.maximumHeadings {
        let start = result.text.count
        result.headings.append((kind.headingLevel, start..<start))
        frame.heading = result.headings.count - 1
        openHeadings += 1
      }
    case .title:
      if result.title == nil { result.title = Self.ownText(of: node) }
      return closeImmediately(frame)
    case .meta:
      if let attributes { collectMeta(attributes) }
      return closeImmediately(frame)
    case .base:
      if result.baseHref == nil, let href = attributes?.href {
        result.baseHref = LibXML.string(of: href)
      }
      return closeImmediately(frame)
    case .html:
      if result.lang == nil, let lang = attributes?.lang {
        let value = String(cString: lang).trimmingWhitespace().lowercased()
        if !value.isEmpty { result.lang = value }
      }
    case .time:
      if let datetime = attributes?.datetime {
        result.dateSources.append(LibXML.string(of: datetime))
      }
    default:
      break
    }
    return frame
  }

  /// Ends an element whose content is not walked (title, meta, base) and reports "no descent".
  private mutating func closeImmediately(_ frame: Frame) -> Frame? {
    exit(frame)
    return nil
  }

  private mutating func exit(_ frame: Frame) {
    if frame.kind.breaksWords { result.text.breakWord() }
    if frame.link >= 0 {
      result.links[frame.link].textEnd = result.text.count
      openLinks.removeLast()
    }
    if frame.heading >= 0 {
      let start = result.headings[frame.heading].range.lowerBound
      result.headings[frame.heading].range = start..<result.text.count
      openHeadings -= 1
    }
    if frame.hiddenStart >= 0 {
      if result.text.count > frame.hiddenStart {
        result.hiddenRanges.append(frame.hiddenStart..<result.text.count)
      }
      isHidden = false
    }
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
    for key in [attributes.name, attributes.property, attributes.httpEquiv] {
      guard let key else { continue }
      let name = String(cString: key).trimmingWhitespace().lowercased()
      if Self.dateMetaNames.contains(name) || name.hasPrefix("dcterms.") {
        result.dateSources.append(LibXML.string(of: content))
        return
      }
    }
  }

  /// The collapsed text of an element's own text children (for `<title>`).
  private static func ownText(of node: xmlNodePtr) -> String {
    let buffer = TextBuffer()
    var child = node.pointee.children
    while let current = child, buffer.count < 4096 {
      if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content {
        buffer.append(cString: content)
      }
      child = current.pointee.next
    }
    return buffer.string(maxCharacters: 1000)
  }
}
