import MuniscanCore

/// How a report is rendered: the fixed words of its language (rule titles and advice are taken
/// in the same language) and whether the terminal takes colour.
public struct ReportOptions: Sendable {
  public var words: ReportWords
  public var color: Bool

  public init(words: ReportWords, color: Bool = false) {
    self.words = words
    self.color = color
  }
}

/// One file a reporter writes under `--out DIR`, with its path relative to that folder.
public struct ReportFile: Sendable, Hashable {
  public var path: String
  public var contents: String

  public init(path: String, contents: String) {
    self.path = path
    self.contents = contents
  }
}

/// A report that cannot be rendered as asked (e.g. a folder of pages sent to standard output).
public struct ReportError: Error, CustomStringConvertible, Equatable {
  public var description: String

  public init(_ description: String) { self.description = description }
}

/// Renders a Scorecard in one format. Reporters are pure functions of the scorecard: all the
/// judging happened before.
public protocol Reporter: Sendable {
  /// The name `--format` chooses it by.
  var name: String { get }
  /// The file the report is written to under `--out DIR`.
  var fileName: String { get }
  /// The report as one text, for standard output.
  func render(_ scorecard: Scorecard, options: ReportOptions) throws -> String
  /// The report for standard output, handed to `output` in pieces as they are made, so a
  /// report of many sites need not be held whole besides the scorecard.
  func write(
    _ scorecard: Scorecard, options: ReportOptions, to output: (String) throws -> Void
  ) throws
  /// Every file of the report, paths relative to the `--out` folder.
  func files(_ scorecard: Scorecard, options: ReportOptions) throws -> [ReportFile]
  /// Folders under `--out` whose files of the report's kind the report alone writes, so those
  /// it did not write this time (pages of sites no longer audited) are removed.
  var ownedFolders: [(path: String, fileExtension: String)] { get }
}

extension Reporter {
  public var ownedFolders: [(path: String, fileExtension: String)] { [] }

  public func write(
    _ scorecard: Scorecard, options: ReportOptions, to output: (String) throws -> Void
  ) throws {
    try output(try render(scorecard, options: options))
  }

  public func files(_ scorecard: Scorecard, options: ReportOptions) throws -> [ReportFile] {
    [ReportFile(path: fileName, contents: try render(scorecard, options: options))]
  }
}

/// The reporters by name, as SwiftLint chooses its reporters.
public enum Reporters {
  public static let all: [any Reporter] = [
    TerminalReporter(), JSONReporter(), CSVLongReporter(), CSVWideReporter(), MarkdownReporter(),
    JUnitReporter(), HTMLReporter(),
  ]

  public static var names: [String] { all.map(\.name) }

  public static func named(_ name: String) -> (any Reporter)? {
    all.first { $0.name == name }
  }
}
