import Testing

@testable import MuniscanRules

@Suite struct ByteAutomatonTests {
  /// Every (pattern index, offset of its last byte) a naive search finds.
  private func naive(_ patterns: [[UInt8]], in bytes: [UInt8]) -> Set<[Int]> {
    var found: Set<[Int]> = []
    for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
      for end in bytes.indices where end + 1 >= pattern.count {
        if Array(bytes[(end + 1 - pattern.count)...end]) == pattern { found.insert([index, end]) }
      }
    }
    return found
  }

  private func scanned(_ automaton: ByteAutomaton, _ bytes: [UInt8]) -> [[Int]] {
    var found: [[Int]] = []
    automaton.forEachMatch(in: bytes) { found.append([$0, $1]) }
    return found
  }

  @Test func findsEveryOccurrenceOfEveryPatternIncludingOverlapsAndSuffixes() {
    let patterns = [" eelarve ", "eelarve", "arve", " eel", "ee", " kord "].map { Array($0.utf8) }
    let bytes = Array(" eelarve arve eelarvekord kord eee ".utf8)
    let found = scanned(ByteAutomaton(patterns: patterns), bytes)
    #expect(Set(found) == naive(patterns, in: bytes))
    #expect(found.count == Set(found).count, "each occurrence once")
    #expect(found.map { $0[1] } == found.map { $0[1] }.sorted(), "in the order of their ends")
  }

  @Test func agreesWithNaiveSearchOnRandomPatternsAndTexts() {
    var generator = SystemRandomNumberGenerator()
    let alphabet = Array("ab ".utf8)
    for _ in 0..<200 {
      let patterns = (0..<Int.random(in: 1...6, using: &generator)).map { _ in
        (0..<Int.random(in: 1...4, using: &generator)).map { _ in
          alphabet.randomElement(using: &generator)!
        }
      }
      // Short buffers are scanned in one pass, longer ones as two halves at once.
      let bytes = (0..<Int.random(in: 0...400, using: &generator)).map { _ in
        alphabet.randomElement(using: &generator)!
      }
      let found = scanned(ByteAutomaton(patterns: patterns), bytes)
      // Duplicate patterns are two indices with the same occurrences.
      #expect(Set(found) == naive(patterns, in: bytes), "\(patterns) in \(bytes)")
      #expect(found.count == Set(found).count, "\(patterns) in \(bytes)")
      #expect(found.map { $0[1] } == found.map { $0[1] }.sorted(), "\(patterns) in \(bytes)")
    }
  }

  @Test func aMatchAcrossTheHalvesIsFoundOnceWhereverItEnds() {
    let pattern = Array(" volikogu istung ".utf8)
    for padding in 120..<(140 + pattern.count) {
      // The pattern's end moves across the middle of the buffer, byte by byte.
      let bytes =
        [UInt8](repeating: 0x78, count: padding) + pattern
        + [UInt8](repeating: 0x78, count: 150)
      let found = scanned(ByteAutomaton(patterns: [pattern, Array("x".utf8)]), bytes)
      #expect(found.filter { $0[0] == 0 } == [[0, padding + pattern.count - 1]], "\(padding)")
      #expect(found.filter { $0[0] == 1 }.count == padding + 150)
    }
  }

  @Test func bytesNoPatternHoldsLeadBackToTheStart() {
    let patterns = [Array("ab".utf8)]
    #expect(
      scanned(ByteAutomaton(patterns: patterns), Array("a\u{00}\u{FF}b ab".utf8)) == [[0, 7]])
  }
}
