import Foundation
import MuniscanCore
import MuniscanCrawler
import MuniscanHTTP

@testable import MuniscanArchive

/// Archives of made-up exchanges in temporary folders, for the archive tests.
enum ArchiveFixture {
  static let sites = [
    Site(name: "Näidis vald", url: "https://www.naidis.ee/"),
    Site(name: "Tamme linn", url: "https://tamme.ee/"),
  ]

  static func folder() -> String {
    NSTemporaryDirectory() + "muniscan-archive-\(UUID().uuidString)"
  }

  static func manifest() -> CrawlManifest {
    CrawlManifest(
      software: "muniscan test", startedAt: 1_795_132_800, sitesFile: "sites.csv", sites: sites,
      options: CrawlOptions(), userAgent: "muniscan-test")
  }

  /// A page as the client hands it over: decoded body, raw head as received (gzip, chunked).
  static func exchange(
    site: Int = 0, path: String, status: Int = 200, body: String, truncated: Bool = false
  )
    -> Exchange
  {
    let url = sites[site].url + path
    let host = URLComponents(string: url)!.host!
    let head =
      "HTTP/1.1 \(status) X\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n"
      + "Transfer-Encoding: chunked\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\n\r\n"
    let response = HTTPResponse(
      url: url, status: status, headers: HTTPResponseHead.headers(from: Array(head.utf8)),
      body: Array(body.utf8),
      bodyTruncated: truncated, rawResponseHead: Array(head.utf8),
      rawRequestHead: Array("GET /\(path) HTTP/1.1\r\nHost: \(host)\r\nAccept: */*\r\n\r\n".utf8),
      remoteAddress: "127.0.0.\(site + 1)")
    return Exchange(
      site: sites[site], request: HTTPRequest(url: url), response: response,
      fetchedAt: 1_795_132_800)
  }

  /// Every whole record of every WARC file of an archive, in order, and how each file ended.
  static func records(_ layout: ArchiveLayout) throws -> [(
    record: WARCRecord, placement: RecordPlacement
  )] {
    var all: [(WARCRecord, RecordPlacement)] = []
    for name in WARCFileWriter.files(in: layout.warcFolder) {
      let end = try WARCFileReader.scan(layout.warc(name)) { all.append(($0, $1)) }
      guard end == .complete else { throw ArchiveError.io(name, "ended \(end)") }
    }
    return all
  }

  /// An archive holding three exchanges of site 0 and one of site 1, the last one finished.
  static func write(maxFileBytes: Int = CrawlArchive.defaultMaxFileBytes) async throws
    -> ArchiveLayout
  {
    let (layout, archive) = try begin(maxFileBytes: maxFileBytes)
    try await archive.record(
      ArchiveFixture.exchange(path: "", body: "<a href=/uudised>Uudised</a>"))
    try await archive.record(
      ArchiveFixture.exchange(path: "uudised", body: String(repeating: "Uudis. ", count: 500)))
    try await archive.record(ArchiveFixture.exchange(site: 1, path: "", status: 503, body: "busy"))
    try await archive.record(
      ArchiveFixture.exchange(path: "suur", body: "cut here", truncated: true))
    try await archive.finish(
      SiteCrawl(site: ArchiveFixture.sites[1], outcome: .unreachable(reason: "503")))
    await archive.close()
    return layout
  }

  /// A new archive folder with its manifest, and the recorder writing into it.
  static func begin(
    maxFileBytes: Int = CrawlArchive.defaultMaxFileBytes, factsFingerprint: UInt64? = nil
  ) throws -> (ArchiveLayout, CrawlArchive) {
    let layout = ArchiveLayout(directory: ArchiveFixture.folder())
    try FileManager.default.createDirectory(
      atPath: layout.directory, withIntermediateDirectories: true)
    let manifest = ArchiveFixture.manifest()
    try manifest.save(layout)
    let archive = try CrawlArchive(
      layout: layout, manifest: manifest, operatorName: "Test Operator <t@example.ee>",
      maxFileBytes: maxFileBytes, factsFingerprint: factsFingerprint)
    return (layout, archive)
  }

  static func remove(_ layout: ArchiveLayout) {
    try? FileManager.default.removeItem(atPath: layout.directory)
  }
}
