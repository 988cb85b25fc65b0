extension SuffixStemmer {
  /// Russian, after Snowball's Russian stemmer (reflexive, adjective and noun endings, then the
  /// soft sign) without its verb step or its RV region: a stem keeps at least three letters
  /// (six bytes). собрание, собрания, собранием → собран; депутаты, депутатов → депутат.
  static let russian = SuffixStemmer(steps: [
    Step(["ся", "сь"], minimumStem: 6),
    Step(
      [
        "ее", "ие", "ые", "ое", "ими", "ыми", "еи", "ии", "ыи", "ои", "ем", "им", "ым", "ом",
        "его", "ого", "ему", "ому", "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею",
        "а", "ев", "ов", "е", "иями", "ями", "ами", "и", "иеи", "ием", "иям", "ям", "ам",
        "о", "у", "ах", "иях", "ях", "ы", "ь", "ию", "ью", "ю", "ия", "ья", "я",
      ], minimumStem: 6),
    Step(["ь"], minimumStem: 6),
  ])
}
