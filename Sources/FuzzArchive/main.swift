import CLibFuzzer
import Foundation
import MuniscanArchive
import MuniscanCore
import MuniscanCrawler
import MuniscanGzip

/// The one site of the fuzzed archive, and its options, as `crawl.json` records them.
let site = Site(name: "Näidisvald", url: "https://www.naidisvald.ee/")
let options = CrawlOptions()

/// An archive folder of this process with a fixed `crawl.json`; each input replaces the site's
/// index (`indexPath`) and the one WARC file.
let layout: ArchiveLayout = {
  let layout = ArchiveLayout(
    directory: NSTemporaryDirectory() + "muniscan-fuzz-archive-\(getpid())")
  let manifest = CrawlManifest(
    software: "muniscan fuzz", startedAt: 1_795_000_000, sitesFile: "sites.csv", sites: [site],
    options: options, userAgent: "muniscan")
  for folder in [layout.warcFolder, layout.indexFolder] {
    try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }
  try! JSONEncoder().encode(manifest).write(to: URL(fileURLWithPath: layout.manifest))
  return layout
}()
let indexPath = layout.index(URLNormalizer.siteKey(site.url)!)
let warcPath = layout.warc("muniscan-20261120000000-00000.warc.gz")

/// libFuzzer entry point: a site's index (JSON lines) up to the first NUL byte, then WARC
/// records separated by NUL bytes, each written as its own gzip member unless it is gzip
/// already (so damaged members are tried too). The archive is then opened as a resumed crawl
/// opens it (repairing what is torn) and read as `score` reads it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArchive(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let parts = UnsafeBufferPointer(start: data, count: size).split(
    separator: 0, omittingEmptySubsequences: false)
  var warc: [UInt8] = []
  for record in parts.dropFirst() {
    warc += record.starts(with: [0x1F, 0x8B]) ? Array(record) : Gzip.compressMember(Array(record))
  }
  try! Data(parts[0]).write(to: URL(fileURLWithPath: indexPath))
  try! Data(warc).write(to: URL(fileURLWithPath: warcPath))
  _ = try? ArchivedCrawl.open(
    directory: layout.directory, sitesFile: "sites.csv", sites: [site], options: options,
    userAgent: "muniscan", software: "muniscan fuzz")
  if let reader = try? ArchiveReader(directory: layout.directory) {
    _ = reader.replay(for: site, finished: reader.finished().first { $0.url == site.url })
  }
  return 0
}

// This file's top-level code is the program's main(): start libFuzzer's driver.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzArchive))
