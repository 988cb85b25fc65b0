import CLibXML2

/// Inline SVG content skipped unread, as script and style content is (`muniscan_skip_raw_text`):
/// the collector ignores everything inside an `svg`, and libxml2 2.9 reads its markup (an icon's
/// path data is a kilobyte of one attribute) a character at a time. SVG content is markup to
/// libxml2, not raw text, so where it ends is only certain when the content is plain SVG: ASCII,
/// elements of SVG's own names (no HTML name, whose end tag could close an element outside), each
/// closed in order or by `/>`, attributes quoted, no comment, declaration or stray `<`. Then the
/// content ends at the `</svg>` that closes the element, and nothing in it can reach outside;
/// anything else is read by libxml2 as before.
enum SVGContent {
  /// Called from the start-element callback of a parser that builds no tree: when the element
  /// is an `svg` whose content is plain SVG, moves the parser to its end tag and returns how many
  /// bytes it skipped; 0 otherwise.
  static func skip(_ parser: xmlParserCtxtPtr, _ name: UnsafePointer<UInt8>) -> Int {
    guard name[0] == 0x73, name[1] == 0x76, name[2] == 0x67, name[3] == 0 else { return 0 }
    var available = 0
    guard let start = muniscan_input_at_start_tag(parser, &available) else { return 0 }
    let content = UnsafeBufferPointer(start: start + 1, count: available - 1)
    guard let length = self.length(of: content), length > 0 else { return 0 }
    muniscan_skip_content(parser, length)
    return length
  }

  /// How many bytes of `content` (what follows an `svg` start tag) come before the end tag that
  /// closes the element, when all of them are plain SVG; nil otherwise.
  static func length(of content: UnsafeBufferPointer<UInt8>) -> Int? {
    var reader = Reader(bytes: content)
    return reader.contentLength()
  }

  /// Element names SVG has and HTML (libxml2's table of HTML 4 elements) does not; `svg` first.
  private static let names: [[UInt8]] = [
    "svg", "g", "path", "circle", "ellipse", "line", "polyline", "polygon", "rect", "defs", "use",
    "symbol", "lineargradient", "radialgradient", "stop", "clippath", "mask", "pattern", "desc",
    "text", "tspan", "metadata", "marker",
  ].map { Array($0.utf8) }

  /// Deeper nesting than this is read by libxml2 rather than checked here.
  private static let maximumDepth = 32

  private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    /// The open elements' names, as ranges of `bytes`.
    var open: [Range<Int>] = []

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func contentLength() -> Int? {
      while position < bytes.count {
        let current = bytes[position]
        guard Self.isPlain(current) else { return nil }
        guard current == 0x3C else {  // <
          position += 1
          continue
        }
        let tagStart = position
        guard let next = byte(at: position + 1) else { return nil }
        if next == 0x2F {  // </
          position += 2
          guard let name = name(), byte(at: position) == 0x3E else { return nil }
          position += 1
          guard let top = open.popLast() else {
            return Self.sameName(bytes[name], SVGContent.names[0]) ? tagStart : nil
          }
          guard Self.sameName(bytes[top], bytes[name]) else { return nil }
        } else {
          position += 1
          guard let name = name(),
            SVGContent.names.contains(where: { Self.sameName(bytes[name], $0) }),
            let closed = attributes()
          else { return nil }
          if !closed {
            guard open.count < SVGContent.maximumDepth else { return nil }
            open.append(name)
          }
        }
      }
      return nil
    }

    /// Reads attributes up to the tag's end: true for `/>`, false for `>`, nil when anything is
    /// not a name, an `=` and a quoted value.
    private mutating func attributes() -> Bool? {
      while true {
        let spaced = skipBlanks()
        guard let byte = byte(at: position) else { return nil }
        if byte == 0x3E {
          position += 1
          return false
        }
        if byte == 0x2F {
          guard self.byte(at: position + 1) == 0x3E else { return nil }
          position += 2
          return true
        }
        guard spaced, name() != nil else { return nil }
        skipBlanks()
        guard self.byte(at: position) == 0x3D else { continue }  // =
        position += 1
        skipBlanks()
        guard let quote = self.byte(at: position), quote == 0x22 || quote == 0x27 else {
          return nil
        }
        position += 1
        while let inside = self.byte(at: position), inside != quote {
          guard Self.isPlain(inside) else { return nil }
          position += 1
        }
        guard position < bytes.count else { return nil }
        position += 1
        guard let after = self.byte(at: position),
          ASCII.isBlank(after) || after == 0x3E || after == 0x2F
        else { return nil }
      }
    }

    /// A name of ASCII letters, digits, `-`, `_` and `:` starting with a letter, no longer than
    /// libxml2 reads a name in one piece.
    private mutating func name() -> Range<Int>? {
      let start = position
      guard let first = byte(at: position), first.asciiLowercased &- 0x61 < 26 else { return nil }
      position += 1
      while let byte = byte(at: position),
        ASCII.isAlphanumeric(byte) || byte == 0x2D || byte == 0x5F || byte == 0x3A
      {
        position += 1
      }
      return position - start <= 100 ? start..<position : nil
    }

    /// Skips blanks; whether there were any.
    @discardableResult
    private mutating func skipBlanks() -> Bool {
      let start = position
      while let byte = byte(at: position), ASCII.isBlank(byte) { position += 1 }
      return position > start
    }

    private func byte(at index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Whether two names are the same, ignoring ASCII case.
    private static func sameName<A: Collection<UInt8>, B: Collection<UInt8>>(_ one: A, _ other: B)
      -> Bool
    {
      one.count == other.count
        && zip(one, other).allSatisfy { $0.asciiLowercased == $1.asciiLowercased }
    }

    /// Printable ASCII or a blank: bytes libxml2 reads in one way in any encoding it was given.
    private static func isPlain(_ byte: UInt8) -> Bool {
      (byte >= 0x20 && byte < 0x7F) || ASCII.isBlank(byte)
    }
  }
}
