/// Translates CSS selectors to XPath 1.0, the only query language libxml2 evaluates.
///
/// Rule authors know CSS better than XPath, so rule files may use selectors; they run as the
/// XPath this produces. Supported: type and `*`, `#id`, `.class`, `[attr]`, `[attr=v]`, `~=`,
/// `^=`, `$=`, `*=`, `|=` (with an ` i` flag for ASCII case-insensitive values), the descendant,
/// `>`, `+` and `~` combinators, selector lists, `:first-child`, `:last-child`, `:only-child`,
/// `:first-of-type`, `:last-of-type`, `:nth-child(an+b)`, `:nth-last-child(an+b)`, `:empty`,
/// `:root`, `:not(…)` with compound selectors, and the jQuery-style `:contains("text")`.
/// Element and attribute names are lower-cased, as libxml2's HTML parser stores them.
public enum CSSSelector {
  /// The XPath expression (relative to the document node) selecting what `css` selects.
  /// - Throws: ``PageQueryError`` naming the problem and where it is.
  public static func xpath(for css: String) throws -> String {
    var parser = CSSParser(css)
    return try parser.selectorList()
  }
}

/// One compound selector: an element test and the conditions on it.
private struct Compound {
  var element = "*"
  var conditions: [String] = []

  /// The compound as a location step (`div[@id='x']`).
  var step: String {
    conditions.isEmpty ? element : "\(element)[\(conditions.joined(separator: " and "))]"
  }

  /// The compound as a boolean test of the context node, for `:not()` and `+`.
  var test: String {
    var parts = element == "*" ? [] : ["self::\(element)"]
    parts += conditions
    return parts.isEmpty ? "true()" : parts.map { "(\($0))" }.joined(separator: " and ")
  }
}

private enum Combinator {
  case descendant, child, adjacent, sibling
}

private struct CSSParser {
  let source: String
  let scalars: [Unicode.Scalar]
  var index = 0

  init(_ source: String) {
    self.source = source
    self.scalars = Array(source.unicodeScalars)
  }

  var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

  func fail(_ message: String) -> PageQueryError {
    PageQueryError(message: "invalid CSS selector '\(source)': \(message) at offset \(index)")
  }

  // MARK: Grammar

  mutating func selectorList() throws -> String {
    var paths: [String] = []
    repeat {
      skipWhitespace()
      paths.append(try complexSelector())
      skipWhitespace()
    } while consume(",")
    guard current == nil else { throw fail("unexpected '\(current!)'") }
    return paths.joined(separator: " | ")
  }

  /// A complex selector as one location step on its subject (the rightmost compound), with the
  /// rest as nested predicates looking up or back: `nav li > a` becomes
  /// `a[parent::li[ancestor::nav]]`. Unlike chained `descendant::` steps, whose node-set merges
  /// take quadratic time on deeply nested pages, this visits each candidate's ancestors once.
  mutating func complexSelector() throws -> String {
    var compounds = [try compound()]
    var combinators: [Combinator] = []
    while true {
      let hadSpace = skipWhitespace()
      guard let next = current, next != "," else { break }
      var combinator = Combinator.descendant
      switch next {
      case ">": combinator = .child
      case "+": combinator = .adjacent
      case "~": combinator = .sibling
      default:
        guard hadSpace else { throw fail("unexpected '\(next)'") }
      }
      if combinator != .descendant {
        index += 1
        skipWhitespace()
      }
      guard current != nil, current != "," else { throw fail("selector ends in a combinator") }
      combinators.append(combinator)
      compounds.append(try compound())
    }
    return "descendant-or-self::" + step(compounds, combinators, upTo: compounds.count - 1)
  }

  /// The step for `compounds[index]` with a predicate for everything left of it.
  private func step(_ compounds: [Compound], _ combinators: [Combinator], upTo index: Int)
    -> String
  {
    compounds[index].step + context(compounds, combinators, of: index)
  }

  /// The predicate requiring what the selector says left of `compounds[index]` ("" for none).
  private func context(_ compounds: [Compound], _ combinators: [Combinator], of index: Int)
    -> String
  {
    guard index > 0 else { return "" }
    let left = compounds[index - 1]
    switch combinators[index - 1] {
    case .descendant: return "[ancestor::\(step(compounds, combinators, upTo: index - 1))]"
    case .child: return "[parent::\(step(compounds, combinators, upTo: index - 1))]"
    case .sibling:
      return "[preceding-sibling::\(step(compounds, combinators, upTo: index - 1))]"
    case .adjacent:
      var adjacent = "preceding-sibling::*[1]"
      if left.element != "*" || !left.conditions.isEmpty { adjacent += "[\(left.test)]" }
      return "[\(adjacent)\(context(compounds, combinators, of: index - 1))]"
    }
  }

