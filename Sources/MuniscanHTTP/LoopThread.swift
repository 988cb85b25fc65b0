#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a `LoopThread` runs; the body belongs to the thread alone once it is started.
protocol LoopThreadBody: AnyObject {
  func run()
}

/// A joinable POSIX thread for the event loop (Foundation's `Thread` cannot be joined).
struct LoopThread: @unchecked Sendable {
  private let thread: pthread_t

  /// Starts a thread that runs `body.run()`; the thread keeps `body` alive until it returns.
  static func start(_ body: any LoopThreadBody) throws(HTTPClientError) -> LoopThread {
    let box = Unmanaged.passRetained(BodyBox(body)).toOpaque()
    #if canImport(Darwin)
      var thread: pthread_t?
      let rc = pthread_create(&thread, nil, loopThreadMain, box)
    #else
      var thread = pthread_t()
      let rc = pthread_create(&thread, nil, loopThreadMain, box)
    #endif
    guard rc == 0 else {
      Unmanaged<BodyBox>.fromOpaque(box).release()
      throw .transfer(url: "", code: -1, message: "could not start the HTTP loop thread (\(rc))")
    }
    #if canImport(Darwin)
      return LoopThread(thread: thread!)
    #else
      return LoopThread(thread: thread)
    #endif
  }

  /// Waits for the thread to end; from the thread itself it only detaches it.
  func join() {
    if pthread_equal(pthread_self(), thread) != 0 {
      pthread_detach(thread)
    } else {
      pthread_join(thread, nil)
    }
  }
}

private final class BodyBox {
  let body: any LoopThreadBody
  init(_ body: any LoopThreadBody) { self.body = body }
}

#if canImport(Darwin)
  private func loopThreadMain(_ argument: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? {
    runLoopThread(argument)
    return nil
  }
#else
  private func loopThreadMain(_ argument: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    guard let argument else { return nil }
    runLoopThread(argument)
    return nil
  }
#endif

private func runLoopThread(_ argument: UnsafeMutableRawPointer) {
  let box = Unmanaged<BodyBox>.fromOpaque(argument).takeRetainedValue()
  #if canImport(Darwin)
    pthread_setname_np("muniscan-http")
  #endif
  box.body.run()
}
