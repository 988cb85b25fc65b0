import Dispatch
import Foundation

/// Turns Ctrl-C into a clean stop: the first SIGINT cancels the work, which finishes what it is
/// writing and returns; a second one exits at once with status 130 (what a resume can repair).
enum Interruption {
  /// Runs `work` as a task that Ctrl-C cancels; returns its result and whether Ctrl-C was pressed.
  static func cancellingOnInterrupt<T: Sendable>(
    _ work: @escaping @Sendable () async throws -> T
  ) async throws -> (value: T, interrupted: Bool) {
    let task = Task { try await work() }
    let presses = PressCount()
    signal(SIGINT, SIG_IGN)
    let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    source.setEventHandler {
      guard presses.increment() == 1 else { _exit(130) }
      Console.note(
        "stopping: finishing the exchanges under way (Ctrl-C again to quit at once)\n")
      task.cancel()
    }
    source.resume()
    defer {
      source.cancel()
      signal(SIGINT, SIG_DFL)
    }
    let value = try await task.value
    return (value, presses.count > 0)
  }
}

/// How often Ctrl-C was pressed, counted from the signal handler's queue.
private final class PressCount: @unchecked Sendable {
  private let lock = NSLock()
  private var presses = 0

  var count: Int { lock.withLock { presses } }

  func increment() -> Int {
    lock.withLock {
      presses += 1
      return presses
    }
  }
}
