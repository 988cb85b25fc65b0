import CDeflate
import CZlib

/// gzip through ISA-L, libdeflate and the system zlib, in the two shapes muniscan meets it: WARC
/// files, where every record is a gzip member of its own (so a reader can start at any record,
/// and a torn last record spoils only itself), and gzip files served as they are
/// (`sitemap.xml.gz`), read whole with a cap so a gzip bomb costs no more than the cap. ISA-L
/// makes the members; one zlib inflate loop serves both shapes; libdeflate inflates a record
/// known to be one whole member, and sums CRC-32s.
public enum Gzip {
  /// Whether `bytes` start with the gzip magic number.
  public static func isGzip(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
  }

  /// The CRC-32 of `bytes` (as gzip trailers carry it): a check that stored bytes came back as
  /// they were written.
  public static func crc32(_ bytes: [UInt8]) -> UInt32 {
    bytes.withUnsafeBytes { crc32($0) }
  }

  /// The CRC-32 of the bytes `bytes` points at.
  public static func crc32(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
    libdeflate_crc32(0, bytes.baseAddress, bytes.count)
  }

  /// `bytes` as one complete gzip member, by a compressor made for it alone (a writer of many
  /// members keeps a ``GzipCompressor``).
  public static func compressMember(_ bytes: [UInt8], level: Int32 = 1) -> [UInt8] {
    GzipCompressor(level: level).member(bytes)
  }

  /// What inflating the member at the start of some bytes gave.
  public enum Member: Equatable, Sendable {
    /// A whole member: its decompressed content and its compressed length.
    case member([UInt8], length: Int)
    /// The bytes end before the member does: a record torn by a killed writer.
    case torn
    /// The bytes are not gzip, or fail its checks.
    case corrupt(String)
  }

  /// Inflates the gzip member that starts at the beginning of `bytes`, stopping at its end.
  /// `limit` bounds the decompressed size, so a hostile file cannot exhaust memory.
  public static func inflateMember(_ bytes: UnsafeRawBufferPointer, limit: Int = 1 << 30) -> Member
  {
    guard !bytes.isEmpty else { return .torn }
    let result = inflate(bytes, limit: limit, allMembers: false)
    switch result.end {
    case .complete, .enough: return .member(result.output, length: result.consumed)
    case .limit: return .corrupt("a record inflates to more than \(limit) bytes")
    case .inputEnded: return .torn
    case .invalid(let message): return .corrupt("not a valid gzip member (\(message))")
    }
  }

  /// Inflates `bytes`, which are meant to be exactly one gzip member (a WARC record whose place
  /// and length an index names), as ``inflateMember(_:limit:)`` does. A whole member is
  /// inflated by libdeflate in one call into a buffer of the size its trailer gives, about
  /// twice as fast as zlib's loop; anything else is left to that loop, which says what is wrong
  /// with it in the same words as ever.
  public static func inflateWholeMember(_ bytes: UnsafeRawBufferPointer, limit: Int = 1 << 30)
    -> Member
  {
    if bytes.count >= 18, let base = bytes.baseAddress {
      let size = Int(
        UInt32(bytes[bytes.count - 4]) | UInt32(bytes[bytes.count - 3]) << 8
          | UInt32(bytes[bytes.count - 2]) << 16 | UInt32(bytes[bytes.count - 1]) << 24)
      // Deflate expands at most 1,032 times: a larger size is a lie, not worth allocating.
      if size <= limit, size <= bytes.count * 1032,
        let decompressor = libdeflate_alloc_decompressor()
      {
        defer { libdeflate_free_decompressor(decompressor) }
        var consumed = 0
        var produced = 0
        var output = [UInt8](repeating: 0, count: size)
        let result = output.withUnsafeMutableBytes { target in
          libdeflate_gzip_decompress_ex(
            decompressor, base, bytes.count, target.baseAddress, target.count, &consumed,
            &produced)
        }
        if result == LIBDEFLATE_SUCCESS, consumed == bytes.count, produced == size {
          return .member(output, length: consumed)
        }
      }
    }
    return inflateMember(bytes, limit: limit)
  }

