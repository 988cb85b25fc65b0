import Foundation
import MuniscanCore
import MuniscanReports
import Testing

/// The HTML report in a real browser (headless Chromium, installed by scripts/install-deps):
/// each page loads without script errors, every sortable column sorts both ways, and the DOM
/// holds no script, event handler or javascript: link but the report's own. The page's script
/// runs these checks itself when opened with `#selftest` and writes the result into
/// `data-selftest` on the body, which `--dump-dom` shows.
@Suite(.serialized) struct HTMLBrowserTests {
  static func dumpDOM(_ page: URL) throws -> ExternalTool.Result {
    try ExternalTool.run(
      "chromium",
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
        "--enable-logging=stderr", "--v=0", "--dump-dom", page.absoluteString + "#selftest",
      ], timeout: 90)
  }

  @Test func everyPageLoadsSortsAndPassesItsSelfTest() throws {
    let files = try HTMLReporter().files(ReportFixture.card(), options: .init())
    let folder = try ExternalTool.write(files.map { ($0.path, $0.contents) })
    defer { try? FileManager.default.removeItem(at: folder) }
    for file in files {
      let result = try Self.dumpDOM(folder.appendingPathComponent(file.path))
      #expect(result.status == 0, "chromium failed on \(file.path): \(result.errors.suffix(2000))")
      #expect(
        result.output.contains("data-selftest=\"ok\""),
        "\(file.path): \(Self.verdict(result.output))")
      #expect(
        !result.errors.contains("Content-Security-Policy"),
        "\(file.path): \(result.errors.suffix(2000))")
      #expect(!result.errors.contains("Uncaught"), "\(file.path): \(result.errors.suffix(2000))")
    }
  }

  /// The self-test result of the index page after `tamper` changed it.
  static func selfTest(tamper: (String) -> String) throws -> String {
    let index = try HTMLReporter().files(ReportFixture.card(), options: .init())[0]
    let folder = try ExternalTool.write([(index.path, tamper(index.contents))])
    defer { try? FileManager.default.removeItem(at: folder) }
    return verdict(try dumpDOM(folder.appendingPathComponent(index.path)).output)
  }

  @Test func theSelfTestCatchesBrokenSortingInjectedLinksAndAlteredScripts() throws {
    // A script that no longer moves rows, allowed to run by a relaxed policy: sorting fails.
    let unsorted = try Self.selfTest { page in
      page.replacingOccurrences(of: "body.appendChild(row);", with: "void row;")
        .replacingOccurrences(
          of: #"script-src &#39;sha256-[^&]*&#39;"#, with: "script-src 'unsafe-inline'",
          options: .regularExpression)
    }
    #expect(unsorted.hasPrefix("error: column"), "\(unsorted)")
    // A javascript: link in the page is found in the DOM.
    let link = try Self.selfTest { page in
      page.replacingOccurrences(of: "<main>", with: "<main><a href=\"javascript:alert(1)\">x</a>")
    }
    #expect(link == "error: unsafe link javascript:alert(1)")
    // A script changed by one byte no longer matches the policy's hash and does not run.
    let altered = try Self.selfTest { page in
      page.replacingOccurrences(of: "'use strict';", with: "'use strict'; ")
    }
    #expect(altered == "no self-test result in the DOM")
  }

  /// The `data-selftest` attribute's value, or a note that it is missing.
  static func verdict(_ dom: String) -> String {
    guard let start = dom.range(of: "data-selftest=\"") else {
      return "no self-test result in the DOM"
    }
    return String(dom[start.upperBound...].prefix { $0 != "\"" })
  }
}
