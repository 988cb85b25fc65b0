import NIOCore
import NIOHTTP1

/// One connection's HTTP handler: collects each request, records it, asks the async handler for
/// a ``FixtureResponse`` in a task, and writes the answer back on the event loop.
///
/// NIO's pipelining helper hands it one request at a time, so at most one response is in
/// progress per connection; `timer` is that response's pending delay or trickle step.
final class FixtureHTTPHandler: ChannelInboundHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = HTTPServerResponsePart

  private let state: ServerState
  private let respond: @Sendable (FixtureRequest) async -> FixtureResponse
  private var head: HTTPRequestHead?
  private var headReceivedAt = 0.0
  /// False once the connection has closed: pending work then stops quietly.
  var isOpen = true
  var timer: Scheduled<Void>?

  init(state: ServerState, respond: @escaping @Sendable (FixtureRequest) async -> FixtureResponse) {
    self.state = state
    self.respond = respond
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head(let head):
      self.head = head
      headReceivedAt = FixtureRequest.monotonicNow
    case .body:
      break  // request bodies are read and dropped
    case .end:
      guard let head else { return }
      self.head = nil
      let request = FixtureRequest(head: head, receivedAt: headReceivedAt)
      state.record(request)
      let exchange = Exchange(
        isHead: head.method == .HEAD, keepAlive: head.isKeepAlive, version: head.version)
      let promise = context.eventLoop.makePromise(of: FixtureResponse.self)
      promise.futureResult.assumeIsolated().whenSuccess { response in
        self.send(response, for: exchange, context: context)
      }
      let respond = self.respond
      let started = state.spawn {
        promise.succeed(await respond(request))
      }
      if !started {
        promise.fail(ChannelError.ioOnClosedChannel)
        context.close(promise: nil)
      }
    }
  }

  func channelInactive(context: ChannelHandlerContext) {
    isOpen = false
    timer?.cancel()
    timer = nil
    context.fireChannelInactive()
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    // A client that vanishes mid-response is normal here: just close.
    context.close(promise: nil)
  }
}

/// What a response needs to know about the request it answers.
struct Exchange {
  var isHead: Bool
  var keepAlive: Bool
  var version: HTTPVersion
}
