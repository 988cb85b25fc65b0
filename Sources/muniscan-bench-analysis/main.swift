// Measures the page analysis: parse + extract + evaluate throughput on a corpus of realistic
// pages, beside bare libxml2 parsing of the same bytes in the same run; the stages take turns,
// ROUNDS rounds (9 unless given), and each stage's median is reported.
// Usage: muniscan-bench-analysis [--only STAGE] FIXTURES_DIR RULES_DIR [ROUNDS]
//        muniscan-bench-analysis [--only STAGE] --corpus plain|dense RULES_DIR [ROUNDS]
// The second form measures 8 sites x 100 pages of the bench server's synthetic nation. With
// --only, one stage (bare, tokens, extract, tree, full, evaluate) is run ROUNDS times and nothing is
// timed: what a profiler or an instruction counter (scripts/bench-instructions) looks at.
import BenchNation
// (the language files are read from the `locales` folder two levels above RULES_DIR)
import Foundation
import MuniscanCore
import MuniscanHTML
import MuniscanRules

var arguments = Array(CommandLine.arguments.dropFirst())
/// The one stage to run, untimed, when given.
var onlyStage: Stage?
if arguments.first == "--only", arguments.count > 1 {
  onlyStage = Stage(rawValue: arguments[1])
  arguments.removeFirst(onlyStage == nil ? arguments.count : 2)
}
var nationCorpus: Corpus?
if arguments.first == "--corpus" {
  arguments.removeFirst()  // the corpus name stands where FIXTURES_DIR does
  nationCorpus = arguments.first.flatMap(Corpus.init(rawValue:))
  if nationCorpus == nil { arguments = [] }
}
guard arguments.count >= 2 else {
  FileHandle.standardError.write(
    Data(
      ("usage: muniscan-bench-analysis [--only bare|tokens|extract|tree|full|evaluate]"
        + " (FIXTURES_DIR | --corpus plain|dense) RULES_DIR [ROUNDS]\n").utf8))
  exit(2)
}
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 9 : 9
let corpus =
  try nationCorpus.map { BenchCorpus.nation($0, sites: 8, pages: 100) }
  ?? BenchCorpus.load(fixtures: arguments[0])
let locales = URL(fileURLWithPath: arguments[1]).deletingLastPathComponent()
  .deletingLastPathComponent().appendingPathComponent("locales").path
let ruleSet = try RuleSetLoader.load(
  directory: arguments[1], locales: LocaleLibrary(folders: [locales]))
let bytes = corpus.pages.reduce(0) { $0 + $1.body.count }
print("corpus: \(corpus.pages.count) pages, \(bytes / 1024) KiB (\(corpus.description))")

