import MuniscanCore

extension SiteContext {
  /// The distinct links passing `check`: text, region, host, target pattern, and not broken.
  func selection(for check: LinkCheck) -> Selection {
    selection(in: check.slot) {
      var ranks = Selection.ranks(
        count: links.items.count, phrases: check.phrases, matching: links.blob.items(matching:))
      for id in ranks.indices where ranks[id] != Selection.fails {
        if !passes(link: id, check) { ranks[id] = Selection.fails }
      }
      return Selection(ranks: ranks, in: links, pageCount: pages.count)
    }
  }

  private func passes(link id: Int, _ check: LinkCheck) -> Bool {
    let link = links.items[id]
    if !check.regions.isEmpty, !check.regions.contains(link.region) { return false }
    let host = linkTargets.host(id)
    if !check.hosts.isEmpty,
      !check.hosts.contains(where: { URLNormalizer.host(host, isWithin: $0) })
    {
      return false
    }
    if let pattern = check.pattern, !plan.patterns.matches(pattern, in: link.url) {
      return false
    }
    return !isBroken(linkTargets.target(id), host: host)
  }

  /// The distinct documents passing `check`: text or file name, type, and not broken.
  func selection(for check: DocumentCheck) -> Selection {
    selection(in: check.slot) {
      var ranks = Selection.ranks(
        count: documents.items.count, phrases: check.phrases,
        matching: documents.blob.items(matching:))
      for id in ranks.indices where ranks[id] != Selection.fails {
        let type = documents.items[id].type
        let wrongType = !check.types.isEmpty && !check.types.contains(type)
        if wrongType || isBroken(documentTargets.target(id), host: documentTargets.host(id)) {
          ranks[id] = Selection.fails
        }
      }
      return Selection(ranks: ranks, in: documents, pageCount: pages.count)
    }
  }

  /// The distinct headings holding one of `phrases`, ranked by the first phrase they hold.
  func headingSelection(slot: Int, phrases: [Int]) -> Selection {
    selection(in: slot) {
      let ranks = Selection.ranks(
        count: headings.items.count, phrases: phrases, matching: headings.blob.items(matching:))
      return Selection(ranks: ranks, in: headings, pageCount: pages.count)
    }
  }

  /// The pages whose title holds one of `phrases`.
  func titleSelection(slot: Int, phrases: [Int]) -> Selection {
    selection(in: slot) {
      Selection(
        pageRanks: Selection.ranks(
          count: pages.count, phrases: phrases, matching: titles.items(matching:)))
    }
  }
}
