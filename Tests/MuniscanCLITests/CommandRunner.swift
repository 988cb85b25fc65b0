import FixtureServer
import Foundation
import MuniscanCLI

/// Runs `muniscan` commands in-process for tests, and serves the fixture sites on 127.0.0.1.
enum CommandRunner {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

  /// What a command printed, and the error it ended with (nil for success).
  struct Outcome {
    var output: String
    var error: Error?
    /// What it wrote to standard error ("stored run …", "fail-under: …").
    var notes = ""

    /// The one line the executable would print for the error.
    var message: String { error.map { MuniscanCommand.message(for: $0) } ?? "" }
    var exitCode: Int32 { error.map { MuniscanCommand.exitCode(for: $0).rawValue } ?? 0 }
  }

  static func run(_ arguments: [String]) async -> Outcome {
    let console = Console()
    do {
      try await Console.$sink.withValue(console) { try await MuniscanCommand.execute(arguments) }
      return Outcome(output: console.text, error: nil, notes: console.notes)
    } catch {
      return Outcome(output: console.text, error: error, notes: console.notes)
    }
  }

  /// Serves `fixtures/sites` for the duration of `body`, which gets the port. `hidden` maps a
  /// fixture host to path prefixes answered with 404, to change a site between two runs.
  static func withFixtureSites<T: Sendable>(
    hiding hidden: [String: [String]] = [:], _ body: (Int) async throws -> T
  ) async throws -> T {
    let sites = try StaticSites(root: repository + "/fixtures/sites")
    let server = try await FixtureServer.start { request in
      let host = request.host.hasPrefix("www.") ? String(request.host.dropFirst(4)) : request.host
      if hidden[host, default: []].contains(where: { request.path.hasPrefix($0) }) {
        return .notFound
      }
      return sites.respond(to: request)
    }
    do {
      let result = try await body(server.port)
      try await server.stop()
      return result
    } catch {
      try? await server.stop()
      throw error
    }
  }

  /// A fixture site's URL on the fixture server's port (curl's `--resolve` keeps the port, so
  /// the URL names it).
  static func url(_ url: String, port: Int) -> String {
    guard var parts = URLComponents(string: url) else { return url }
    parts.port = port
    return parts.string ?? url
  }

  /// `--resolve` arguments pointing `host` and `www.host` at the fixture server.
  static func resolve(_ hosts: [String], port: Int) -> [String] {
    hosts.flatMap {
      ["--resolve", "\($0):\(port):127.0.0.1", "--resolve", "www.\($0):\(port):127.0.0.1"]
    }
  }

  /// `--connect-to` arguments sending `host` and `www.host` on port 80 to the fixture server:
  /// the sites keep their real URLs, so absolute links (`http://host/…`, as WordPress writes
  /// them) reach the server too.
  static func connectTo(_ hosts: [String], port: Int) -> [String] {
    hosts.flatMap {
      [
        "--connect-to", "\($0):80:127.0.0.1:\(port)", "--connect-to",
        "www.\($0):80:127.0.0.1:\(port)",
      ]
    }
  }
}
