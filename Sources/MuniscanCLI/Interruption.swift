import Dispatch
import Foundation

/// Turns Ctrl-C (and, for workers, a scheduler's SIGTERM) into a clean stop: the first signal
/// cancels the work, which finishes what it is writing and returns; a second one exits at once
/// with status 128 + the signal (what a resume can repair).
enum Interruption {
  /// Runs `work` as a task that Ctrl-C cancels; returns its result and whether Ctrl-C was pressed.
  static func cancellingOnInterrupt<T: Sendable>(
    _ work: @escaping @Sendable () async throws -> T
  ) async throws -> (value: T, interrupted: Bool) {
    let (value, signal) = try await cancelling(
      on: [SIGINT],
      note: "stopping: finishing the exchanges under way (Ctrl-C again to quit at once)\n",
      work)
    return (value, signal != nil)
  }

  /// Runs `work` as a task that any of `signals` cancels, after writing `note`; returns its
  /// result and the first signal received, if any.
  static func cancelling<T: Sendable>(
    on signals: [Int32], note: String, _ work: @escaping @Sendable () async throws -> T
  ) async throws -> (value: T, signal: Int32?) {
    let task = Task { try await work() }
    let received = Received()
    let sources = signals.map { number in
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler {
        guard received.record(number) == 1 else { _exit(128 + number) }
        Console.note(note)
        task.cancel()
      }
      source.resume()
      return source
    }
    defer {
      for (number, source) in zip(signals, sources) {
        source.cancel()
        signal(number, SIG_DFL)
      }
    }
    let value = try await task.value
    return (value, received.first)
  }
}

/// The signals received, counted from the signal handlers' queue.
private final class Received: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0
  private var firstSignal: Int32?

  var first: Int32? { lock.withLock { firstSignal } }

  /// Records a signal; returns how many have been received, this one included.
  func record(_ number: Int32) -> Int {
    lock.withLock {
      count += 1
      if firstSignal == nil { firstSignal = number }
      return count
    }
  }
}