  /// The start of the gzip member at the beginning of `bytes`: inflated a few kilobytes at a
  /// time until `enough` says the output holds what is wanted, or the member ends first; nil
  /// when the bytes go wrong before that. What lies past that point is neither inflated nor
  /// checked (the member's gzip trailer is not reached): the caller checks the member's bytes
  /// another way, as an archive does with the CRC-32 of each member it wrote.
  public static func inflatePrefix(
    _ bytes: UnsafeRawBufferPointer, limit: Int = 1 << 20, enough: ([UInt8]) -> Bool
  ) -> [UInt8]? {
    let result = inflate(bytes, limit: limit, allMembers: false, chunk: 1024, enough: enough)
    switch result.end {
    case .complete, .enough: return result.output
    case .limit, .inputEnded, .invalid: return nil
    }
  }

  /// Every member of a gzip file, decompressed: at most `maxBytes` (`truncated` when there was
  /// more), or nil when the data is not valid gzip (a damaged tail keeps what came before it).
  public static func decompress(_ bytes: [UInt8], maxBytes: Int) -> (
    bytes: [UInt8], truncated: Bool
  )? {
    let result = bytes.withUnsafeBytes { inflate($0, limit: maxBytes, allMembers: true) }
    switch result.end {
    case .complete, .enough: return (result.output, false)
    case .limit: return (result.output, true)
    case .inputEnded, .invalid: return result.output.isEmpty ? nil : (result.output, false)
    }
  }

  /// How an inflate pass ended.
  private enum End {
    /// The member (or, for a whole file, the last member) ended with the input.
    case complete
    /// Inflating went past the limit; the output holds the first `limit` bytes.
    case limit
    /// The input ran out inside a member.
    case inputEnded
    case invalid(String)
    /// The caller's `enough` held before the member ended (only ``inflatePrefix(_:limit:enough:)``
    /// gives one that can).
    case enough
  }

  /// The one inflate loop: decompresses from the start of `bytes` until the first member ends
  /// (or, with `allMembers`, until the input ends), `limit` bytes at most, `chunk` bytes at a
  /// time; it stops early once `enough` holds for the output so far.
  private static func inflate(
    _ bytes: UnsafeRawBufferPointer, limit: Int, allMembers: Bool, chunk chunkSize: Int = 64 * 1024,
    enough: ([UInt8]) -> Bool = { _ in false }
  ) -> (output: [UInt8], consumed: Int, end: End) {
    var stream = z_stream()
    guard czlib_inflate_init_auto(&stream) == Z_OK else {
      return ([], 0, .invalid("zlib could not start"))
    }
    defer { inflateEnd(&stream) }
    guard let base = bytes.baseAddress else { return ([], 0, .inputEnded) }
    stream.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: UInt8.self))
    stream.avail_in = UInt32(min(bytes.count, Int(UInt32.max)))
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: chunkSize)
    while true {
      let (status, produced) = chunk.withUnsafeMutableBufferPointer { buffer in
        stream.next_out = buffer.baseAddress
        stream.avail_out = UInt32(buffer.count)
        let status = CZlib.inflate(&stream, Z_NO_FLUSH)
        return (status, buffer.count - Int(stream.avail_out))
      }
      let room = limit - output.count
      output.append(contentsOf: chunk[..<min(produced, room)])
      let consumed = bytes.count - Int(stream.avail_in)
      if produced > room { return (output, consumed, .limit) }
      if status == Z_OK, enough(output) { return (output, consumed, .enough) }
      switch status {
      case Z_STREAM_END:
        // A whole member ended; gzip allows more members to follow in one file.
        guard allMembers, stream.avail_in > 0 else { return (output, consumed, .complete) }
        guard inflateReset(&stream) == Z_OK else { return (output, consumed, .complete) }
      case Z_OK:
        continue
      case Z_BUF_ERROR:
        // No progress possible: the input ran out inside the member.
        return (output, consumed, .inputEnded)
      default:
        let message = stream.msg.map { String(cString: $0) } ?? "error \(status)"
        return (output, consumed, .invalid(message))
      }
    }
  }
}
