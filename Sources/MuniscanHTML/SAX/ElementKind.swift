import CLibXML2

/// What an HTML element means to the page collector: whether it breaks words, hides its text,
/// marks a page region, or carries facts (links, headings, title, meta dates, embeds).
///
/// Looked up by the element's (lower-case) name packed into an integer, so the collector does not
/// build a String per element.
enum ElementKind: UInt8 {
  /// Rendered as a box: its text is separated from the neighbours' by a space.
  case block
  /// Rendered inline: `<b>ka</b>sutaja` is one word.
  case inline
  case anchor, area, image, time
  /// `tr`: a row whose text is the context of the links in it (a date column beside a document).
  case tableRow
  case heading1, heading2, heading3, heading4, heading5, heading6
  case title, meta, base, html, body, head
  case nav, header, footer, main, aside
  /// Text that is never shown and holds no links: script, style, template, svg, …
  case skipped
  /// Skipped like script, but its `src` is embedded content.
  case iframe
  /// Elements whose `src` or `data` is embedded content (`source` only inside video or audio).
  case embed, object, video, audio, source
  /// Shown only without scripts: its text is not visible text, its links still count.
  case noscript

  /// Whether the element's start and end separate words.
  var breaksWords: Bool {
    switch self {
    case .inline, .anchor, .image, .time, .area, .skipped, .iframe: return false
    default: return true
    }
  }

  /// Whether the element's content is never text or links (script, style, iframe, …).
  var skipsContent: Bool { self == .skipped || self == .iframe }

  /// The heading level, 1–6, or 0.
  var headingLevel: Int {
    switch self {
    case .heading1: return 1
    case .heading2: return 2
    case .heading3: return 3
    case .heading4: return 4
    case .heading5: return 5
    case .heading6: return 6
    default: return 0
    }
  }

  /// The kind of an element node.
  @inline(__always)
  static func of(_ node: xmlNodePtr) -> ElementKind {
    guard let name = node.pointee.name else { return .block }
    return of(name: name)
  }

  /// The kind of an element by its (lower-case, NUL-terminated) name.
  @inline(__always)
  static func of(name: UnsafePointer<UInt8>) -> ElementKind {
    let (key, isLong) = LibXML.key(name)
    if isLong { return .block }
    return table.value(for: key) ?? .block
  }

  private static let table = NameTable<ElementKind>(
    {
      var table: [UInt64: ElementKind] = [:]
      let inline: [StaticString] = [
        "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em",
        "font", "i", "ins", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span",
        "strike", "strong", "sub", "sup", "tt", "u", "var", "wbr", "output", "slot",
      ]
      for name in inline { table[LibXML.key(name)] = .inline }
      let skipped: [StaticString] = [
        "script", "style", "template", "svg", "noembed", "noframes", "math",
      ]
      for name in skipped { table[LibXML.key(name)] = .skipped }
      let special: [(StaticString, ElementKind)] = [
        ("a", .anchor), ("area", .area), ("img", .image), ("time", .time), ("h1", .heading1),
        ("h2", .heading2), ("h3", .heading3), ("h4", .heading4), ("h5", .heading5),
        ("h6", .heading6), ("title", .title), ("meta", .meta), ("base", .base), ("html", .html),
        ("body", .body), ("head", .head), ("nav", .nav), ("header", .header),
        ("footer", .footer), ("main", .main), ("aside", .aside), ("noscript", .noscript),
        ("iframe", .iframe), ("embed", .embed), ("object", .object), ("video", .video),
        ("audio", .audio), ("source", .source), ("tr", .tableRow),
      ]
      for (name, kind) in special { table[LibXML.key(name)] = kind }
      return table
    }())
}

/// A small open-addressing hash table from packed names to values: a multiply and a shift find
/// the slot, which is cheaper than `Dictionary`'s SipHash on every element of every page.
struct NameTable<Value: Sendable>: Sendable {
  private let keys: [UInt64]
  private let values: [Value?]
  private static var shift: UInt64 { 56 }

  init(_ entries: [UInt64: Value]) {
    var keys = [UInt64](repeating: 0, count: 256)
    var values = [Value?](repeating: nil, count: 256)
    precondition(entries.count < 128)
    for (key, value) in entries {
      var slot = Self.slot(key)
      while keys[slot] != 0 { slot = (slot + 1) & 255 }
      keys[slot] = key
      values[slot] = value
    }
    self.keys = keys
    self.values = values
  }

  @inline(__always)
  private static func slot(_ key: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  @inline(__always)
  func value(for key: UInt64) -> Value? {
    var slot = Self.slot(key)
    while true {
      let stored = keys[slot]
      if stored == key { return values[slot] }
      if stored == 0 { return nil }
      slot = (slot + 1) & 255
    }
  }
}
