import CLibFuzzer
import Foundation
import MuniscanAudit

/// libFuzzer entry point: a sites file (CSV), read as `--sites` reads it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSites(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard var text = String(bytes: UnsafeBufferPointer(start: data, count: size), encoding: .utf8)
  else { return 0 }
  if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
  _ = try? SitesFile.parse(text, file: "sites.csv")
  return 0
}

// This file's top-level code is the program's main(): start libFuzzer's driver.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzSites))
