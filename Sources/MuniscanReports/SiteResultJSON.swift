import MuniscanCore

/// One site of the scorecard as JSON, written byte by byte: the same bytes as Foundation's
/// `JSONEncoder` (pretty-printed, keys sorted by their UTF-8 bytes, slashes unescaped) gives
/// for a ``SiteResult``, without its tree of boxed values, and already indented to the site's
/// depth in the document. Encoding a nation's sites through the encoder cost a quarter of a
/// second on two processors after the last site of a 1,000-site scan was judged. The tests
/// hold it to the encoder's output.
struct SiteResultJSON {
  private var bytes: [UInt8] = []
  /// Indentation of the line being written, in levels of two spaces.
  private var depth: Int

  /// `result` written as an item of a list at `depth` levels of indentation (two spaces each).
  static func text(_ result: SiteResult, depth: Int) -> String {
    var writer = SiteResultJSON(depth: depth)
    writer.bytes.reserveCapacity(16_384)
    writer.indent()
    writer.site(result)
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  private init(depth: Int) { self.depth = depth }

  private mutating func site(_ result: SiteResult) {
    var site = open(UInt8(ascii: "{"))
    key("areas", in: &site)
    array(result.areas) { $0.areaScore($1) }
    if let band = result.band { field("band", band.rawValue, in: &site) }
    key("crawl", in: &site)
    crawlStats(result.crawl)
    key("findings", in: &site)
    array(result.findings) { $0.finding($1) }
    key("outcome", in: &site)
    outcome(result.outcome)
    key("pagesCrawled", in: &site)
    int(result.pagesCrawled)
    if let rank = result.rank {
      key("rank", in: &site)
      int(rank)
    }
    key("site", in: &site)
    var about = open(UInt8(ascii: "{"))
    key("attributes", in: &about)
    strings(result.site.attributes)
    field("name", result.site.name, in: &about)
    field("url", result.site.url, in: &about)
    close(about, UInt8(ascii: "}"))
    field("status", result.status.rawValue, in: &site)
    if let total = result.total {
      key("total", in: &site)
      double(total)
    }
    if let trend = result.trend {
      key("trend", in: &site)
      array(trend) { $0.trendPoint($1) }
    }
    close(site, UInt8(ascii: "}"))
  }

  private mutating func areaScore(_ score: AreaScore) {
    var object = open(UInt8(ascii: "{"))
    field("area", score.area, in: &object)
    key("score", in: &object)
    double(score.score)
    close(object, UInt8(ascii: "}"))
  }

  private mutating func crawlStats(_ stats: CrawlStats) {
    var object = open(UInt8(ascii: "{"))
    for (name, value) in [
      ("bytes", stats.bytes), ("errors", stats.errors), ("requests", stats.requests),
      ("robotsExcluded", stats.robotsExcluded),
    ] {
      key(name, in: &object)
      int(value)
    }
    close(object, UInt8(ascii: "}"))
  }

  private mutating func finding(_ finding: Finding) {
    var object = open(UInt8(ascii: "{"))
    field("area", finding.area, in: &object)
    key("evidence", in: &object)
    array(finding.evidence) { $0.evidence($1) }
    key("reason", in: &object)
    var reason = open(UInt8(ascii: "{"))
    field("code", finding.reason.code.rawValue, in: &reason)
    key("values", in: &reason)
    strings(finding.reason.values)
    close(reason, UInt8(ascii: "}"))
    field("ruleID", finding.ruleID, in: &object)
    field("status", finding.status.rawValue, in: &object)
    key("weight", in: &object)
    double(finding.weight)
    close(object, UInt8(ascii: "}"))
  }

  private mutating func evidence(_ evidence: Evidence) {
    var object = open(UInt8(ascii: "{"))
    if let date = evidence.date { field("date", date.description, in: &object) }
    field("kind", evidence.kind, in: &object)
    field("snippet", evidence.snippet, in: &object)
    if let target = evidence.target { field("target", target, in: &object) }
    field("url", evidence.url, in: &object)
    close(object, UInt8(ascii: "}"))
  }

  /// As Swift synthesises an enum with associated values: the case as the only key, its
  /// values (none for `crawled`) as an object.
  private mutating func outcome(_ outcome: CrawlOutcome) {
    let (name, reason): (String, String?) =
      switch outcome {
      case .crawled: ("crawled", nil)
      case .unreachable(let reason): ("unreachable", reason)
      case .closedByRobots(let reason): ("closedByRobots", reason)
      case .incomplete(let reason): ("incomplete", reason)
      }
    var object = open(UInt8(ascii: "{"))
    key(name, in: &object)
    var values = open(UInt8(ascii: "{"))
    if let reason { field("reason", reason, in: &values) }
    close(values, UInt8(ascii: "}"))
    close(object, UInt8(ascii: "}"))
  }

  private mutating func trendPoint(_ point: TrendPoint) {
    var object = open(UInt8(ascii: "{"))
    field("asOf", point.asOf.description, in: &object)
    key("rank", in: &object)
    int(point.rank)
    field("runID", point.runID, in: &object)
    key("total", in: &object)
    double(point.total)
    close(object, UInt8(ascii: "}"))
  }

  /// A dictionary of strings, its keys in the order of their UTF-8 bytes.
  private mutating func strings(_ values: [String: String]) {
    var object = open(UInt8(ascii: "{"))
    for (name, value) in values.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
      field(name, value, in: &object)
    }
    close(object, UInt8(ascii: "}"))
  }

  private mutating func array<Element>(
    _ elements: [Element], _ write: (inout SiteResultJSON, Element) -> Void
  ) {
    var array = open(UInt8(ascii: "["))
    for element in elements {
      item(in: &array)
      write(&self, element)
    }
    close(array, UInt8(ascii: "]"))
  }

  /// How many items an open object or array has so far.
  private struct Container {
    var count = 0
  }

  /// Opens an object or array with `bracket`; its items go one level in.
  private mutating func open(_ bracket: UInt8) -> Container {
    bytes.append(bracket)
    depth += 1
    return Container()
  }

  /// Begins the next item of `container` on a line of its own.
  private mutating func item(in container: inout Container) {
    if container.count > 0 { bytes.append(UInt8(ascii: ",")) }
    bytes.append(0x0A)
    indent()
    container.count += 1
  }

  /// Begins the next field of an object: its key, and the separator before its value. The
  /// caller writes fields in the order of their keys' bytes.
  private mutating func key(_ name: String, in object: inout Container) {
    item(in: &object)
    string(name)
    bytes += [0x20, UInt8(ascii: ":"), 0x20]
  }

  private mutating func field(_ name: String, _ value: String, in object: inout Container) {
    key(name, in: &object)
    string(value)
  }

  /// Closes a container with `bracket` on a line of its own; an empty one as the encoder
  /// writes it, an empty line between its brackets.
  private mutating func close(_ container: Container, _ bracket: UInt8) {
    bytes.append(0x0A)
    if container.count == 0 { bytes.append(0x0A) }
    depth -= 1
    indent()
    bytes.append(bracket)
  }

  private mutating func indent() {
    bytes.append(contentsOf: repeatElement(0x20, count: depth * 2))
  }

  private mutating func int(_ value: Int) {
    bytes += value.description.utf8
  }

  /// As the encoder writes a Double: its description, without a trailing `.0`.
  private mutating func double(_ value: Double) {
    var text = value.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    bytes += text.utf8
  }

  /// A string quoted and escaped as the encoder escapes it.
  private mutating func string(_ value: String) {
    JSONString.appendQuoted(value, to: &bytes)
  }
}
