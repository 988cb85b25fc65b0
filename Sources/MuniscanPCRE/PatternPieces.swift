/// One element of a pattern's top-level sequence, as much as ``AnchorWindow`` needs of it.
struct PatternPiece {
  /// Least number of times it matches.
  var minimum: Int
  /// Most runs of word characters the pieces before it hold together; nil when unbounded or
  /// not understood.
  var runsBefore: Int?
  /// ASCII characters other than word characters the pieces before it may hold.
  var separatorsBefore: Set<UInt8>
  /// ASCII characters it may hold (letters in both cases).
  var ascii: Set<UInt8>
  /// Whether it may hold word characters.
  var word: Bool
  /// Whether it may match nothing.
  var canBeEmpty: Bool
  /// The characters it matches, when it is one character of a listed set none of which is a
  /// word character or white space: a possible anchor.
  var anchorCharacters: Set<Unicode.Scalar>?
}

/// A reader of PCRE2 pattern syntax that summarises each part by the characters it may hold.
struct PatternPieces {
  /// What a part of a pattern may hold.
  private struct Summary {
    /// Most runs of word characters; nil when unbounded or not understood.
    var runs: Int?
    var word = false
    var nonWord = false
    var separators: Set<UInt8> = []
    /// ASCII characters it may hold, letters in both cases (patterns are read as caseless).
    var ascii: Set<UInt8> = []
    var canBeEmpty = false
    /// The characters of a one-character part, when listed.
    var characters: Set<Unicode.Scalar>?

    static let empty = Summary(runs: 0, canBeEmpty: true)
    static let unknown = Summary(runs: nil, canBeEmpty: true)

    init(runs: Int?, canBeEmpty: Bool = false) {
      self.runs = runs
      self.canBeEmpty = canBeEmpty
    }

    init(character: Unicode.Scalar) {
      if character.isASCII { ascii = Self.bothCases(UInt8(character.value)) }
      switch WordCharacters.kind(of: character) {
      case .word:
        runs = 1
        word = true
      case .other:
        runs = 0
        nonWord = true
        if character.isASCII { separators = [UInt8(character.value)] }
      case .unknown:
        runs = nil
      }
      characters = [character]
    }

    /// White space, as `\s`.
    static var space: Summary {
      var summary = Summary(runs: 0)
      summary.nonWord = true
      summary.separators = [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20]
      summary.ascii = summary.separators
      return summary
    }

    /// One of the word characters among `ascii`, or any (`\w`, and letters of other scripts).
    static func wordCharacter(_ ascii: ClosedRange<UInt8>...) -> Summary {
      var summary = Summary(runs: 1)
      summary.word = true
      let ranges = ascii.isEmpty ? [0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F...0x5F] : ascii
      for range in ranges {
        for byte in range { summary.ascii.formUnion(bothCases(byte)) }
      }
      return summary
    }

    static func bothCases(_ byte: UInt8) -> Set<UInt8> {
      (byte | 0x20) &- 0x61 < 26 ? [byte | 0x20, byte & ~0x20] : [byte]
    }

    /// This part, then `next`.
    func followed(by next: Summary) -> Summary {
      // Word characters alone, one after another, are one run.
      let merge = !nonWord && !next.nonWord
      var result = Summary(
        runs: runs.flatMap { mine in next.runs.map { merge ? min(mine + $0, 1) : mine + $0 } })
      result.word = word || next.word
      result.nonWord = nonWord || next.nonWord
      result.separators = separators.union(next.separators)
      result.ascii = ascii.union(next.ascii)
      result.canBeEmpty = canBeEmpty && next.canBeEmpty
      return result
    }

