/// Text made safe inside GitHub-flavoured Markdown, where a page's words land in table cells
/// and list items: line breaks become spaces, `< > &` become references (so no raw HTML), and
/// the punctuation that makes links, emphasis, code or table cells is backslash-escaped.
enum MarkdownText {
  static func escape(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\n", "\r", "\t": result += " "
      case "\\", "`", "*", "_", "[", "]", "|", "~":
        result += "\\" + String(scalar)
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F { continue }
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// A link when the URL is http(s), else the URL as escaped text.
  static func link(_ text: String, _ url: String) -> String {
    guard let url = WebURL.linkable(url) else { return escape(text) }
    let target = url.replacingAll(["<": "%3C", ">": "%3E", "|": "%7C", "(": "%28", ")": "%29"])
    return "[\(escape(text))](<\(target)>)"
  }

  /// One table row of already escaped cells.
  static func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
}

extension String {
  /// Replaces each character key with its value.
  fileprivate func replacingAll(_ map: [Character: String]) -> String {
    var result = ""
    for character in self { result += map[character] ?? String(character) }
    return result
  }
}
