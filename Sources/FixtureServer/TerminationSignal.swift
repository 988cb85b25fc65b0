import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Waits until the process gets SIGINT or SIGTERM. Their default actions are switched off and
/// the signals are read through dispatch sources instead.
public func waitForTerminationSignal() async {
  let (signals, continuation) = AsyncStream.makeStream(of: Int32.self)
  let sources = [SIGINT, SIGTERM].map { number in
    signal(number, SIG_IGN)
    let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
    source.setEventHandler { @Sendable in continuation.yield(number) }
    source.resume()
    return source
  }
  for await _ in signals { break }
  sources.forEach { $0.cancel() }
}
