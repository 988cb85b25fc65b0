/// Where the matches of a pattern can start, read from its syntax, so that a search tries the
/// few places near an anchor instead of every letter of a page. It holds when the pattern is
/// one sequence (no `|` outside groups) with a mandatory non-word character class, the anchor
/// (the dash of `9.00–17.00`), and everything before it holds only word characters and
/// known separators, in a bounded number of runs of word characters. A match then starts at
/// most `runs` runs of word characters before an anchor character, with nothing but word
/// characters and separators in between: the text outside such windows is never tried.
///
/// The reading is conservative: a construct it does not know before the anchor (`.`, a negated
/// class, a back-reference, an unbounded repetition of words and separators together) gives no
/// window, and the pattern is searched as usual.
struct AnchorWindow: Equatable, Sendable {
  /// Characters one of which every match holds where the pattern's anchor is.
  let anchors: Set<Unicode.Scalar>
  /// Most runs of word characters a match holds before its anchor character.
  let runs: Int
  /// ASCII characters other than word characters a match may hold before its anchor.
  let separators: Set<UInt8>
  /// Whether the pattern begins with `(?<!\w)`, so a match never starts after a word character.
  let startsAfterNonWord: Bool
  /// ASCII characters that optional separators just before the anchor hold (`\s*` in
  /// `[0-9]\s*[-–—]`), skipped back over to reach the character the anchor must follow.
  let skippedBeforeAnchor: Set<UInt8>
  /// The ASCII characters one of which stands before the anchor and those separators, when the
  /// pattern requires something there: an anchor after any other ASCII character starts no
  /// match (a dash in `e-post`, for a time range's).
  let endingBeforeAnchor: Set<UInt8>?

  init?(pattern: String) {
    // Verbs (`(*UCP)`), quoting and inline flags (`(?x)`) change how the rest reads.
    guard !pattern.contains("(*"), !pattern.contains("\\Q"), !PatternSyntax.hasInlineFlags(pattern)
    else { return nil }
    let scalars = Array(pattern.unicodeScalars)
    var reader = PatternPieces(scalars)
    guard let sequence = reader.topLevelSequence(), reader.atEnd else { return nil }
    // The anchor is the first required non-word class, passing over one that holds the
    // commonest marks of prose (`.`, `,`) when a later one does not.
    let candidates = sequence.indices.compactMap { index in
      sequence[index].minimum > 0 ? sequence[index].anchorCharacters.map { (index, $0) } : nil
    }
    guard
      let (anchor, anchors) = candidates.first(where: { $0.1.isDisjoint(with: [".", ","]) })
        ?? candidates.first
    else { return nil }
    guard let runs = sequence[anchor].runsBefore else { return nil }
    self.anchors = anchors
    self.runs = runs
    separators = sequence[anchor].separatorsBefore
    startsAfterNonWord = pattern.hasPrefix(#"(?<!\w)"#)
    (skippedBeforeAnchor, endingBeforeAnchor) = Self.ending(before: sequence[..<anchor])
  }

  /// What the pieces before the anchor leave just before it: the characters of the optional
  /// separators at their end, and those the last character before them may be (nil when
  /// nothing need stand there, or when the two share a character and the skip would be
  /// ambiguous).
  private static func ending(
    before pieces: ArraySlice<PatternPiece>
  ) -> (skipped: Set<UInt8>, ending: Set<UInt8>?) {
    var index = pieces.endIndex
    var skipped: Set<UInt8> = []
    while index > pieces.startIndex, pieces[index - 1].canBeEmpty, !pieces[index - 1].word {
      index -= 1
      skipped.formUnion(pieces[index].ascii)
    }
    var ending: Set<UInt8> = []
    while index > pieces.startIndex {
      index -= 1
      ending.formUnion(pieces[index].ascii)
      if !pieces[index].canBeEmpty {
        return (skipped, ending.isDisjoint(with: skipped) ? ending : nil)
      }
    }
    return (skipped, nil)
  }
}
