import Dispatch

/// The executor every call to a PostgreSQL store runs on (its pool, its queries, its deadline):
/// a thread of its own, outside the shared pool of threads that runs the rest of the process.
/// A worker auditing hundreds of tasks keeps those threads busy judging pages; a store call
/// queued behind that work read its answer, and even noticed its deadline, seconds late, so
/// lease renewals the server had answered at once failed as "no answer from the server". Here
/// an answer is read as soon as it comes, so the deadline measures the server, not the load.
/// What runs here should be short: the queue encodes and decodes outside its calls.
final class DatabaseExecutor: TaskExecutor {
  static let shared = DatabaseExecutor()

  /// A serial queue, which always gets a thread (the shared ones may all be taken).
  private let queue = DispatchQueue(label: "muniscan.store")

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
  }
}
