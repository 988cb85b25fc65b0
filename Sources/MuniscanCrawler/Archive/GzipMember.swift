import CZlib

/// One gzip member at a time, as WARC files are made of: each record is compressed on its own,
/// so a reader can start at any record's offset, and a torn last record spoils only itself.
enum GzipMember {
  /// `bytes` as one complete gzip member.
  static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
    var stream = z_stream()
    guard czlib_deflate_init_gzip(&stream, level) == Z_OK else {
      fatalError("zlib could not start a gzip stream (out of memory)")
    }
    defer { deflateEnd(&stream) }
    // deflateBound covers the zlib wrapper; the gzip header and trailer need 18 bytes more.
    var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 18)
    var input = bytes
    let status = input.withUnsafeMutableBufferPointer { source in
      output.withUnsafeMutableBufferPointer { target in
        stream.next_in = source.baseAddress
        stream.avail_in = UInt32(source.count)
        stream.next_out = target.baseAddress
        stream.avail_out = UInt32(target.count)
        return deflate(&stream, Z_FINISH)
      }
    }
    precondition(status == Z_STREAM_END, "deflate with a bound-sized buffer must finish")
    output.removeSubrange(Int(stream.total_out)...)
    return output
  }

  /// What inflating the member at the start of some bytes gave.
  enum Inflated: Equatable {
    /// A whole member: its decompressed content and its compressed length.
    case member([UInt8], length: Int)
    /// The bytes end before the member does: a record torn by a killed writer.
    case torn
    /// The bytes are not gzip, or fail its checks.
    case corrupt(String)
  }

  /// Inflates the gzip member that starts at the beginning of `bytes`, stopping at its end.
  /// `limit` bounds the decompressed size, so a hostile file cannot exhaust memory.
  static func inflate(_ bytes: UnsafeRawBufferPointer, limit: Int = 1 << 30) -> Inflated {
    guard !bytes.isEmpty else { return .torn }
    var stream = z_stream()
    guard czlib_inflate_init_auto(&stream) == Z_OK else { return .corrupt("zlib could not start") }
    defer { inflateEnd(&stream) }
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    stream.next_in = UnsafeMutablePointer(
      mutating: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self))
    stream.avail_in = UInt32(min(bytes.count, Int(UInt32.max)))
    while true {
      let (status, produced) = chunk.withUnsafeMutableBufferPointer { buffer in
        stream.next_out = buffer.baseAddress
        stream.avail_out = UInt32(buffer.count)
        let status = CZlib.inflate(&stream, Z_NO_FLUSH)
        return (status, buffer.count - Int(stream.avail_out))
      }
      output.append(contentsOf: chunk[..<produced])
      guard output.count <= limit else {
        return .corrupt("a record inflates to more than \(limit) bytes")
      }
      switch status {
      case Z_STREAM_END:
        return .member(output, length: Int(stream.total_in))
      case Z_OK:
        continue
      case Z_BUF_ERROR:
        // No progress possible: the input ran out inside the member.
        return .torn
      default:
        let message = stream.msg.map { String(cString: $0) } ?? "error \(status)"
        return .corrupt("not a valid gzip member (\(message))")
      }
    }
  }
}
