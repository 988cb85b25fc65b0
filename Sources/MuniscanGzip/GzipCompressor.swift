import CISAL

/// Makes gzip members with ISA-L's deflate (Intel's storage acceleration library), whose level
/// buffer is made once and used for every member: a crawl writes two members (request and
/// response record) per exchange, and compressing them is the largest single cost of archiving.
/// On dense municipal pages ISA-L's level 1 takes 36 µs per 26 KB where libdeflate's level 1
/// took 69 µs (and zlib's level 3 about 260 µs), for members about 2 % larger than
/// libdeflate's. Content under ``smallContentBytes`` (the request record of every exchange, the
/// response record of every redirect) is compressed at level 0 with deflate's fixed codes: a
/// request record of 623 bytes takes 1.2 µs and 495 bytes that way, against 7.9 µs and 430 bytes
/// at level 1, most of which goes to building Huffman codes for so few bytes. The stream state
/// (82 KB, most of it ISA-L's history buffer) is made once too: made for each member, its
/// zero-filling was 0.6 % of a thousand-site crawl's CPU. Not safe to use from two threads at
/// once: the archive takes one from a pool for each exchange it compresses.
public final class GzipCompressor {
  /// Content shorter than this is compressed at level 0 with deflate's fixed codes.
  public static let smallContentBytes = 1024

  private let level: UInt32
  private let buffer: UnsafeMutableRawBufferPointer
  /// The stream every member is made with, set up anew for each by
  /// `isal_deflate_stateless_init`, which resets what a member needs without clearing the rest.
  private let stream: UnsafeMutablePointer<isal_zstream>

  /// A compressor at ISA-L's `level` (0–3; 0 is fastest, 1 the usual choice).
  public init(level: Int32 = 1) {
    precondition((0...3).contains(level), "ISA-L compresses at levels 0 to 3, not \(level)")
    self.level = UInt32(level)
    buffer = .allocate(
      byteCount: Int(muniscan_isal_level_buffer_size(level)),
      alignment: MemoryLayout<UInt64>.alignment)
    stream = .allocate(capacity: 1)
    stream.initialize(to: isal_zstream())
  }

  deinit {
    buffer.deallocate()
    stream.deallocate()
  }

  /// `bytes` as one complete gzip member.
  public func member(_ bytes: [UInt8]) -> [UInt8] {
    // Deflate grows incompressible input by a few bytes per 64 KB block; a larger buffer is
    // tried only if that is not enough.
    var capacity = bytes.count + bytes.count / 64 + 1024
    while true {
      if let member = member(bytes, capacity: capacity) { return member }
      capacity *= 2
    }
  }

  /// The member, or nil when it does not fit in `capacity` bytes.
  private func member(_ bytes: [UInt8], capacity: Int) -> [UInt8]? {
    var fitted = true
    let member = [UInt8](unsafeUninitializedCapacity: capacity) { output, count in
      bytes.withUnsafeBufferPointer { input in
        isal_deflate_stateless_init(stream)
        if input.count < Self.smallContentBytes {
          stream.pointee.level = 0
          isal_deflate_set_hufftables(stream, nil, Int32(IGZIP_HUFFTABLE_STATIC))
        } else {
          stream.pointee.level = level
          stream.pointee.level_buf = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self)
          stream.pointee.level_buf_size = UInt32(buffer.count)
        }
        stream.pointee.gzip_flag = UInt16(IGZIP_GZIP)
        stream.pointee.end_of_stream = 1
        stream.pointee.flush = UInt16(NO_FLUSH)
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.pointee.avail_in = UInt32(input.count)
        stream.pointee.next_out = output.baseAddress
        stream.pointee.avail_out = UInt32(output.count)
        let result = isal_deflate_stateless(stream)
        precondition(
          result == COMP_OK || result == STATELESS_OVERFLOW,
          "ISA-L's deflate failed (\(result)) at level \(stream.pointee.level)")
        fitted = result == COMP_OK
        count = fitted ? Int(stream.pointee.total_out) : 0
      }
    }
    return fitted ? member : nil
  }
}
