import CPCRE2

/// A regular expression compiled by PCRE2 (JIT-compiled where the platform allows), matched on
/// a String's UTF-8 bytes in place: rules run their patterns on every page's whole text, and
/// ICU's NSRegularExpression would first convert each text to UTF-16. Patterns are UTF-8 with
/// Unicode semantics (`\w`, `\d`, `\b` and case folding cover every script; any Unicode line
/// break ends a line, as in ICU). A compiled pattern is immutable; PCRE2 documents it as safe
/// to match from many threads at once (each search makes its own match data). A pattern with
/// an ``AnchorWindow`` is tried only near its anchors (``WindowedSearch``), for the same first
/// match.
public final class PCRE2Pattern: @unchecked Sendable {
  private let code: OpaquePointer
  /// The search near anchors, for a pattern with an ``AnchorWindow``.
  private let windowed: WindowedSearch?
  public let source: String

  /// Compiles `source`; case-insensitive when `caseless`. Throws why PCRE2 rejects it.
  public init(_ source: String, caseless: Bool) throws(PCRE2PatternError) {
    var error: Int32 = 0
    var offset = 0
    func compile(anchored: Bool) -> OpaquePointer? {
      source.utf8CString.withUnsafeBufferPointer { pattern in
        muniscan_pcre2_compile(
          pattern.baseAddress, pattern.count - 1, caseless ? 1 : 0, anchored ? 1 : 0, &error,
          &offset)
      }
    }
    guard let code = compile(anchored: false) else {
      throw PCRE2PatternError(message: Self.message(of: error), offset: offset)
    }
    self.code = code
    self.source = source
    if let window = AnchorWindow(pattern: source), let anchoredCode = compile(anchored: true) {
      let firstBytes = muniscan_pcre2_first_bytes(code).map { bitmap in
        (0..<256).map { bitmap[$0 >> 3] & (1 << ($0 & 7)) != 0 }
      }
      windowed = WindowedSearch(window: window, anchoredCode: anchoredCode, firstBytes: firstBytes)
    } else {
      windowed = nil
    }
  }

  deinit {
    pcre2_code_free_8(code)
    if let windowed { pcre2_code_free_8(windowed.anchoredCode) }
  }

  /// The first match in `text`, or nil (also when matching fails: PCRE2's backtracking limit).
  public func firstMatch(in text: String) -> Range<String.Index>? {
    var start = 0
    var end = 0
    var bytes = text
    let found = bytes.withUTF8 { utf8 -> Int32 in
      guard let data = pcre2_match_data_create_8(1, nil) else { return PCRE2_ERROR_NOMEMORY }
      defer { pcre2_match_data_free_8(data) }
      if let windowed,
        let found = windowed.firstMatch(in: utf8, data: data, start: &start, end: &end)
      {
        return found
      }
      return utf8.withMemoryRebound(to: CChar.self) {
        muniscan_pcre2_match_from(code, data, $0.baseAddress, $0.count, 0, &start, &end)
      }
    }
    guard found == 1 else { return nil }
    let utf8 = text.utf8
    let lower = utf8.index(utf8.startIndex, offsetBy: start)
    return lower..<utf8.index(lower, offsetBy: end - start)
  }

  /// Whether the pattern matches somewhere in `text`.
  public func matches(_ text: String) -> Bool { firstMatch(in: text) != nil }

  private static func message(of error: Int32) -> String {
    var buffer = [UInt8](repeating: 0, count: 256)
    let length = pcre2_get_error_message_8(error, &buffer, buffer.count)
    guard length > 0 else { return "error \(error)" }
    return String(decoding: buffer[..<Int(length)], as: UTF8.self)
  }
}

/// Why PCRE2 rejects a pattern: its message and the offset (in UTF-8 bytes) it stopped at.
public struct PCRE2PatternError: Error, Sendable, CustomStringConvertible {
  public var message: String
  public var offset: Int

  public var description: String { "\(message) at offset \(offset)" }
}
