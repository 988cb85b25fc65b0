import ArgumentParser

/// The documented range of a numeric option, checked with one message for all: a value outside
/// it (a negative delay, `inf`, `nan`, `1e300`) stops the command before anything starts.
enum OptionRange {
  static func check<Value: Comparable & CustomStringConvertible>(
    _ option: String, _ value: Value, _ range: ClosedRange<Value>, unit: String = ""
  ) throws {
    guard !range.contains(value) else { return }
    let suffix = unit.isEmpty ? "" : " " + unit
    throw ValidationError(
      "\(option) \(value) is out of range: give a number from \(range.lowerBound) to \(range.upperBound)\(suffix)"
    )
  }
}
