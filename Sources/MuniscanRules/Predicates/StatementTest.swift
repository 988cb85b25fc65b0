import MuniscanCore

/// `statement`: one sentence of the page names an official system and what is published there
/// ("Volikogu määrused on avaldatud Riigi Teatajas", "protokollid on kättesaadavad
/// dokumendihaldussüsteemis Amphora"). An auditor accepts such a statement where no link
/// leads to the thing itself.
struct StatementTest: PredicateFamily {
  static let keys = ["statement"]
  static let documentation = PredicateDocumentation(
    syntax: "`statement: {system: [phrases], what: [phrases]}`",
    meaning:
      "one sentence of the visible text holds a phrase of `system` (a link's text counts) and one of `what` (outside links)",
    evidence: "the sentence")

  var system: [Phrase]
  var what: [Phrase]

  static func read(key: String, _ value: YAMLValue) throws -> StatementTest {
    let map = try value.mapping(allowing: ["system", "what"], what: "'statement'")
    guard let system = map["system"], let what = map["what"] else {
      throw value.error("'statement' needs both system and what")
    }
    return StatementTest(
      system: try PredicateReader.phrases(system, what: "'statement.system'"),
      what: try PredicateReader.phrases(what, what: "'statement.what'"))
  }

  var description: String {
    "a sentence naming \(PredicateReader.quoted(system)) and \(PredicateReader.quoted(what))"
  }

  var phrases: [Phrase] { system + what }

  func compile(_ compiler: inout CheckCompiler) -> any PageTest {
    Compiled(system: compiler.ids(system), what: compiler.ids(what))
  }

  /// The statement test made ready.
  struct Compiled: PageTest {
    var system: [Int]
    var what: [Int]

    var cost: Int { 2 }

    func evaluate(on page: IndexedPage, _ judge: PageJudge) -> [Evidence]? {
      // Both kinds of phrase somewhere in the text, before any sentence is read.
      let inText = page.textOccurrences
      guard system.contains(where: { inText[$0] != nil }),
        what.contains(where: { inText[$0] != nil })
      else { return nil }
      let matcher = judge.site.plan.matcher
      for (sentence, found) in page.statementSentences {
        guard system.contains(where: { found.contains(Int32($0)) }),
          what.contains(where: { found.contains(Int32($0)) })
        else { continue }
        // What is published must be said in words, not be a menu item: a menu run together
        // ("Dokumendiregister Eelnõud Õigusaktid") is no statement.
        var prose = String(sentence)
        for text in page.linkTextsLongestFirst where prose.contains(text) {
          prose = prose.replacingOccurrences(of: text, with: " · ")
        }
        let said = matcher.occurrences(inText: prose, stems: page.stems)
        if what.contains(where: { said[$0] != nil }) {
          return [judge.evidence(page, "statement", String(sentence))]
        }
      }
      return nil
    }

    /// Characters beyond which a stretch of text between full stops is not one sentence (menus
    /// and lists run together).
    static let longest = 400

    /// The distinct non-empty `texts`, longest first (in characters), so a link's text is taken
    /// out before a shorter one inside it; texts of one length in the order of String's `<`, so
    /// the order, and what is left of a sentence, is the same in every run (a Set's order is
    /// not).
    static func longestFirst(_ texts: [String]) -> [String] {
      Set(texts).filter { !$0.isEmpty }.map { (text: $0, length: $0.count) }
        .sorted { ($1.length, $0.text) < ($0.length, $1.text) }.map(\.text)
    }

    /// The sentences of `text`: cut at a line break, and at `.`, `!` or `?` followed by a space
    /// and a capital letter (not at "26. oktoobril" or "2013. a").
    static func sentences(of text: String) -> [Substring] {
      var result: [Substring] = []
      var start = text.startIndex
      for end in sentenceEndsOnScalars(text) ?? sentenceEnds(text) {
        result.append(text[start..<end])
        start = end
      }
      if start < text.endIndex { result.append(text[start...]) }
      return result.filter { $0.contains { $0.isLetter } }
    }

    /// Where the sentences of `text` end, read character by character.
    static func sentenceEnds(_ text: String) -> [String.Index] {
      var ends: [String.Index] = []
      var index = text.startIndex
      while index < text.endIndex {
        let character = text[index]
        let next = text.index(after: index)
        var endsHere = character.isNewline
        if ".!?".contains(character), next < text.endIndex, text[next].isWhitespace {
          let after = text[next...].drop { $0.isWhitespace }.first
          endsHere = after.map { $0.isUppercase } ?? true
        }
        if endsHere { ends.append(next) }
        index = next
      }
      return ends
    }

    /// ``sentenceEnds(_:)`` on scalars, read from the UTF-8 bytes in place without breaking
    /// the text into characters, for text of ``OneScalarCharacters`` only (CR LF aside). Nil
    /// for any other text.
    static func sentenceEndsOnScalars(_ text: String) -> [String.Index]? {
      let offsets =
        text.utf8.withContiguousStorageIfAvailable { bytes -> [Int]? in
          var ends: [Int] = []
          var position = 0
          while position < bytes.count {
            let (value, width) = UTF8Scalar.decode(at: position, in: bytes)
            guard width == 1 || OneScalarCharacters.contains(value) else { return nil }
            var next = position + width
            var endsHere = false
            switch value {
            case 0x0D:
              if next < bytes.count, bytes[next] == 0x0A { next += 1 }
              endsHere = true
            case 0x0A, 0x0B, 0x0C, 0x85:
              endsHere = true
            case 0x21, 0x2E, 0x3F:
              // Only before a space: the spaces stepped over, what follows them read once.
              var after = next
              var first: UInt32?
              while after < bytes.count {
                let (scalar, width) = UTF8Scalar.decode(at: after, in: bytes)
                guard OneScalarCharacters.isSpace(scalar) else {
                  first = scalar
                  break
                }
                after += width
              }
              guard after > next else { break }
              guard let first else {
                endsHere = true
                break
              }
              guard OneScalarCharacters.contains(first) else { return nil }
              endsHere = Character(Unicode.Scalar(first)!).isUppercase
            default:
              break
            }
            if endsHere { ends.append(next) }
            position = next
          }
          return ends
        } ?? nil
      // The offsets ascend: each index is stepped to from the one before.
      var index = text.utf8.startIndex
      var at = 0
      return offsets?.map { offset in
        index = text.utf8.index(index, offsetBy: offset - at)
        at = offset
        return index
      }
    }
  }
}
