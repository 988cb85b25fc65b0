import Foundation

/// CPU seconds (user and system) this process has used.
func cpuSeconds() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

/// CPU seconds of each pass, `rounds` per pass, after one warm-up of each. The passes take
/// turns, one of each per round, the first of a round moving on by one each round: a minute in
/// which the machine is slow touches every stage alike, instead of whichever stage ran then.
func interleavedSeconds(of passes: [() -> Void], rounds: Int) -> [[Double]] {
  for pass in passes { pass() }
  var seconds = [[Double]](repeating: [], count: passes.count)
  for round in 0..<rounds {
    for step in passes.indices {
      let index = (round + step) % passes.count
      let start = cpuSeconds()
      passes[index]()
      seconds[index].append(cpuSeconds() - start)
    }
  }
  return seconds
}

extension Array where Element == Double {
  /// The middle value (the mean of the two middle ones for an even count); 0 when empty.
  var median: Double {
    guard !isEmpty else { return 0 }
    let sorted = self.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}
