/// Decides which character set a page's bytes are in, as a browser would.
///
/// It exists because libxml2 2.9's HTML parser reads undeclared pages as ISO-8859-1, which turns
/// every õ ä ö ü of a UTF-8 page into mojibake, and because older Estonian pages are still served
/// as windows-1257 or ISO-8859-15. The order follows the WHATWG Encoding Standard: a byte order
/// mark, then the HTTP `Content-Type` charset, then a `<meta charset>` or
/// `<meta http-equiv="Content-Type">` in the first 1024 bytes, else UTF-8 (what current sites use,
/// rather than the Latin-1 of the old HTML specifications).
public enum CharsetSniffer {
  /// How many leading bytes the `<meta>` prescan looks at.
  public static let prescanLength = 1024

  /// The page's character set as a lower-case label that libxml2 and iconv accept
  /// (`utf-8`, `windows-1257`, `iso-8859-15`, …). Labels nobody knows are ignored, as browsers do.
  public static func sniff(contentType: String?, body: [UInt8]) -> String {
    detect(contentType: contentType, body: body).charset
  }

  /// The canonical name for an encoding label (`cp1257` → `windows-1257`, `latin9` →
  /// `iso-8859-15`, `latin1` → `windows-1252`, as browsers treat it), or nil for unknown labels.
  public static func normalize(label: String) -> String? {
    let trimmed = label.trimmingWhitespace().lowercased()
    return aliases[trimmed]
  }

  /// The charset and the length of the byte order mark that decided it (0 when none).
  static func detect(contentType: String?, body: [UInt8]) -> (charset: String, bomLength: Int) {
    detect(headerCharset: headerCharset(contentType), body: body)
  }

  /// The known charset a `Content-Type` value declares, if any.
  static func headerCharset(_ contentType: String?) -> String? {
    guard let contentType, let label = charsetParameter(in: contentType) else { return nil }
    return normalize(label: label)
  }

  /// ``detect(contentType:body:)`` with the header's charset already worked out.
  static func detect(headerCharset: String?, body: [UInt8]) -> (charset: String, bomLength: Int) {
    if body.count >= 3, body[0] == 0xEF, body[1] == 0xBB, body[2] == 0xBF {
      return ("utf-8", 3)
    }
    if body.count >= 2, body[0] == 0xFE, body[1] == 0xFF { return ("utf-16be", 2) }
    if body.count >= 2, body[0] == 0xFF, body[1] == 0xFE { return ("utf-16le", 2) }
    if let headerCharset { return (headerCharset, 0) }
    if let charset = prescan(body) { return (charset, 0) }
    return ("utf-8", 0)
  }

  /// The `charset` parameter of a `Content-Type` value, unquoted.
  static func charsetParameter(in contentType: String) -> String? {
    var contentType = contentType
    return contentType.withUTF8 { bytes -> String? in
      var index = 0
      while index < bytes.count, bytes[index] != 0x3B { index += 1 }
      while index < bytes.count {
        // One `; name=value` parameter.
        index += 1
        var nameStart = index
        while nameStart < bytes.count, bytes[nameStart] == 0x20 || bytes[nameStart] == 0x09 {
          nameStart += 1
        }
        var end = nameStart
        var inQuotes = false
        while end < bytes.count, inQuotes || bytes[end] != 0x3B {
          if bytes[end] == 0x22 { inQuotes.toggle() }
          end += 1
        }
        let parameter = UnsafeBufferPointer(rebasing: bytes[nameStart..<end])
        index = end
        guard parameter.count > 8,
          parameter.prefix(8).map(lowered).elementsEqual("charset=".utf8)
        else { continue }
        var value = String(decoding: parameter.dropFirst(8), as: UTF8.self).trimmingWhitespace()
        if value.count >= 2, let first = value.first, first == "\"" || first == "'",
          value.last == first
        {
          value = String(value.dropFirst().dropLast())
        }
        return value.isEmpty ? nil : value
      }
      return nil
    }
  }

  // MARK: - Meta prescan

  /// The WHATWG "prescan a byte stream to determine its encoding" algorithm over the first
  /// ``prescanLength`` bytes.
  static func prescan(_ body: [UInt8]) -> String? {
    let end = min(body.count, prescanLength)
    return body.withUnsafeBufferPointer { whole -> String? in
      let bytes = UnsafeBufferPointer(rebasing: whole[0..<end])
      var scanner = PrescanCursor(bytes: bytes)
      return scanner.run()
    }
  }

