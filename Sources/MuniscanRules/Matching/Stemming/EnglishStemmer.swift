extension SuffixStemmer {
  /// English, the inflectional part of Porter's stemmer only (plurals, -ing, -ed and a final
  /// e): members, member → member; recordings, recorded → record; minutes → minut.
  static let english = SuffixStemmer(steps: [
    Step(["sses>ss", "ies>y", "s"], minimumStem: 3),
    Step(["ing", "ed"], minimumStem: 3),
    Step(["e"], minimumStem: 3),
  ])
}
