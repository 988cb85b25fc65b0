import Foundation
import MuniscanPCRE

/// Which of a site's URLs a crawl may fetch besides scope and robots.txt: the run's include and
/// exclude patterns (regular expressions over the normalised URL) and the trap defences, a path
/// that repeats a segment (`/a/b/a/b/a/b`) and a path with too many query variants (calendars).
public struct URLFilter: Sendable, Codable {
  private let includes: [PCRE2Pattern]
  private let excludes: [PCRE2Pattern]
  /// The patterns as given, which the crawl manifest records.
  public let includePatterns: [String]
  public let excludePatterns: [String]
  /// The same path segment may occur this many times at most.
  public var maxSegmentRepeats: Int
  /// Distinct queries followed per path at most.
  public var maxQueryVariants: Int

  /// No patterns; default trap limits.
  public init() {
    includes = []
    excludes = []
    includePatterns = []
    excludePatterns = []
    maxSegmentRepeats = 2
    maxQueryVariants = 30
  }

  /// With `include` patterns, only URLs matching one of them are crawled (the home page always
  /// is); URLs matching an `exclude` pattern never are. Throws for a pattern that is not a
  /// valid regular expression.
  public init(
    include: [String], exclude: [String], maxSegmentRepeats: Int = 2, maxQueryVariants: Int = 30
  ) throws(URLFilterError) {
    func compile(_ patterns: [String], _ option: String) throws(URLFilterError)
      -> [PCRE2Pattern]
    {
      var compiled: [PCRE2Pattern] = []
      for pattern in patterns {
        do {
          compiled.append(try PCRE2Pattern(pattern, caseless: false))
        } catch {
          throw URLFilterError(option: option, pattern: pattern, problem: error.description)
        }
      }
      return compiled
    }
    includes = try compile(include, "--include")
    excludes = try compile(exclude, "--exclude")
    includePatterns = include
    excludePatterns = exclude
    self.maxSegmentRepeats = maxSegmentRepeats
    self.maxQueryVariants = maxQueryVariants
  }

  private enum CodingKeys: String, CodingKey {
    case includePatterns, excludePatterns, maxSegmentRepeats, maxQueryVariants
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    do {
      try self.init(
        include: try container.decode([String].self, forKey: .includePatterns),
        exclude: try container.decode([String].self, forKey: .excludePatterns),
        maxSegmentRepeats: try container.decode(Int.self, forKey: .maxSegmentRepeats),
        maxQueryVariants: try container.decode(Int.self, forKey: .maxQueryVariants))
    } catch let error as URLFilterError {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: error.description))
    }
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(includePatterns, forKey: .includePatterns)
    try container.encode(excludePatterns, forKey: .excludePatterns)
    try container.encode(maxSegmentRepeats, forKey: .maxSegmentRepeats)
    try container.encode(maxQueryVariants, forKey: .maxQueryVariants)
  }

  /// Whether the run's patterns let `url` be crawled.
  func isWanted(_ url: String) -> Bool {
    if excludes.contains(where: { $0.matches(url) }) { return false }
    return includes.isEmpty || includes.contains { $0.matches(url) }
  }

  /// Whether the path of `url` repeats one segment more often than allowed.
  func repeatsSegments(_ url: String) -> Bool {
    var counts: [Substring: Int] = [:]
    for segment in Self.path(of: url).split(separator: "/") {
      counts[segment, default: 0] += 1
      if counts[segment]! > maxSegmentRepeats { return true }
    }
    return false
  }

  /// The path of an absolute URL, without query: from the first `/` after the first `://`
  /// (or the URL's start) to the first `?`. Read on bytes: every link found is checked.
  static func path(of url: String) -> Substring {
    let bytes = url.utf8
    var afterScheme = bytes.startIndex
    var searched = bytes.startIndex
    while let colon = bytes[searched...].firstIndex(of: UInt8(ascii: ":")) {
      searched = bytes.index(after: colon)
      if bytes[searched...].starts(with: "//".utf8) {
        afterScheme = bytes.index(searched, offsetBy: 2)
        break
      }
    }
    guard let slash = bytes[afterScheme...].firstIndex(of: UInt8(ascii: "/")) else { return "" }
    let end = bytes[slash...].firstIndex(of: UInt8(ascii: "?")) ?? bytes.endIndex
    return url[slash..<end]
  }
}

/// A pattern given on the command line that is not a regular expression.
public struct URLFilterError: Error, Sendable, CustomStringConvertible {
  public var option: String
  public var pattern: String
  /// What the regular expression engine (PCRE2) says is wrong with it.
  public var problem: String

  public var description: String {
    "\(option) '\(pattern)' is not a valid regular expression (\(problem))"
  }
}

/// Counts the distinct queries met per path, so a calendar or search page whose links make new
/// queries forever is followed only so far.
struct QueryVariants {
  private var counts: [String: Int] = [:]
  let limit: Int

  init(limit: Int) { self.limit = limit }

  /// Whether `url` (new to the frontier) may be followed; counts it when it has a query.
  mutating func admit(_ url: String) -> Bool {
    guard let mark = url.firstIndex(of: "?") else { return true }
    let key = String(url[..<mark])
    let seen = counts[key, default: 0]
    guard seen < limit else { return false }
    counts[key] = seen + 1
    return true
  }
}
