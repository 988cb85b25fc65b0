import BenchNation
import FixtureServer
import Foundation

// muniscan-bench-server: serves a synthetic nation for scripts/bench-crawl until SIGINT or
// SIGTERM. Usage: muniscan-bench-server --sites N --pages N [--corpus plain|dense] [--port P]
// [--cache-mb M]. Prints the port, then one URL per site. Every page is written before the
// server answers and kept (up to M MB of pages, 2048 by default), so the server costs about
// what a static one does, the same for every crawler it serves.

let usage =
  "usage: muniscan-bench-server --sites N --pages N [--corpus plain|dense] [--port P] [--cache-mb M]"

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("muniscan-bench-server: \(message)\n".utf8))
  exit(2)
}

var options = ["--sites": 100, "--pages": 100, "--port": 0, "--cache-mb": 2048]
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
let cache = PageCache(nation: nation, budget: options["--cache-mb"]! << 20)
cache.fill()

let server: FixtureServer
do {
  let addresses = (0..<nation.sites).map(SyntheticNation.address(of:))
  server = try await FixtureServer.start(addresses: addresses, port: options["--port"]!) {
    request in
    nation.respond(to: request, cache: cache)
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
