import NIOCore
import NIOHTTP1
import NIOPosix

/// Writing each kind of ``FixtureResponse`` to the channel. Runs on the channel's event loop;
/// every step checks `isOpen`, so a client that disconnects mid-response is harmless.
extension FixtureHTTPHandler {
  func send(_ response: FixtureResponse, for exchange: Exchange, context: ChannelHandlerContext) {
    guard isOpen else { return }
    switch response {
    case .ok(let body, let contentType, let headers):
      sendFixed(
        status: 200, body: body, headers: [("Content-Type", contentType)] + headers,
        exchange: exchange, context: context)
    case .status(let code, let body, let headers):
      var all = headers
      if !body.isEmpty, !headers.contains(where: { $0.0.lowercased() == "content-type" }) {
        all.insert(("Content-Type", "text/html; charset=utf-8"), at: 0)
      }
      sendFixed(status: code, body: body, headers: all, exchange: exchange, context: context)
    case .gzip(let body, let contentType):
      sendFixed(
        status: 200, body: FixtureGzip.compress(body),
        headers: [("Content-Type", contentType), ("Content-Encoding", "gzip")],
        exchange: exchange, context: context)
    case .rawEncoded(let body, let contentEncoding, let contentType):
      sendFixed(
        status: 200, body: body,
        headers: [("Content-Type", contentType), ("Content-Encoding", contentEncoding)],
        exchange: exchange, context: context)
    case .slow(let body, let contentType, let chunkSize, let interval):
      var exchange = exchange
      writeHead(
        status: 200, headers: [("Content-Type", contentType)], contentLength: body.count,
        exchange: &exchange, context: context)
      if exchange.isHead {
        finish(exchange, context: context)
      } else {
        trickle(
          body, from: 0, chunkSize: max(1, chunkSize), interval: interval, exchange: exchange,
          context: context)
      }
    case .stall(let afterHeaders):
      if afterHeaders {
        var exchange = exchange
        writeHead(
          status: 200, headers: [("Content-Type", "text/html; charset=utf-8")],
          contentLength: 1_000_000, exchange: &exchange, context: context)
      }
    // Then nothing: the client times out, or stop() closes the connection.
    case .reset:
      reset(context: context)
    case .chunkedForever(let chunk):
      var exchange = exchange
      exchange.keepAlive = exchange.keepAlive && exchange.version.minor >= 1
      writeHead(
        status: 200, headers: [("Content-Type", "text/html; charset=utf-8")], contentLength: nil,
        exchange: &exchange, context: context)
      if exchange.isHead {
        finish(exchange, context: context)
      } else {
        let buffer = context.channel.allocator.buffer(
          bytes: chunk.isEmpty ? Array("x".utf8) : chunk)
        pump(buffer, context: context)
      }
    case .delayed(let seconds, let inner):
      timer = context.eventLoop.assumeIsolated().scheduleTask(in: .seconds(seconds)) {
        self.timer = nil
        self.send(inner, for: exchange, context: context)
      }
    }
  }

  private func sendFixed(
    status: Int, body: [UInt8], headers: [(String, String)], exchange: Exchange,
    context: ChannelHandlerContext
  ) {
    var exchange = exchange
    writeHead(
      status: status, headers: headers, contentLength: body.count, exchange: &exchange,
      context: context)
    if !exchange.isHead, !body.isEmpty {
      let buffer = context.channel.allocator.buffer(bytes: body)
      context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
    }
    finish(exchange, context: context)
  }

  /// Writes and flushes the response head; settles keep-alive from the request and the headers.
  private func writeHead(
    status: Int, headers: [(String, String)], contentLength: Int?, exchange: inout Exchange,
    context: ChannelHandlerContext
  ) {
    var fields = HTTPHeaders()
    for (name, value) in headers {
      if ["content-type", "content-encoding"].contains(name.lowercased()) {
        fields.replaceOrAdd(name: name, value: value)
      } else {
        fields.add(name: name, value: value)
      }
    }
    if let contentLength {
      fields.replaceOrAdd(name: "Content-Length", value: String(contentLength))
    } else {
      fields.remove(name: "Content-Length")
    }
    if fields[canonicalForm: "connection"].contains(where: { $0.lowercased() == "close" }) {
      exchange.keepAlive = false
    }
    if !exchange.keepAlive {
      fields.replaceOrAdd(name: "Connection", value: "close")
    } else if exchange.version.minor == 0 {
      fields.replaceOrAdd(name: "Connection", value: "keep-alive")
    }
    let head = HTTPResponseHead(
      version: exchange.version, status: HTTPResponseStatus(statusCode: status), headers: fields)
    context.writeAndFlush(wrapOutboundOut(.head(head)), promise: nil)
  }

  /// Ends the response; closes the connection afterwards unless it is kept alive.
  private func finish(_ exchange: Exchange, context: ChannelHandlerContext) {
    let future = context.writeAndFlush(wrapOutboundOut(.end(nil)))
    if !exchange.keepAlive {
      future.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }
  }

  private func trickle(
    _ body: [UInt8], from offset: Int, chunkSize: Int, interval: Double, exchange: Exchange,
    context: ChannelHandlerContext
  ) {
    guard isOpen else { return }
    let end = min(offset + chunkSize, body.count)
    if offset < end {
      let buffer = context.channel.allocator.buffer(bytes: body[offset..<end])
      context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
    }
    guard end < body.count else {
      finish(exchange, context: context)
      return
    }
    timer = context.eventLoop.assumeIsolated().scheduleTask(in: .seconds(interval)) {
      self.timer = nil
      self.trickle(
        body, from: end, chunkSize: chunkSize, interval: interval, exchange: exchange,
        context: context)
    }
  }

  /// Writes `chunk` again each time the previous write has reached the socket, so the body
  /// flows exactly as fast as the client reads, until the client closes.
  private func pump(_ chunk: ByteBuffer, context: ChannelHandlerContext) {
    guard isOpen else { return }
    context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(chunk)))).assumeIsolated()
      .whenComplete { result in
        switch result {
        case .success:
          // Through execute, not directly: a write that completes at once must not recurse.
          context.eventLoop.assumeIsolated().execute { self.pump(chunk, context: context) }
        case .failure:
          context.close(promise: nil)
        }
      }
  }

  /// Closes with a TCP RST: SO_LINGER on with a zero timeout, then close.
  private func reset(context: ChannelHandlerContext) {
    guard let socket = context.channel as? any SocketOptionProvider else {
      context.close(promise: nil)
      return
    }
    socket.setSoLinger(linger(l_onoff: 1, l_linger: 0)).assumeIsolated().whenComplete { _ in
      context.close(promise: nil)
    }
  }
}

extension TimeAmount {
  fileprivate static func seconds(_ seconds: Double) -> TimeAmount {
    .nanoseconds(Int64(max(0, seconds) * 1_000_000_000))
  }
}
