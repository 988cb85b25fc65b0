import Foundation
import MuniscanCore
import MuniscanPCRE

/// Literal strings of which every match of a regular expression must contain at least one,
/// read from the pattern, so text holding none of them is rejected without running the
/// expression (ICU costs microseconds per call even on short strings). When the whole pattern is
/// an alternation of plain words (`volikogu|istung|volis\.ee`), the literals decide alone.
///
/// The reading is conservative: anything it does not understand (classes, lookarounds, escapes
/// other than punctuation, non-ASCII letters, optional parts) contributes no literal, and a
/// pattern it cannot bound gets no literals at all. Literals are lower-case ASCII, for the
/// case-insensitive patterns of rule files.
struct RequiredLiterals: Sendable, Equatable {
  /// At least one of these occurs, lower-cased, in any text the pattern matches.
  let literals: [String]
  /// Whether containing one of `literals` is also enough for a match.
  let isExact: Bool
  /// The literals' UTF-8 bytes, searched for in every text.
  private let needles: [[UInt8]]

  /// Literals shorter than this filter too little to be worth a search.
  static let minimumLength = 3

  /// The literals of `pattern`, or nil when it has none worth searching for.
  init?(pattern: String) {
    // Quoting and inline flags (`(?x)` ignores spaces) change what characters mean.
    guard !pattern.contains("\\Q"), !PatternSyntax.hasInlineFlags(pattern) else { return nil }
    var parser = PatternParser(Array(pattern.unicodeScalars))
    let branches = parser.alternation()
    guard parser.atEnd, let literals = PatternParser.required(branches),
      let shortest = literals.map(\.utf8.count).min(), shortest >= Self.minimumLength
    else { return nil }
    self.literals = literals
    needles = literals.map { Array($0.utf8) }
    isExact = branches.allSatisfy { $0.count == 1 && $0[0].isRun }
  }

  /// Whether `text`, lower-cased by ``lowercased(_:)``, holds one of the literals.
  func occur(in text: [UInt8]) -> Bool {
    text.withUnsafeBufferPointer { haystack in
      needles.contains { needle in needle.withUnsafeBufferPointer { Self.contains(haystack, $0) } }
    }
  }

  /// Whether `needle` (not empty) occurs in `haystack`: `memchr` finds candidates for its first
  /// byte, `memcmp` checks them.
  private static func contains(
    _ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    guard let base = haystack.baseAddress, let first = needle.first, needle.count <= haystack.count
    else { return false }
    let last = haystack.count - needle.count
    var offset = 0
    while offset <= last {
      guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
      let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
      if memcmp(base + position, needle.baseAddress!, needle.count) == 0 { return true }
      offset = position + 1
    }
    return false
  }

  /// `text` with ASCII letters lower-cased, and the characters whose case folding ICU matches
  /// with ASCII letters (ß = ss, ſ = s, Kelvin sign = k, İ = i, the ﬀ–ﬆ ligatures) spelled out.
  static func lowercased(_ text: String) -> [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value < 0x80 {
        let byte = UInt8(truncatingIfNeeded: value)
        result.append(byte.asciiLowercased)
      } else if let spelled = spelledOut(value) {
        result.append(contentsOf: spelled.utf8)
      } else {
        UTF8.encode(scalar) { result.append($0) }
      }
    }
    return result
  }

  private static func spelledOut(_ value: UInt32) -> String? {
    switch value {
    case 0xDF, 0x1E9E: return "ss"  // ß ẞ
    case 0x17F: return "s"  // ſ
    case 0x212A: return "k"  // Kelvin sign
    case 0x130: return "i"  // İ
    case 0xFB00: return "ff"
    case 0xFB01: return "fi"
    case 0xFB02: return "fl"
    case 0xFB03: return "ffi"
    case 0xFB04: return "ffl"
    case 0xFB05, 0xFB06: return "st"
    default: return nil
    }
  }
}

/// One element of a branch: a run of literal characters, or a group that must match.
private enum PatternElement {
  case run(String)
  case group([[PatternElement]])
  case other

  var isRun: Bool {
    if case .run = self { return true }
    return false
  }
}

/// A small reader of ICU pattern syntax, enough to find required literals.
private struct PatternParser {
  private let scalars: [Unicode.Scalar]
  private var position = 0

  init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

  var atEnd: Bool { position >= scalars.count }

  private var current: Unicode.Scalar? { atEnd ? nil : scalars[position] }

