import BenchNation
import FixtureServer
import Foundation

// muniscan-bench-server: serves a synthetic nation for scripts/bench-crawl until SIGINT or
// SIGTERM. Usage: muniscan-bench-server --sites N --pages N [--corpus plain|dense] [--port P].
// Prints the port, then one URL per site.

let usage = "usage: muniscan-bench-server --sites N --pages N [--corpus plain|dense] [--port P]"

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("muniscan-bench-server: \(message)\n".utf8))
  exit(2)
}

var options = ["--sites": 100, "--pages": 100, "--port": 0]
var corpus = Corpus.plain
var remaining = CommandLine.arguments.dropFirst()
while let name = remaining.popFirst() {
  if name == "--corpus" {
    guard let value = remaining.popFirst().flatMap(Corpus.init(rawValue:)) else { fail(usage) }
    corpus = value
    continue
  }
  guard options[name] != nil, let value = remaining.popFirst().flatMap({ Int($0) }), value >= 0
  else {
    fail(usage)
  }
  options[name] = value
}
let nation = SyntheticNation(
  sites: max(1, options["--sites"]!), pages: max(2, options["--pages"]!), corpus: corpus)
guard nation.sites <= 250 * 256 else { fail("at most \(250 * 256) sites") }

let server: FixtureServer
do {
  let addresses = (0..<nation.sites).map(SyntheticNation.address(of:))
  server = try await FixtureServer.start(addresses: addresses, port: options["--port"]!) {
    request in
    nation.respond(to: request)
  }
} catch {
  fail("\(error)")
}
var banner = "port \(server.port)\n"
for site in 0..<nation.sites {
  banner += "http://\(SyntheticNation.address(of: site)):\(server.port)/\n"
}
FileHandle.standardOutput.write(Data(banner.utf8))

await waitForTerminationSignal()
try? await server.stop()
exit(0)
