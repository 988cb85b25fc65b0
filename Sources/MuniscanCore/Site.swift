/// A municipality (or any organisation) whose website is audited: the unit every result is about.
public struct Site: Sendable, Codable, Hashable {
  /// Human name, e.g. "Elva vald".
  public var name: String
  /// Home page URL where the crawl starts.
  public var url: String
  /// Extra columns of the sites file (type, county, …), kept for reports.
  public var attributes: [String: String]

  public init(name: String, url: String, attributes: [String: String] = [:]) {
    self.name = name
    self.url = url
    self.attributes = attributes
  }
}
