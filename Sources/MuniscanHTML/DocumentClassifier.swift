/// Recognises links to downloadable documents and names their type.
///
/// Budgets, development plans, minutes and annual reports are published as files, so rules look
/// for document links. A link is a document when its path (query ignored) ends in a document
/// extension, when a Liferay (KOVTP) path carries the file name before its UUID
/// (`/documents/1/2/Eelarve+2025.pdf/<uuid>`), when it is a Drupal `/media/<id>/download` link, or
/// when its `type` attribute names a document format.
enum DocumentClassifier {
  static let extensions: Set<String> = [
    "pdf", "doc", "docx", "odt", "rtf", "xls", "xlsx", "ods", "bdoc", "asice", "ddoc", "zip",
  ]

  private static let mediaTypes: [String: String] = [
    "application/pdf": "pdf", "application/msword": "doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.oasis.opendocument.text": "odt", "application/rtf": "rtf",
    "application/vnd.ms-excel": "xls",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.oasis.opendocument.spreadsheet": "ods", "application/zip": "zip",
    "application/vnd.etsi.asic-e+zip": "asice",
  ]

  /// The document type and file name of a resolved link, or nil when it is not a document.
  static func classify(url: String, typeAttribute: String?) -> (type: String, fileName: String)? {
    let segments = pathSegments(of: url)
    let last = segments.last.map(String.init) ?? ""
    if let type = fileExtension(of: last) { return (type, decodedFileName(last)) }
    if segments.count >= 3, segments[0] == "documents" {
      for segment in segments.dropFirst().reversed() {
        if let type = fileExtension(of: String(segment)) {
          return (type, decodedFileName(String(segment)))
        }
      }
    }
    if let typeAttribute,
      let type = mediaTypes[typeAttribute.trimmingWhitespace().lowercased()]
    {
      return (type, decodedFileName(last))
    }
    if segments.count >= 3, segments[segments.count - 1] == "download",
      segments[segments.count - 3] == "media", segments[segments.count - 2].allSatisfy(\.isNumber)
    {
      return ("file", "")
    }
    return nil
  }

  private static func fileExtension(of fileName: String) -> String? {
    guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return nil }
    let type = fileName[fileName.index(after: dot)...].lowercased()
    return extensions.contains(type) ? type : nil
  }

  /// The path's segments (without empty ones) of an absolute URL.
  private static func pathSegments(of url: String) -> [Substring] {
    var rest = Substring(url)
    if let schemeEnd = rest.range(of: "://") {
      rest = rest[schemeEnd.upperBound...]
      guard let slash = rest.firstIndex(of: "/") else { return [] }
      rest = rest[slash...]
    }
    if let end = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
    return rest.split(separator: "/")
  }

  /// A file name for display: percent-decoded, `+` as a space (Liferay writes spaces so).
  static func decodedFileName(_ segment: String) -> String {
    var bytes: [UInt8] = []
    let raw = Array(segment.utf8)
    var index = 0
    while index < raw.count {
      let byte = raw[index]
      if byte == 0x25, index + 2 < raw.count, let value = hexValue(raw[index + 1], raw[index + 2]) {
        bytes.append(value)
        index += 3
      } else {
        bytes.append(byte == 0x2B ? 0x20 : byte)
        index += 1
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  static func hexValue(_ high: UInt8, _ low: UInt8) -> UInt8? {
    func nibble(_ byte: UInt8) -> UInt8? {
      switch byte {
      case 0x30...0x39: return byte - 0x30
      case 0x41...0x46: return byte - 0x37
      case 0x61...0x66: return byte - 0x57
      default: return nil
      }
    }
    guard let high = nibble(high), let low = nibble(low) else { return nil }
    return high << 4 | low
  }
}
