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
    var url = url
    return url.withUTF8 { classify(bytes: $0, typeAttribute: typeAttribute) }
  }

  private static func classify(bytes: UnsafeBufferPointer<UInt8>, typeAttribute: String?) -> (
    type: String, fileName: String
  )? {
    let segments = pathSegments(of: bytes)
    let last = segments.last ?? 0..<0
    if let type = fileExtension(bytes, last) { return (type, decodedFileName(bytes, last)) }
    if segments.count >= 3, equals(bytes, segments[0], "documents") {
      for segment in segments.dropFirst().reversed() {
        if let type = fileExtension(bytes, segment) {
          return (type, decodedFileName(bytes, segment))
        }
      }
    }
    if let typeAttribute,
      let type = mediaTypes[typeAttribute.trimmingWhitespace().lowercased()]
    {
      return (type, decodedFileName(bytes, last))
    }
    if segments.count >= 3, equals(bytes, segments[segments.count - 1], "download"),
      equals(bytes, segments[segments.count - 3], "media"),
      bytes[segments[segments.count - 2]].allSatisfy({ $0 &- 0x30 < 10 })
    {
      return ("file", "")
    }
    return nil
  }

  /// The lower-case extension of a path segment when it is a document extension.
  private static func fileExtension(_ bytes: UnsafeBufferPointer<UInt8>, _ segment: Range<Int>)
    -> String?
  {
    guard let dot = bytes[segment].lastIndex(of: 0x2E), dot > segment.lowerBound,
      segment.upperBound - dot - 1 <= 5, segment.upperBound - dot - 1 >= 3
    else { return nil }
    let type = String(decoding: bytes[(dot + 1)..<segment.upperBound].map(ASCII.lower), as: UTF8.self)
    return extensions.contains(type) ? type : nil
  }

  private static func equals(
    _ bytes: UnsafeBufferPointer<UInt8>, _ segment: Range<Int>, _ literal: StaticString
  ) -> Bool {
    guard segment.count == literal.utf8CodeUnitCount else { return false }
    let pointer = literal.utf8Start
    for offset in 0..<segment.count where bytes[segment.lowerBound + offset] != pointer[offset] {
      return false
    }
    return true
  }

  /// The ranges of the non-empty path segments of an absolute URL.
  private static func pathSegments(of bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    var index = 0
    // Skip `scheme://authority`.
    while index + 2 < bytes.count {
      if bytes[index] == 0x3A, bytes[index + 1] == 0x2F, bytes[index + 2] == 0x2F {
        index += 3
        while index < bytes.count, bytes[index] != 0x2F, bytes[index] != 0x3F,
          bytes[index] != 0x23
        {
          index += 1
        }
        break
      }
      if bytes[index] == 0x2F || bytes[index] == 0x3F { break }
      index += 1
    }
    var segments: [Range<Int>] = []
    var start = index
    while index <= bytes.count {
      let atEnd = index == bytes.count || bytes[index] == 0x3F || bytes[index] == 0x23
      if atEnd || bytes[index] == 0x2F {
        if index > start { segments.append(start..<index) }
        if atEnd { break }
        start = index + 1
      }
      index += 1
    }
    return segments
  }

  private static func decodedFileName(_ bytes: UnsafeBufferPointer<UInt8>, _ segment: Range<Int>)
    -> String
  {
    decodedFileName(String(decoding: bytes[segment], as: UTF8.self))
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
