import Foundation

/// The CPU time of the calling thread, in seconds: how long synchronous work on it worked, which
/// the rest of a parallel test run cannot stretch as it stretches the wall clock.
public func threadCPUSeconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
