/// The kind of pages a ``SyntheticNation`` serves.
public enum Corpus: String, CaseIterable, Sendable {
  /// Pages of generic municipal wording that rarely holds a rule's phrase, linked directly: kind
  /// to a rule engine whose prefilters skip most of the work.
  case plain
  /// Pages dense with what the default rules (`rules/ee`) look for — council, budget, grants,
  /// contacts, procurement, participation and services wording in Estonian (inflected), Russian
  /// and English; dates in several formats; phone numbers and e-mail addresses; members with
  /// their parties and electoral alliances; dated document links — so that prefilters pass and
  /// the expensive predicates run. Every link within the site names a folder URL that answers
  /// with a 301 redirect to the page, so every page but the home page is reached through one
  /// redirect.
  case dense
}
