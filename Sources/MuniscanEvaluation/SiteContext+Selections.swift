import MuniscanCore

extension SiteContext {
  /// The distinct links passing `check`: text, region, host, target pattern, and not broken.
  func selection(for check: LinkCheck) -> Selection {
    if let known = selections[check.slot] { return known }
    var ranks = Selection.ranks(
      count: links.items.count, phrases: check.phrases, matching: links.blob.items(matching:))
    for id in ranks.indices where ranks[id] != Selection.fails {
      if !passes(link: id, check) { ranks[id] = Selection.fails }
    }
    let selection = Selection(ranks: ranks, in: links, pageCount: pages.count)
    selections[check.slot] = selection
    return selection
  }

  private func passes(link id: Int, _ check: LinkCheck) -> Bool {
    let link = links.items[id]
    if !check.regions.isEmpty, !check.regions.contains(link.region) { return false }
    let host = linkHost(id)
    if !check.hosts.isEmpty,
      !check.hosts.contains(where: { URLNormalizer.host(host, isWithin: $0) })
    {
      return false
    }
    if let pattern = check.pattern, !plan.patterns.matches(pattern, in: link.url) {
      return false
    }
    return !isBroken(linkTarget(id), host: host)
  }

  /// The distinct documents passing `check`: text or file name, type, and not broken.
  func selection(for check: DocumentCheck) -> Selection {
    if let known = selections[check.slot] { return known }
    var ranks = Selection.ranks(
      count: documents.items.count, phrases: check.phrases,
      matching: documents.blob.items(matching:))
    for id in ranks.indices where ranks[id] != Selection.fails {
      let document = documents.items[id]
      let target = URLNormalizer.normalize(document.url) ?? document.url
      let wrongType = !check.types.isEmpty && !check.types.contains(document.type)
      if wrongType || isBroken(target, host: URLNormalizer.siteKey(target) ?? "") {
        ranks[id] = Selection.fails
      }
    }
    let selection = Selection(ranks: ranks, in: documents, pageCount: pages.count)
    selections[check.slot] = selection
    return selection
  }

  /// The distinct headings holding one of `phrases`, ranked by the first phrase they hold.
  func headingSelection(slot: Int, phrases: [Int]) -> Selection {
    if let known = selections[slot] { return known }
    let ranks = Selection.ranks(
      count: headings.items.count, phrases: phrases, matching: headings.blob.items(matching:))
    let selection = Selection(ranks: ranks, in: headings, pageCount: pages.count)
    selections[slot] = selection
    return selection
  }

  /// The pages whose title holds one of `phrases`.
  func titleSelection(slot: Int, phrases: [Int]) -> Selection {
    if let known = selections[slot] { return known }
    let selection = Selection(
      pageRanks: Selection.ranks(
        count: pages.count, phrases: phrases, matching: titles.items(matching:)))
    selections[slot] = selection
    return selection
  }
}
