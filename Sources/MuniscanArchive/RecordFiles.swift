import Foundation
import MuniscanCore
import MuniscanHTTP

/// Reads a site's WARC records with `pread` through the last file it opened, kept open until
/// the next file or ``release()``: a site's hundreds of records are in one or two files, and
/// opening, seeking, reading through a `FileHandle` and closing a file per record took 6.6 % of
/// `score`'s CPU. One descriptor at most, so a resumed crawl of many sites at once needs one
/// more per site (``OpenFileLimit``), never one per file.
final class RecordFiles: Sendable {
  /// The open file, and its size when it was opened: the records read from it were written
  /// before, so one `fstat` per file caps every read instead of one per record.
  private let current = Locked<(path: String, descriptor: Int32, size: Int)?>(nil)

  deinit { release() }

  /// `length` bytes at `offset` of the file at `path`, fewer where the file ends first (so a
  /// damaged index's length never sizes more than the file holds).
  func read(_ path: String, offset: Int, length: Int) throws(WARCFileReader.RecordProblem)
    -> [UInt8]
  {
    let result = current.withLock { current -> Result<[UInt8], WARCFileReader.RecordProblem> in
      if let file = current, file.path != path {
        close(file.descriptor)
        current = nil
      }
      if current == nil {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
          return .failure(
            WARCFileReader.RecordProblem(
              FileManager.default.fileExists(atPath: path) ? "cannot open" : "missing"))
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
          let failure = Self.problem(errno)
          close(descriptor)
          return .failure(failure)
        }
        current = (path, descriptor, Int(status.st_size))
      }
      let file = current!
      return Self.read(
        file.descriptor, offset: offset, length: max(0, min(length, file.size - offset)))
    }
    return try result.get()
  }

  /// Closes the open file; a later read opens it again.
  func release() {
    current.withLock { current in
      if let file = current { close(file.descriptor) }
      current = nil
    }
  }

  /// `wanted` bytes at `offset`, fewer where the file ends first.
  private static func read(_ descriptor: Int32, offset: Int, length wanted: Int) -> Result<
    [UInt8], WARCFileReader.RecordProblem
  > {
    var failure: Int32 = 0
    let bytes = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, count in
      count = 0
      while count < wanted {
        let read = pread(
          descriptor, buffer.baseAddress! + count, wanted - count, off_t(offset + count))
        if read < 0, errno == EINTR { continue }
        if read < 0 { failure = errno }
        guard read > 0 else { return }
        count += read
      }
    }
    return failure == 0 ? .success(bytes) : .failure(problem(failure))
  }

  private static func problem(_ code: Int32) -> WARCFileReader.RecordProblem {
    WARCFileReader.RecordProblem("cannot read (\(String(cString: strerror(code))))")
  }
}
