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
    let id = attributes.id
    let className = attributes.className
    if id == nil && className == nil { return nil }
    func mentions(_ word: StaticString) -> Bool {
      if let id, ASCII.containsIgnoringCase(id, word) { return true }
      if let className, ASCII.containsIgnoringCase(className, word) { return true }
      return false
    }
    if mentions("menu") || mentions("nav") { return .nav }
    if mentions("footer") { return .footer }
    if mentions("header") { return .header }
    return nil
  }
}
