import CLibFuzzer
import Foundation
import MuniscanCore
import MuniscanHTML
import MuniscanRules

/// The `Content-Type` the first input byte picks, so charset sniffing meets no header, declared
/// charsets (single-byte, multi-byte, UTF-16) and labels nobody knows.
let contentTypes: [String?] = [
  nil, "text/html", "text/html; charset=utf-8", "text/html; charset=windows-1257",
  "text/html; charset=ISO-8859-15", "text/html; charset=\"koi8-r\"", "text/html; charset=shift_jis",
  "text/html; charset=utf-16le", "application/xhtml+xml", "text/html; charset=x-unknown",
]

/// Analysers live across inputs, as a crawler worker's does across pages; the one with queries
/// also builds a tree and runs XPath on it, so it reads the script, style and SVG content the other
/// skips: both must give the same facts.
nonisolated(unsafe) let saxOnly = try! PageAnalyzer()
nonisolated(unsafe) let withQueries = try! PageAnalyzer(queries: [
  .css("table.dokumendid a[href$='.pdf']"), .xpath("//meta[@name='description']/@content"),
])

/// The default rules (`scripts/fuzz` runs from the repository's root), which judge each input's
/// facts as a one-page site: whatever text a hostile page gives meets the phrase matcher, the
/// regular expressions, the negation check and the snippets. Loaded once, outside the leak scan.
let evaluator: Evaluator = {
  __lsan_disable()
  defer { __lsan_enable() }
  return Evaluator(
    ruleSet: try! RuleSetLoader.load(
      directory: FileManager.default.currentDirectoryPath + "/rules/ee",
      locales: LocaleLibrary(folders: [FileManager.default.currentDirectoryPath + "/locales"])))
}()
let auditDay = Day(iso: "2026-11-20")!

/// libFuzzer entry point: one page's body, after a byte choosing its `Content-Type`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPage(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data, size > 0 else { return 0 }
  let choice = Int(data[0])
  let headers = contentTypes[choice % contentTypes.count].map { ["content-type": $0] } ?? [:]
  let input = PageInput(
    url: "https://www.naidisvald.ee/vald/volikogu/", depth: 1, status: 200, headers: headers,
    body: Array(UnsafeBufferPointer(start: data + 1, count: size - 1)))
  let facts = saxOnly.analyze(input)
  var withTree = withQueries.analyze(input)
  withTree.queries = [:]
  if facts != withTree { fatalError("the facts differ with and without the tree") }
  _ = evaluator.evaluate(
    SiteCrawl(
      site: Site(name: "fuzz", url: input.url), outcome: .crawled, finalURL: input.url,
      pages: [facts]),
    asOf: auditDay)
  return 0
}

// This file's top-level code is the program's main(): start libFuzzer's driver.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzPage))
