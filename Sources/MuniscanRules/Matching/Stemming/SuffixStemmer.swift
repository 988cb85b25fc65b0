import MuniscanCore

/// A stemmer made of steps, each taking off at most one ending: the longest of the step's
/// endings that leaves a long enough stem and follows an allowed letter. What the language
/// stemmers are written in.
struct SuffixStemmer: Stemmer {
  /// One ending of a step: what it is replaced with, and which letters may come before it.
  struct Ending {
    var suffix: [UInt8]
    var replacement: [UInt8]
    /// Appended to the stem once every step has run (`Step/init(_:marking:after:minimumStem:)`).
    var mark: [UInt8]
    /// Folded bytes allowed just before the ending; empty for any.
    var after: [UInt8]

    init(suffix: [UInt8], replacement: [UInt8], after: [UInt8], mark: [UInt8]) {
      self.suffix = suffix
      self.replacement = replacement
      self.after = after
      self.mark = mark
    }
  }

  /// Endings of which at most one is taken, the longest that applies. A class, so running the
  /// steps over a word copies no tables.
  final class Step: Sendable {
    /// Bytes the stem must keep.
    let minimumStem: Int
    /// The endings by their last byte, longest first: a word is compared only with the endings
    /// that end as it does.
    private let byLastByte: [[Ending]]

    /// A step from `"ending"` or `"ending>replacement"` strings (folded as page text is), each
    /// allowed only after one of the letters of `after` (empty: after any letter).
    /// Taking one of them leaves `marking` at the end of the stem, after whatever later steps
    /// take: what keeps a plural apart from the singular when both lose their stem vowel.
    convenience init(
      _ endings: [String], marking: String = "", after: String = "", minimumStem: Int
    ) {
      let allowed = Array(TextNormalizer.normalize(after).utf8)
      let mark = Array(marking.utf8)
      self.init(
        endings.map { entry in
          let parts = entry.split(separator: ">", omittingEmptySubsequences: false).map {
            Array(TextNormalizer.normalize(String($0)).utf8)
          }
          return Ending(
            suffix: parts[0], replacement: parts.count > 1 ? parts[1] : [], after: allowed,
            mark: mark)
        }, minimumStem: minimumStem)
    }

    /// One step holding the endings of `steps`, each with its own allowed letters.
    convenience init(merging steps: [Step]) {
      self.init(
        steps.flatMap { $0.byLastByte.joined() }, minimumStem: steps.map(\.minimumStem).max() ?? 0)
    }

    private init(_ endings: [Ending], minimumStem: Int) {
      var table = [[Ending]](repeating: [], count: 256)
      for ending in endings.sorted(by: { $0.suffix.count > $1.suffix.count }) {
        table[Int(ending.suffix.last!)].append(ending)
      }
      byLastByte = table
      self.minimumStem = minimumStem
      // The same endings packed into one buffer for `apply`, which runs for every word.
      var packed: [Packed] = []
      var pool: [UInt8] = []
      var ranges = [Range<Int32>](repeating: 0..<0, count: 256)
      func store(_ bytes: [UInt8]) -> Range<Int32> {
        defer { pool += bytes }
        return Int32(pool.count)..<Int32(pool.count + bytes.count)
      }
      for last in 0..<256 {
        let first = Int32(packed.count)
        for ending in table[last] {
          packed.append(
            Packed(
              suffix: store(ending.suffix), replacement: store(ending.replacement),
              after: store(ending.after), mark: store(ending.mark)))
        }
        ranges[last] = first..<Int32(packed.count)
      }
      self.packed = packed
      self.pool = pool
      self.ranges = ranges
    }

    /// An ending as ranges of `pool`.
    private struct Packed {
      var suffix: Range<Int32>
      var replacement: Range<Int32>
      var after: Range<Int32>
      var mark: Range<Int32>
    }

    private let packed: [Packed]
    private let pool: [UInt8]
    /// The packed endings that end in each byte, longest first.
    private let ranges: [Range<Int32>]

    /// Takes the ending off `word` and appends the ending's mark to `marks`.
    func apply(_ word: inout [UInt8], marks: inout [UInt8]) {
      guard let last = word.last else { return }
      for index in ranges[Int(last)] {
        let ending = packed[Int(index)]
        let length = ending.suffix.count
        let stem = word.count - length
        guard stem >= minimumStem, matches(word, at: stem, ending.suffix) else { continue }
        if !ending.after.isEmpty,
          !pool[Int(ending.after.lowerBound)..<Int(ending.after.upperBound)].contains(
            word[stem - 1])
        {
          continue
        }
        word.removeLast(length)
        word += pool[Int(ending.replacement.lowerBound)..<Int(ending.replacement.upperBound)]
        marks += pool[Int(ending.mark.lowerBound)..<Int(ending.mark.upperBound)]
        return
      }
    }

    @inline(__always)
    private func matches(_ word: [UInt8], at stem: Int, _ suffix: Range<Int32>) -> Bool {
      var position = stem
      for offset in Int(suffix.lowerBound)..<Int(suffix.upperBound) {
        if word[position] != pool[offset] { return false }
        position += 1
      }
      return true
    }
  }

  let steps: [Step]

  func stem(_ word: inout [UInt8]) {
    var marks: [UInt8] = []
    for step in steps { step.apply(&word, marks: &marks) }
    if !marks.isEmpty { word += marks }
  }
}
