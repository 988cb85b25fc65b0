import Foundation
import MuniscanCore
import MuniscanCrawler

/// Tells the person running a crawl how it goes: on a terminal a live line redrawn a few times
/// a second (`sites 12/79 · pages 3412 · 41.2 pages/s · errors 17 · ETA 3m12s`), elsewhere the
/// same line logged every few seconds, and at the end a table of every site's pages, errors,
/// robots.txt exclusions and bytes. The crawler feeds it; it writes to standard error.
actor CrawlProgress: CrawlObserver {
  enum Style: Sendable {
    /// Redraws one line in place (`\r`), for a terminal.
    case live
    /// Writes the line every `logInterval` seconds, for logs.
    case log
  }

  private let totalSites: Int
  private let maxPagesPerSite: Int
  private let style: Style
  private let logInterval: Double
  private let write: @Sendable (String) -> Void
  private let started = ContinuousClock.now
  private var sitesDone = 0
  private var requests = 0
  private var errors = 0
  /// Requests so far of the sites being crawled.
  private var running: [String: Int] = [:]
  private var summaries: [SiteSummary] = []
  private var ticker: Task<Void, Never>?

  /// - Parameters:
  ///   - sites: how many sites the crawl has.
  ///   - maxPagesPerSite: the page limit, which the ETA assumes a running site may reach.
  ///   - write: where text goes; standard error by default.
  init(
    sites: Int, maxPagesPerSite: Int, style: Style, logInterval: Double = 10,
    write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
  ) {
    totalSites = sites
    self.maxPagesPerSite = max(1, maxPagesPerSite)
    self.style = style
    self.logInterval = logInterval
    self.write = write
  }

  /// The style for standard error: live on a terminal, logged otherwise.
  static var standardErrorStyle: Style { isatty(STDERR_FILENO) == 1 ? .live : .log }

  /// Starts showing the line: four times a second when live, every `logInterval` otherwise.
  func start() {
    guard ticker == nil else { return }
    let seconds = style == .live ? 0.25 : logInterval
    ticker = Task { [weak self] in
      while !Task.isCancelled {
        try? await Task.sleep(for: .milliseconds(Int64(seconds * 1000)))
        guard !Task.isCancelled, let self else { return }
        await self.show()
      }
    }
  }

  func siteStarted(_ site: Site) {
    running[site.url] = 0
  }

  func requestFinished(site: Site, bytes: Int) {
    requests += 1
    if let count = running[site.url] { running[site.url] = count + 1 }
  }

  /// Pages that failed or answered with an error.
  func pagesFailed(_ count: Int) {
    errors += count
  }

  func siteFinished(_ crawl: SiteCrawl) {
    running[crawl.site.url] = nil
    sitesDone += 1
    summaries.append(SiteSummary(crawl))
  }

  /// Stops the line, shows it a last time, then (unless `table` is false, for a command that
  /// prints its own) the table of sites when there are several.
  func finish(table: Bool = true) {
    ticker?.cancel()
    ticker = nil
    write((style == .live ? "\r\u{1B}[2K" : "") + line + "\n")
    if table, summaries.count > 1 { write(SiteSummary.table(summaries)) }
  }

  /// The status line as it is now.
  var line: String {
    let seconds = Self.seconds(ContinuousClock.now - started)
    let rate = seconds > 0 ? Double(requests) / seconds : 0
    return
      "sites \(sitesDone)/\(totalSites) · pages \(requests) · \(String(format: "%.1f", rate)) pages/s · "
      + "errors \(errors) · ETA \(eta(elapsed: seconds))"
  }

  private func show() {
    switch style {
    case .live: write("\r\u{1B}[2K" + line)
    case .log: write(line + "\n")
    }
  }

  /// Time left, from the share done: finished sites count whole, running ones by their pages
  /// against the page limit.
  private func eta(elapsed: Double) -> String {
    guard totalSites > 0 else { return "-" }
    let partial = running.values.reduce(0.0) {
      $0 + min(0.95, Double($1) / Double(maxPagesPerSite))
    }
    let done = (Double(sitesDone) + partial) / Double(totalSites)
    if done >= 1 { return "0s" }
    guard done > 0.005, elapsed > 0 else { return "?" }
    return Self.duration(elapsed * (1 - done) / done)
  }

  static func duration(_ seconds: Double) -> String {
    let whole = Int(seconds.rounded())
    if whole >= 3600 { return "\(whole / 3600)h\(String(format: "%02d", whole % 3600 / 60))m" }
    if whole >= 60 { return "\(whole / 60)m\(String(format: "%02d", whole % 60))s" }
    return "\(whole)s"
  }

  private static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }
}
