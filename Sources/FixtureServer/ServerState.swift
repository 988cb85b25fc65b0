import Foundation
import NIOCore

/// The mutable state one ``FixtureServer`` shares across its event loop and handler tasks: the
/// request log, the open connections and the handler tasks in flight. All access is under a lock.
final class ServerState: @unchecked Sendable {
  private let lock = NSLock()
  private var log: [FixtureRequest] = []
  private var connections: [ObjectIdentifier: any Channel] = [:]
  private var tasks: [UInt64: Task<Void, Never>] = [:]
  private var nextTaskID: UInt64 = 0
  private var stopped = false

  var requestLog: [FixtureRequest] {
    lock.withLock { log }
  }

  func record(_ request: FixtureRequest) {
    lock.withLock { log.append(request) }
  }

  /// Remembers `channel` until it closes; closes it at once if the server is stopping.
  func track(_ channel: any Channel) {
    let id = ObjectIdentifier(channel)
    let accepted = lock.withLock {
      if stopped { return false }
      connections[id] = channel
      return true
    }
    guard accepted else {
      channel.close(promise: nil)
      return
    }
    channel.closeFuture.whenComplete { _ in
      self.lock.withLock { _ = self.connections.removeValue(forKey: id) }
    }
  }

  /// Runs `work` in a task that `stop()` cancels and waits for. Returns false (and runs
  /// nothing) once the server is stopping.
  func spawn(_ work: @escaping @Sendable () async -> Void) -> Bool {
    lock.withLock {
      guard !stopped else { return false }
      let id = nextTaskID
      nextTaskID += 1
      // The task's own clean-up takes the lock, so it cannot run before it is registered.
      tasks[id] = Task {
        await work()
        self.lock.withLock { _ = self.tasks.removeValue(forKey: id) }
      }
      return true
    }
  }

  /// Marks the server as stopping (once) and hands back what is still open.
  /// Returns `nil` if the server was already stopping.
  func beginStop() -> (connections: [any Channel], tasks: [Task<Void, Never>])? {
    lock.withLock {
      if stopped { return nil }
      stopped = true
      return (Array(connections.values), Array(tasks.values))
    }
  }

  var isStopped: Bool {
    lock.withLock { stopped }
  }
}
