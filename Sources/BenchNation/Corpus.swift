/// The kind of pages a ``SyntheticNation`` serves.
public enum Corpus: String, CaseIterable, Sendable {
  /// Pages of generic municipal wording that rarely holds a rule's phrase or the literals its
  /// regular expressions need, so the expensive predicates seldom run; linked directly.
  case plain
  /// Pages dense with what the default rules (`rules/ee`) look for, so that prefilters pass and
  /// the expensive predicates run: on every page, council, budget, grants, contacts,
  /// procurement, participation and services wording in Estonian (inflected), Russian and
  /// English; dates in several formats; phone numbers and e-mail addresses; members with their
  /// parties and electoral alliances; dated document links. The full evidence of a criterion is
  /// on the pages of its section only, and each site lacks that of a third of its sections, as
  /// on real sites. Every link within the site names a folder URL that answers with a 301
  /// redirect to the page, so every page but the home page is reached through one redirect.
  case dense
}
