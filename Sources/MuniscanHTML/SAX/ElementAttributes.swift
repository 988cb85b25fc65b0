/// The attributes of an element that the page collector reads, found in one pass over the
/// name/value list libxml2's SAX `startElement` passes (valid only during that callback).
///
/// Attributes that matter even without a value (`<a href>` is still a link, `<base href>` still
/// a base) read as "" then; the others read as absent.
struct ElementAttributes {
  var id: UnsafePointer<UInt8>?
  var className: UnsafePointer<UInt8>?
  var role: UnsafePointer<UInt8>?
  var style: UnsafePointer<UInt8>?
  var isHidden = false
  var ariaHidden: UnsafePointer<UInt8>?
  var href: UnsafePointer<UInt8>?
  var title: UnsafePointer<UInt8>?
  var type: UnsafePointer<UInt8>?
  var ariaLabel: UnsafePointer<UInt8>?
  var alt: UnsafePointer<UInt8>?
  var lang: UnsafePointer<UInt8>?
  var name: UnsafePointer<UInt8>?
  var property: UnsafePointer<UInt8>?
  var httpEquiv: UnsafePointer<UInt8>?
  var content: UnsafePointer<UInt8>?
  var datetime: UnsafePointer<UInt8>?
  var src: UnsafePointer<UInt8>?
  var data: UnsafePointer<UInt8>?

  /// No attributes.
  init() {}

  /// Reads `list`; `names` remembers what each attribute name pointer means.
  init(_ list: UnsafeMutablePointer<UnsafePointer<UInt8>?>, names: inout NameCache<AttributeName>) {
    let empty = ("" as StaticString).utf8Start
    var index = 0
    while let name = list[index] {
      let value = list[index + 1]
      index += 2
      switch names.value(for: name, else: AttributeName.init(name:)) {
      case .other: break
      case .id: id = value
      case .className: className = value
      case .role: role = value
      case .style: style = value
      case .hidden: isHidden = true
      case .ariaHidden: ariaHidden = value
      case .href: href = value ?? empty
      case .title: title = value ?? empty
      case .type: type = value
      case .ariaLabel: ariaLabel = value ?? empty
      case .alt: alt = value ?? empty
      case .lang: lang = value
      case .name: self.name = value
      case .property: property = value
      case .httpEquiv: httpEquiv = value
      case .content: content = value ?? empty
      case .datetime: datetime = value ?? empty
      case .src: src = value ?? empty
      case .data: data = value ?? empty
      }
    }
  }

  /// Whether the attributes hide the element: `hidden`, `aria-hidden="true"`, or an inline style
  /// with `display:none` or `visibility:hidden`.
  var hidesElement: Bool {
    if isHidden { return true }
    if let ariaHidden, ASCII.equalsIgnoringCase(ariaHidden, "true") { return true }
    if let style, ASCII.styleHides(style) { return true }
    return false
  }
}

/// The attributes ``ElementAttributes`` reads, told by their (lower-case) name.
enum AttributeName: UInt8 {
  case other, id, className, role, style, hidden, ariaHidden, href, title, type, ariaLabel, alt
  case lang, name, property, httpEquiv, content, datetime, src, data

  init(name: UnsafePointer<UInt8>) {
    let (key, isLong) = LibXML.key(name)
    if !isLong {
      self = Self.short.value(for: key) ?? .other
    } else if LibXML.equals(name, "aria-hidden") {
      self = .ariaHidden
    } else if LibXML.equals(name, "aria-label") {
      self = .ariaLabel
    } else if LibXML.equals(name, "http-equiv") {
      self = .httpEquiv
    } else {
      self = .other
    }
  }

  /// Names of up to eight bytes.
  private static let short = NameTable<AttributeName>([
    LibXML.key("id"): .id, LibXML.key("class"): .className, LibXML.key("role"): .role,
    LibXML.key("style"): .style, LibXML.key("hidden"): .hidden, LibXML.key("href"): .href,
    LibXML.key("title"): .title, LibXML.key("type"): .type, LibXML.key("alt"): .alt,
    LibXML.key("lang"): .lang, LibXML.key("name"): .name, LibXML.key("property"): .property,
    LibXML.key("content"): .content, LibXML.key("datetime"): .datetime,
    LibXML.key("src"): .src, LibXML.key("data"): .data,
  ])
}
