/// Where one archived response is: one line of a site's page index (`index/<site>.jsonl`).
public struct PageIndexEntry: Sendable, Codable, Hashable {
  public var url: String
  public var status: Int
  public var contentType: String
  /// The WARC file's name (in `warc/`).
  public var warc: String
  /// Byte offset and compressed length of the response record in that file.
  public var offset: Int
  public var length: Int
  /// When the response arrived, `YYYY-MM-DDTHH:MM:SSZ`.
  public var fetchedAt: String
  /// The CRC-32 of the record's compressed bytes as they were written, so a reader that needs
  /// only the record's head can still check the whole record (nil in archives of earlier
  /// versions, whose records are checked by inflating them).
  public var crc32: UInt32?

  public init(
    url: String, status: Int, contentType: String, warc: String, offset: Int, length: Int,
    fetchedAt: String, crc32: UInt32? = nil
  ) {
    self.url = url
    self.status = status
    self.contentType = contentType
    self.warc = warc
    self.offset = offset
    self.length = length
    self.fetchedAt = fetchedAt
    self.crc32 = crc32
  }

  /// Decodes a line, refusing a place no record can have (a negative offset or length, or an
  /// end past `Int.max`), so a damaged line is skipped like any line that does not decode,
  /// instead of trapping where it is used.
  public init(from decoder: any Decoder) throws {
    let values = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      url: try values.decode(String.self, forKey: .url),
      status: try values.decode(Int.self, forKey: .status),
      contentType: try values.decode(String.self, forKey: .contentType),
      warc: try values.decode(String.self, forKey: .warc),
      offset: try values.decode(Int.self, forKey: .offset),
      length: try values.decode(Int.self, forKey: .length),
      fetchedAt: try values.decode(String.self, forKey: .fetchedAt),
      crc32: try values.decodeIfPresent(UInt32.self, forKey: .crc32))
    guard offset >= 0, length >= 0, offset <= Int.max - length else {
      throw DecodingError.dataCorruptedError(
        forKey: .offset, in: values,
        debugDescription: "no record can be at offset \(offset) with length \(length)")
    }
  }

  var end: Int { offset + length }
}
