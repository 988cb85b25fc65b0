/// An Aho–Corasick automaton over byte patterns: one pass over a buffer finds every occurrence
/// of every pattern. Immutable once built; what ``PhraseMatcher`` scans folded text with.
struct ByteAutomaton: Sendable {
  /// Byte → input class; bytes no pattern contains share class 0.
  private let classes: [UInt8]
  private let classCount: Int
  /// Dense transition table: `transitions[state * classCount + class]`.
  private let transitions: [Int32]
  /// Pattern indices recognised on entering each state (own and by suffix).
  private let outputs: [[Int32]]
  /// Whether entering each state recognises any pattern.
  private let emits: [Bool]

  init(patterns: [[UInt8]]) {
    var classes = [UInt8](repeating: 0, count: 256)
    var next = 1
    for byte in Set(patterns.joined()).sorted() {
      classes[Int(byte)] = UInt8(next)
      next += 1
    }
    self.classes = classes
    classCount = next

    // Trie.
    var children: [[Int32]] = [[Int32](repeating: -1, count: next)]
    var own: [[Int32]] = [[]]
    for (index, pattern) in patterns.enumerated() {
      var state = 0
      for byte in pattern {
        let symbol = Int(classes[Int(byte)])
        if children[state][symbol] < 0 {
          children[state][symbol] = Int32(children.count)
          children.append([Int32](repeating: -1, count: next))
          own.append([])
        }
        state = Int(children[state][symbol])
      }
      own[state].append(Int32(index))
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

  /// The state after reading `byte` in `state`.
  @inline(__always)
  func next(_ state: Int, _ byte: UInt8) -> Int {
    Int(transitions[state * classCount + Int(classes[Int(byte)])])
  }

  @inline(__always)
  func hasOutput(_ state: Int) -> Bool { emits[state] }

  /// Pattern indices recognised on entering `state`.
  func outputs(of state: Int) -> [Int32] { outputs[state] }

  /// Calls `body` with each pattern index found in `bytes` and the offset of its last byte.
  func forEachMatch(in bytes: [UInt8], _ body: (Int, _ end: Int) -> Void) {
    transitions.withUnsafeBufferPointer { table in
      classes.withUnsafeBufferPointer { classes in
        var state = 0
        for (offset, byte) in bytes.enumerated() {
          state = Int(table[state * classCount + Int(classes[Int(byte)])])
          guard emits[state] else { continue }
          for index in outputs[state] { body(Int(index), offset) }
        }
      }
    }
  }
}
