import CLibFuzzer
import Foundation
import MuniscanCrawler

/// libFuzzer entry point: a robots.txt body as a server may send it, parsed and asked about
/// fixed paths and about each line's own value, so its patterns meet paths that look like them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRobots(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let robots = RobotsTxt.forResponse(status: 200, body: bytes)
  var paths = ["/", "/admin/", "/index.php?id=1&print=1", "/dokumendid/%C3%B5igusaktid.pdf"]
  for line in bytes.split(separator: 10).prefix(64) {
    guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
    let value = line[(colon + 1)...].drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    paths.append(String(decoding: value, as: UTF8.self))
  }
  for path in paths {
    let url = "https://www.naidisvald.ee" + (path.hasPrefix("/") ? path : "/" + path)
    for agent in ["muniscan", "Googlebot/2.1"] {
      _ = robots.isAllowed(url, agent: agent)
    }
  }
  _ = robots.crawlDelay(agent: "muniscan")
  return 0
}

// This file's top-level code is the program's main(): start libFuzzer's driver.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzRobots))
