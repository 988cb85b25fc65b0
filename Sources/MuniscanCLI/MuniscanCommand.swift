import ArgumentParser

/// The `muniscan` command line: audits municipality websites for transparency.
public struct MuniscanCommand: AsyncParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "muniscan",
    abstract: "Audit municipality websites against open-government criteria.",
    version: "0.1.0",
    subcommands: [AuditCommand.self, ScanCommand.self, RulesCommand.self, RobotsCommand.self]
  )

  public init() {}
}
