/// Parsed robots.txt (RFC 9309): which paths a crawler may fetch, its crawl delay, and sitemaps.
///
/// Parsing follows RFC 9309 and Google's reference parser where the RFC is silent:
/// - a group is one or more consecutive `user-agent` lines followed by its `allow`, `disallow`
///   and `crawl-delay` lines; blank lines, comments, `sitemap` and unknown lines do not end the
///   run of `user-agent` lines; rule lines before the first `user-agent` are ignored;
/// - a crawler obeys every group naming its product token (case-insensitively, merged), else
///   every `*` group (merged), else nothing restricts it;
/// - the matching rule with the longest pattern wins, `allow` on a tie, and `/robots.txt` is
///   always allowed;
/// - paths and patterns are compared after percent-encoding normalisation (see
///   `RobotsURLEncoding`).
public struct RobotsTxt: Sendable, Hashable {
  /// Bytes of a robots.txt that are parsed (500 KiB; RFC 9309 §2.5 asks for at least that). A line
  /// cut by the limit is ignored with everything after it.
  public static let maxBytes = 512_000

  /// Allows everything (used when robots.txt answered 4xx).
  public static let allowAll = RobotsTxt(groups: [], sitemaps: [])

  /// Disallows everything but `/robots.txt` (used when robots.txt answered 5xx or was
  /// unreachable).
  public static let disallowAll = RobotsTxt(
    groups: [
      RobotsGroup(
        agents: ["*"], rules: [RobotsRule(allow: false, pattern: RobotsPattern(Array("/".utf8)))])
    ],
    sitemaps: [])

  /// Groups in file order.
  let groups: [RobotsGroup]

  /// `Sitemap:` URLs, in order, independent of groups.
  public let sitemaps: [String]

  init(groups: [RobotsGroup], sitemaps: [String]) {
    self.groups = groups
    self.sitemaps = sitemaps
  }

  /// Parses robots.txt bytes. Only the first `RobotsTxt.maxBytes` are parsed, the rest ignored.
  /// Never fails: junk lines are ignored and invalid UTF-8 is tolerated.
  public init(bytes: [UInt8]) {
    var parser = RobotsParser()
    parser.parse(bytes)
    self.init(groups: parser.groups, sitemaps: parser.sitemaps)
  }

  /// Parses robots.txt text (its UTF-8 bytes, limited like `init(bytes:)`).
  public init(_ text: String) {
    self.init(bytes: Array(text.utf8))
  }

  /// Whether `agent` (the product token, e.g. "muniscan"; anything from the first `/` on is
  /// ignored) may fetch `url` (an absolute URL or a path with optional `?query`; the path and
  /// query are matched, the fragment ignored).
  public func isAllowed(_ url: String, agent: String) -> Bool {
    let path = RobotsURLEncoding.tokens(RobotsURLEncoding.pathAndQuery(url)[...])
    let end = path.firstIndex(of: UInt16(UInt8(ascii: "?"))) ?? path.endIndex
    if path[..<end].elementsEqual(Self.robotsPath) { return true }
    var longestAllow = -1
    var longestDisallow = -1
    for group in applicableGroups(agent: agent) {
      for rule in group.rules {
        let longest = rule.allow ? longestAllow : longestDisallow
        guard rule.pattern.length > longest, rule.pattern.matches(path) else { continue }
        if rule.allow {
          longestAllow = rule.pattern.length
        } else {
          longestDisallow = rule.pattern.length
        }
      }
    }
    return longestAllow >= longestDisallow
  }

  /// Crawl-delay (non-standard but common) in seconds for the groups that apply to `agent` (the
  /// largest when merged groups give several), nil when absent or not a non-negative number.
  public func crawlDelay(agent: String) -> Double? {
    applicableGroups(agent: agent).compactMap(\.crawlDelay).max()
  }

  private static let robotsPath = RobotsURLEncoding.tokens(Array("/robots.txt".utf8)[...])

  /// The groups naming `agent`'s product token, else the `*` groups.
  func applicableGroups(agent: String) -> [RobotsGroup] {
    let token = Self.productToken(agent)
    if !token.isEmpty && token != "*" {
      let specific = groups.filter { $0.agents.contains(token) }
      if !specific.isEmpty { return specific }
    }
    return groups.filter { $0.agents.contains("*") }
  }

  /// The lowercased product token of a user agent: the text before the first `/` or whitespace.
  static func productToken(_ agent: some StringProtocol) -> String {
    let trimmed = agent.drop { $0 == " " || $0 == "\t" }
    let token = trimmed.prefix { $0 != "/" && $0 != " " && $0 != "\t" }
    return String(token).lowercased()
  }
}

