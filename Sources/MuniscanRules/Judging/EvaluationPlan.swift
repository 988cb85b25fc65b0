import MuniscanCore

/// A rule set made ready to judge sites: one phrase matcher and one set of compiled patterns for
/// all rules, and each rule's predicates compiled into checks. Made once, shared by every site.
struct EvaluationPlan: Sendable {
  let matcher: PhraseMatcher
  /// How pages are stemmed, by their language.
  let stemmings: LanguageStemmings
  let patterns: CompiledPatterns
  /// The compiled `match` and `partial` of each rule, in rule order.
  let checks: [(match: Check, partial: Check?)]
  /// Number of item-check slots a site keeps answers in.
  let slotCount: Int
  /// Words that negate a sentence in the rule set's page languages, looked up by their bytes.
  let negations: ByteStrings
  /// Tells news items from standing pages, for rules that need the latter.
  let news: NewsItems
  /// The stem caches of the sites judged at once, each set handed from a site to the next.
  let stemCaches: ReusePool<StemCaches, Never>

  init(ruleSet: RuleSet) {
    var negations = ByteStrings()
    for word in ruleSet.locale.negations.sorted() { negations.add(Array(word.utf8)) }
    self.negations = negations
    news = NewsItems(locale: ruleSet.locale)
    var sources = Set<String>()
    var phrases = Set<Phrase>()
    for rule in ruleSet.rules {
      for predicate in [rule.match] + (rule.partial.map { [$0] } ?? []) {
        sources.formUnion(predicate.patterns)
        phrases.formUnion(predicate.phrases)
      }
    }
    patterns = CompiledPatterns(sources)
    stemmings = LanguageStemmings(languages: ruleSet.languages.map(\.code))
    let matcher = PhraseMatcher(phrases: phrases, stemmings: stemmings.all)
    self.matcher = matcher
    stemCaches = ReusePool { StemCaches(matcher: matcher) }
    var compiler = CheckCompiler(matcher: matcher, patterns: patterns)
    checks = ruleSet.rules.map { rule in
      (compiler.compile(rule.match), rule.partial.map { compiler.compile($0) })
    }
    slotCount = compiler.slotCount
  }
}