    /// This part or `other`, as one character when both are (a class).
    func or(_ other: Summary, oneCharacter: Bool) -> Summary {
      var result = Summary(runs: runs.flatMap { mine in other.runs.map { max(mine, $0) } })
      result.word = word || other.word
      result.nonWord = nonWord || other.nonWord
      result.separators = separators.union(other.separators)
      result.ascii = ascii.union(other.ascii)
      result.canBeEmpty = canBeEmpty || other.canBeEmpty
      if oneCharacter {
        result.characters = characters.flatMap { mine in other.characters.map { mine.union($0) } }
      }
      return result
    }

    /// This part repeated `minimum` to `maximum` (nil: unbounded) times.
    func repeated(_ minimum: Int, _ maximum: Int?) -> Summary {
      if maximum == 0 { return .empty }
      var result = self
      result.canBeEmpty = canBeEmpty || minimum == 0
      guard maximum != 1 else { return result }
      result.characters = nil
      if runs == 0 || !nonWord {
        // Separators alone add no run; words alone stay one run.
        result.runs = runs.map { min($0, 1) }
      } else if let maximum, let runs {
        result.runs = runs * maximum
      } else {
        result.runs = nil
      }
      return result
    }
  }

  private let scalars: [Unicode.Scalar]
  private var position = 0

  init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

  var atEnd: Bool { position >= scalars.count }

  private var current: Unicode.Scalar? { atEnd ? nil : scalars[position] }

  /// The pieces of the whole pattern, or nil when it is an alternation.
  mutating func topLevelSequence() -> [PatternPiece]? {
    var pieces: [PatternPiece] = []
    var before = Summary.empty
    while let scalar = current, scalar != ")" {
      if scalar == "|" { return nil }
      let atom = self.atom()
      let (minimum, maximum) = quantifier()
      let summary = atom.repeated(minimum, maximum)
      let anchors =
        atom.characters.flatMap { characters in
          characters.allSatisfy {
            WordCharacters.kind(of: $0) == .other && !($0.isASCII && $0.properties.isWhitespace)
          } ? characters : nil
        }
      pieces.append(
        PatternPiece(
          minimum: minimum, runsBefore: before.runs, separatorsBefore: before.separators,
          ascii: summary.ascii, word: summary.word, canBeEmpty: summary.canBeEmpty,
          anchorCharacters: anchors))
      before = before.followed(by: summary)
    }
    return pieces
  }

  /// Branches up to the end or an unmatched `)`.
  private mutating func alternation() -> Summary {
    var result: Summary?
    var branch = Summary.empty
    while let scalar = current, scalar != ")" {
      if scalar == "|" {
        result = result.map { $0.or(branch, oneCharacter: false) } ?? branch
        branch = .empty
        position += 1
        continue
      }
      let atom = self.atom()
      let (minimum, maximum) = quantifier()
      branch = branch.followed(by: atom.repeated(minimum, maximum))
    }
    return result.map { $0.or(branch, oneCharacter: false) } ?? branch
  }

  private mutating func atom() -> Summary {
    let scalar = scalars[position]
    position += 1
    switch scalar {
    case "(": return group()
    case "[": return characterClass()
    case "\\": return escape(inClass: false)
    case "^", "$": return .empty
    case ".": return .unknown
    default: return Summary(character: scalar)
    }
  }

  /// A group after its `(`: its content's summary, or nothing for a lookaround.
  private mutating func group() -> Summary {
    var lookaround = false
    var known = true
    if current == "?" {
      position += 1
      switch current {
      case ":": position += 1
      case "=", "!":
        position += 1
        lookaround = true
      case "<"
      where position + 1 < scalars.count && "=!".unicodeScalars.contains(scalars[position + 1]):
        position += 2
        lookaround = true
      default: known = false
      }
    }
    let inner = alternation()
    if current == ")" { position += 1 }
    if lookaround { return .empty }
    return known ? inner : .unknown
  }

