import NIOConcurrencyHelpers

/// A call to the database server that did not finish within its deadline.
struct DeadlineExceeded: Error {
  var limit: Duration
}

/// Runs `operation` and returns its result, or throws `DeadlineExceeded` once `limit` has passed,
/// whatever the operation is waiting for: a connection pool waiting on an unreachable server, or
/// a query to a server that stopped answering. The operation is cancelled then, and left to end
/// on its own; the caller does not wait for it. Both the operation and the timer run on
/// `DatabaseExecutor`, so a busy process neither holds an answer back nor delays the deadline.
func withDeadline<T: Sendable>(
  _ limit: Duration, _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
  let race = DeadlineRace<T>()
  return try await withTaskCancellationHandler {
    try await withCheckedThrowingContinuation { continuation in
      let work = Task(executorPreference: DatabaseExecutor.shared) {
        do {
          race.finish(.success(try await operation()))
        } catch {
          race.finish(.failure(error))
        }
      }
      let timer = Task(executorPreference: DatabaseExecutor.shared) {
        try await Task.sleep(for: limit)
        race.finish(.failure(DeadlineExceeded(limit: limit)))
      }
      race.start(continuation, cancellers: [{ work.cancel() }, { timer.cancel() }])
    }
  } onCancel: {
    race.finish(.failure(CancellationError()))
  }
}

/// The continuation of `withDeadline`, resumed once by whichever comes first: the operation's
/// result, the timer, or the caller's cancellation. The loser is cancelled.
private final class DeadlineRace<T: Sendable>: Sendable {
  private struct State {
    var continuation: CheckedContinuation<T, any Error>?
    var cancellers: [@Sendable () -> Void] = []
    var early: Result<T, any Error>?
  }
  private let state = NIOLockedValueBox(State())

  func start(
    _ continuation: CheckedContinuation<T, any Error>, cancellers: [@Sendable () -> Void]
  ) {
    let early = state.withLockedValue { state -> Result<T, any Error>? in
      state.cancellers = cancellers
      guard let early = state.early else {
        state.continuation = continuation
        return nil
      }
      return early
    }
    if let early {
      for cancel in cancellers { cancel() }
      continuation.resume(with: early)
    }
  }

  func finish(_ result: Result<T, any Error>) {
    let (continuation, cancellers) = state.withLockedValue { state in
      guard let continuation = state.continuation else {
        if state.early == nil, state.cancellers.isEmpty { state.early = result }
        return (CheckedContinuation<T, any Error>?.none, [@Sendable () -> Void]())
      }
      state.continuation = nil
      return (continuation, state.cancellers)
    }
    guard let continuation else { return }
    for cancel in cancellers { cancel() }
    continuation.resume(with: result)
  }
}
