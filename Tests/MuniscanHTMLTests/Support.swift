import MuniscanCore
import MuniscanHTML

/// Analyses an HTML string served as UTF-8 from a page of an example municipality.
func analyze(
  _ html: String, url: String = "https://www.example-vald.ee/et/leht",
  headers: [String: String] = ["content-type": "text/html; charset=utf-8"],
  queries: [PageQuery] = []
) throws -> PageFacts {
  let analyzer = try PageAnalyzer(queries: queries)
  return analyzer.analyze(PageInput(url: url, headers: headers, body: Array(html.utf8)))
}

/// Analyses raw bytes with the given headers.
func analyze(bytes: [UInt8], headers: [String: String] = [:]) throws -> PageFacts {
  let analyzer = try PageAnalyzer()
  return analyzer.analyze(
    PageInput(url: "https://www.example-vald.ee/", headers: headers, body: bytes))
}

/// A page built around a body fragment.
func page(_ body: String, head: String = "<title>Leht</title>") -> String {
  "<!DOCTYPE html><html lang=\"et\"><head><meta charset=\"utf-8\">\(head)</head><body>\(body)</body></html>"
}