  /// A character class after its `[`.
  private mutating func characterClass() -> Summary {
    var negated = false
    if current == "^" {
      negated = true
      position += 1
    }
    var result: Summary?
    var first = true
    while let scalar = current, scalar != "]" || first {
      first = false
      position += 1
      var member: Summary
      if scalar == "[" {
        // A POSIX class (`[:alpha:]`) or a nested set: not read.
        while let inner = current, inner != "]" { position += 1 }
        position += 1
        member = .unknown
      } else if scalar == "\\" {
        member = escape(inClass: true)
      } else if current == "-", position + 1 < scalars.count, scalars[position + 1] != "]" {
        position += 1
        var last = scalars[position]
        position += 1
        if last == "\\", let escaped = current {
          position += 1
          last = escaped
        }
        member = Self.range(scalar, last)
      } else {
        member = Summary(character: scalar)
      }
      result = result.map { $0.or(member, oneCharacter: true) } ?? member
    }
    if current == "]" { position += 1 }
    guard !negated, var summary = result else { return .unknown }
    // One character of the class: a word character is one run.
    summary.runs = summary.runs.map { min($0, 1) }
    return summary
  }

  /// A range of a class: within one of `0-9`, `a-z`, `A-Z` it is word characters.
  private static func range(_ first: Unicode.Scalar, _ last: Unicode.Scalar) -> Summary {
    let spans: [ClosedRange<Unicode.Scalar>] = ["0"..."9", "a"..."z", "A"..."Z"]
    guard first <= last, spans.contains(where: { $0.contains(first) && $0.contains(last) }) else {
      return .unknown
    }
    return .wordCharacter(UInt8(first.value)...UInt8(last.value))
  }

  /// An escape after its `\`.
  private mutating func escape(inClass: Bool) -> Summary {
    guard let escaped = current else { return .unknown }
    position += 1
    switch escaped {
    case "w": return .wordCharacter()
    case "d": return .wordCharacter(0x30...0x39)
    case "s": return .space
    case "b", "B", "A", "z", "Z", "G": return inClass ? .unknown : .empty
    case "x": return hexadecimal()
    default:
      guard escaped.isASCII, !WordCharacters.isASCIIWord(UInt8(escaped.value)) else {
        return .unknown
      }
      return Summary(character: escaped)
    }
  }

  /// A character written `\x{…}` or `\xHH`, after the `x`.
  private mutating func hexadecimal() -> Summary {
    var digits = ""
    if current == "{" {
      position += 1
      while let scalar = current, scalar != "}" {
        digits.unicodeScalars.append(scalar)
        position += 1
      }
      position += 1
    } else {
      while digits.count < 2, let scalar = current, scalar.properties.isASCIIHexDigit {
        digits.unicodeScalars.append(scalar)
        position += 1
      }
    }
    guard let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) else {
      return .unknown
    }
    return Summary(character: scalar)
  }

  /// The repetition after an atom, `(1, 1)` when none: least and most (nil: unbounded).
  private mutating func quantifier() -> (Int, Int?) {
    guard let scalar = current else { return (1, 1) }
    let result: (Int, Int?)
    switch scalar {
    case "?": result = (0, 1)
    case "*": result = (0, nil)
    case "+": result = (1, nil)
    case "{":
      guard let counted = counted() else { return (1, 1) }
      result = counted
    default: return (1, 1)
    }
    position += 1
    if let lazy = current, lazy == "?" || lazy == "+" { position += 1 }
    return result
  }

  /// `{n}`, `{n,}` or `{n,m}` at the current position, left on its `}`; nil when it is not one.
  private mutating func counted() -> (Int, Int?)? {
    var index = position + 1
    func number() -> Int? {
      var digits = ""
      while index < scalars.count, ("0"..."9").contains(scalars[index]) {
        digits.unicodeScalars.append(scalars[index])
        index += 1
      }
      return Int(digits)
    }
    guard let minimum = number(), index < scalars.count else { return nil }
    var maximum: Int? = minimum
    if scalars[index] == "," {
      index += 1
      maximum = number()
    }
    guard index < scalars.count, scalars[index] == "}" else { return nil }
    position = index
    return (minimum, maximum)
  }
}