extension RobotsTxt {
  /// What the crawler should use for a robots.txt fetch outcome: status 2xx → parse body; 4xx
  /// (except 429) and 3xx (redirects not resolved within the limit, RFC 9309 §2.3.1.2) →
  /// `allowAll`; 5xx, 429 Too Many Requests, any other status or network failure (status nil)
  /// → `disallowAll`.
  public static func forResponse(status: Int?, body: [UInt8]) -> RobotsTxt {
    guard let status else { return .disallowAll }
    switch status {
    case 200...299: return RobotsTxt(bytes: body)
    case 429: return .disallowAll
    case 300...499: return .allowAll
    default: return .disallowAll
    }
  }
}

/// One `allow` or `disallow` line.
struct RobotsRule: Sendable, Hashable {
  let allow: Bool
  let pattern: RobotsPattern
}

/// User-agent lines with the rules and crawl delay that follow them.
struct RobotsGroup: Sendable, Hashable {
  /// Lowercased product tokens; `*` for the default group.
  var agents: [String] = []
  var rules: [RobotsRule] = []
  var crawlDelay: Double?
}

/// Line-by-line robots.txt parser.
struct RobotsParser {
  private(set) var groups: [RobotsGroup] = []
  private(set) var sitemaps: [String] = []
  /// Whether the last group line was a `user-agent` line, so that the next one joins its group.
  private var inAgentLines = false

  private enum Directive {
    case userAgent, allow, disallow, crawlDelay, sitemap
  }

  private static let directives: [String: Directive] = [
    "user-agent": .userAgent, "useragent": .userAgent, "user agent": .userAgent,
    "allow": .allow,
    "disallow": .disallow, "dissallow": .disallow, "dissalow": .disallow, "disalow": .disallow,
    "diasllow": .disallow, "disallaw": .disallow,
    "crawl-delay": .crawlDelay, "crawldelay": .crawlDelay, "crawl delay": .crawlDelay,
    "sitemap": .sitemap, "site-map": .sitemap,
  ]

  mutating func parse(_ input: [UInt8]) {
    var bytes = input[...]
    if bytes.count > RobotsTxt.maxBytes {
      bytes = bytes.prefix(RobotsTxt.maxBytes)
      if !Self.isLineBreak(input[RobotsTxt.maxBytes]) {
        // Drop the line the limit cuts through.
        bytes = bytes[..<(bytes.lastIndex(where: Self.isLineBreak) ?? bytes.startIndex)]
      }
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    for line in bytes.split(whereSeparator: Self.isLineBreak) {
      parseLine(line)
    }
  }

  private mutating func parseLine(_ raw: ArraySlice<UInt8>) {
    let line = Self.trim(raw.prefix { $0 != UInt8(ascii: "#") })
    guard !line.isEmpty, let (rawKey, value) = Self.keyAndValue(line) else { return }
    let key = String(decoding: rawKey, as: UTF8.self).lowercased()
    guard let directive = Self.directives[key] else { return }
    switch directive {
    case .userAgent:
      if !inAgentLines || groups.isEmpty {
        groups.append(RobotsGroup())
        inAgentLines = true
      }
      groups[groups.count - 1].agents.append(
        RobotsTxt.productToken(String(decoding: value, as: UTF8.self)))
    case .allow, .disallow:
      guard !groups.isEmpty else { return }
      inAgentLines = false
      // An empty value matches nothing, but still ends the run of user-agent lines.
      guard !value.isEmpty else { return }
      groups[groups.count - 1].rules.append(
        RobotsRule(allow: directive == .allow, pattern: RobotsPattern(Array(value))))
    case .crawlDelay:
      guard !groups.isEmpty else { return }
      inAgentLines = false
      guard let delay = Self.delay(value) else { return }
      groups[groups.count - 1].crawlDelay = max(groups[groups.count - 1].crawlDelay ?? 0, delay)
    case .sitemap:
      if !value.isEmpty { sitemaps.append(String(decoding: value, as: UTF8.self)) }
    }
  }

  /// Splits `key: value`, or `key value` when the line is exactly two words (as Google does).
  private static func keyAndValue(
    _ line: ArraySlice<UInt8>
  ) -> (ArraySlice<UInt8>, ArraySlice<UInt8>)? {
    if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
      return (trim(line[..<colon]), trim(line[(colon + 1)...]))
    }
    guard let space = line.firstIndex(where: isSpace) else { return nil }
    let value = trim(line[space...])
    guard !value.contains(where: isSpace) else { return nil }
    return (line[..<space], value)
  }

  /// A crawl delay: digits with an optional fraction, nothing else.
  private static func delay(_ value: ArraySlice<UInt8>) -> Double? {
    let text = String(decoding: value, as: UTF8.self)
    let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let isDigits = { (part: Substring) in part.allSatisfy { $0.isASCII && $0.isNumber } }
    guard parts.allSatisfy(isDigits), parts.contains(where: { !$0.isEmpty }),
      let delay = Double(text), delay.isFinite
    else { return nil }
    return delay
  }

  private static func isLineBreak(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == 0x0B || byte == 0x0C
  }

  private static func trim(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    guard let first = bytes.firstIndex(where: { !isSpace($0) }),
      let last = bytes.lastIndex(where: { !isSpace($0) })
    else { return [] }
    return bytes[first...last]
  }
}