let bare = BareParser()
let tokeniser = BareParser(mode: .tokens)
/// Parse + extract alone: no queries, so no tree.
let extractor = try PageAnalyzer(locale: ruleSet.locale)
/// One XPath query (an embedded video player), so the tree that queries need is built and
/// searched on every page.
let queried = try PageAnalyzer(
  queries: [PageQuery.xpath(#"//iframe[contains(@src, "youtube") or contains(@src, "vimeo")]"#)],
  locale: ruleSet.locale)
/// The analysis a crawl with this rule set runs: its queries too, when it has any.
let analyzer = try PageAnalyzer(queries: ruleSet.queries.map(\.query), locale: ruleSet.locale)
/// Passes that judge sites: the full analysis and evaluation alone, once a round each, or the
/// one stage run alone.
let judgingPasses =
  onlyStage.map { $0 == .full || $0 == .evaluate ? rounds : 0 } ?? 2 * rounds
/// The rule set compiled afresh for each pass that judges, all made before anything is timed:
/// a pass judges its sites with stem caches as cold as those of a crawl's first sites, not warm
/// with the very sites the pass before judged (see `StemCaches`). One at least, as any run
/// compiled it: scripts/bench-instructions subtracts a run with no rounds from each stage's.
var evaluators = (0..<max(1, judgingPasses)).map { _ in Evaluator(ruleSet: ruleSet) }

/// An evaluator no pass has used.
@MainActor func freshEvaluator() -> Evaluator {
  evaluators.popLast() ?? Evaluator(ruleSet: ruleSet)
}
let asOf = Day(iso: "2026-11-20")!

/// The stages measured, each a pass over the whole corpus, in the order they are reported.
enum Stage: String, CaseIterable {
  case bare, tokens, extract, tree, full, evaluate
}

/// A site of the corpus parsed and extracted, as a crawl hands it to evaluation.
@MainActor func analysed(_ site: [PageInput]) -> SiteCrawl {
  SiteCrawl(
    site: Site(name: "bench", url: site[0].url), outcome: .crawled, finalURL: site[0].url,
    pages: site.map { analyzer.analyze($0) })
}

/// Parse + extract + evaluate, site by site, as a crawl does it.
@MainActor func analyseAndJudge() {
  let evaluator = freshEvaluator()
  for site in corpus.sites { _ = evaluator.evaluate(analysed(site), asOf: asOf) }
}

/// Evaluation of sites whose facts are ready.
@MainActor func judge(_ crawls: [SiteCrawl]) {
  let evaluator = freshEvaluator()
  for crawl in crawls { _ = evaluator.evaluate(crawl, asOf: asOf) }
}

/// One pass of `stage` over the whole corpus; evaluation alone judges `crawls`, the sites' facts
/// made beforehand.
@MainActor func pass(_ stage: Stage, crawls: [SiteCrawl]) {
  switch stage {
  case .bare: for page in corpus.pages { bare.parse(page.body) }
  case .tokens: for page in corpus.pages { tokeniser.parse(page.body) }
  case .extract: for page in corpus.pages { _ = extractor.analyze(page) }
  case .tree: for page in corpus.pages { _ = queried.analyze(page) }
  case .full: analyseAndJudge()
  case .evaluate: judge(crawls)
  }
}

/// What the report calls `stage`.
func label(_ stage: Stage) -> String {
  switch stage {
  case .bare: "bare libxml2 parse (tree)"
  case .tokens: "bare libxml2 SAX tokenise (no callbacks)"
  case .extract: "parse + extract (PageFacts)"
  case .tree: "parse + extract, with one XPath query (tree built)"
  case .full:
    "parse + extract + evaluate (\(ruleSet.rules.count) rules, \(ruleSet.queries.count) queries)"
  case .evaluate: "evaluate alone (\(ruleSet.rules.count) rules, facts ready)"
  }
}

if let stage = onlyStage {
  let crawls = stage == .evaluate ? corpus.sites.map(analysed) : []
  for _ in 0..<rounds { pass(stage, crawls: crawls) }
  print("\(stage.rawValue): \(corpus.pages.count) pages x \(rounds) rounds")
  exit(0)
}

let skipped = corpus.pages.reduce(0) { total, page in
  _ = extractor.analyze(page)
  return total + extractor.rawTextBytesSkipped
}
print(
  String(
    format: "script, style and SVG content the parser skips unread: %.0f%% of the corpus bytes",
    Double(skipped) / Double(max(bytes, 1)) * 100))

/// The sites' facts made once, so that evaluation is also measured alone.
let crawls = corpus.sites.map(analysed)

let seconds = interleavedSeconds(
  of: Stage.allCases.map { stage in { pass(stage, crawls: crawls) } }, rounds: rounds)
print("median of \(rounds) rounds, every stage once per round (ms/page: median, fastest-slowest)")
for (stage, times) in zip(Stage.allCases, seconds) {
  let median = times.median
  print(
    "\(label(stage).padding(toLength: 52, withPad: " ", startingAt: 0)) \(String(format: "%8.0f", Double(corpus.pages.count) / median)) pages/s  \(String(format: "%7.1f", Double(bytes) / median / 1_048_576)) MB/s  \(String(format: "%6.3f", median * 1000 / Double(corpus.pages.count))) ms/page  (\(String(format: "%.3f-%.3f", times.min()! * 1000 / Double(corpus.pages.count), times.max()! * 1000 / Double(corpus.pages.count))))"
  )
}

/// The CPU seconds of `stage`'s passes, one per round.
func times(of stage: Stage) -> [Double] { seconds[Stage.allCases.firstIndex(of: stage)!] }

/// One line saying how much of both baselines' throughput `stage` keeps: the ratio of the
/// medians, and the range of the ratio within a round (stages of one round ran within a few
/// seconds of each other, so a slow minute of the machine touches both).
func share(_ label: String, _ stage: Stage, target: String = "") {
  let (bare, tokens, stage) = (times(of: .bare), times(of: .tokens), times(of: stage))
  let paired = zip(bare, stage).map { $0 / $1 * 100 }
  print(
    String(
      format:
        "%@ keeps %.0f%% of bare-parse (tree) throughput (%.0f-%.0f%% within a round), %.0f%% of bare SAX tokenising%@",
      label, bare.median / stage.median * 100, paired.min()!, paired.max()!,
      tokens.median / stage.median * 100, target))
}
share("extraction", .extract)
share("extraction with the tree for queries", .tree)
share("full analysis", .full, target: corpus.target.map { " (target: \($0))" } ?? "")
