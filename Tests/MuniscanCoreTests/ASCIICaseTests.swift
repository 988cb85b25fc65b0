import Testing

@testable import MuniscanCore

/// Bytes lower-cased as ASCII: the 26 upper-case letters become their lower-case ones, and
/// every other byte — lower-case letters, digits, punctuation, UTF-8 lead and continuation
/// bytes — stays as it is.
@Suite struct ASCIICaseTests {
  @Test func onlyUpperCaseLettersChange() {
    for value in 0...255 {
      let byte = UInt8(value)
      let expected = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
      #expect(byte.asciiLowercased == expected, "byte \(value)")
    }
    #expect(
      Array("HTTPS://Elva.EE/Õ".utf8).map(\.asciiLowercased) == Array("https://elva.ee/Õ".utf8))
  }
}
