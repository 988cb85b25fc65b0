/// An Aho–Corasick automaton over byte patterns: one pass over a buffer finds every occurrence
/// of every pattern. Immutable once built; what ``PhraseMatcher`` scans folded text with.
struct ByteAutomaton: Sendable {
  /// Byte → input class; bytes no pattern contains share class 0.
  private let classes: [UInt8]
  private let classCount: Int
  /// Dense transition table, a row of `classCount` per state: `transitions[row + class]` is
  /// the next state's row (its state × `classCount`), bit-inverted (negative) when that state
  /// recognises patterns. Rows rather than states, so a byte costs one load and one add on the
  /// scan's dependency chain, not a multiply besides; the sign, so a byte that ends no pattern
  /// reads nothing else.
  private let transitions: [Int32]
  /// Pattern indices recognised on entering each state (own and by suffix), state after
  /// state: those of `state` are `outputs[outputStarts[state]..<outputStarts[state + 1]]`.
  private let outputs: [Int32]
  private let outputStarts: [Int32]
  /// Bytes in the longest pattern.
  private let longest: Int

  init(patterns: [[UInt8]]) {
    var classes = [UInt8](repeating: 0, count: 256)
    var next = 1
    for byte in Set(patterns.joined()).sorted() {
      classes[Int(byte)] = UInt8(next)
      next += 1
    }
    self.classes = classes
    classCount = next
    longest = patterns.map(\.count).max() ?? 0

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
    let width = Int32(next)
    precondition(count * Int(width) <= Int(Int32.max), "automaton too large for 32-bit rows")
    transitions = table.map { state in
      let row = state * width
      return outputs[Int(state)].isEmpty ? row : ~row
    }
    self.outputs = Array(outputs.joined())
    var starts: [Int32] = [0]
    for own in outputs { starts.append(starts.last! + Int32(own.count)) }
    outputStarts = starts
  }

  /// Calls `body` with each pattern index found in `bytes` and the offset of its last byte, in
  /// the order of those offsets (a state's patterns in the order the state lists them).
  ///
  /// A scan waits on one table load per byte, so a buffer of some length is scanned as two
  /// halves at once, whose loads overlap: the second half's scan starts as many bytes before
  /// the half as the longest pattern has less one, so from the half on it is in the very state
  /// one scan of the whole would be in; what it finds from there is reported after the first
  /// half's matches.
  func forEachMatch(in bytes: [UInt8], _ body: (Int, _ end: Int) -> Void) {
    transitions.withUnsafeBufferPointer { table in
      classes.withUnsafeBufferPointer { classes in
        outputStarts.withUnsafeBufferPointer { starts in
          outputs.withUnsafeBufferPointer { outputs in
            bytes.withUnsafeBufferPointer { bytes in
              /// The patterns the state of `row` recognises, as positions in `outputs`.
              func recognised(_ row: Int) -> Range<Int> {
                let state = row / classCount
                return Int(starts[state])..<Int(starts[state + 1])
              }
              let half = bytes.count / 2
              let second = half - max(longest - 1, 0)
              var row = 0
              var next = 0
              if second > 0, half >= Self.shortestHalf {
                var later: [(pattern: Int32, end: Int)] = []
                var secondRow = 0
                for offset in 0..<half {
                  var first = table[row + Int(classes[Int(bytes[offset])])]
                  var other = table[secondRow + Int(classes[Int(bytes[second + offset])])]
                  if first < 0 {
                    first = ~first
                    for index in recognised(Int(first)) { body(Int(outputs[index]), offset) }
                  }
                  if other < 0 {
                    other = ~other
                    if second + offset >= half {
                      for index in recognised(Int(other)) {
                        later.append((outputs[index], second + offset))
                      }
                    }
                  }
                  row = Int(first)
                  secondRow = Int(other)
                }
                for (pattern, end) in later { body(Int(pattern), end) }
                row = secondRow
                next = second + half
              }
              for offset in next..<bytes.count {
                let state = table[row + Int(classes[Int(bytes[offset])])]
                guard state < 0 else {
                  row = Int(state)
                  continue
                }
                row = Int(~state)
                for index in recognised(row) { body(Int(outputs[index]), offset) }
              }
            }
          }
        }
      }
    }
  }

  /// Buffers whose halves are shorter than this are scanned in one pass.
  static let shortestHalf = 64
}
