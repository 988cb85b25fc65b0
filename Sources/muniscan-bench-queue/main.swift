// Measures the work queue's own overhead: TASKS one-site tasks enqueued, then claimed and
// completed by WORKERS concurrent workers (each with its own connection pool, as on separate
// machines) against empty sites, so nothing but the queue is timed.
// Usage: muniscan-bench-queue POSTGRES_URL [TASKS] [WORKERS]
import Foundation
import MuniscanCore
import MuniscanStore

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
  FileHandle.standardError.write(
    Data("usage: muniscan-bench-queue POSTGRES_URL [TASKS] [WORKERS]\n".utf8))
  exit(2)
}
let taskCount = arguments.count > 2 ? Int(arguments[2]) ?? 10_000 : 10_000
let workerCount = arguments.count > 3 ? Int(arguments[3]) ?? 4 : 4
let clock = ContinuousClock()
do {
  try await measure(location: try PostgresLocation(arguments[1]))
} catch {
  FileHandle.standardError.write(Data("muniscan-bench-queue: \(error)\n".utf8))
  exit(1)
}

func measure(location: PostgresLocation) async throws {
  let queue = WorkQueue(store: try await PostgresRunStore(location: location))
  let groups = (0..<taskCount).map { [Site(name: "Site \($0)", url: "https://site\($0).example/")] }
  var runID = ""
  let enqueueTime = try await clock.measure {
    runID = try await queue.enqueue(
      asOf: Day(iso: "2026-11-20")!, options: Data(#"{"bench":true}"#.utf8), groups: groups)
  }

  var latencies: [Double] = []
  let workTime = try await clock.measure {
    latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
      for worker in 0..<workerCount {
        group.addTask { try await work(worker, location: location) }
      }
      var all: [Double] = []
      for try await some in group { all += some }
      return all
    }
  }
  let progress = try await queue.progress(runID: runID)
  guard progress.done == taskCount, latencies.count == taskCount else {
    throw StoreError("the run did not finish: \(progress)")
  }
  let sorted = latencies.sorted()
  print(
    String(
      format: "enqueue:        %d tasks in %.2f s, %.0f tasks/s", taskCount, enqueueTime.inSeconds,
      Double(taskCount) / enqueueTime.inSeconds))
  print(
    String(
      format: "claim+complete: %d tasks by %d workers in %.2f s, %.0f tasks/s", taskCount,
      workerCount, workTime.inSeconds, Double(taskCount) / workTime.inSeconds))
  print(
    String(
      format: "claim latency:  p50 %.2f ms, p99 %.2f ms, max %.2f ms",
      percentile(sorted, 50) * 1000,
      percentile(sorted, 99) * 1000, (sorted.last ?? 0) * 1000))
}

/// Claims and completes tasks until none is left; returns each claim's latency in seconds.
@Sendable func work(_ worker: Int, location: PostgresLocation) async throws -> [Double] {
  let queue = WorkQueue(store: try await PostgresRunStore(location: location))
  var latencies: [Double] = []
  while true {
    var lease: QueueLease?
    let latency = try await clock.measure {
      lease = try await queue.claim(worker: "bench-\(worker)", lease: .seconds(60))
    }
    guard let lease else { return latencies }
    latencies.append(latency.inSeconds)
    let results = lease.sites.map { site in
      SiteResult(site: site, outcome: .crawled, pagesCrawled: 0, total: 0, areas: [], findings: [])
    }
    try await queue.complete(token: lease.token, results: results)
  }
}

extension Duration {
  var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
func percentile(_ sorted: [Double], _ p: Double) -> Double {
  sorted[min(sorted.count - 1, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1)]
}
