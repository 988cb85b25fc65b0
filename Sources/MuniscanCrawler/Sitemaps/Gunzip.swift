import CZlib

/// Decompresses gzip files served as they are (`sitemap.xml.gz` as `application/gzip`, with no
/// `Content-Encoding` for the HTTP client to undo), with a cap on the output so a gzip bomb
/// costs no more than the cap.
enum Gunzip {
  /// Whether `bytes` start with the gzip magic number.
  static func isGzip(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
  }

  /// The decompressed bytes, at most `maxBytes` of them (`truncated` when there were more), or
  /// nil when the data is not valid gzip (a damaged tail keeps what came before it).
  static func decompress(_ bytes: [UInt8], maxBytes: Int) -> (bytes: [UInt8], truncated: Bool)? {
    var stream = z_stream()
    guard czlib_inflate_init_auto(&stream) == Z_OK else { return nil }
    defer { inflateEnd(&stream) }
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    var status = Z_OK
    bytes.withUnsafeBufferPointer { input in
      stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
      stream.avail_in = uInt(input.count)
      while status == Z_OK, output.count < maxBytes {
        chunk.withUnsafeMutableBufferPointer { buffer in
          stream.next_out = buffer.baseAddress
          stream.avail_out = uInt(buffer.count)
          status = inflate(&stream, Z_NO_FLUSH)
          let produced = buffer.count - Int(stream.avail_out)
          output.append(contentsOf: buffer[0..<min(produced, maxBytes - output.count)])
        }
        // A whole member ended but more input follows: gzip allows concatenated members.
        if status == Z_STREAM_END, stream.avail_in > 0 {
          status = inflateReset(&stream)
        }
      }
    }
    if status != Z_OK && status != Z_STREAM_END && output.isEmpty { return nil }
    return (output, status == Z_OK && output.count >= maxBytes)
  }
}
