import MuniscanCore

/// Decides which ``PageRegion`` an element opens, so each link can say where on the page it sits.
///
/// Rules trust a "Volikogu" link in the main menu more than one in a news item. HTML5 landmarks
/// decide first (`nav`, `header`, `footer`, `main`, `aside`), then ARIA roles, then the id and
/// class names that older CMS templates use (`menu`, `nav` → nav; `footer`; `header`). The walk
/// keeps the innermost region open, so a link's region is that of its nearest such ancestor.
enum LinkRegion {
  /// The region the element opens, or nil when it opens none.
  static func region(kind: ElementKind, attributes: ElementAttributes) -> PageRegion? {
    switch kind {
    case .nav: return .nav
    case .header: return .header
    case .footer: return .footer
    case .main: return .main
    case .aside: return .aside
    case .html, .body, .head: return nil
    default: break
    }
    if let role = attributes.role {
      if ASCII.equalsIgnoringCase(role, "navigation") || ASCII.equalsIgnoringCase(role, "menu")
        || ASCII.equalsIgnoringCase(role, "menubar")
      {
        return .nav
      }
      if ASCII.equalsIgnoringCase(role, "banner") { return .header }
      if ASCII.equalsIgnoringCase(role, "contentinfo") { return .footer }
      if ASCII.equalsIgnoringCase(role, "main") { return .main }
      if ASCII.equalsIgnoringCase(role, "complementary") { return .aside }
    }
    var words = TemplateWords()
    if let id = attributes.id { words.formUnion(TemplateWords(in: id)) }
    if let className = attributes.className { words.formUnion(TemplateWords(in: className)) }
    if words.contains(.nav) { return .nav }
    if words.contains(.footer) { return .footer }
    if words.contains(.header) { return .header }
    return nil
  }
}

/// The words of older CMS templates an id or class name holds (`menu` or `nav`, `footer`,
/// `header`, in any case, anywhere in it), found in one pass: every element with an id or a
/// class is asked, hundreds a page.
struct TemplateWords: OptionSet {
  let rawValue: UInt8
  static let nav = TemplateWords(rawValue: 1)
  static let footer = TemplateWords(rawValue: 2)
  static let header = TemplateWords(rawValue: 4)

  init(rawValue: UInt8) { self.rawValue = rawValue }

  /// The words `value`, a NUL-terminated attribute value, holds.
  init(in value: UnsafePointer<UInt8>) {
    var found: TemplateWords = []
    var index = 0
    while value[index] != 0 {
      switch value[index].asciiLowercased {
      case UInt8(ascii: "m") where ASCII.startsIgnoringCase(value + index, "menu"),
        UInt8(ascii: "n") where ASCII.startsIgnoringCase(value + index, "nav"):
        found.insert(.nav)
      case UInt8(ascii: "f") where ASCII.startsIgnoringCase(value + index, "footer"):
        found.insert(.footer)
      case UInt8(ascii: "h") where ASCII.startsIgnoringCase(value + index, "header"):
        found.insert(.header)
      default: break
      }
      index += 1
    }
    self = found
  }
}
