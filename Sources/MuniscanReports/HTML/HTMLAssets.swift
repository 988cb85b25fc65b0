import Crypto
import Foundation

/// The Content-Security-Policy of every page of the HTML report: it allows the inline
/// stylesheet (`HTMLStyle`) and script (`HTMLScript`) by their hashes and nothing else, so no
/// other script, style, image, font or connection can run or load, whatever a crawled page held.
enum HTMLAssets {
  static let contentSecurityPolicy =
    "default-src 'none'; style-src '\(hash(HTMLStyle.sheet))'; script-src '\(hash(HTMLScript.source))'; "
    + "img-src 'none'; base-uri 'none'; form-action 'none'"

  private static func hash(_ text: String) -> String {
    "sha256-" + Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString()
  }
}
