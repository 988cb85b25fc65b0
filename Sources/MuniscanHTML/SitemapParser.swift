import CLibXML2

/// The URLs a sitemap lists (sitemaps.org protocol): pages of a `<urlset>`, or further sitemaps
/// of a `<sitemapindex>`.
public struct Sitemap: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    case urlSet, index
  }

  public var kind: Kind
  /// The `<loc>` texts (or the lines of a text sitemap), trimmed, in order.
  public var locations: [String]
  /// True when the sitemap listed more locations than were kept.
  public var truncated: Bool

  public init(kind: Kind, locations: [String], truncated: Bool = false) {
    self.kind = kind
    self.locations = locations
    self.truncated = truncated
  }
}

/// Reads sitemaps with libxml2's streaming reader (no tree is built, so a large sitemap costs
/// little memory), without network access, entity substitution or DTD loading. Text sitemaps
/// (one URL per line) are read too.
public enum SitemapParser {
  /// The sitemap in `bytes` (already decompressed), keeping at most `maxLocations` locations;
  /// nil when the bytes are neither an XML sitemap nor a text one.
  public static func parse(_ bytes: [UInt8], maxLocations: Int = 50_000) -> Sitemap? {
    // Skip leading whitespace and a UTF-8 byte order mark.
    let skipped: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF]
    guard let first = bytes.first(where: { !skipped.contains($0) }) else { return nil }
    return first == UInt8(ascii: "<")
      ? parseXML(bytes, maxLocations: maxLocations) : parseText(bytes, maxLocations: maxLocations)
  }

  private static func parseXML(_ bytes: [UInt8], maxLocations: Int) -> Sitemap? {
    _ = LibXML.initialized
    muniscan_silence_errors()
    let reader: xmlTextReaderPtr? = bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) {
        xmlReaderForMemory(
          $0.baseAddress, Int32(clamping: $0.count), nil, nil, muniscan_sitemap_options())
      }
    }
    guard let reader else { return nil }
    defer { xmlFreeTextReader(reader) }
    var kind: Sitemap.Kind?
    var locations: [String] = []
    var truncated = false
    while xmlTextReaderRead(reader) == 1 {
      guard xmlTextReaderNodeType(reader) == 1, let name = xmlTextReaderConstLocalName(reader)
      else { continue }
      if kind == nil {
        if LibXML.equals(name, "urlset") {
          kind = .urlSet
        } else if LibXML.equals(name, "sitemapindex") {
          kind = .index
        } else {
          return nil
        }
        continue
      }
      guard LibXML.equals(name, "loc"), let text = xmlTextReaderReadString(reader) else { continue }
      let location = String(cString: text).trimmingWhitespace()
      muniscan_xml_free(text)
      guard !location.isEmpty else { continue }
      guard locations.count < maxLocations else {
        truncated = true
        break
      }
      locations.append(location)
    }
    return kind.map { Sitemap(kind: $0, locations: locations, truncated: truncated) }
  }

  /// A text sitemap: one absolute http(s) URL per line; nil when a line is anything else.
  private static func parseText(_ bytes: [UInt8], maxLocations: Int) -> Sitemap? {
    var locations: [String] = []
    for line in bytes.split(whereSeparator: { $0 == 0x0A || $0 == 0x0D }) {
      let text = String(decoding: line, as: UTF8.self).trimmingWhitespace()
      if text.isEmpty { continue }
      guard text.hasPrefix("http://") || text.hasPrefix("https://") else { return nil }
      guard locations.count < maxLocations else {
        return Sitemap(kind: .urlSet, locations: locations, truncated: true)
      }
      locations.append(text)
    }
    return locations.isEmpty ? nil : Sitemap(kind: .urlSet, locations: locations)
  }
}
