import Foundation
import MuniscanTestSupport
import Testing

/// Bad input gets one clear line naming what is wrong and a non-zero exit, never a crash.
@Suite struct BadInputTests {
  func write(_ text: String, name: String = "sites.csv") throws -> String {
    let folder = NSTemporaryDirectory() + "muniscan-bad-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = folder + "/" + name
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test(arguments: [
    (["audit", "not a url"], "'not a url' is not an http(s) URL"),
    (["audit", "ftp://vald.ee/"], "is not an http(s) URL"),
    (["audit", "http://vald.ee:99999/"], "'http://vald.ee:99999/' is not an http(s) URL"),
    (["audit", "https://vald.ee/", "--bogus"], "Unknown option '--bogus'"),
    (
      ["audit", "https://vald.ee/", "--resolve", "vald.ee:80"],
      "--resolve 'vald.ee:80' is not HOST:PORT:ADDRESS"
    ),
    (
      ["audit", "https://vald.ee/", "--connect-to", "vald.ee:80:127.0.0.1:99999"],
      "--connect-to 'vald.ee:80:127.0.0.1:99999' is not HOST:PORT:HOST2:PORT2"
    ),
    (["audit", "https://vald.ee/", "--as-of", "2026-13-01"], "--as-of '2026-13-01' is not a date"),
    (["audit", "https://vald.ee/", "--format", "pdf"], "unknown --format 'pdf'"),
    (
      ["scan", "--sites", "/nonexistent/sites.csv"],
      "/nonexistent/sites.csv: cannot read the sites file"
    ),
    (["rules", "check", "/nonexistent/rules"], "/nonexistent/rules: no such rule set folder"),
    (["rules", "explain", "no.such-rule"], "no rule 'no.such-rule'"),
    (["robots", "robots.txt", "not a url"], "'not a url' is not an http(s) URL"),
    (["audit", "https://vald.ee/", "--lang", "fi"], "unknown --lang 'fi' (known: et, en)"),
    (["rules", "list", "--lang", "xx"], "unknown --lang 'xx' (known: et, en)"),
    (
      [
        "audit", "https://vald.ee/", "--rules", CommandRunner.repository + "/rules/fi-generic",
        "--lang", "et",
      ],
      "unknown --lang 'et' (known: fi, en)"
    ),
  ])
  func reportsOneLine(arguments: [String], message: String) async {
    let outcome = await CommandRunner.run(arguments)
    #expect(outcome.error != nil)
    #expect(outcome.message.contains(message), "\(outcome.message)")
    #expect(outcome.exitCode != 0)
    #expect(!outcome.message.contains("\n"), "one line: \(outcome.message)")
  }

  @Test(arguments: [
    ("name,url\nA,https://a.ee/\nB,not-a-url\n", ":3: 'not-a-url' is not an http(s) URL"),
    (
      "nimi,aadress\nA,https://a.ee/\n", ":1: the header row must name the columns 'name' and 'url'"
    ),
    ("name,url\nA,https://a.ee/,extra\n", ":2: expected 2 fields, found 3"),
    ("name,url\n,https://a.ee/\n", ":2: the name is empty"),
    (
      "name,url\nA,https://a.ee/\nB,https://A.ee\n",
      ":3: https://A.ee is the site of line 2 again (a.ee, with or without www.)"
    ),
    (
      "name,url\nA,https://www.a.ee/\nB,http://a.ee/en/\n",
      ":3: http://a.ee/en/ is the site of line 2 again (a.ee, with or without www.)"
    ),
    ("name,url\nA,http://a.ee:99999/\n", ":2: 'http://a.ee:99999/' is not an http(s) URL"),
    ("", ":1: the file is empty; it needs a header row naming 'name' and 'url'"),
    ("name,url\n", "no sites listed"),
    ("name,url\n\"A,https://a.ee/\n", "sites.csv"),
  ])
  func brokenSitesFilesNameTheLine(text: String, message: String) async throws {
    let path = try write(text)
    let outcome = await CommandRunner.run(["scan", "--sites", path])
    #expect(outcome.message.contains(path), "\(outcome.message)")
    #expect(outcome.message.contains(message), "\(outcome.message)")
    #expect(outcome.exitCode != 0)
  }

  @Test func invalidRuleFileNamesFileAndLine() async throws {
    let manifest = try write(
      "id: x\nversion: \"1\"\nlanguages: [et, en]\nexamples_as_of: 2026-11-20\nareas:\n"
        + "  - id: a\n    title: {et: A, en: A}\n",
      name: "ruleset.yml")
    let folder = (manifest as NSString).deletingLastPathComponent
    try "page_languages: [et]\nnumeric_dates: [d.m.y]\n".write(
      toFile: folder + "/locale.yml", atomically: true, encoding: .utf8)
    try "rules:\n  - id: a.b\n    area: a\n    wieght: 1\n".write(
      toFile: folder + "/a.yml", atomically: true, encoding: .utf8)
    let outcome = await CommandRunner.run(["rules", "check", folder])
    #expect(
      outcome.message.contains(folder + "/a.yml:4:5: unknown key 'wieght'"), "\(outcome.message)")
    #expect(outcome.exitCode != 0)
    // A crawl reads pages with its rule set's locale and queries: a broken one stops it before
    // anything is fetched or written.
    let sites = try write("name,url\nA,https://a.ee/\n")
    let archive = (sites as NSString).deletingLastPathComponent + "/archive"
    let crawl = await CommandRunner.run([
      "crawl", "--sites", sites, "--out", archive, "--rules", folder,
    ])
    #expect(crawl.message.contains(folder + "/a.yml:4:5: unknown key 'wieght'"), "\(crawl.message)")
    #expect(!crawl.message.contains("\n") && crawl.exitCode != 0)
    #expect(!FileManager.default.fileExists(atPath: archive))
  }

  @Test func theExecutableExitsNonZeroWithOneLineOnStandardError() async throws {
    let result = try await ChildProcess.muniscan(["scan", "--sites", "/nonexistent.csv"]).wait()
    let text = result.errors
    #expect(result.status != 0)
    #expect(text == "Error: /nonexistent.csv: cannot read the sites file\n")
  }
}
