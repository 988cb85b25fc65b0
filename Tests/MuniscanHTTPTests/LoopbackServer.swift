import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 (POSIX sockets, a thread per connection) for the client's
/// tests: fixed answers, stalls and abrupt closes, with every request head recorded. Bounded:
/// at most `maxConnections` connections, and every socket wait times out after a few seconds.
final class LoopbackServer: @unchecked Sendable {
  /// A request as the server read it.
  struct Request: Sendable {
    var method: String
    var target: String
    var head: String

    /// The value of the first header line named `name` (case-insensitive).
    func header(_ name: String) -> String? {
      for line in head.components(separatedBy: "\r\n").dropFirst() {
        guard let colon = line.firstIndex(of: ":") else { continue }
        if line[..<colon].lowercased() == name.lowercased() {
          return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
      }
      return nil
    }
  }

  /// What the server does with a request.
  enum Reply: Sendable {
    /// Sends these bytes; the connection stays open for more requests.
    case send([UInt8])
    /// Sends these bytes, then closes the connection.
    case sendAndClose([UInt8])
    /// Sends these bytes (a head, maybe part of a body), then nothing until the client leaves.
    case stall([UInt8])
    /// Closes the connection without a word.
    case close
  }

  let port: UInt16
  private let listener: Int32
  private let handler: @Sendable (Request) -> Reply
  private let greeting: [UInt8]?
  /// Seconds a connection may wait for the client before the server closes it.
  private let idleSeconds: Int
  private let maxConnections = 200
  private let lock = NSLock()
  private var received: [Request] = []
  private var openSockets: Set<Int32> = []
  private var connectionCount = 0
  private var stopped = false
  private var listenerClosed = false

  /// A server that answers each request with `handler`; with a `greeting`, it instead sends
  /// those bytes as soon as a client connects and closes without reading anything.
  init(
    greeting: [UInt8]? = nil, idleSeconds: Int = 5,
    handler: @escaping @Sendable (Request) -> Reply
  ) throws {
    self.handler = handler
    self.greeting = greeting
    self.idleSeconds = idleSeconds
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EIO) }
    var one: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(fd, 128) == 0 else {
      close(fd)
      throw POSIXError(.EADDRINUSE)
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    listener = fd
    port = UInt16(bigEndian: address.sin_port)
    let thread = Thread { [self] in acceptLoop() }
    thread.start()
  }

  deinit { stop() }

  /// Every request received so far.
  var requests: [Request] {
    lock.withLock { received }
  }

  /// How many connections were accepted so far.
  var connections: Int {
    lock.withLock { connectionCount }
  }

  /// Waits (up to `seconds`) until at least `count` requests have arrived.
  func waitForRequests(_ count: Int, seconds: Double = 3) async throws {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while requests.count < count, ContinuousClock.now < deadline {
      try await Task.sleep(for: .milliseconds(10))
    }
  }

  var url: String { "http://127.0.0.1:\(port)" }

  /// Stops accepting and ends every open connection (stalled ones included).
  func stop() {
    // Under the lock, so that no descriptor is shut down after it was closed and reused.
    lock.withLock {
      guard !stopped else { return }
      stopped = true
      if !listenerClosed { shutdown(listener, Int32(SHUT_RDWR)) }
      for fd in openSockets { shutdown(fd, Int32(SHUT_RDWR)) }
    }
  }

  private func acceptLoop() {
    defer {
      lock.withLock {
        listenerClosed = true
        close(listener)
      }
    }
    while true {
      let fd = accept(listener, nil, nil)
      if fd < 0 {
        if errno == EINTR { continue }
        return
      }
      let admitted = lock.withLock {
        guard !stopped, connectionCount < maxConnections else { return false }
        connectionCount += 1
        openSockets.insert(fd)
        return true
      }
      guard admitted else {
        close(fd)
        if lock.withLock({ stopped }) { return }
        continue
      }
      var timeout = timeval(tv_sec: idleSeconds, tv_usec: 0)
      setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
      setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
      Thread { [self] in serve(fd) }.start()
    }
  }

  private func serve(_ fd: Int32) {
    defer {
      lock.withLock {
        openSockets.remove(fd)
        close(fd)
      }
    }
    if let greeting {
      _ = sendAll(fd, greeting)
      return
    }
    var buffer: [UInt8] = []
    let end: [UInt8] = Array("\r\n\r\n".utf8)
    while true {
      // Read one request head (the tests send no request bodies).
      var headEnd: Int?
      while headEnd == nil {
        headEnd = buffer.firstRange(of: end)?.upperBound
        if headEnd != nil { break }
        guard buffer.count < 65_536, let chunk = receive(fd) else { return }
        buffer += chunk
      }
      let head = String(decoding: buffer[..<headEnd!], as: UTF8.self)
      buffer.removeFirst(headEnd!)
      let requestLine = head.prefix { $0 != "\r" }.split(separator: " ")
      guard requestLine.count >= 2 else { return }
      let request = Request(
        method: String(requestLine[0]), target: String(requestLine[1]), head: head)
      lock.withLock { received.append(request) }

      switch handler(request) {
      case .send(let bytes):
        guard sendAll(fd, bytes) else { return }
      case .sendAndClose(let bytes):
        _ = sendAll(fd, bytes)
        return
      case .stall(let bytes):
        guard sendAll(fd, bytes) else { return }
        // Wait (bounded) until the client gives up or the server stops.
        for _ in 0..<3 {
          guard receive(fd) != nil else { return }
        }
        return
      case .close:
        // Linger 0: close with a reset, as a crashed server would.
        var reset = linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &reset, socklen_t(MemoryLayout<linger>.size))
        return
      }
    }
  }

  /// The next bytes from `fd`, or nil at end of stream, error or timeout.
  private func receive(_ fd: Int32) -> [UInt8]? {
    var chunk = [UInt8](repeating: 0, count: 16_384)
    let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
    guard count > 0 else { return nil }
    return Array(chunk[..<count])
  }

  private func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let sent = bytes[offset...].withUnsafeBytes {
        send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
      }
      guard sent > 0 else { return false }
      offset += sent
    }
    return true
  }

  /// A complete response with Content-Length; for HEAD the body is left out.
  static func response(
    status: Int = 200, reason: String = "OK", headers: [(String, String)] = [],
    body: [UInt8] = [], for request: Request? = nil
  ) -> [UInt8] {
    var head = "HTTP/1.1 \(status) \(reason)\r\n"
    for (name, value) in headers { head += "\(name): \(value)\r\n" }
    head += "Content-Length: \(body.count)\r\n\r\n"
    return Array(head.utf8) + (request?.method == "HEAD" ? [] : body)
  }

  static func response(
    status: Int = 200, reason: String = "OK", headers: [(String, String)] = [],
    text: String, for request: Request? = nil
  ) -> [UInt8] {
    response(status: status, reason: reason, headers: headers, body: Array(text.utf8), for: request)
  }
}
