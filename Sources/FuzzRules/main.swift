import CLibFuzzer
import Foundation
import MuniscanRules

/// A rule set folder of this process: a fixed `ruleset.yml` naming the areas of `rules/ee`, and
/// `rules.yml`, which each input replaces.
let folder: String = {
  let path = NSTemporaryDirectory() + "muniscan-fuzz-rules-\(getpid())"
  try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  let areas = [
    "contact", "council", "acts", "budget", "funding", "participation", "integrity", "services",
    "site",
  ]
  let manifest =
    "id: fuzz\nversion: \"1\"\nexamples_as_of: 2026-11-20\nareas:\n"
    + areas.map { "  - id: \($0)\n    title: { et: \($0), en: \($0) }\n" }.joined()
  try! Data(manifest.utf8).write(to: URL(fileURLWithPath: path + "/ruleset.yml"))
  return path
}()

/// The shipped language files (`scripts/fuzz` runs from the repository's root).
let locales = LocaleLibrary(folders: [FileManager.default.currentDirectoryPath + "/locales"])

/// libFuzzer entry point: one rule file, loaded with its rule set as `muniscan rules check` does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRules(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let file = URL(fileURLWithPath: folder + "/rules.yml")
  try! Data(UnsafeBufferPointer(start: data, count: size)).write(to: file)
  _ = try? RuleSetLoader.load(directory: folder, locales: locales)
  return 0
}

// This file's top-level code is the program's main(): start libFuzzer's driver.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzRules))
