import CCurl
import MuniscanCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The event loop: one thread that owns a `curl_multi` handle and drives every transfer of a
/// client with `curl_multi_poll`. Callers hand it fetches and cancellations through a locked
/// inbox and wake it with `curl_multi_wakeup`; all other libcurl calls happen on its thread.
final class CurlMultiLoop: Sendable {
  private struct Inbox: Sendable {
    var fetches: [PendingFetch] = []
    var cancellations: [UInt64] = []
    /// Set by `shutdown`; no fetch is accepted after it.
    var stopping = false
    /// Set by the loop thread just before it destroys the multi handle; no wakeup after it.
    var exited = false
  }

  private enum ThreadState: Sendable {
    case running(LoopThread)
    case joined
  }

  private let inbox = Locked(Inbox())
  private let multi: MultiHandle
  private let thread: Locked<ThreadState>

  init(configuration: HTTPClientConfiguration) throws(HTTPClientError) {
    try CurlGlobal.ensureInitialized()
    guard let handle = curl_multi_init() else {
      throw .transfer(
        url: "", code: Int(CURLE_OUT_OF_MEMORY.rawValue), message: "curl_multi_init failed")
    }
    multi = MultiHandle(pointer: handle)
    _ = ccurl_multi_setopt_long(
      handle, CURLMOPT_MAX_HOST_CONNECTIONS, max(0, configuration.maxConnectionsPerHost))
    _ = ccurl_multi_setopt_long(
      handle, CURLMOPT_MAX_TOTAL_CONNECTIONS, max(0, configuration.maxTotalConnections))
    // Keep as many idle connections as may be open at once. libcurl's default keeps four per
    // transfer in progress, and a crawl of a hundred sites, each waiting out its delay between
    // requests, has few in progress: 2,987 of 4,100 requests opened a new connection.
    _ = ccurl_multi_setopt_long(
      handle, CURLMOPT_MAXCONNECTS, max(1, configuration.maxTotalConnections))

    let hostMappings: HostMappings
    do {
      hostMappings = try HostMappings(
        resolve: configuration.resolve, connectTo: configuration.connectTo)
    } catch {
      curl_multi_cleanup(handle)
      throw error
    }
    let driver = LoopDriver(
      multi: handle, inbox: inbox, configuration: configuration, hostMappings: hostMappings)
    do {
      thread = Locked(.running(try LoopThread.start(driver)))
    } catch {
      curl_multi_cleanup(handle)
      throw error
    }
  }

  /// Queues a fetch for the loop; after shutdown the fetch fails at once with `.shutDown`.
  func submit(_ fetch: PendingFetch) {
    let accepted = inbox.withLock { inbox in
      guard !inbox.stopping else { return false }
      inbox.fetches.append(fetch)
      _ = curl_multi_wakeup(multi.pointer)
      return true
    }
    if !accepted { fetch.continuation.resume(throwing: HTTPClientError.shutDown) }
  }

  /// Cancels fetch `id`: at once when the loop has not taken it yet, else on the loop thread,
  /// which removes the transfer from the multi handle. Unknown (finished) ids are ignored.
  func cancel(id: UInt64) {
    let unstarted: PendingFetch? = inbox.withLock { inbox in
      if let index = inbox.fetches.firstIndex(where: { $0.id == id }) {
        return inbox.fetches.remove(at: index)
      }
      guard !inbox.stopping else { return nil }
      inbox.cancellations.append(id)
      _ = curl_multi_wakeup(multi.pointer)
      return nil
    }
    if let unstarted {
      unstarted.continuation.resume(
        throwing: HTTPClientError.cancelled(url: unstarted.request.url))
    }
  }

  /// Fails every pending fetch with `.shutDown`, stops the loop thread and waits for it to end.
  /// Idempotent; a second caller waits until the first one has joined the thread.
  func shutdown() {
    inbox.withLock { inbox in
      guard !inbox.stopping else { return }
      inbox.stopping = true
      if !inbox.exited { _ = curl_multi_wakeup(multi.pointer) }
    }
    thread.withLock { state in
      guard case .running(let loopThread) = state else { return }
      loopThread.join()
      state = .joined
    }
  }

