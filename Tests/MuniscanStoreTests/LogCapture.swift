import Logging
import NIOConcurrencyHelpers

/// A logger at trace level that keeps every line it is given (message and metadata), so a test
/// can look for what must never be logged.
final class LogCapture: Sendable {
  private let lines = NIOLockedValueBox<[String]>([])

  var logger: Logger {
    var logger = Logger(label: "muniscan.test") { _ in Handler(capture: self) }
    logger.logLevel = .trace
    return logger
  }

  var text: String { lines.withLockedValue { $0.joined(separator: "\n") } }
  var count: Int { lines.withLockedValue(\.count) }

  private struct Handler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
      get { metadata[key] }
      set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
      let all = metadata.merging(event.metadata ?? [:]) { $1 }
      let line = "\(event.level) \(event.message) \(all) \(event.error.map { "\($0)" } ?? "")"
      capture.lines.withLockedValue { $0.append(line) }
    }
  }
}
