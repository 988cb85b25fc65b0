/// Every phrase of a rule set compiled into one Aho–Corasick automaton, so each folded field
/// of a page is scanned once for all phrases instead of once per phrase. Immutable once built.
final class PhraseMatcher: Sendable {
  private let ids: [Phrase: Int]
  /// Pattern length in bytes, by phrase id.
  private let lengths: [Int]
  /// Byte → input class; bytes no pattern contains share class 0.
  private let classes: [UInt8]
  private let classCount: Int
  /// Dense transition table: `transitions[state * classCount + class]`.
  private let transitions: [Int32]
  /// Phrase ids recognised on entering each state (own and by suffix).
  private let outputs: [[Int32]]
  /// Whether entering each state recognises any phrase.
  private let emits: [Bool]

  init(phrases: Set<Phrase>) {
    var ids: [Phrase: Int] = [:]
    var patterns: [[UInt8]] = []
    for phrase in phrases.sorted(by: {
      ($0.normalized, $0.isPrefix ? 1 : 0) < ($1.normalized, $1.isPrefix ? 1 : 0)
    }) {
      ids[phrase] = patterns.count
      patterns.append(Self.pattern(for: phrase))
    }
    self.ids = ids
    lengths = patterns.map(\.count)

    var classes = [UInt8](repeating: 0, count: 256)
    var next: UInt8 = 1
    for byte in Set(patterns.joined()).sorted() {
      classes[Int(byte)] = next
      next += 1
    }
    self.classes = classes
    classCount = Int(next)

    // Trie.
    var children: [[Int32]] = [[Int32](repeating: -1, count: Int(next))]
    var own: [[Int32]] = [[]]
    for (id, pattern) in patterns.enumerated() {
      var state = 0
      for byte in pattern {
        let symbol = Int(classes[Int(byte)])
        if children[state][symbol] < 0 {
          children[state][symbol] = Int32(children.count)
          children.append([Int32](repeating: -1, count: Int(next)))
          own.append([])
        }
        state = Int(children[state][symbol])
      }
      own[state].append(Int32(id))
    }

    // Breadth-first: failure links, complete transitions, merged outputs.
    let count = children.count
    var table = [Int32](repeating: 0, count: count * classCount)
    var failure = [Int](repeating: 0, count: count)
    var outputs = own
    var queue: [Int] = []
    for symbol in 0..<classCount {
      let child = children[0][symbol]
      if child >= 0 {
        table[symbol] = child
        queue.append(Int(child))
      }
    }
    var head = 0
    while head < queue.count {
      let state = queue[head]
      head += 1
      outputs[state] += outputs[failure[state]]
      for symbol in 0..<classCount {
        let child = children[state][symbol]
        let fallback = table[failure[state] * classCount + symbol]
        if child >= 0 {
          failure[Int(child)] = Int(fallback)
          table[state * classCount + symbol] = child
          queue.append(Int(child))
        } else {
          table[state * classCount + symbol] = fallback
        }
      }
    }
    transitions = table
    self.outputs = outputs
    emits = outputs.map { !$0.isEmpty }
  }

  /// The bytes a phrase is found by in a blob: a space, its folded words, and a closing space
  /// unless it matches any ending.
  static func pattern(for phrase: Phrase) -> [UInt8] {
    var bytes: [UInt8] = [0x20]
    bytes.append(contentsOf: phrase.normalized.utf8)
    if !phrase.isPrefix { bytes.append(0x20) }
    return bytes
  }

  func id(of phrase: Phrase) -> Int? { ids[phrase] }

  /// The state after reading `byte` in `state`.
  @inline(__always)
  func next(_ state: Int, _ byte: UInt8) -> Int {
    Int(transitions[state * classCount + Int(classes[Int(byte)])])
  }

  @inline(__always)
  func hasOutput(_ state: Int) -> Bool { emits[state] }

  /// Phrase ids recognised on entering `state`.
  func outputs(of state: Int) -> some Sequence<Int> { outputs[state].lazy.map(Int.init) }

  /// Length in bytes of phrase `id`'s pattern (see ``pattern(for:)``).
  func length(of id: Int) -> Int { lengths[id] }

  /// Start offsets of every phrase occurrence in `bytes`, by phrase id, ascending.
  func scan(_ bytes: [UInt8]) -> [Int: [Int]] {
    var found: [Int: [Int]] = [:]
    transitions.withUnsafeBufferPointer { table in
      classes.withUnsafeBufferPointer { classes in
        var state = 0
        for (offset, byte) in bytes.enumerated() {
          state = Int(table[state * classCount + Int(classes[Int(byte)])])
          for id in outputs[state] {
            found[Int(id), default: []].append(offset - lengths[Int(id)] + 1)
          }
        }
      }
    }
    return found
  }
}
