import MuniscanCore
import Testing

/// The byte hash reads its input eight bytes at a time and the short tail by overlapping loads:
/// equal bytes must hash alike, and the short strings words are made of must not collide.
@Suite struct ByteHashTests {
  private func hash(_ bytes: [UInt8], seed: UInt64 = ByteHash.seed) -> UInt64 {
    bytes.withUnsafeBytes { ByteHash.hash($0, seed: seed) }
  }

  @Test func equalBytesHashAlikeWhereverTheyLie() {
    let text = Array("volikogu istungite protokollid 2026".utf8)
    for length in 0...text.count {
      let word = Array(text[..<length])
      let shifted = [0x20] + word
      let inPlace = shifted.withUnsafeBytes {
        ByteHash.hash(UnsafeRawBufferPointer(rebasing: $0[1...]), seed: ByteHash.seed)
      }
      #expect(inPlace == hash(word))
    }
  }

  @Test func shortStringsDoNotCollide() {
    // Every string of up to two bytes, and every reordering and length of a few words: all
    // the tail's loads read.
    var strings: Set<[UInt8]> = [[]]
    for first in UInt8.min...UInt8.max {
      strings.insert([first])
      for second in UInt8.min...UInt8.max { strings.insert([first, second]) }
    }
    for word in ["ab", "ba", "abc", "acb", "abcd", "abdc", "eelarve", "eelarvE", "eelarved"] {
      for padding in 0..<12 {
        strings.insert(Array(word.utf8) + Array(repeating: 0, count: padding))
        strings.insert(Array(repeating: 0x61, count: padding) + Array(word.utf8))
      }
    }
    let hashes = Set(strings.map { hash($0) })
    #expect(hashes.count == strings.count)
  }

  @Test func theSeedChangesTheHash() {
    let word = Array("istung".utf8)
    #expect(hash(word, seed: 1) != hash(word, seed: 3))
  }
}
