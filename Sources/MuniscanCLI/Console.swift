import Foundation

/// Where commands write their report (standard output) and their notes about the run (standard
/// error). Tests bind a collector with `Console.$sink.withValue(…)` to run commands in-process
/// and read what they printed.
public final class Console: @unchecked Sendable {
  @TaskLocal public static var sink = Console(collecting: false)

  private let lock = NSLock()
  private let collecting: Bool
  private var collected = ""
  private var collectedNotes = ""

  public init(collecting: Bool = true) { self.collecting = collecting }

  /// Text written so far (collecting consoles only).
  public var text: String { lock.withLock { collected } }

  /// Notes written so far (collecting consoles only).
  public var notes: String { lock.withLock { collectedNotes } }

  /// Whether output goes to a terminal, where colour and live progress make sense.
  public var isTerminal: Bool { !collecting && isatty(STDOUT_FILENO) == 1 }

  public static func write(_ text: String) { sink.write(text) }

  /// Writes a note about the run itself ("stored run …", "wrote …"), kept off standard output
  /// so reports can be piped.
  public static func note(_ text: String) { sink.note(text) }

  func write(_ text: String) {
    if collecting {
      lock.withLock { collected += text }
    } else {
      FileHandle.standardOutput.write(Data(text.utf8))
    }
  }

  func note(_ text: String) {
    if collecting {
      lock.withLock { collectedNotes += text }
    } else {
      FileHandle.standardError.write(Data(text.utf8))
    }
  }
}
