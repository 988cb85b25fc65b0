import BenchNation
import FixtureServer
import Foundation

// muniscan-bench-server: serves a synthetic nation for scripts/bench-crawl until SIGINT or
// SIGTERM. Usage: muniscan-bench-server --sites N --pages N [--corpus plain|dense] [--port P]
// [--cache-mb M] [--write DIR]. Prints the port, then one URL per site. Every page is written
// before the server answers and kept (up to M MB of pages, 2048 by default), so the server
// costs little, the same for every crawler it serves (nginx serving the same files costs half
// as much). With --write, it serves nothing: it writes the nation's files into DIR for a
// static server (nginx) listening on port P, prints the same lines, and exits.

let usage =
  "usage: muniscan-bench-server --sites N --pages N [--corpus plain|dense] [--port P] [--cache-mb M] [--write DIR]"

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("muniscan-bench-server: \(message)\n".utf8))
  exit(2)
}

var options = ["--sites": 100, "--pages": 100, "--port": 0, "--cache-mb": 2048]
var corpus = Corpus.plain
var filesFolder: String?
var remaining = CommandLine.arguments.dropFirst()
while let name = remaining.popFirst() {
  if name == "--corpus" {
    guard let value = remaining.popFirst().flatMap(Corpus.init(rawValue:)) else { fail(usage) }
    corpus = value
    continue
  }
  if name == "--write" {
    guard let value = remaining.popFirst() else { fail(usage) }
    filesFolder = value
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

/// The first lines the server prints: its port, then each site's home page.
func banner(port: Int) -> String {
  var lines = "port \(port)\n"
  for site in 0..<nation.sites {
    lines += "http://\(SyntheticNation.address(of: site)):\(port)/\n"
  }
  return lines
}

if let filesFolder {
  guard options["--port"]! > 0 else { fail("--write needs the port the files will be served on") }
  do {
    try nation.writeFiles(to: filesFolder)
  } catch {
    fail("cannot write the nation into \(filesFolder): \(error.localizedDescription)")
  }
  FileHandle.standardOutput.write(Data(banner(port: options["--port"]!).utf8))
  exit(0)
}
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
FileHandle.standardOutput.write(Data(banner(port: server.port).utf8))

await waitForTerminationSignal()
try? await server.stop()
exit(0)
