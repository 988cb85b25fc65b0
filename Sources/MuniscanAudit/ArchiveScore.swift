import MuniscanArchive
import MuniscanCore

/// An archive judged by ``Audit/score(_:asOf:)``, with what of it could not be read: a caller
/// must not take a scorecard with incomplete sites for a whole one.
public struct ArchiveScore: Sendable {
  public var scorecard: Scorecard
  /// Every part of the archives that could not be read, one each, its file named with its
  /// archive's folder: each `done.jsonl` first, then the sites' in the manifests' order.
  public var damage: [ArchiveDamage]
  /// Pages judged from the page facts the crawl kept rather than parsed again.
  public var pagesFromStoredFacts: Int

  /// How many pages were judged from stored page facts, of all the archives' pages:
  /// `9900 of 10000 pages from stored page facts`.
  public var storedFactsSummary: String {
    let pages = scorecard.sites.reduce(0) { $0 + $1.pagesCrawled }
    return "\(pagesFromStoredFacts) of \(pages) pages from stored page facts"
  }

  /// The sites marked incomplete, in the scorecard's order.
  public var incompleteSites: [SiteResult] {
    scorecard.sites.filter {
      if case .incomplete = $0.outcome { return true }
      return false
    }
  }
}

extension ArchiveDamage {
  /// The same damage, its file named within the archive folder `directory`.
  func within(_ directory: String) -> ArchiveDamage {
    ArchiveDamage(file: directory + "/" + file, place: place, problem: problem)
  }
}
