import CSV
import Foundation
import MuniscanCore
import Testing

/// `--format` and `--out`: one format to standard output, several formats into a folder.
@Suite(.serialized) struct ReportOutputTests {
  static func scan(_ extra: [String]) async throws -> CommandRunner.Outcome {
    let sites = NSTemporaryDirectory() + "muniscan-out-sites-\(UUID().uuidString).csv"
    defer { try? FileManager.default.removeItem(atPath: sites) }
    return try await CommandRunner.withFixtureSites { port in
      try
        "name,url\nTamme linn,http://www.tammelinn.ee:\(port)/\nNäidisvald,http://www.naidisvald.ee:\(port)/\n"
        .write(toFile: sites, atomically: true, encoding: .utf8)
      return await CommandRunner.run(
        ["scan", "--sites", sites, "--delay", "0", "--as-of", "2026-11-20", "--max-pages", "20"]
          + extra
          + CommandRunner.resolve(["tammelinn.ee", "naidisvald.ee"], port: port))
    }
  }

  @Test func severalFormatsGoIntoTheOutFolder() async throws {
    let folder = NSTemporaryDirectory() + "muniscan-out-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    // Last month's output: the page of a site since dropped, and a file of the publisher's own.
    try FileManager.default.createDirectory(
      atPath: folder + "/sites", withIntermediateDirectories: true)
    try "old".write(toFile: folder + "/sites/dropped-ee-1.html", atomically: true, encoding: .utf8)
    try "keep".write(toFile: folder + "/sites/README.txt", atomically: true, encoding: .utf8)
    let outcome = try await Self.scan(
      [
        "--format", "json,csv,html", "--format", "csv-wide", "--format", "markdown,junit", "--out",
        folder, "--lang", "et",
      ])
    #expect(outcome.error == nil, "\(outcome.message)")
    let names = [
      "scorecard.json", "scorecard.csv", "index.html", "scorecard-wide.csv", "scorecard.md",
      "junit.xml",
    ]
    #expect(outcome.output.isEmpty)
    #expect(outcome.notes == names.map { "wrote \(folder)/\($0)\n" }.joined())
    func read(_ name: String) throws -> String {
      try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
    }
    let card = try JSONDecoder().decode(Scorecard.self, from: Data(try read("scorecard.json").utf8))
    #expect(card.sites.map(\.site.name).sorted() == ["Näidisvald", "Tamme linn"])
    let reader = try CSVReader(string: try read("scorecard-wide.csv"), hasHeaderRow: true)
    #expect(reader.headerRow?.prefix(5) == ["name", "url", "status", "rank", "total"])
    var rows = 0
    while reader.next() != nil { rows += 1 }
    #expect(rows == 2)
    #expect(try read("scorecard.csv").hasPrefix("site,url,site_status,rank,criterion,"))
    #expect(try read("scorecard.md").contains("## Veebilehtede avatuse hinnang"))
    #expect(try read("junit.xml").contains("<testsuite name=\"Tamme linn\""))
    let index = try read("index.html")
    #expect(index.contains("<html lang=\"et\">"))
    for site in card.sites {
      #expect(index.contains(site.site.name))
    }
    let files = try FileManager.default.contentsOfDirectory(atPath: folder + "/sites")
    #expect(files.contains("README.txt"))
    let pages = files.filter { $0.hasSuffix(".html") }.sorted()
    #expect(pages.count == 2, "\(pages)")
    #expect(pages.first?.hasPrefix("naidisvald-ee-") == true, "\(pages)")
    #expect(pages.last?.hasPrefix("tammelinn-ee-") == true, "\(pages)")
  }

  @Test func oneFormatGoesToStandardOutput() async throws {
    let outcome = try await Self.scan(["--format", "markdown"])
    #expect(outcome.error == nil, "\(outcome.message)")
    #expect(outcome.output.hasPrefix("## Website transparency scorecard\n"))
    #expect(outcome.output.contains("| Rank | Site | Total | Band |"))
  }

  @Test(arguments: [
    (["--format", "html"], "--format html writes a folder of pages: give --out DIR"),
    (["--format", "json,csv"], "several formats (json, csv) need --out DIR"),
    (
      ["--format", "json", "--format", "markdown"],
      "several formats (json, markdown) need --out DIR"
    ),
    (["--format", "json,pdf", "--out", "/tmp/x"], "unknown --format 'pdf'"),
  ])
  func formatsThatCannotBeWrittenAreOneLineErrors(arguments: [String], message: String) async {
    let outcome = await CommandRunner.run(["audit", "https://vald.ee/"] + arguments)
    #expect(outcome.exitCode != 0)
    #expect(outcome.message.contains(message), "\(outcome.message)")
  }

  @Test func anOutFolderThatCannotBeWrittenIsOneLine() async throws {
    let file = NSTemporaryDirectory() + "muniscan-out-file-\(UUID().uuidString)"
    try "not a folder".write(toFile: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: file) }
    let outcome = try await Self.scan(["--format", "json", "--out", file])
    #expect(outcome.exitCode != 0)
    #expect(
      outcome.message == "--out \(file): a file is there; give a folder", "\(outcome.message)")
  }
}
