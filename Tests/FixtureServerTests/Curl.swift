import Foundation

/// What one run of `/usr/bin/curl` produced.
struct CurlResult {
  var exitCode: Int32
  var body: [UInt8]
  /// What `-w` printed (written to stderr, see `curl(_:)`).
  var writeOut: String
  var seconds: Double

  var text: String { String(decoding: body, as: UTF8.self) }
}

/// Runs curl without blocking a cooperative thread: the body goes to a temporary file and the
/// `-w` output to another.
func curl(_ arguments: [String]) async throws -> CurlResult {
  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("fixture-curl-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: directory) }
  let bodyFile = directory.appendingPathComponent("body")
  let writeOutFile = directory.appendingPathComponent("writeout")
  _ = FileManager.default.createFile(atPath: bodyFile.path, contents: nil)
  _ = FileManager.default.createFile(atPath: writeOutFile.path, contents: nil)
  let bodyHandle = try FileHandle(forWritingTo: bodyFile)
  let writeOutHandle = try FileHandle(forWritingTo: writeOutFile)

  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
  // `-w` output goes to stderr (`%{stderr}`), where `-s` leaves nothing else.
  var arguments = arguments
  for index in arguments.indices.dropLast() where arguments[index] == "-w" {
    arguments[index + 1] = "%{stderr}" + arguments[index + 1]
  }
  process.arguments = ["-s", "--noproxy", "*"] + arguments
  process.standardOutput = bodyHandle
  process.standardError = writeOutHandle
  let start = Date()
  let exitCode: Int32 = try await withCheckedThrowingContinuation { continuation in
    process.terminationHandler = { finished in
      continuation.resume(returning: finished.terminationStatus)
    }
    do {
      try process.run()
    } catch {
      continuation.resume(throwing: error)
    }
  }
  let seconds = Date().timeIntervalSince(start)
  try bodyHandle.close()
  try writeOutHandle.close()
  return CurlResult(
    exitCode: exitCode, body: [UInt8](try Data(contentsOf: bodyFile)),
    writeOut: String(decoding: try Data(contentsOf: writeOutFile), as: UTF8.self),
    seconds: seconds)
}

/// curl arguments that send `host` (and its `www.` twin) to the fixture server on `port`.
func resolve(_ hosts: String..., port: Int) -> [String] {
  hosts.flatMap { host in
    ["--resolve", "\(host):\(port):127.0.0.1", "--resolve", "www.\(host):\(port):127.0.0.1"]
  }
}
