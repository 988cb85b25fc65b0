import MuniscanCore

/// `document`: a link to a document (pdf, doc, …) whose text or file name holds one of the
/// phrases. A document on the site that answered with an error never counts.
struct DocumentTest: PredicateFamily {
  static let keys = ["document"]
  static let documentation = PredicateDocumentation(
    syntax: "`document: [phrases]` or `document: {text, type, except}`",
    meaning:
      "a link to a pdf/doc/docx/odt/xls/xlsx/ods/bdoc/asice/… whose text or file name holds a phrase; `type` limits file types; `except` phrases its text or file name must not hold (a draft for an adopted act)",
    evidence: "link text and file")

  var text: [Phrase] = []
  /// File types accepted; empty means any document type.
  var types: [String] = []
  /// Phrases the document's text or file name must not hold.
  var except: [Phrase] = []

  static func read(key: String, _ value: YAMLValue) throws -> DocumentTest {
    if case .sequence = value.node {
      return DocumentTest(text: try PredicateReader.phrases(value, what: "'document'"))
    }
    let map = try value.mapping(allowing: ["text", "type", "except"], what: "'document'")
    var result = DocumentTest()
    if let text = map["text"] {
      result.text = try PredicateReader.phrases(text, what: "'document.text'")
    }
    if let type = map["type"] {
      result.types = try type.strings(what: "'document.type'").map { $0.lowercased() }
    }
    if let except = map["except"] {
      result.except = try PredicateReader.phrases(except, what: "'document.except'")
    }
    return result
  }

  var description: String {
    let kind = types.isEmpty ? "document" : types.joined(separator: "/")
    let named = text.isEmpty ? "" : " named with \(PredicateReader.quoted(text))"
    let unless = except.isEmpty ? "" : ", not with \(PredicateReader.quoted(except))"
    return "a \(kind) link\(named)\(unless)"
  }

  var phrases: [Phrase] { text + except }

  func compile(_ compiler: inout CheckCompiler) -> any PageTest {
    Compiled(
      slot: compiler.slot(for: self), phrases: compiler.ids(text), except: compiler.ids(except),
      types: types)
  }

  /// The document test made ready: the site's distinct documents are judged once, into its slot.
  struct Compiled: PageTest {
    var slot: Int
    var phrases: [Int]
    var except: [Int]
    var types: [String]

    func evaluate(on page: IndexedPage, _ judge: PageJudge) -> [Evidence]? {
      let site = judge.site
      return judge.items(
        "document", selection(site), in: site.documents, targets: site.documentTargets, on: page
      ) { document, _ in
        PageJudge.inRow(
          document.text.isEmpty ? IndexedPage.fileName(document.url) : document.text,
          document.context)
      }
    }

    /// The site's distinct documents passing the test: text or file name, type, not broken.
    private func selection(_ site: SiteContext) -> Selection {
      site.selection(in: slot) {
        var ranks = Selection.ranks(
          count: site.documents.items.count, phrases: phrases,
          matching: site.documents.phrases.items(matching:))
        Selection.exclude(&ranks, except: except, matching: site.documents.phrases.items(matching:))
        // Read once per selection, not once per candidate: the lazy table and its items.
        let documents = site.documents.items
        let targets = site.documentTargets
        for id in ranks.indices where ranks[id] != Selection.fails {
          let wrongType = !types.isEmpty && !types.contains(documents[id].type)
          if wrongType || site.isBroken(targets.target(id), host: targets.host(id)) {
            ranks[id] = Selection.fails
          }
        }
        return Selection(ranks: ranks, in: site.documents, pageCount: site.pages.count)
      }
    }
  }
}