  /// Branches up to the end or an unmatched `)`.
  mutating func alternation() -> [[PatternElement]] {
    var branches: [[PatternElement]] = [[]]
    var run = ""
    func endRun() {
      if !run.isEmpty { branches[branches.count - 1].append(.run(run)) }
      run = ""
    }
    while let scalar = current, scalar != ")" {
      if scalar == "|" {
        endRun()
        branches.append([])
        position += 1
        continue
      }
      let (element, literal) = atom()
      let (optional, repeated, counted) = quantifier()
      if let literal, !optional {
        run.append(Character(literal))
        if repeated { endRun() }
        // `a{3}` needs more than the run holds: the branch is no longer a plain word.
        if counted { branches[branches.count - 1].append(.other) }
      } else {
        endRun()
        if !optional, case .group = element {
          branches[branches.count - 1].append(element)
        } else {
          branches[branches.count - 1].append(.other)
        }
      }
    }
    endRun()
    return branches
  }

  /// The next atom: a literal character (lower-cased ASCII), a group, or something else.
  private mutating func atom() -> (PatternElement, Unicode.Scalar?) {
    let scalar = scalars[position]
    position += 1
    switch scalar {
    case "(":
      if current == "?" {
        position += 1
        if current == ":" {
          position += 1
        } else {
          skipGroup()
          return (.other, nil)
        }
      }
      let inner = alternation()
      if current == ")" { position += 1 }
      return (.group(inner), nil)
    case "[":
      skipClass()
      return (.other, nil)
    case "\\":
      guard let escaped = current else { return (.other, nil) }
      position += 1
      if escaped.isASCII, !escaped.properties.isAlphabetic, !("0"..."9").contains(escaped) {
        return (.other, escaped)
      }
      return (.other, nil)
    case ".", "^", "$":
      return (.other, nil)
    default:
      guard scalar.isASCII else { return (.other, nil) }
      let isUpper = scalar.value &- 0x41 < 26
      return (.other, Unicode.Scalar(isUpper ? scalar.value + 0x20 : scalar.value))
    }
  }

  /// Reads a quantifier after an atom: whether it makes the atom optional, whether it repeats
  /// it (which ends a literal run), and whether it is a counted `{n,m}`.
  private mutating func quantifier() -> (optional: Bool, repeated: Bool, counted: Bool) {
    guard let scalar = current else { return (false, false, false) }
    var result: (Bool, Bool, Bool)
    switch scalar {
    case "?", "*":
      result = (true, true, false)
    case "+":
      result = (false, true, false)
    case "{":
      var digits = ""
      var index = position + 1
      while index < scalars.count, ("0"..."9").contains(scalars[index]) {
        digits.unicodeScalars.append(scalars[index])
        index += 1
      }
      guard !digits.isEmpty else { return (false, false, false) }
      while index < scalars.count, scalars[index] != "}" { index += 1 }
      position = index
      result = ((Int(digits) ?? 0) == 0, true, true)
    default:
      return (false, false, false)
    }
    position += 1
    if let lazy = current, lazy == "?" || lazy == "+" { position += 1 }
    return result
  }

  /// Skips a special group (`(?=`, `(?<!`, flags, …) to its closing parenthesis.
  private mutating func skipGroup() {
    var depth = 1
    while let scalar = current, depth > 0 {
      position += 1
      switch scalar {
      case "\\": position += 1
      case "[": skipClass()
      case "(": depth += 1
      case ")": depth -= 1
      default: break
      }
    }
  }

  /// Skips a character class, nested sets included, past its closing bracket.
  private mutating func skipClass() {
    var depth = 1
    if current == "^" { position += 1 }
    if current == "]" { position += 1 }
    while let scalar = current, depth > 0 {
      position += 1
      switch scalar {
      case "\\": position += 1
      case "[": depth += 1
      case "]": depth -= 1
      default: break
      }
    }
  }

  /// Literals one of which every match of the alternation holds, or nil when a branch has none.
  static func required(_ branches: [[PatternElement]]) -> [String]? {
    var all: [String] = []
    for branch in branches {
      var best: [String]?
      for element in branch {
        let candidate: [String]?
        switch element {
        case .run(let text): candidate = [text]
        case .group(let inner): candidate = required(inner)
        case .other: candidate = nil
        }
        guard let candidate, let shortest = candidate.map(\.count).min() else { continue }
        if shortest > (best?.map(\.count).min() ?? 0) { best = candidate }
      }
      guard let best else { return nil }
      all += best
    }
    return all
  }
}
