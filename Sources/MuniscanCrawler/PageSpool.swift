import Foundation
import MuniscanCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Holds a site's page facts while the site is crawled: in an unlinked temporary file (nothing
/// is left behind, whatever happens to the process), so a crawl of hundreds of sites at once
/// keeps no pages in memory; read back once, when the site is judged. Each page is written as
/// it is appended: a site crawled slowly among a thousand others holds no buffer of its own.
/// Falls back to memory when no temporary file can be made or written.
final class PageSpool {
  private var file: Int32 = -1
  /// Whether pages still go to the file (false once a write failed, e.g. a full disk).
  private var writing = false
  /// Encoded facts not in the file: empty while the file takes every page.
  private var buffer: [UInt8] = []
  private var fileBytes = 0
  private(set) var count = 0

  init() {
    let template = (NSTemporaryDirectory() as NSString).appendingPathComponent(
      "muniscan-pages-XXXXXX")
    var path = Array(template.utf8CString)
    let descriptor = path.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { return }
    path.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    file = descriptor
    writing = true
  }

  deinit {
    if file >= 0 { close(file) }
  }

  func append(_ facts: PageFacts) {
    count += 1
    facts.encode(into: &buffer)
    if writing { flush() }
  }

  /// Bytes of page facts held in memory rather than in the file.
  var bufferedBytes: Int { buffer.count }

  /// Every page appended so far, in order.
  func pages() -> [PageFacts] {
    var bytes = [UInt8](repeating: 0, count: fileBytes)
    var read = 0
    while read < fileBytes {
      let got = bytes.withUnsafeMutableBytes {
        pread(file, $0.baseAddress! + read, $0.count - read, off_t(read))
      }
      guard got > 0 else { break }
      read += got
    }
    bytes.removeLast(fileBytes - read)
    bytes += buffer
    var pages: [PageFacts] = []
    pages.reserveCapacity(count)
    var offset = 0
    while offset < bytes.count, let facts = PageFacts(decoding: bytes, at: &offset) {
      pages.append(facts)
    }
    return pages
  }

  /// Moves the buffer to the file; what a failed write leaves stays in the buffer, and the
  /// spool keeps it there from then on.
  private func flush() {
    var written = 0
    while written < buffer.count {
      let result = buffer.withUnsafeBytes {
        write(file, $0.baseAddress! + written, $0.count - written)
      }
      guard result > 0 else {
        writing = false
        break
      }
      written += result
    }
    fileBytes += written
    if written == buffer.count {
      buffer = []
    } else {
      buffer.removeFirst(written)
    }
  }
}
