import MuniscanCore

/// The registrable domain of a site (`tartu.ee` for `www.tartu.ee` and `a.tartu.ee`): what keeps
/// sites that one organisation serves together on one machine, so one crawler owns their
/// politeness. It is the public suffix and one label more, with a fixed rule set instead of the
/// full Public Suffix List: a list read from the system would differ between machines and
/// versions, and so would the shard a site lands in. It is the last two labels, or one label
/// more than the longest of the multi-label suffixes below that the host ends with. A suffix
/// missing from the list only makes a group coarser (all of `*.roma.it` together), never splits
/// one, so the list holds only real public suffixes (the tests check each against the Public
/// Suffix List), chosen where many municipalities live.
public enum RegistrableDomain {
  /// Public suffixes of more than one label: Estonia's second-level domains, and where local
  /// governments of other European countries are registered (`gv.at`, `gov.pl`, `gov.uk`, …).
  public static let multiLabelSuffixes: Set<String> = [
    "com.ee", "pri.ee", "fie.ee", "med.ee", "org.ee", "gov.ee", "riik.ee", "edu.ee", "lib.ee",
    "aip.ee",
    "co.uk", "org.uk", "gov.uk", "ac.uk", "ltd.uk", "plc.uk", "me.uk", "net.uk", "nhs.uk",
    "police.uk",
    "gv.at", "ac.at", "co.at", "or.at",
    "gov.pl", "gmina.pl", "powiat.pl", "ug.gov.pl", "um.gov.pl", "com.pl", "org.pl",
    "gouv.fr", "gov.gr", "gov.ie", "gov.it", "gov.lt", "gov.lv", "gov.pt", "gob.es", "com.cy",
    "gov.cy", "kommune.no",
  ]

  /// The registrable domain of a site's home page URL; the host itself for an IP address or a
  /// name with no suffix (`localhost`).
  public static func of(url: String) -> String {
    of(host: URLNormalizer.siteKey(url) ?? url)
  }

  /// The registrable domain of a host name (lower-cased, no port).
  public static func of(host: String) -> String {
    let host = host.hasSuffix(".") ? String(host.dropLast()) : host
    let labels = host.split(separator: ".", omittingEmptySubsequences: false)
    let isIPv4 = labels.count == 4 && labels.allSatisfy { UInt8($0) != nil }
    guard !host.hasPrefix("["), !isIPv4, labels.count > 2 else { return host }
    // The longest suffix of the list the host ends with, at a label boundary.
    var suffixLabels = 1
    for length in 2..<labels.count
    where multiLabelSuffixes.contains(labels.suffix(length).joined(separator: ".")) {
      suffixLabels = length
    }
    return labels.suffix(suffixLabels + 1).joined(separator: ".")
  }
}