  /// Everything the loop thread itself owns: the multi handle's use, the running transfers.
  private final class LoopDriver: LoopThreadBody {
    private let multi: UnsafeMutableRawPointer
    private let inbox: Locked<Inbox>
    private let configuration: HTTPClientConfiguration
    private let hostMappings: HostMappings
    private var transfers: [UInt64: CurlEasyTransfer] = [:]
    private var idsByHandle: [UnsafeMutableRawPointer: UInt64] = [:]
    private var dnsCachePruning = DNSCachePruning()

    init(
      multi: UnsafeMutableRawPointer, inbox: Locked<Inbox>,
      configuration: HTTPClientConfiguration, hostMappings: HostMappings
    ) {
      self.multi = multi
      self.inbox = inbox
      self.configuration = configuration
      self.hostMappings = hostMappings
    }

    func run() {
      var stopping = false
      var fetches: [PendingFetch] = []
      while true {
        var cancellations: [UInt64] = []
        (fetches, cancellations, stopping) = inbox.withLock { inbox in
          defer {
            inbox.fetches.removeAll()
            inbox.cancellations.removeAll()
          }
          return (inbox.fetches, inbox.cancellations, inbox.stopping)
        }
        if stopping { break }
        for id in cancellations {
          guard let transfer = detach(id) else { continue }
          transfer.fail(.cancelled(url: transfer.url))
        }
        for fetch in fetches { start(fetch) }
        fetches = []

        var running: Int32 = 0
        _ = curl_multi_perform(multi, &running)
        collectFinished()
        // curl_multi_poll also returns on curl's own timers and on curl_multi_wakeup.
        let timeoutMilliseconds: Int32 = transfers.isEmpty ? 60_000 : 1_000
        if curl_multi_poll(multi, nil, 0, timeoutMilliseconds, nil) != CURLM_OK {
          usleep(10_000)  // never spin on a failing poll
        }
      }
      finishShutdown(alsoFailing: fetches)
    }

    private func start(_ fetch: PendingFetch) {
      guard
        let transfer = CurlEasyTransfer.make(
          fetch, configuration: configuration, hostMappings: hostMappings,
          dnsCacheTimeout: dnsCachePruning.timeout(startingAt: .now))
      else { return }
      let code = curl_multi_add_handle(multi, transfer.handle)
      guard code == CURLM_OK else {
        transfer.fail(
          .transfer(
            url: transfer.url, code: Int(code.rawValue),
            message: String(cString: curl_multi_strerror(code))))
        return
      }
      transfers[transfer.id] = transfer
      idsByHandle[transfer.handle] = transfer.id
    }

    /// Removes transfer `id` from the multi handle and the loop's books.
    private func detach(_ id: UInt64) -> CurlEasyTransfer? {
      guard let transfer = transfers.removeValue(forKey: id) else { return nil }
      idsByHandle[transfer.handle] = nil
      _ = curl_multi_remove_handle(multi, transfer.handle)
      return transfer
    }

    private func collectFinished() {
      var queued: Int32 = 0
      while let message = curl_multi_info_read(multi, &queued) {
        guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
          let id = idsByHandle[easy]
        else { continue }
        // Read the result before removing the handle, which invalidates the message.
        let code = ccurl_msg_result(message)
        guard let transfer = detach(id) else { continue }
        transfer.finish(code)
      }
    }

    private func finishShutdown(alsoFailing fetches: [PendingFetch]) {
      let late = inbox.withLock { inbox in
        inbox.exited = true
        defer { inbox.fetches.removeAll() }
        return inbox.fetches
      }
      for id in Array(transfers.keys) {
        detach(id)?.fail(.shutDown)
      }
      for fetch in fetches + late {
        fetch.continuation.resume(throwing: HTTPClientError.shutDown)
      }
      curl_multi_cleanup(multi)
    }
  }
}

/// A `CURLM *` that may be shared across threads, because the only call made on it from other
/// threads is `curl_multi_wakeup`, which libcurl documents as thread-safe, and only before the
/// loop thread has marked the handle as gone.
private struct MultiHandle: @unchecked Sendable {
  let pointer: UnsafeMutableRawPointer
}
