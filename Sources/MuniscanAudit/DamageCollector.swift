import MuniscanArchive
import MuniscanCore

/// Gathers what each site's replay could not read, across concurrent replays, and says why a
/// site is incomplete.
actor DamageCollector {
  private var bySite: [Site: [ArchiveDamage]] = [:]

  func add(_ damage: [ArchiveDamage], of site: Site) {
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
