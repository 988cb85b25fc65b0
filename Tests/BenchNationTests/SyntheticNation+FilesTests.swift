import BenchNation
import FixtureServer
import Foundation
import Testing

/// The nation written as files for nginx (`scripts/bench-crawl --server nginx`) serves what the
/// benchmark server answers: the same page bytes at the same paths, the same robots.txt, and
/// the same redirect for every folder URL the server redirects.
@Suite struct SyntheticNationFilesTests {
  @Test(arguments: Corpus.allCases) func filesHoldWhatTheServerAnswers(corpus: Corpus) throws {
    let nation = SyntheticNation(sites: 2, pages: 25, corpus: corpus)
    let folder = NSTemporaryDirectory() + "muniscan-nation-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try nation.writeFiles(to: folder)
    let redirects = try NginxRedirects(
      String(contentsOfFile: folder + "/redirects.conf", encoding: .utf8))

    for site in 0..<nation.sites {
      let address = SyntheticNation.address(of: site)
      let root = folder + "/" + address
      func answer(_ path: String) -> FixtureResponse {
        nation.respond(to: FixtureRequest(host: address, target: path))
      }
      let files = try FileManager.default.subpathsOfDirectory(atPath: root).filter { file in
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: root + "/" + file, isDirectory: &isFolder)
          && !isFolder.boolValue
      }
      #expect(files.count == nation.pages + 1, "\(files.sorted())")
      for file in files {
        let path = file == "index.html" ? "/" : "/" + file
        let bytes = try #require(FileManager.default.contents(atPath: root + "/" + file))
        guard case .ok(let body, _, _) = answer(path) else {
          Issue.record("\(address)\(path) is a file but the server does not answer 200")
          continue
        }
        #expect(Array(bytes) == body, "\(address)\(path)")
        guard path != "/", path != "/robots.txt" else { continue }
        // The folder URLs a page may be linked by: its section's, and its own with a slash.
        let section = "/" + path.split(separator: "/")[0] + "/"
        for folderURL in [section, path + "/"] {
          guard case .status(301, _, let headers) = answer(folderURL) else { continue }
          let location = headers.first { $0.0 == "Location" }?.1
          #expect(redirects.target(of: folderURL) == location, "\(address)\(folderURL)")
        }
      }
    }
    if corpus == .plain { #expect(redirects.isEmpty) }
  }
}

/// The `location = PATH { return 301 TARGET; }` blocks `SyntheticNation.writeFiles` writes, as
/// nginx answers them: an exact path's redirect, nothing for any other path.
private struct NginxRedirects {
  var exact: [String: String] = [:]

  init(_ conf: String) throws {
    for line in conf.split(separator: "\n") {
      guard let match = line.wholeMatch(of: #/location = (\S+) \{ return 301 (\S+); \}/#) else {
        throw CocoaError(.fileReadCorruptFile)
      }
      exact[String(match.output.1)] = String(match.output.2)
    }
  }

  var isEmpty: Bool { exact.isEmpty }

  func target(of path: String) -> String? { exact[path] }
}
