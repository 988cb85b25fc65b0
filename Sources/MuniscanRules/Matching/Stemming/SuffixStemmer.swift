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

  /// Endings of which at most one is taken, the longest that applies.
  struct Step {
    /// Bytes the stem must keep.
    let minimumStem: Int
    /// The endings by their last byte, longest first: a word is compared only with the endings
    /// that end as it does.
    private let byLastByte: [[Ending]]

    /// A step from `"ending"` or `"ending>replacement"` strings (folded as page text is), each
    /// allowed only after one of the letters of `after` (empty: after any letter).
    /// Taking one of them leaves `marking` at the end of the stem, after whatever later steps
    /// take: what keeps a plural apart from the singular when both lose their stem vowel.
    init(_ endings: [String], marking: String = "", after: String = "", minimumStem: Int) {
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
    init(merging steps: [Step]) {
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
    }

    /// Takes the ending off `word`; returns the ending's mark.
    func apply(_ word: inout [UInt8]) -> [UInt8] {
      guard let last = word.last else { return [] }
      for ending in byLastByte[Int(last)] {
        let stem = word.count - ending.suffix.count
        guard stem >= minimumStem, word[stem...].elementsEqual(ending.suffix) else { continue }
        if !ending.after.isEmpty, !ending.after.contains(word[stem - 1]) { continue }
        word.removeLast(ending.suffix.count)
        word.append(contentsOf: ending.replacement)
        return ending.mark
      }
      return []
    }
  }

  let steps: [Step]

  func stem(_ word: inout [UInt8]) {
    var marks: [UInt8] = []
    for step in steps { marks += step.apply(&word) }
    word += marks
  }
}
