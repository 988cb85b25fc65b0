import MuniscanArchive
import MuniscanCore

/// Gathers what each site's replay could not read, across concurrent replays, and says why a
/// site is incomplete; counts the pages the replays gave from stored page facts.
actor DamageCollector {
  private var bySite: [Site: [ArchiveDamage]] = [:]
  private(set) var pagesFromStoredFacts = 0
  /// The replays of the sites being crawled, whose damage is known once their crawl ends.
  private var open: [Site: ArchiveReplay] = [:]

  func open(_ replay: ArchiveReplay, of site: Site) { open[site] = replay }

  /// Reads what the crawl of `site` left unread and keeps what could not be read.
  func close(_ site: Site) {
    guard let replay = open.removeValue(forKey: site) else { return }
    let damage = replay.finish()
    pagesFromStoredFacts += replay.pagesFromStoredFacts
    if !damage.isEmpty { bySite[site, default: []] += damage }
  }

  /// Why the archive cannot give `site` whole; nil when it can.
  func incompleteness(of site: Site, finished: Bool) -> String? {
    guard finished else { return "not finished in the archive (no line in done.jsonl)" }
    guard let damage = bySite[site], let first = damage.first else { return nil }
    return "archive damaged: \(first)" + (damage.count > 1 ? " (and \(damage.count - 1) more)" : "")
  }

  /// The damage of `sites`, in their order, each with its site.
  func all(in sites: [Site]) -> [(site: Site, damage: ArchiveDamage)] {
    sites.flatMap { site in (bySite[site] ?? []).map { (site, $0) } }
  }
}
