/// A language by its ISO 639-1 code (`et`, `en`, `fi`).
///
/// Rule sets declare the languages their titles and advice are written in, and reports are
/// rendered in one of them. A language is data — a code, a rule set's texts and its file in
/// `locales/` — never a case in code, so adding one needs no change to the program.
public struct Language: Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
  ExpressibleByStringLiteral
{
  /// Two lower-case ASCII letters.
  public let code: String

  /// Nil unless `code` is two lower-case ASCII letters.
  public init?(code: String) {
    guard code.utf8.count == 2, code.utf8.allSatisfy({ $0 &- 0x61 < 26 }) else { return nil }
    self.code = code
  }

  /// A language named in code (`"en"`); the literal must be a valid code.
  public init(stringLiteral code: String) {
    guard let language = Language(code: code) else {
      preconditionFailure("'\(code)' is not an ISO 639-1 language code")
    }
    self = language
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let code = try container.decode(String.self)
    guard let language = Language(code: code) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "'\(code)' is not an ISO 639-1 language code")
    }
    self = language
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(code)
  }

  public var description: String { code }

  public static func < (lhs: Language, rhs: Language) -> Bool { lhs.code < rhs.code }
}
