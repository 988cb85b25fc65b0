import MuniscanCore

/// How a report is rendered: its language and whether the terminal takes colour.
public struct ReportOptions: Sendable {
  public var language: Language
  public var color: Bool

  public init(language: Language = .en, color: Bool = false) {
    self.language = language
    self.color = color
  }
}

/// Renders a Scorecard in one format. Reporters are pure functions of the scorecard: all the
/// judging happened before.
public protocol Reporter: Sendable {
  /// The name `--format` chooses it by.
  var name: String { get }
  func render(_ scorecard: Scorecard, options: ReportOptions) throws -> String
}

/// The reporters by name, as SwiftLint chooses its reporters.
public enum Reporters {
  public static let all: [any Reporter] = [TerminalReporter(), JSONReporter()]

  public static var names: [String] { all.map(\.name) }

  public static func named(_ name: String) -> (any Reporter)? {
    all.first { $0.name == name }
  }
}
