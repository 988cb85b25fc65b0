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

  public init(
    url: String, status: Int, contentType: String, warc: String, offset: Int, length: Int,
    fetchedAt: String
  ) {
    self.url = url
    self.status = status
    self.contentType = contentType
    self.warc = warc
    self.offset = offset
    self.length = length
    self.fetchedAt = fetchedAt
  }

  var end: Int { offset + length }
}
