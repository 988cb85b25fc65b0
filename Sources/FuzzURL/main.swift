import CLibFuzzer
import Foundation
import MuniscanCore

/// libFuzzer entry point: a URL, and a reference resolved against a base (the input's first and
/// second line). Normalising is checked to be idempotent, since the crawler relies on it to
/// fetch each page once.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzURL(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
  let url = String(lines[0])
  let base = lines.count > 1 ? String(lines[1]) : "https://www.naidisvald.ee/vald/volikogu/"
  for candidate in [URLNormalizer.normalize(url), URLNormalizer.resolve(url, against: base)] {
    guard let normalized = candidate else { continue }
    let again = URLNormalizer.normalize(normalized)
    precondition(
      again == normalized, "normalize is not idempotent: \(normalized) -> \(again ?? "nil")")
    if let key = URLNormalizer.siteKey(normalized) {
      _ = URLNormalizer.host(key, isWithin: "naidisvald.ee")
    }
  }
  return 0
}

// This file's top-level code is the program's main(): start libFuzzer's driver.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzURL))
