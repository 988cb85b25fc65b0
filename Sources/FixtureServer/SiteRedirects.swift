import Foundation

/// A site's `_redirects` file: lines `FROM STATUS TO`, blank lines and `#` comments ignored.
struct SiteRedirects {
  struct Rule: Equatable {
    var from: String
    var status: Int
    var to: String?
  }

  var rules: [Rule]

  /// Reads and parses the file; `nil` if there is none. Malformed lines are skipped.
  init?(contentsOf path: String) {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    self.init(text: String(decoding: data, as: UTF8.self))
  }

  init(text: String) {
    rules = text.split(whereSeparator: \.isNewline).compactMap { line in
      let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
      let fields = content.split(whereSeparator: \.isWhitespace).map(String.init)
      guard fields.count >= 2, fields[0].hasPrefix("/"), let status = Int(fields[1]),
        (100...599).contains(status)
      else { return nil }
      return Rule(from: fields[0], status: status, to: fields.count > 2 ? fields[2] : nil)
    }
  }

  /// The response of the first rule whose FROM equals the request's path (or its whole target,
  /// for a FROM with `?`).
  func response(for request: FixtureRequest) -> FixtureResponse? {
    guard
      let rule = rules.first(where: {
        $0.from == ($0.from.contains("?") ? request.target : request.path)
      })
    else { return nil }
    if (300...399).contains(rule.status), let to = rule.to {
      return .redirect(to: to, status: rule.status)
    }
    if rule.status == 404 { return .notFound }
    return .status(
      rule.status, body: Array("<!doctype html><title>\(rule.status)</title>\n".utf8))
  }
}
