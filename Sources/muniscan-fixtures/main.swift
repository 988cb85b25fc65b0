import Dispatch
import FixtureServer
import Foundation

// muniscan-fixtures: serves fixture sites on 127.0.0.1 until SIGINT or SIGTERM.

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("muniscan-fixtures: \(message)\n".utf8))
  exit(1)
}

let arguments: Arguments
do {
  arguments = try Arguments(Array(CommandLine.arguments.dropFirst()))
} catch {
  fail(error.message)
}
if arguments.showHelp {
  print(Arguments.usage)
  exit(0)
}

let server: FixtureServer
let sites: StaticSites
do {
  sites = try StaticSites(root: arguments.root)
  server = try await FixtureServer.start(port: arguments.port) { [sites] request in
    sites.respond(to: request)
  }
} catch {
  fail("\(error)")
}

// Written straight to the file descriptor (unbuffered), so a pipe sees it at once.
var banner = ""
for host in sites.hosts {
  let name = host.hasPrefix("www.") ? host : "www." + host
  banner += "--resolve \(name):\(server.port):127.0.0.1\n"
}
banner += "serving \(sites.hosts.count) sites on http://127.0.0.1:\(server.port) (Ctrl-C to stop)\n"
FileHandle.standardOutput.write(Data(banner.utf8))

await waitForTerminationSignal()
try? await server.stop()
exit(0)
