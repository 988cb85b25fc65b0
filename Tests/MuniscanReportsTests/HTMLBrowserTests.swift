import Foundation
import MuniscanCore
import MuniscanReports
import Testing

/// The HTML report in a real browser (headless Chromium, installed by scripts/install-deps):
/// each page loads without script errors, every sortable column sorts both ways, and the DOM
/// holds no script, event handler or javascript: link but the report's own. The page's script
/// runs these checks itself when opened with `#selftest` and writes the result into
/// `data-selftest` on the body, which `--dump-dom` shows. Every page also fits a phone's and a
/// wide screen's width without scrolling sideways.
@Suite(.serialized) struct HTMLBrowserTests {
  static let chromium = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
    "--enable-logging=stderr", "--v=0",
  ]

  static func dumpDOM(_ page: URL) throws -> ExternalTool.Result {
    try ExternalTool.run(
      "chromium", chromium + ["--dump-dom", page.absoluteString + "#selftest"], timeout: 90)
  }

  /// Viewport widths of a phone (iPhone 12 to 15) and of a desktop browser.
  static let widths = [390, 1400]

  /// What a harness page measured of one report page in a frame of one width.
  struct Measure {
    var page: String
    var width: Int
    /// `document.documentElement.scrollWidth` and `clientWidth` (the viewport less its
    /// scrollbar) of the page in the frame.
    var pageWidth: Int
    var viewportWidth: Int
    var selftest: String
  }

  /// Opens every page of the report in frames of each width on one test-only harness page, which
  /// reads each frame's widths and self-test result once all have loaded and writes them onto
  /// the frame element. Chromium's window cannot be narrower than 500 px, but a frame can; the
  /// pages keep their own security policy, and `--allow-file-access-from-files` lets the harness
  /// read frames loaded from files.
  static func measure(_ files: [ReportFile]) throws -> (measures: [Measure], errors: String) {
    let frames = widths.flatMap { width in
      files.map {
        "<iframe src=\"\($0.path)#selftest\" width=\"\(width)\" height=\"800\"></iframe>"
      }
    }
    let harness = """
      <!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
      \(frames.joined(separator: "\n"))
      <script>
      window.addEventListener('load', function () {
        Array.prototype.forEach.call(document.querySelectorAll('iframe'), function (frame) {
          var page = frame.contentDocument.documentElement;
          frame.dataset.pageWidth = page.scrollWidth;
          frame.dataset.viewportWidth = page.clientWidth;
          frame.dataset.selftest = frame.contentDocument.body.dataset.selftest || 'none';
        });
        document.body.dataset.measured = 'yes';
      });
      </script></body></html>
      """
    let folder = try ExternalTool.write(
      files.map { ($0.path, $0.contents) } + [("measure.html", harness)])
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try ExternalTool.run(
      "chromium",
      chromium + [
        "--allow-file-access-from-files", "--dump-dom",
        folder.appendingPathComponent("measure.html").absoluteString,
      ], timeout: 120)
    let measures = result.output.components(separatedBy: "<iframe ").dropFirst().map { tag in
      Measure(
        page: attribute("src", tag).replacingOccurrences(of: "#selftest", with: ""),
        width: Int(attribute("width", tag)) ?? 0,
        pageWidth: Int(attribute("data-page-width", tag)) ?? -1,
        viewportWidth: Int(attribute("data-viewport-width", tag)) ?? -1,
        selftest: attribute("data-selftest", tag))
    }
    return (measures, result.errors)
  }

  /// An attribute's value in the text of a tag, or "" when it is missing.
  static func attribute(_ name: String, _ tag: String) -> String {
    guard let start = tag.range(of: " \(name)=\"") ?? tag.range(of: "\(name)=\"") else {
      return ""
    }
    return String(tag[start.upperBound...].prefix { $0 != "\"" })
  }

  @Test(arguments: ["en", "et"] as [Language])
  func everyPageLoadsSortsPassesItsSelfTestAndFitsAPhone(_ language: Language) throws {
    let files = try HTMLReporter().files(
      HTMLLayoutFixture.card(), options: try ReportFixture.options(language))
    let (measures, errors) = try Self.measure(files)
    #expect(measures.count == files.count * Self.widths.count, "\(errors.suffix(2000))")
    for measure in measures {
      let name = "\(measure.page) at \(measure.width) px"
      #expect(measure.selftest == "ok", "\(name): \(measure.selftest)")
      // The viewport is the frame less a vertical scrollbar at most.
      #expect(
        (measure.width - 20...measure.width).contains(measure.viewportWidth),
        "\(name): viewport \(measure.viewportWidth) px")
      #expect(
        measure.pageWidth <= measure.viewportWidth,
        "\(name): the page is \(measure.pageWidth) px wide in a \(measure.viewportWidth) px viewport"
      )
    }
    #expect(!errors.contains("Content-Security-Policy"), "\(errors.suffix(2000))")
    #expect(!errors.contains("Uncaught"), "\(errors.suffix(2000))")
  }

  /// The self-test result of the index page after `tamper` changed it.
  static func selfTest(tamper: (String) -> String) throws -> String {
    let index = try HTMLReporter().files(
      ReportFixture.card(), options: try ReportFixture.options())[0]
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
