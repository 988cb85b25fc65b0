/// An Aho–Corasick automaton over byte patterns: one pass over a buffer finds every occurrence
/// of every pattern. Immutable once built; what ``PhraseMatcher`` scans folded text with.
struct ByteAutomaton: Sendable {
  /// Byte → input class; bytes no pattern contains share class 0.
  private let classes: [UInt8]
  private let classCount: Int
  /// Dense transition table: `transitions[state * classCount + class]`.
  private let transitions: [Int32]
  /// Pattern indices recognised on entering each state (own and by suffix), state after
  /// state: those of `state` are `outputs[outputStarts[state]..<outputStarts[state + 1]]`.
  private let outputs: [Int32]
  private let outputStarts: [Int32]

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
    self.outputs = Array(outputs.joined())
    var starts: [Int32] = [0]
    for own in outputs { starts.append(starts.last! + Int32(own.count)) }
    outputStarts = starts
  }

  /// Calls `body` with each pattern index found in `bytes` and the offset of its last byte.
  func forEachMatch(in bytes: [UInt8], _ body: (Int, _ end: Int) -> Void) {
    transitions.withUnsafeBufferPointer { table in
      classes.withUnsafeBufferPointer { classes in
        outputStarts.withUnsafeBufferPointer { starts in
          outputs.withUnsafeBufferPointer { outputs in
            bytes.withUnsafeBufferPointer { bytes in
              var state = 0
              for offset in bytes.indices {
                state = Int(table[state * classCount + Int(classes[Int(bytes[offset])])])
                let first = Int(starts[state])
                let end = Int(starts[state + 1])
                guard first < end else { continue }
                for index in first..<end { body(Int(outputs[index]), offset) }
              }
            }
          }
        }
      }
    }
  }
}
