import MuniscanCore

/// The crawler's HTTP client: libcurl transfers driven by one event-loop thread, awaited by
/// callers. Redirects are returned, not followed; only http and https are fetched; bodies are
/// decoded and capped. Create one per crawl and share it; call `shutdown()` when done.
public final class HTTPClient: HTTPFetching, Sendable {
  public let configuration: HTTPClientConfiguration
  private let loop: CurlMultiLoop
  private let lastID = Locked<UInt64>(0)

  private enum FetchPhase: Sendable {
    case waiting, submitted, cancelled
  }

  public init(configuration: HTTPClientConfiguration = HTTPClientConfiguration()) throws {
    self.configuration = configuration
    loop = try CurlMultiLoop(configuration: configuration)
  }

  deinit {
    loop.shutdown()
  }

  /// Fetches `request`. Any HTTP status is a response; failures to get one throw
  /// `HTTPClientError`, and cancelling the calling task throws `.cancelled` promptly.
  public func fetch(_ request: HTTPRequest) async throws -> HTTPResponse {
    guard CurlGlobal.isFetchable(request.url) else {
      throw HTTPClientError.invalidURL(request.url)
    }
    let id = lastID.withLock { last in
      last += 1
      return last
    }
    let phase = Locked(FetchPhase.waiting)
    let loop = self.loop
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { continuation in
        // Submitting under the phase lock orders it before any cancellation of this fetch.
        let submitted = phase.withLock { phase in
          guard case .waiting = phase else { return false }
          loop.submit(PendingFetch(id: id, request: request, continuation: continuation))
          phase = .submitted
          return true
        }
        if !submitted {
          continuation.resume(throwing: HTTPClientError.cancelled(url: request.url))
        }
      }
    } onCancel: {
      let wasSubmitted = phase.withLock { phase in
        defer { phase = .cancelled }
        if case .submitted = phase { return true }
        return false
      }
      if wasSubmitted { loop.cancel(id: id) }
    }
  }

  /// Fails pending fetches with `.shutDown`, stops the loop thread and joins it. Idempotent;
  /// later fetches throw `.shutDown`.
  public func shutdown() {
    loop.shutdown()
  }
}
