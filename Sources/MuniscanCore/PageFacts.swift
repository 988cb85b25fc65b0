/// Where on a page a link sits; rules may prefer navigation links over links in body text.
public enum PageRegion: String, Sendable, Codable, Hashable {
  case nav, header, footer, main, aside, body

  /// Hashed by its case, not by its name: judging looks up every link of every page by a key
  /// holding its region, and a raw-value enum would hash the name's string each time.
  public func hash(into hasher: inout Hasher) {
    let index: UInt8
    switch self {
    case .nav: index = 0
    case .header: index = 1
    case .footer: index = 2
    case .main: index = 3
    case .aside: index = 4
    case .body: index = 5
    }
    hasher.combine(index)
  }
}

/// A hyperlink as the page shows it: visible text (or title/alt when empty) and resolved target.
public struct Link: Sendable, Codable, Hashable {
  public var text: String
  /// Absolute URL after resolving against the page's base URL.
  public var url: String
  public var region: PageRegion
  /// The text of the table row the link sits in, when it differs from the link's own: document
  /// tables give a document's date in a column of its own.
  public var context: String?

  public init(text: String, url: String, region: PageRegion, context: String? = nil) {
    self.text = text
    self.url = url
    self.region = region
    self.context = context
  }
}

/// A heading (`h1`–`h6`) of a page.
public struct Heading: Sendable, Codable, Hashable {
  public var level: Int
  public var text: String

  public init(level: Int, text: String) {
    self.level = level
    self.text = text
  }
}

/// A link to a downloadable document (pdf, doc, …), which municipalities use for budgets, plans
/// and minutes.
public struct DocumentLink: Sendable, Codable, Hashable {
  public var url: String
  public var text: String
  /// Lower-case file type: pdf, doc, docx, odt, xls, xlsx, ods, bdoc, asice, …
  public var type: String
  /// What a HEAD request for the document answered (`--head-documents`); nil when not asked.
  public var status: Int?
  /// `Content-Length` of the document in bytes.
  public var size: Int?
  /// `Content-Type` media type, lower-cased, without parameters.
  public var contentType: String?
  /// `Last-Modified` of the document, which can show how fresh it is.
  public var lastModified: Day?
  /// The text of the table row the link sits in (see ``Link/context``).
  public var context: String?

  public init(
    url: String, text: String, type: String, status: Int? = nil, size: Int? = nil,
    contentType: String? = nil, lastModified: Day? = nil, context: String? = nil
  ) {
    self.context = context
    self.url = url
    self.text = text
    self.type = type
    self.status = status
    self.size = size
    self.contentType = contentType
    self.lastModified = lastModified
  }
}

/// The result of one selector or XPath query that a rule set asked the page analyser to run while
/// the document was parsed (libxml2 documents never leave the HTML module).
public struct QueryMatch: Sendable, Codable, Hashable {
  /// Text content of the first matching node (trimmed, shortened), empty when nothing matched.
  public var snippet: String
  public var count: Int

  public init(snippet: String, count: Int) {
    self.snippet = snippet
    self.count = count
  }
}

/// Everything the rules may look at on one page, extracted once from one parse.
public struct PageFacts: Sendable, Codable, Hashable {
  /// The URL the page was requested at (after redirects: the final URL).
  public var url: String
  /// Clicks from the home page (0 for the home page itself).
  public var depth: Int
  public var status: Int
  public var contentType: String
  public var title: String
  /// `lang` of the `html` element, lower-cased, when present.
  public var lang: String?
  public var headings: [Heading]
  public var links: [Link]
  public var documents: [DocumentLink]
  /// Embedded content (`<iframe src>`, `<embed src>`, `<object data>`, `<video src>`,
  /// `<audio src>`, `<source src>` of a video or audio): absolute http(s) URLs, each once, in
  /// page order. Rules look here for video players, maps and forms from other services.
  public var embeds: [String]
  /// Visible text (no script, style or hidden elements), whitespace collapsed.
  public var text: String
  public var emails: [String]
  public var phones: [String]
  /// Dates written in the page: visible text, `<meta>` dates and `<time datetime>`, sorted.
  public var dates: [Day]
  /// HTTP `Last-Modified`, when sent.
  public var lastModified: Day?
  /// Results of the rule set's selector and XPath queries, keyed by the query text.
  public var queries: [String: QueryMatch]

  public init(
    url: String, depth: Int = 0, status: Int = 200, contentType: String = "text/html",
    title: String = "", lang: String? = nil, headings: [Heading] = [], links: [Link] = [],
    documents: [DocumentLink] = [], text: String = "", emails: [String] = [],
    phones: [String] = [], dates: [Day] = [], lastModified: Day? = nil,
    queries: [String: QueryMatch] = [:], embeds: [String] = []
  ) {
    self.url = url
    self.depth = depth
    self.status = status
    self.contentType = contentType
    self.title = title
    self.lang = lang
    self.headings = headings
    self.links = links
    self.documents = documents
    self.embeds = embeds
    self.text = text
    self.emails = emails
    self.phones = phones
    self.dates = dates
    self.lastModified = lastModified
    self.queries = queries
  }
}
