import Foundation
import MuniscanCore
import MuniscanCrawler
import MuniscanHTTP

/// The WARC records of one exchange, `request` then `response`, linked both ways by
/// `WARC-Concurrent-To` and marked with the site they belong to (`Muniscan-Site`), so an
/// archive can be split back into sites without its index.
enum ExchangeRecords {
  /// The field naming the site (its URL in the sites file) an exchange was made for.
  static let siteField = "Muniscan-Site"

  static func records(for exchange: Exchange) -> [WARCRecord] {
    let response = exchange.response
    let date = UTCTime.iso(exchange.fetchedAt)
    let requestID = WARCRecordID.make()
    let responseID = WARCRecordID.make()
    var address: [(name: String, value: String)] = []
    if let ip = response.remoteAddress { address.append(("WARC-IP-Address", ip)) }

    let requestBlock = requestHead(exchange.request, sent: response.rawRequestHead)
    let request = WARCRecord(
      fields: [
        ("WARC-Type", "request"), ("WARC-Record-ID", requestID), ("WARC-Date", date),
        ("WARC-Target-URI", exchange.request.url), ("WARC-Concurrent-To", responseID),
      ] + address + [
        ("WARC-Block-Digest", WARCDigest.sha1(requestBlock)),
        ("Content-Type", "application/http; msgtype=request"),
        (siteField, exchange.site.url),
      ],
      block: requestBlock)

    let head = StoredHTTPHead.head(for: response, bodyLength: response.body.count)
    var fields: [(name: String, value: String)] = [
      ("WARC-Type", "response"), ("WARC-Record-ID", responseID), ("WARC-Date", date),
      ("WARC-Target-URI", exchange.request.url), ("WARC-Concurrent-To", requestID),
    ]
    fields += address
    fields += [
      ("WARC-Block-Digest", WARCDigest.sha1(head, response.body)),
      ("WARC-Payload-Digest", WARCDigest.sha1(response.body)),
      ("Content-Type", "application/http; msgtype=response"),
    ]
    if response.bodyTruncated { fields.append(("WARC-Truncated", "length")) }
    fields.append((siteField, exchange.site.url))
    return [request, WARCRecord(fields: fields, blockParts: [head, response.body])]
  }

  /// The response a response record holds, as the client handed it to the crawler; nil when
  /// the record is not an HTTP response. Of a record whose block was read only through its HTTP
  /// head (`blockLength` then the whole block's length, whose start the record holds), the
  /// response comes without its body (``HTTPResponse/omittedBodyLength``).
  static func response(from record: WARCRecord, blockLength: Int? = nil) -> HTTPResponse? {
    guard record.type == "response", let url = record.field("WARC-Target-URI"),
      let headEnd = RecordHead.end(of: record.block)
    else { return nil }
    let head = Array(record.block[..<headEnd])
    guard let status = StoredHTTPHead.status(head) else { return nil }
    return HTTPResponse(
      url: url, status: status,
      headers: StoredHTTPHead.originalHeaders(HTTPResponseHead.headers(from: head)),
      body: blockLength == nil ? Array(record.block[headEnd...]) : [],
      omittedBodyLength: blockLength.map { $0 - headEnd } ?? 0,
      bodyTruncated: record.field("WARC-Truncated") != nil,
      rawResponseHead: head, remoteAddress: record.field("WARC-IP-Address"))
  }

  /// The request head as sent, or a minimal one when the client reported none.
  private static func requestHead(_ request: HTTPRequest, sent: [UInt8]) -> [UInt8] {
    guard sent.isEmpty else { return sent }
    let parts = URLComponents(string: request.url)
    let path = (parts?.percentEncodedPath).flatMap { $0.isEmpty ? nil : $0 } ?? "/"
    let port = parts?.port.map { ":\($0)" } ?? ""
    let target = path + (parts?.percentEncodedQuery.map { "?" + $0 } ?? "")
    var head =
      "\(request.method.rawValue) \(target) HTTP/1.1\r\nHost: \(parts?.host ?? "")\(port)\r\n"
    for header in request.headers { head += "\(header.name): \(header.value)\r\n" }
    return Array((head + "\r\n").utf8)
  }
}
