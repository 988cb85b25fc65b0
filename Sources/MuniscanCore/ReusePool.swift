import Foundation

/// Things that are dear to make and used by one thread at a time (a page analyser with its
/// parser context, a compressor with its stream), shared by every task of a crawl: one is taken
/// out under a lock, used and put back, so a crawl of hundreds of sites at once makes about one
/// per processor rather than one per site or per use.
package final class ReusePool<Element, Failure: Error>: @unchecked Sendable {
  // Each element is used by one thread at a time: taken out under the lock, put back after.
  private let lock = NSLock()
  private var idle: [Element] = []
  private let maxIdle = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
  private let make: () throws(Failure) -> Element

  /// A pool that makes an element with `make` whenever none is idle.
  package init(make: @escaping () throws(Failure) -> Element) {
    self.make = make
  }

  /// What `body` makes of an idle element, or of a new one when none is idle; throws only when
  /// one is needed and cannot be made.
  package func use<Result>(_ body: (Element) -> Result) throws(Failure) -> Result {
    let element: Element
    if let taken = lock.withLock({ idle.popLast() }) {
      element = taken
    } else {
      element = try make()
    }
    defer { lock.withLock { if idle.count < maxIdle { idle.append(element) } } }
    return body(element)
  }
}
