/// Content types for fixture files, by extension.
enum ContentTypes {
  private static let byExtension: [String: String] = [
    "html": "text/html", "htm": "text/html", "xhtml": "application/xhtml+xml",
    "txt": "text/plain", "csv": "text/csv", "css": "text/css", "js": "text/javascript",
    "xml": "application/xml", "rss": "application/rss+xml", "atom": "application/atom+xml",
    "json": "application/json",
    "pdf": "application/pdf", "rtf": "application/rtf", "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "asice": "application/vnd.etsi.asic-e+zip", "bdoc": "application/vnd.etsi.asic-e+zip",
    "zip": "application/zip", "gz": "application/gzip",
    "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
    "svg": "image/svg+xml", "webp": "image/webp", "ico": "image/x-icon",
  ]

  /// The type for `name`. HTML is sent without a charset, as many real servers do, so each page's
  /// own `<meta charset>` (utf-8, windows-1257, iso-8859-15 in the fixtures) decides; other text
  /// types carry `charset=utf-8`. Unknown extensions are `application/octet-stream`.
  static func forFile(named name: String) -> String {
    let lowered = name.lowercased()
    let ext = lowered.split(separator: ".").last.map(String.init) ?? ""
    guard lowered.contains("."), let type = byExtension[ext] else {
      return "application/octet-stream"
    }
    let isText = type.hasPrefix("text/") && type != "text/html"
    return isText ? type + "; charset=utf-8" : type
  }
}