  /// Encoding labels (WHATWG names and common aliases) to the names passed to libxml2.
  static let aliases: [String: String] = {
    let groups: [String: [String]] = [
      "utf-8": [
        "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8",
      ],
      "windows-1252": [
        "windows-1252", "cp1252", "x-cp1252", "ansi_x3.4-1968", "ascii", "us-ascii", "cp819",
        "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100", "iso8859-1", "iso88591",
        "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "latin-1",
      ],
      "windows-1257": ["windows-1257", "cp1257", "x-cp1257", "win-1257"],
      "windows-1250": ["windows-1250", "cp1250", "x-cp1250"],
      "windows-1251": ["windows-1251", "cp1251", "x-cp1251"],
      "iso-8859-15": [
        "iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15", "csisolatin9", "l9", "latin9",
        "latin-9",
      ],
      "iso-8859-13": ["iso-8859-13", "iso8859-13", "iso885913", "latin7", "latin-7"],
      "iso-8859-4": [
        "iso-8859-4", "iso8859-4", "iso88594", "iso_8859-4", "iso_8859-4:1988", "iso-ir-110",
        "csisolatin4", "l4", "latin4",
      ],
      "iso-8859-2": [
        "iso-8859-2", "iso8859-2", "iso88592", "iso_8859-2", "iso_8859-2:1987", "iso-ir-101",
        "csisolatin2", "l2", "latin2",
      ],
      "iso-8859-5": [
        "iso-8859-5", "iso8859-5", "iso88595", "iso_8859-5", "iso_8859-5:1988", "iso-ir-144",
        "csisolatincyrillic", "cyrillic",
      ],
      "koi8-r": ["koi8-r", "koi8_r", "koi8", "koi", "cskoi8r"],
      "koi8-u": ["koi8-u", "koi8-ru"],
      "utf-16le": ["utf-16", "utf-16le"],
      "utf-16be": ["utf-16be"],
      "shift_jis": ["shift_jis", "shift-jis", "sjis", "ms_kanji", "csshiftjis", "windows-31j"],
      "euc-jp": ["euc-jp", "cseucpkdfmtjapanese", "x-euc-jp"],
      "euc-kr": ["euc-kr", "cseuckr", "ks_c_5601-1987", "windows-949"],
      "gbk": ["gbk", "gb2312", "chinese", "csgb2312", "x-gbk", "gb_2312-80"],
      "gb18030": ["gb18030"],
      "big5": ["big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"],
    ]
    var table: [String: String] = [:]
    for (name, labels) in groups {
      for label in labels { table[label] = name }
    }
    return table
  }()
}

/// The state of one prescan: a cursor over the first bytes of the body.
private struct PrescanCursor {
  let bytes: UnsafeBufferPointer<UInt8>
  var position = 0

  init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  mutating func run() -> String? {
    while position < bytes.count {
      if matches("<!--") {
        position += 2  // `-->` may share the dashes of `<!--`.
        skip(past: [0x2D, 0x2D, 0x3E])
      } else if matchesCaseInsensitive("<meta"), position + 5 < bytes.count,
        isSpaceOrSlash(bytes[position + 5])
      {
        position += 6
        if let charset = meta() { return charset }
      } else if position + 1 < bytes.count, bytes[position] == 0x3C,
        isLetter(bytes[position + 1])
          || (bytes[position + 1] == 0x2F && position + 2 < bytes.count
            && isLetter(bytes[position + 2]))
      {
        while position < bytes.count, !isSpace(bytes[position]), bytes[position] != 0x3E {
          position += 1
        }
        while attribute() != nil {}
      } else if matches("<!") || matches("</") || matches("<?") {
        skip(past: [0x3E])
      } else {
        position += 1
      }
    }
    return nil
  }

  /// After `<meta `: reads the attributes and decides.
  private mutating func meta() -> String? {
    var seen = Set<String>()
    var gotPragma = false
    var needPragma: Bool?
    var charset: String?
    while let (name, value) = attribute() {
      guard seen.insert(name).inserted else { continue }
      switch name {
      case "http-equiv":
        if value.lowercased() == "content-type" { gotPragma = true }
      case "content":
        if charset == nil, let label = Self.charset(inContent: value) {
          charset = label
          needPragma = true
        }
      case "charset":
        charset = value
        needPragma = false
      default:
        break
      }
    }
    guard let needPragma, let label = charset, !needPragma || gotPragma,
      var normalized = CharsetSniffer.normalize(label: label)
    else { return nil }
    if normalized.hasPrefix("utf-16") { normalized = "utf-8" }
    return normalized
  }

