import NIOCore
import NIOHTTP1
import NIOPosix

/// An HTTP/1.1 server on 127.0.0.1 for tests, benchmarks and the README's first run.
///
/// One server serves many fictional sites: clients map host names to it (curl's
/// `--resolve HOST:PORT:127.0.0.1`) and the handler dispatches on ``FixtureRequest/host``.
/// Call ``stop()`` when done; it closes every connection, stalled ones included.
public final class FixtureServer: Sendable {
  private let group: MultiThreadedEventLoopGroup
  private let listeners: [any Channel]
  private let state: ServerState

  /// The port the server listens on (the chosen one when started with port 0).
  public let port: Int

  private init(
    group: MultiThreadedEventLoopGroup, listeners: [any Channel], state: ServerState, port: Int
  ) {
    self.group = group
    self.listeners = listeners
    self.state = state
    self.port = port
  }

  /// Starts listening on 127.0.0.1:`port` (0 picks a free port); `handler` answers every
  /// request. Throws ``FixtureServerError/cannotListen(port:reason:)`` if binding fails.
  ///
  /// With several loopback `addresses` (all of 127.0.0.0/8 is loopback on Linux) the server
  /// listens on each, on the same port, so every address can be a separate host to a client
  /// that cannot map names (a benchmark of many sites).
  public static func start(
    addresses: [String] = ["127.0.0.1"], port: Int = 0,
    handler: @escaping @Sendable (FixtureRequest) async -> FixtureResponse
  ) async throws -> FixtureServer {
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let state = ServerState()
    let bootstrap = ServerBootstrap(group: group)
      .serverChannelOption(ChannelOptions.backlog, value: 256)
      .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
      .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
      .childChannelInitializer { channel in
        state.track(channel)
        return channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
          try channel.pipeline.syncOperations.addHandler(
            FixtureHTTPHandler(state: state, respond: handler))
        }
      }
    var listeners: [any Channel] = []
    var chosenPort = port
    do {
      for address in addresses {
        let listener = try await bootstrap.bind(host: address, port: chosenPort).get()
        chosenPort = listener.localAddress?.port ?? chosenPort
        listeners.append(listener)
      }
    } catch {
      for listener in listeners { try? await listener.close() }
      try? await group.shutdownGracefully()
      let reason = (error as? IOError).map { String(cString: strerror($0.errnoCode)) }
      throw FixtureServerError.cannotListen(port: chosenPort, reason: reason ?? "\(error)")
    }
    return FixtureServer(group: group, listeners: listeners, state: state, port: chosenPort)
  }

  /// Requests served so far, in order of arrival.
  public var requestLog: [FixtureRequest] {
    state.requestLog
  }

  /// Stops listening, closes all connections (stalled and streaming ones too), cancels and awaits
  /// handler calls still running, and shuts the event loop down. Calling it again does nothing.
  public func stop() async throws {
    guard let open = state.beginStop() else { return }
    for listener in listeners { try? await listener.close() }
    for connection in open.connections {
      try? await connection.close()
    }
    for task in open.tasks {
      task.cancel()
      await task.value
    }
    try await group.shutdownGracefully()
  }

  deinit {
    // A server dropped without stop(): release its thread without blocking.
    if !state.isStopped {
      group.shutdownGracefully(queue: .global()) { _ in }
    }
  }
}
