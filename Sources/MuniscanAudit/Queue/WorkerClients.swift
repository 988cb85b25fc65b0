import MuniscanHTTP

/// The HTTP clients of a worker, shared by its tasks: one per set of HTTP settings a run has
/// (user agent, host mappings, timeout), sized for every task the worker works on at once. A
/// client runs a thread and a connection pool of its own, too much to start for each task.
actor WorkerClients {
  private let slots: Int
  private var clients: [String: HTTPClient] = [:]

  init(slots: Int) { self.slots = slots }

  /// The client for tasks of a run with `options`.
  func client(for options: QueuedRunOptions) throws -> HTTPClient {
    var configuration = options.http
    configuration.maxTotalConnections = max(64, slots * options.crawl.connectionsPerHost)
    let key = [
      configuration.userAgent, "\(configuration.resolve)", "\(configuration.connectTo)",
      "\(configuration.totalTimeout)",
    ].joined(separator: "\n")
    if let client = clients[key] { return client }
    let client = try HTTPClient(configuration: configuration)
    clients[key] = client
    return client
  }

  /// Stops every client; the worker has ended.
  func shutdown() {
    for client in clients.values { client.shutdown() }
    clients = [:]
  }
}
