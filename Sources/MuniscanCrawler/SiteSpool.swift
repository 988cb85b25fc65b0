import Foundation
import MuniscanCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Holds what a site's crawl keeps for its result, its page facts and its redirects, while the
/// site is crawled: in an unlinked temporary file (nothing is left behind, whatever happens to
/// the process), so a crawl of a thousand sites at once keeps neither in memory however many
/// pages each has; read back once, when the site is judged. What is appended waits in a buffer
/// of at most a block (plus the record that fills it) and is written a block at a time, and the
/// file is made with the first block: a site whose spool never fills one (the addresses of a
/// site of ten pages) costs no file and no write, and a thousand sites at once hold at most a
/// megabyte in their buffers. Falls back to memory when no temporary file can be made or
/// written. What it keeps of a page, and whether on disk, is the crawl's ``PageKeeping``.
final class SiteSpool {
  /// What a site's crawl gathered: its pages in the order appended, and where URLs redirect.
  struct Contents {
    var pages: [PageFacts] = []
    var redirects: [String: String] = [:]
    /// What judging read ahead in each page, by page: empty when no page was read ahead, else
    /// up to the last page that was.
    var prereads: [[UInt8]] = []

    /// Keeps what was read ahead in the last page appended.
    mutating func keep(preread: [UInt8]) {
      guard !preread.isEmpty else { return }
      prereads += Array(repeating: [], count: pages.count - 1 - prereads.count)
      prereads.append(preread)
    }
  }

  /// The byte before each record, saying what follows.
  private enum Tag: UInt8 {
    case page = 0
    case redirect = 1
    /// What judging read ahead in the page before.
    case preread = 2
  }

  /// Bytes the buffer gathers before they are written out.
  static let blockBytes = 1024

  private let keeping: PageKeeping
  /// The pages and redirects as appended, when the spool keeps them unencoded.
  private var kept: Contents?
  /// The temporary file, made when the first block is written; -1 before.
  private var file: Int32 = -1
  /// Whether blocks still go to the file (false once it could not be made or written).
  private var writing = true
  /// Encoded records not in the file.
  private var buffer: [UInt8] = []
  private var fileBytes = 0
  /// Pages appended so far.
  private(set) var count = 0

  /// A spool that keeps pages as `keeping` says: in a temporary file, or in memory.
  init(_ keeping: PageKeeping) {
    self.keeping = keeping
    if case .factsInMemory = keeping { kept = Contents() }
  }

  deinit {
    if file >= 0 { close(file) }
  }

  /// Appends a page's facts, with what judging read in them ahead (none by default).
  func append(_ facts: PageFacts, preread: [UInt8] = []) {
    count += 1
    if kept != nil {
      kept?.pages.append(facts)
      kept?.keep(preread: preread)
      return
    }
    if case .addressesOnly = keeping {
      spool(.page) {
        PageFacts(url: facts.url, depth: facts.depth, status: facts.status).encode(into: &$0)
      }
      return
    }
    spool(.page) { facts.encode(into: &$0) }
    guard !preread.isEmpty else { return }
    spool(.preread) { buffer in
      BinaryWriter.append(to: &buffer) { $0.int(preread.count) }
      buffer += preread
    }
  }

  /// Notes that `url` redirects to `target` (a later redirect of the same URL wins); a spool
  /// that keeps only addresses keeps no redirect.
  func appendRedirect(from url: String, to target: String) {
    if kept != nil {
      kept?.redirects[url] = target
      return
    }
    if case .addressesOnly = keeping { return }
    spool(.redirect) { buffer in
      BinaryWriter.append(to: &buffer) { writer in
        writer.string(url)
        writer.string(target)
      }
    }
  }

  /// Appends one record, its tag then what `encode` writes, and writes the buffer out once it
  /// holds a block.
  private func spool(_ tag: Tag, _ encode: (inout [UInt8]) -> Void) {
    buffer.append(tag.rawValue)
    encode(&buffer)
    if buffer.count >= Self.blockBytes { flush() }
  }

  /// Bytes of page facts held in memory rather than in the file.
  var bufferedBytes: Int { buffer.count }

  /// Whether the temporary file has been made.
  var hasFile: Bool { file >= 0 }

  /// Every page and redirect appended so far.
  func contents() -> Contents {
    if let kept { return kept }
    // One array of the final size: appending the buffer to an array of the file's size would
    // copy the whole file into one twice as large, megabytes for a site of a hundred pages.
    var bytes = [UInt8](repeating: 0, count: fileBytes + buffer.count)
    var read = 0
    while read < fileBytes {
      let got = bytes.withUnsafeMutableBytes {
        pread(file, $0.baseAddress! + read, fileBytes - read, off_t(read))
      }
      guard got > 0 else { break }
      read += got
    }
    bytes.replaceSubrange(read..<bytes.count, with: buffer)
    var contents = Contents()
    contents.pages.reserveCapacity(count)
    var offset = 0
    while offset < bytes.count {
      let tag = Tag(rawValue: bytes[offset])
      offset += 1
      switch tag {
      case .page:
        guard let facts = PageFacts(decoding: bytes, at: &offset) else { return contents }
        contents.pages.append(facts)
      case .preread:
        var reader = BinaryReader(bytes: bytes, offset: offset)
        guard let count = try? reader.int(), count > 0, count <= bytes.count - reader.offset,
          !contents.pages.isEmpty
        else { return contents }
        offset = reader.offset + count
        contents.keep(preread: Array(bytes[reader.offset..<offset]))
      case .redirect:
        var reader = BinaryReader(bytes: bytes, offset: offset)
        guard let url = try? reader.string(), let target = try? reader.string() else {
          return contents
        }
        offset = reader.offset
        contents.redirects[url] = target
      case nil:
        return contents
      }
    }
    return contents
  }

  /// Moves the buffer to the file, made now if this is the first block; what a failed write
  /// leaves stays in the buffer, and the spool keeps everything there from then on.
  private func flush() {
    if file < 0, writing {
      file = Self.makeFile()
      writing = file >= 0
    }
    guard writing else { return }
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
      buffer = []  // frees what a page's facts grew it to
    } else {
      buffer.removeFirst(written)
    }
  }

  /// A new temporary file, unlinked at once, or -1 when none can be made. On Linux one without
  /// a name (`O_TMPFILE`) where the file system makes them: a thousand sites making and
  /// unlinking named files at once queue on the directory's lock, 5 % of a crawl's CPU.
  private static func makeFile() -> Int32 {
    #if os(Linux)
      let unnamed = open(NSTemporaryDirectory(), __O_TMPFILE | O_DIRECTORY | O_RDWR, 0o600)
      if unnamed >= 0 { return unnamed }
    #endif
    let template = (NSTemporaryDirectory() as NSString).appendingPathComponent(
      "muniscan-pages-XXXXXX")
    var path = Array(template.utf8CString)
    let descriptor = path.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { return -1 }
    path.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    return descriptor
  }
}
