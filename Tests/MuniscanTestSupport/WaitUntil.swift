/// Asks `condition` every `interval` until it holds or `seconds` have passed, and says whether it
/// held: the one way tests wait for another process, task or server to get somewhere. The bound
/// stops a hang; it is no speed check, as the machine is shared with the whole parallel run.
public func waitUntil(
  atMost seconds: Double, polling interval: Duration = .milliseconds(10),
  _ condition: () async throws -> Bool
) async throws -> Bool {
  let deadline = ContinuousClock.now + .seconds(seconds)
  while try await !condition() {
    guard ContinuousClock.now < deadline else { return false }
    try await Task.sleep(for: interval)
  }
  return true
}
