import Foundation

/// A program a test runs as a child process (the built `muniscan`, curl, python3, chromium):
/// its output goes through files, so a chatty program cannot block on a full pipe, and every
/// wait has a deadline, after which the program is killed and the test told.
public final class ChildProcess: @unchecked Sendable {
  /// What a finished program left: its exit status (128 + the signal when a signal ended it)
  /// and its output.
  public struct Result: Sendable {
    public var status: Int32
    public var output: [UInt8]
    public var errors: String

    public var outputText: String { String(decoding: output, as: UTF8.self) }
  }

  /// The program did not end in time and was killed.
  public struct Timeout: Error, CustomStringConvertible {
    public var command: String
    public var description: String { "gave up waiting for \(command) to end" }
  }

  private let process = Process()
  private let folder: URL
  private let outputHandle: FileHandle
  private let errorHandle: FileHandle

  /// Starts `executable` (a path, or a program name looked up on PATH) with `arguments`; with
  /// `environment`, the program sees only those variables.
  public init(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
    standardInput: Bool = false
  ) throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "muniscan-child-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for name in ["out", "err"] {
      _ = FileManager.default.createFile(
        atPath: folder.appendingPathComponent(name).path, contents: nil)
    }
    outputHandle = try FileHandle(forWritingTo: folder.appendingPathComponent("out"))
    errorHandle = try FileHandle(forWritingTo: folder.appendingPathComponent("err"))
    if executable.contains("/") {
      process.executableURL = URL(fileURLWithPath: executable)
      process.arguments = arguments
    } else {
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = [executable] + arguments
    }
    if let environment { process.environment = environment }
    process.standardOutput = outputHandle
    process.standardError = errorHandle
    if !standardInput { process.standardInput = FileHandle.nullDevice }
    try process.run()
  }

  deinit { try? FileManager.default.removeItem(at: folder) }

  /// Runs a program to its end, or kills it after `timeout` seconds and throws.
  public static func run(
    _ executable: String, _ arguments: [String], timeout: Double = 120
  ) async throws -> Result {
    try await ChildProcess(executable, arguments).wait(seconds: timeout)
  }

  /// The same, for tests that are not async: blocks the calling thread.
  public static func runBlocking(
    _ executable: String, _ arguments: [String], timeout: Double = 120
  ) throws -> Result {
    let child = try ChildProcess(executable, arguments)
    let deadline = Date().addingTimeInterval(timeout)
    while child.process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
    return try child.finish()
  }

  /// Waits for the program to end, killing it after `seconds`, and returns what it left. The
  /// default stops a hang, not a slow run: the program shares the machine with the whole
  /// parallel test run.
  public func wait(seconds: Double = 120) async throws -> Result {
    _ = try await waitUntil(atMost: seconds) { !process.isRunning }
    return try finish()
  }

  /// The program's process id.
  public var processIdentifier: Int32 { process.processIdentifier }

  /// Sends a signal (SIGINT, SIGKILL, …) to the program.
  public func signal(_ number: Int32) { kill(process.processIdentifier, number) }

  private func finish() throws -> Result {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      throw Timeout(
        command: ([process.executableURL?.path ?? ""] + (process.arguments ?? []))
          .joined(separator: " "))
    }
    process.waitUntilExit()
    try outputHandle.close()
    try errorHandle.close()
    let status = process.terminationStatus
    return Result(
      status: process.terminationReason == .uncaughtSignal ? 128 + status : status,
      output: [UInt8](try Data(contentsOf: folder.appendingPathComponent("out"))),
      errors: String(
        decoding: try Data(contentsOf: folder.appendingPathComponent("err")), as: UTF8.self))
  }
}
