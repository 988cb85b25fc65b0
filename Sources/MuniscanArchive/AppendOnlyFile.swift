import Foundation

/// Appends to files the way a crash can only tear the last write: each append is one `write()`
/// (repeated only if the kernel takes part of it), and a failed append is cut off again.
enum AppendOnlyFile {
  /// Opens `path` for appending, creating it when missing.
  static func open(_ path: String) throws -> Int32 {
    let descriptor = Foundation.open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw ArchiveError.io(path, "cannot open (\(errnoText()))") }
    return descriptor
  }

  /// Writes all of `bytes` at the end of the open file `descriptor` (now `size` bytes long);
  /// on failure the file is cut back to `size`.
  static func append(_ bytes: [UInt8], to descriptor: Int32, size: Int, path: String) throws {
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { buffer in
        write(descriptor, buffer.baseAddress! + written, buffer.count - written)
      }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else {
        let reason = errnoText()
        _ = ftruncate(descriptor, off_t(size))
        throw ArchiveError.io(path, "cannot write (\(reason))")
      }
      written += count
    }
  }

  /// Appends `bytes` to the file at `path` in one write.
  static func append(_ bytes: [UInt8], toFileAt path: String) throws {
    let descriptor = try open(path)
    defer { close(descriptor) }
    let size = Int(lseek(descriptor, 0, SEEK_END))
    try append(bytes, to: descriptor, size: max(0, size), path: path)
  }

  /// Cuts the file at `path` to `length` bytes.
  static func truncate(_ path: String, to length: Int) throws {
    guard Foundation.truncate(path, off_t(length)) == 0 else {
      throw ArchiveError.io(path, "cannot truncate (\(errnoText()))")
    }
  }

  static func size(_ path: String) -> Int? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Int(info.st_size)
  }

  private static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// A file held open for appending many times in a row (a WARC file, a site's page index and
/// facts while the site is crawled), each append one write as ``AppendOnlyFile`` makes it.
/// Opening the page index and facts file for every exchange was a third of a crawl's system
/// calls.
final class AppendingFile {
  let path: String
  private let descriptor: Int32
  /// Bytes in the file: where the next append goes.
  private(set) var size: Int

  /// Opens `path` for appending, creating it when missing.
  init(_ path: String) throws {
    self.path = path
    descriptor = try AppendOnlyFile.open(path)
    size = max(0, Int(lseek(descriptor, 0, SEEK_END)))
  }

  deinit { close(descriptor) }

  /// Appends `bytes` in one write; on failure the file is cut back to where it ended.
  func append(_ bytes: [UInt8]) throws {
    try AppendOnlyFile.append(bytes, to: descriptor, size: size, path: path)
    size += bytes.count
  }

  /// Flushes the file to disk.
  func sync() { fsync(descriptor) }
}
