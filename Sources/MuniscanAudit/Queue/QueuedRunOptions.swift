import Foundation
import MuniscanCore
import MuniscanCrawler
import MuniscanHTTP

/// How every task of a queued run is audited, fixed when the run is enqueued and handed to each
/// worker with its lease (the run's options JSON): the crawl options and HTTP settings of
/// `scan`, the rule set, and one audit date, so tasks crawled on different machines and days
/// are judged alike.
public struct QueuedRunOptions: Sendable, Codable {
  public var crawl: CrawlOptions
  public var userAgent: String
  public var resolve: [String]
  public var connectTo: [String]
  /// Seconds a request may take in all.
  public var timeout: Double
  /// The rule set folder as given to `enqueue` (nil: the default one); a worker may be told
  /// where the same rule set is on its machine.
  public var rules: String?
  /// The rule set the run was enqueued with; a worker refuses to judge with another.
  public var ruleSetID: String
  public var ruleSetVersion: String
  public var asOf: Day

  public init(
    crawl: CrawlOptions, userAgent: String, resolve: [String], connectTo: [String],
    timeout: Double, rules: String?, ruleSetID: String, ruleSetVersion: String, asOf: Day
  ) {
    self.crawl = crawl
    self.userAgent = userAgent
    self.resolve = resolve
    self.connectTo = connectTo
    self.timeout = timeout
    self.rules = rules
    self.ruleSetID = ruleSetID
    self.ruleSetVersion = ruleSetVersion
    self.asOf = asOf
  }

  /// The HTTP client's configuration for a task's crawl.
  public var http: HTTPClientConfiguration {
    .crawling(
      crawl, userAgent: userAgent, resolve: resolve, connectTo: connectTo, timeout: timeout)
  }

  /// The options as the queue stores them.
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self)
  }

  /// The options of a queued run; a one-line error for JSON that is not a run's options.
  public static func decode(_ data: Data, runID: String) throws -> QueuedRunOptions {
    do {
      return try JSONDecoder().decode(QueuedRunOptions.self, from: data)
    } catch {
      throw MuniscanError(
        "queued run '\(runID)': its options are not those of this muniscan (\(error))")
    }
  }
}

extension HTTPClientConfiguration {
  /// The configuration of a crawl with `options`: room for every site's connections, so curl
  /// never queues a transfer the crawler started.
  public static func crawling(
    _ options: CrawlOptions, userAgent: String, resolve: [String], connectTo: [String],
    timeout: Double
  ) -> HTTPClientConfiguration {
    HTTPClientConfiguration(
      userAgent: userAgent, resolve: resolve, connectTo: connectTo, totalTimeout: timeout,
      maxTotalConnections: max(64, options.concurrentSites * options.connectionsPerHost))
  }
}
