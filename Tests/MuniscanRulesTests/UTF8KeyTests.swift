import Testing

@testable import MuniscanRules

/// Memo and set keys are texts by their UTF-8 bytes: the same bytes find each other, whatever
/// the script; texts that differ in bytes are different keys, even when Unicode calls them
/// canonically equivalent (as `String` does).
@Suite struct UTF8KeyTests {
  @Test func sameBytesAreOneKey() {
    let texts = ["Volikogu istungid", "Õigusaktid", "Заседания совета", "", "a"]
    var memo: [UTF8Key: Int] = [:]
    for (index, text) in texts.enumerated() { memo[UTF8Key(text)] = index }
    for (index, text) in texts.enumerated() {
      // A copy built from the bytes, so no storage is shared with the key kept.
      #expect(memo[UTF8Key(String(decoding: Array(text.utf8), as: UTF8.self))] == index)
    }
    #expect(memo[UTF8Key("Volikogu istungi")] == nil)
    #expect(memo[UTF8Key("volikogu istungid")] == nil)
  }

  @Test func canonicallyEquivalentTextsAreTwoKeys() {
    let composed = "\u{00D5}igusaktid"  // Õ as one scalar
    let decomposed = "O\u{0303}igusaktid"  // O and a combining tilde
    #expect(composed == decomposed)
    #expect(UTF8Key(composed) != UTF8Key(decomposed))
    #expect(Set([UTF8Key(composed), UTF8Key(decomposed)]).count == 2)
  }
}
