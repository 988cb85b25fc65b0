import Foundation
import MuniscanTestSupport

/// What one run of `/usr/bin/curl` produced.
struct CurlResult {
  var exitCode: Int32
  var body: [UInt8]
  /// What `-w` printed (written to stderr, see `curl(_:)`).
  var writeOut: String
  var seconds: Double

  var text: String { String(decoding: body, as: UTF8.self) }
}

/// Runs curl as a child process, the body and the `-w` output kept apart.
func curl(_ arguments: [String]) async throws -> CurlResult {
  // `-w` output goes to stderr (`%{stderr}`), where `-s` leaves nothing else.
  var arguments = arguments
  for index in arguments.indices.dropLast() where arguments[index] == "-w" {
    arguments[index + 1] = "%{stderr}" + arguments[index + 1]
  }
  let start = Date()
  let result = try await ChildProcess.run(
    "/usr/bin/curl", ["-s", "--noproxy", "*"] + arguments, timeout: 60)
  return CurlResult(
    exitCode: result.status, body: result.output, writeOut: result.errors,
    seconds: Date().timeIntervalSince(start))
}

/// curl arguments that send `host` (and its `www.` twin) to the fixture server on `port`.
func resolve(_ hosts: String..., port: Int) -> [String] {
  hosts.flatMap { host in
    ["--resolve", "\(host):\(port):127.0.0.1", "--resolve", "www.\(host):\(port):127.0.0.1"]
  }
}
