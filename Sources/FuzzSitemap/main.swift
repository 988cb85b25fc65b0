import CLibFuzzer
import Foundation
import MuniscanCrawler

/// libFuzzer entry point: a sitemap body as the crawler receives it, XML, text or gzip.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSitemap(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  _ = SitemapBody.read(Array(UnsafeBufferPointer(start: data, count: size)))
  return 0
}

// This file's top-level code is the program's main(): start libFuzzer's driver.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzSitemap))
