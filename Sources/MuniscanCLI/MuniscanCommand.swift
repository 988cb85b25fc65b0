import ArgumentParser

/// The `muniscan` command line: audits municipality websites for transparency.
@available(macOS 10.15, macCatalyst 13, iOS 13, tvOS 13, watchOS 6, *)
public struct MuniscanCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "muniscan",
    abstract: "Audit municipality websites against open-government criteria.",
    version: "0.1.0",
    subcommands: [
      AuditCommand.self, ScanCommand.self, RulesCommand.self, RobotsCommand.self, CrawlCommand.self,
      ScoreCommand.self, MergeCommand.self, RunCommand.self, ReportCommand.self, RunsCommand.self,
      EnqueueCommand.self, WorkerCommand.self,
    ]
  )

  public init() {}
}

@available(macOS 10.15, macCatalyst 13, iOS 13, tvOS 13, watchOS 6, *)
extension MuniscanCommand {
  /// Parses `arguments` (the process's when nil) and runs the chosen command: what the
  /// executable does, and what tests call in-process.
  public static func execute(_ arguments: [String]?) async throws {
    var command = try await asyncParseAsRoot(arguments)
    if var asyncCommand = command as? any AsyncParsableCommand {
      try await asyncCommand.run()
    } else {
      try command.run()
    }
  }
}
