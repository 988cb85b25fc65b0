import MuniscanCore

/// The normalised targets and site keys of a site's distinct links or documents, made on first
/// use: most of them never match a rule, so most are never normalised.
final class LinkTargets {
  private let urls: [String]
  private var targets: [String?]
  private var hosts: [String?]

  init(urls: [String]) {
    self.urls = urls
    targets = Array(repeating: nil, count: urls.count)
    hosts = Array(repeating: nil, count: urls.count)
  }

  /// The normalised target of item `id`.
  func target(_ id: Int) -> String {
    if let known = targets[id] { return known }
    let target = URLNormalizer.normalize(urls[id]) ?? urls[id]
    targets[id] = target
    return target
  }

  /// The site key (host without `www.`) of item `id`'s target.
  func host(_ id: Int) -> String {
    if let known = hosts[id] { return known }
    let host = URLNormalizer.siteKey(urls[id]) ?? ""
    hosts[id] = host
    return host
  }
}