  mutating func compound() throws -> Compound {
    var result = Compound()
    var parsedSomething = false
    if consume("*") {
      parsedSomething = true
    } else if let scalar = current, isIdentifierStart(scalar) {
      let name = try identifier().lowercased()
      result.element = isNCName(name) ? name : "*[name()=\(xpathLiteral(name))]"
      parsedSomething = true
    }
    if consume("|") { throw fail("namespaces are not supported") }
    while let scalar = current {
      switch scalar {
      case "#":
        index += 1
        result.conditions.append("@id=\(xpathLiteral(try identifier()))")
      case ".":
        index += 1
        let name = try identifier()
        result.conditions.append(
          "@class and contains(concat(' ', normalize-space(@class), ' '), \(xpathLiteral(" \(name) ")))"
        )
      case "[":
        index += 1
        result.conditions.append(try attributeCondition())
      case ":":
        index += 1
        result.conditions.append(try pseudoClass(element: result.element))
      default:
        guard parsedSomething else { throw fail("expected a selector") }
        return result
      }
      parsedSomething = true
    }
    guard parsedSomething else { throw fail("expected a selector") }
    return result
  }

  mutating func attributeCondition() throws -> String {
    skipWhitespace()
    let name = try identifier().lowercased()
    let attribute = isNCName(name) ? "@\(name)" : "@*[name()=\(xpathLiteral(name))]"
    skipWhitespace()
    if consume("]") { return attribute }
    var op = ""
    for candidate in ["~=", "^=", "$=", "*=", "|=", "="] where consume(candidate) {
      op = candidate
      break
    }
    guard !op.isEmpty else { throw fail("expected an attribute operator") }
    skipWhitespace()
    var value: String
    if current == "\"" || current == "'" {
      value = try string()
    } else {
      value = try identifier()
    }
    skipWhitespace()
    var subject = attribute
    if consume("i") || consume("I") {
      subject =
        "translate(\(attribute), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
      value = asciiLowercased(value)
      skipWhitespace()
    } else if consume("s") || consume("S") {
      skipWhitespace()
    }
    guard consume("]") else { throw fail("expected ']'") }
    let literal = xpathLiteral(value)
    switch op {
    case "=": return "\(subject)=\(literal)"
    case "~=":
      if value.isEmpty || value.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
        return "false()"
      }
      return
        "\(attribute) and contains(concat(' ', normalize-space(\(subject)), ' '), \(xpathLiteral(" \(value) ")))"
    case "^=": return value.isEmpty ? "false()" : "starts-with(\(subject), \(literal))"
    case "$=":
      return value.isEmpty
        ? "false()"
        : "substring(\(subject), string-length(\(subject)) - \(value.utf16.count) + 1)=\(literal)"
    case "*=": return value.isEmpty ? "false()" : "contains(\(subject), \(literal))"
    default:  // |=
      return "(\(subject)=\(literal) or starts-with(\(subject), \(xpathLiteral(value + "-"))))"
    }
  }

  mutating func pseudoClass(element: String) throws -> String {
    if current == ":" { throw fail("pseudo-elements are not supported") }
    let name = try identifier().lowercased()
    if consume("(") {
      skipWhitespace()
      let result: String
      switch name {
      case "not":
        var tests: [String] = []
        repeat {
          skipWhitespace()
          tests.append(try compound().test)
          skipWhitespace()
        } while consume(",")
        result = "not(\(tests.joined(separator: " or ")))"
      case "nth-child":
        result = nth(try anPlusB(), position: "count(preceding-sibling::*) + 1")
      case "nth-last-child":
        result = nth(try anPlusB(), position: "count(following-sibling::*) + 1")
      case "contains":
        guard current == "\"" || current == "'" else { throw fail("expected a quoted string") }
        result = "contains(string(.), \(xpathLiteral(try string())))"
      default:
        throw fail("unsupported pseudo-class ':\(name)()'")
      }
      skipWhitespace()
      guard consume(")") else { throw fail("expected ')'") }
      return result
    }
    switch name {
    case "first-child": return "not(preceding-sibling::*)"
    case "last-child": return "not(following-sibling::*)"
    case "only-child": return "not(preceding-sibling::*) and not(following-sibling::*)"
    case "first-of-type", "last-of-type":
      guard element != "*", isNCName(element) else {
        throw fail(":\(name) needs an element name")
      }
      let axis = name == "first-of-type" ? "preceding-sibling" : "following-sibling"
      return "not(\(axis)::\(element))"
    case "empty": return "not(*) and not(text())"
    case "root": return "not(parent::*)"
    default: throw fail("unsupported pseudo-class ':\(name)'")
    }
  }

  /// Parses `an+b`, `odd`, `even`, `3`, `-n+2` up to the closing parenthesis.
  mutating func anPlusB() throws -> (a: Int, b: Int) {
    var text = ""
    while let scalar = current, scalar != ")" {
      if !scalar.properties.isWhitespace { text.unicodeScalars.append(scalar) }
      index += 1
    }
    text = asciiLowercased(text)
    if text == "odd" { return (2, 1) }
    if text == "even" { return (2, 0) }
    guard let n = text.firstIndex(of: "n") else {
      guard let b = Int(text) else { throw fail("invalid an+b '\(text)'") }
      return (0, b)
    }
    let aText = String(text[..<n])
    let a: Int?
    switch aText {
    case "", "+": a = 1
    case "-": a = -1
    default: a = Int(aText)
    }
    let bText = String(text[text.index(after: n)...])
    let b: Int? = bText.isEmpty ? 0 : Int(bText.hasPrefix("+") ? String(bText.dropFirst()) : bText)
    guard let a, let b else { throw fail("invalid an+b '\(text)'") }
    return (a, b)
  }

  func nth(_ formula: (a: Int, b: Int), position: String) -> String {
    if formula.a == 0 { return "\(position) = \(formula.b)" }
    return
      "((\(position)) - \(formula.b)) mod \(formula.a) = 0 and ((\(position)) - \(formula.b)) div \(formula.a) >= 0"
  }

  // MARK: Tokens

  @discardableResult
  mutating func skipWhitespace() -> Bool {
    let start = index
    while let scalar = current,
      scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
        || scalar == "\u{0C}"
    {
      index += 1
    }
    return index > start
  }

  mutating func consume(_ literal: String) -> Bool {
    let literalScalars = Array(literal.unicodeScalars)
    guard index + literalScalars.count <= scalars.count,
      Array(scalars[index..<index + literalScalars.count]) == literalScalars
    else { return false }
    index += literalScalars.count
    return true
  }

  func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "-" || scalar == "_" || scalar == "\\" || scalar.value >= 0x80
      || (scalar.value < 0x80 && scalar.properties.isAlphabetic)
  }

  func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
    isIdentifierStart(scalar) || ("0"..."9").contains(scalar)
  }

  mutating func identifier() throws -> String {
    var result = ""
    guard let first = current, isIdentifierStart(first) else { throw fail("expected a name") }
    if first == "-", index + 1 < scalars.count, ("0"..."9").contains(scalars[index + 1]) {
      throw fail("a name cannot start with '-' and a digit")
    }
    while let scalar = current, isIdentifierPart(scalar) {
      if scalar == "\\" {
        index += 1
        result.unicodeScalars.append(try escape())
      } else {
        result.unicodeScalars.append(scalar)
        index += 1
      }
    }
    guard !result.isEmpty else { throw fail("expected a name") }
    return result
  }

  /// After a backslash: a hex escape (`\31 `) or the escaped character itself.
  mutating func escape() throws -> Unicode.Scalar {
    guard let scalar = current else { throw fail("escape at end of selector") }
    var hex = ""
    while let digit = current, digit.properties.isASCIIHexDigit, hex.count < 6 {
      hex.unicodeScalars.append(digit)
      index += 1
    }
    if !hex.isEmpty {
      if current == " " { index += 1 }
      guard let value = UInt32(hex, radix: 16), value != 0, let decoded = Unicode.Scalar(value)
      else { return "\u{FFFD}" }
      return decoded
    }
    index += 1
    return scalar
  }

  mutating func string() throws -> String {
    guard let quote = current else { throw fail("expected a string") }
    index += 1
    var result = ""
    while let scalar = current {
      index += 1
      if scalar == quote { return result }
      if scalar == "\\" {
        if current == "\n" {
          index += 1
          continue
        }
        result.unicodeScalars.append(try escape())
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    throw fail("unterminated string")
  }
}

/// An XPath 1.0 string literal for `value` (XPath has no escapes, so mixed quotes need concat).
func xpathLiteral(_ value: String) -> String {
  if !value.contains("'") { return "'\(value)'" }
  if !value.contains("\"") { return "\"\(value)\"" }
  let parts = value.split(separator: "'", omittingEmptySubsequences: false).map { "'\($0)'" }
  return "concat(\(parts.joined(separator: ", \"'\", ")))"
}

/// Whether `name` can stand unquoted in an XPath name test.
private func isNCName(_ name: String) -> Bool {
  guard let first = name.unicodeScalars.first,
    first == "_" || (first.value < 0x80 && first.properties.isAlphabetic)
  else { return false }
  return name.unicodeScalars.allSatisfy { scalar in
    scalar == "_" || scalar == "-" || scalar == "."
      || (scalar.value < 0x80 && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
  }
}

private func asciiLowercased(_ text: String) -> String {
  String(
    String.UnicodeScalarView(
      text.unicodeScalars.map { scalar in
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
      }))
}