  /// WHATWG "get an attribute": returns (lower-cased name, value), or nil at `>` or the end.
  private mutating func attribute() -> (String, String)? {
    while position < bytes.count, isSpaceOrSlash(bytes[position]) { position += 1 }
    guard position < bytes.count, bytes[position] != 0x3E else { return nil }
    var name: [UInt8] = []
    var value: [UInt8] = []
    while position < bytes.count {
      let byte = bytes[position]
      if byte == 0x3D, !name.isEmpty { break }
      if isSpace(byte) || byte == 0x2F || byte == 0x3E { break }
      name.append(lowered(byte))
      position += 1
    }
    while position < bytes.count, isSpace(bytes[position]) { position += 1 }
    guard position < bytes.count, bytes[position] == 0x3D else {
      return (String(decoding: name, as: UTF8.self), "")
    }
    position += 1
    while position < bytes.count, isSpace(bytes[position]) { position += 1 }
    guard position < bytes.count else { return (String(decoding: name, as: UTF8.self), "") }
    let first = bytes[position]
    if first == 0x22 || first == 0x27 {
      position += 1
      while position < bytes.count, bytes[position] != first {
        value.append(lowered(bytes[position]))
        position += 1
      }
      position += 1
    } else if first != 0x3E {
      while position < bytes.count, !isSpace(bytes[position]), bytes[position] != 0x3E {
        value.append(lowered(bytes[position]))
        position += 1
      }
    }
    return (String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self))
  }

  /// WHATWG "extract a character encoding from a meta element" (`text/html; charset=utf-8`).
  static func charset(inContent content: String) -> String? {
    let bytes = Array(content.utf8)
    var index = 0
    while index + 7 <= bytes.count {
      guard bytes[index..<index + 7].elementsEqual("charset".utf8) else {
        index += 1
        continue
      }
      var i = index + 7
      while i < bytes.count, isSpace(bytes[i]) { i += 1 }
      guard i < bytes.count, bytes[i] == 0x3D else {
        index = i
        continue
      }
      i += 1
      while i < bytes.count, isSpace(bytes[i]) { i += 1 }
      guard i < bytes.count else { return nil }
      let quote = bytes[i]
      if quote == 0x22 || quote == 0x27 {
        guard let close = bytes[(i + 1)...].firstIndex(of: quote) else { return nil }
        return String(decoding: bytes[(i + 1)..<close], as: UTF8.self)
      }
      var end = i
      while end < bytes.count, !isSpace(bytes[end]), bytes[end] != 0x3B { end += 1 }
      return end > i ? String(decoding: bytes[i..<end], as: UTF8.self) : nil
    }
    return nil
  }

  private func matches(_ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    guard position + count <= bytes.count else { return false }
    let pointer = literal.utf8Start
    for offset in 0..<count where bytes[position + offset] != pointer[offset] { return false }
    return true
  }

  private func matchesCaseInsensitive(_ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    guard position + count <= bytes.count else { return false }
    let pointer = literal.utf8Start
    for offset in 0..<count where lowered(bytes[position + offset]) != pointer[offset] {
      return false
    }
    return true
  }

  private mutating func skip(past terminator: [UInt8]) {
    while position < bytes.count {
      if bytes[position] == terminator[0], position + terminator.count <= bytes.count,
        bytes[position..<position + terminator.count].elementsEqual(terminator)
      {
        position += terminator.count
        return
      }
      position += 1
    }
  }
}

@inline(__always) private func lowered(_ byte: UInt8) -> UInt8 {
  byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
}

@inline(__always) private func isSpace(_ byte: UInt8) -> Bool {
  byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
}

@inline(__always) private func isSpaceOrSlash(_ byte: UInt8) -> Bool {
  isSpace(byte) || byte == 0x2F
}

@inline(__always) private func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

extension StringProtocol {
  /// The text without leading and trailing ASCII whitespace (all that header values, labels and
  /// attribute values need, and cheap on the per-page path).
  func trimmingWhitespace() -> String {
    let bytes = utf8
    var first: String.Index?
    var end = bytes.startIndex
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let next = bytes.index(after: index)
      if !isASCIIWhitespace(bytes[index]) {
        if first == nil { first = index }
        end = next
      }
      index = next
    }
    guard let first else { return "" }
    return String(self[first..<end])
  }
}

@inline(__always)
private func isASCIIWhitespace(_ byte: UInt8) -> Bool {
  byte == 0x20 || (0x09...0x0D).contains(byte)
}
