import Foundation

/// Where commands write their report. The default is standard output; tests bind a collector
/// with `Console.$sink.withValue(…)` to run commands in-process and read what they printed.
public final class Console: @unchecked Sendable {
  @TaskLocal public static var sink = Console(collecting: false)

  private let lock = NSLock()
  private let collecting: Bool
  private var collected = ""

  public init(collecting: Bool = true) { self.collecting = collecting }

  /// Text written so far (collecting consoles only).
  public var text: String { lock.withLock { collected } }

  /// Whether output goes to a terminal, where colour and live progress make sense.
  public var isTerminal: Bool { !collecting && isatty(STDOUT_FILENO) == 1 }

  public static func write(_ text: String) { sink.write(text) }

  func write(_ text: String) {
    if collecting {
      lock.withLock { collected += text }
    } else {
      FileHandle.standardOutput.write(Data(text.utf8))
    }
  }
}
