/// HTML or XML built so that text is escaped unless it already is markup: interpolating a
/// `String` escapes it, interpolating `Markup` inserts it as is. Every string that came from a
/// crawled page reaches the HTML and JUnit reports through here, so a hostile page cannot
/// inject tags, attributes or script: the type, not the care of each call site, is the defence.
struct Markup: ExpressibleByStringInterpolation, CustomStringConvertible, Sendable {
  private(set) var description: String

  init(stringLiteral value: String) { description = value }

  init(stringInterpolation: StringInterpolation) { description = stringInterpolation.text }

  /// Markup written by this program (the stylesheet and script), never text from a page.
  init(trusted text: String) { description = text }

  /// Markup parts one after another.
  init(joining parts: [Markup], separator: Markup = "") {
    description = parts.map(\.description).joined(separator: separator.description)
  }

  struct StringInterpolation: StringInterpolationProtocol {
    fileprivate var text = ""

    init(literalCapacity: Int, interpolationCount: Int) {
      text.reserveCapacity(literalCapacity + interpolationCount * 16)
    }

    mutating func appendLiteral(_ literal: String) { text += literal }
    mutating func appendInterpolation(_ value: String) { text += Markup.escape(value) }
    mutating func appendInterpolation(_ value: Int) { text += String(value) }
    mutating func appendInterpolation(_ value: Markup) { text += value.description }
    mutating func appendInterpolation(_ values: [Markup]) {
      for value in values { text += value.description }
    }
  }

  /// Text made safe inside elements and quoted attributes of HTML and XML: `& < > " '` become
  /// references, and characters XML 1.0 forbids (C0 controls but tab and line ends) are dropped.
  static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
