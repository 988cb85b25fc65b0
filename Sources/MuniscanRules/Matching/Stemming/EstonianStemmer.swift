extension SuffixStemmer {
  /// Estonian, after the shape of Snowball's Estonian stemmer (case endings, then plural
  /// markers, then the stem vowel) but smaller: rules of our own, measured on the real-wording
  /// corpus. The case forms of a noun meet on one stem, the plural's apart from the singular's:
  /// toetus, toetuse, toetust, toetusi → toetus; toetused, toetuste, toetustele → toetusd; volikogu, volikogule, volikogusse → volikog; toetamine, toetamise,
  /// toetamist → toetamis; mittetulunduslik, mittetulundusliku, mittetulunduslikku →
  /// mittetulunduslik. Consonant gradation (kord/korra, hange/hanke) is left to `*` phrases.
  static let estonian = SuffixStemmer(steps: [
    // Case endings, after the stem vowel. The inessive -s and elative -st are not taken after
    // u or i, where they are more often the -us/-is nominative (toetus, koosseis) and its
    // partitive (toetust): volikogus and istungist keep their ending.
    Step(
      merging: [
        Step(
          ["sse", "lle", "lt", "le", "ks", "ga", "ta", "na", "ni", "l"], after: "aeiou",
          minimumStem: 4),
        Step(["s", "st"], after: "aeo", minimumStem: 4),
        // partitive -t, after a vowel or the s of -us/-is (toetust, kaasamist)
        Step(["t"], after: "aeious", minimumStem: 4),
      ]),
    // Plural markers: -d (nominative), -de/-te (genitive), -id/-sid (partitive). The stem
    // keeps a "d" for them: "määrused" (a list of acts) is not "määrus" (one act).
    Step(
      merging: [
        Step(["de", "te"], marking: "d", minimumStem: 4),
        Step(["d", "id", "sid"], marking: "d", after: "aeiou", minimumStem: 4),
      ]),
    // -ne nouns and adjectives inflect on -se- (toetamine, toetamise).
    Step(["ne>s"], minimumStem: 4),
    // The stem vowel.
    Step(["a", "e", "i", "u"], minimumStem: 4),
    // The strong grade's doubled stop (mittetulunduslikku → mittetulunduslik).
    Step(["kk>k", "pp>p", "tt>t"], minimumStem: 3),
  ])
}
