import ArgumentParser
import Foundation
import MuniscanStore

/// `muniscan runs list --store FILE|URL`: the runs of a run history, oldest first, and in a
/// PostgreSQL store the queued runs with their tasks by state.
struct RunsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "runs",
    abstract: "Show the runs stored in a run history file.",
    subcommands: [List.self])

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the stored runs, oldest first.")

    @Option(
      help: ArgumentHelp("Run history: an SQLite file or a postgres:// URL.", valueName: "file|url")
    )
    var store: String

    @Option(help: "Output format: terminal or json.")
    var format = "terminal"

    func validate() throws {
      guard ["terminal", "json"].contains(format) else {
        throw ValidationError("unknown --format '\(format)' (terminal or json)")
      }
    }

    func run() async throws {
      let location = try RunStoreLocation(store)
      let history = try await location.open(create: false)
      let runs = try await history.runs()
      var queued: [QueuedRun] = []
      if let postgres = history as? PostgresRunStore {
        queued = try await WorkQueue(store: postgres).runs()
      }
      if format == "json" {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        Console.write(String(decoding: try encoder.encode(runs), as: UTF8.self) + "\n")
      } else if runs.isEmpty {
        Console.write("no runs stored in \(location)\n")
      } else {
        Console.write(table(runs))
      }
      if format == "terminal", !queued.isEmpty {
        Console.write("\nqueued runs (tasks):\n" + table(queued))
      }
    }

    private func table(_ runs: [RunSummary]) -> String {
      let header = ["run", "audit date", "rule set", "sites", "audited", "mean", "stored (UTC)"]
      let rows = runs.map { run in
        [
          run.id, run.asOf.description, "\(run.ruleSetID) \(run.ruleSetVersion)",
          "\(run.siteCount)", "\(run.auditedCount)",
          run.meanTotal.map { String(format: "%.1f", $0) } ?? "–", run.createdAt,
        ]
      }
      return Self.align([header] + rows, numeric: [3, 4, 5])
    }

    private func table(_ runs: [QueuedRun]) -> String {
      let header = [
        "run", "audit date", "pending", "leased", "done", "failed", "queued (UTC)", "scorecard",
      ]
      let rows = runs.map { run in
        [
          run.id, run.asOf.description, "\(run.progress.pending)", "\(run.progress.leased)",
          "\(run.progress.done)", "\(run.progress.failed)", run.createdAt,
          run.isStored ? "stored" : run.progress.isFinished ? "not stored yet" : "-",
        ]
      }
      return Self.align([header] + rows, numeric: [2, 3, 4, 5])
    }

    /// The rows as columns, numbers aligned right.
    private static func align(_ table: [[String]], numeric: Set<Int>) -> String {
      let header = table[0]
      let widths = header.indices.map { column in table.map { $0[column].count }.max() ?? 0 }
      return table.map { row in
        row.indices.map { column in
          let gap = String(repeating: " ", count: widths[column] - row[column].count)
          return numeric.contains(column) ? gap + row[column] : row[column] + gap
        }
        .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
      }
      .joined(separator: "\n") + "\n"
    }
  }
}
