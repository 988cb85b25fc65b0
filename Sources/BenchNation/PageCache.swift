import NIOConcurrencyHelpers

/// The pages a benchmark server has sent, kept up to a byte budget so each is written once.
/// The yardstick serves files with nginx, which sends what is on disk; writing a dense
/// page anew for every request cost the server as much CPU as half the crawl it served, on the
/// same two cores, and so held back the crawlers' wall time.
public final class PageCache: Sendable {
  private struct State {
    var pages: [Int: [UInt8]] = [:]
    var bytes = 0
  }

  private let nation: SyntheticNation
  private let budget: Int
  private let state = NIOLockedValueBox(State())

  /// A cache of `nation`'s pages holding at most `budget` bytes of them; pages beyond it are
  /// written for every request.
  public init(nation: SyntheticNation, budget: Int) {
    self.nation = nation
    self.budget = budget
  }

  /// Page `page` of site `site`, as ``SyntheticNation/html(site:page:)`` writes it.
  public func html(site: Int, page: Int) -> [UInt8] {
    let key = slot(site: site, page: page)
    if let known = state.withLockedValue({ $0.pages[key] }) { return known }
    let html = nation.html(site: site, page: page)
    state.withLockedValue { state in
      guard state.bytes + html.count <= budget, state.pages[key] == nil else { return }
      state.pages[key] = html
      state.bytes += html.count
    }
    return html
  }

  /// Writes and keeps every page, site after site, until one does not fit in the budget: a
  /// server that fills its cache before it answers costs every crawler it serves the same.
  public func fill() {
    for site in 0..<nation.sites {
      for page in 0..<nation.pages {
        _ = html(site: site, page: page)
        let key = slot(site: site, page: page)
        guard state.withLockedValue({ $0.pages[key] != nil }) else { return }
      }
    }
  }

  private func slot(site: Int, page: Int) -> Int { site * nation.pages + page }

  /// The bytes of the pages kept.
  public var bytes: Int { state.withLockedValue { $0.bytes } }
}
