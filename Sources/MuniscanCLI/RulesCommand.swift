import ArgumentParser
import Foundation
import MuniscanAudit
import MuniscanCore
import MuniscanRules

/// `muniscan rules …`: validate, test, list and explain rule sets.
struct RulesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules",
    abstract: "Validate, test, list and explain rule sets.",
    subcommands: [Check.self, Test.self, List.self, Explain.self, Predicates.self])

  struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate a rule set folder.")

    @Argument(help: "Rule set folder (default: rules/ee).")
    var directory: String?

    func run() async throws {
      let ruleSet = try RulesLocator.load(directory)
      Console.write(
        "\(ruleSet.id) \(ruleSet.version): \(ruleSet.rules.count) rules in \(ruleSet.areas.count) areas, valid\n"
      )
    }
  }

  struct Test: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run every example of every rule.")

    @Argument(help: "Rule set folder (default: rules/ee).")
    var directory: String?

    func run() async throws {
      let ruleSet = try RulesLocator.load(directory)
      let (count, failures) = try ExampleRunner.run(ruleSet)
      for failure in failures { Console.write("\(failure)\n") }
      Console.write("\(count - failures.count) passed, \(failures.count) failed\n")
      if !failures.isEmpty { throw ExitCode.failure }
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the rules of a rule set.")

    @Option(help: "Rule set folder (default: rules/ee).")
    var rules: String?

    @Option(
      help: ArgumentHelp(
        "Language of the titles: one the rule set declares (default: en if it does, else its own).",
        valueName: "code"))
    var lang: String?

    func run() async throws {
      let ruleSet = try RulesLocator.load(rules)
      let language = try ReportLanguage.words(
        lang, languages: ruleSet.languages, locales: ruleSet.locales
      ).language
      let width = ruleSet.rules.map(\.id.count).max() ?? 0
      for rule in ruleSet.rules {
        let id = rule.id + String(repeating: " ", count: width - rule.id.count)
        Console.write("\(id)  \(rule.weight.formatted())  \(rule.title[language])\n")
      }
    }
  }

  struct Explain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Explain what a rule looks for, why, and how to fix it.")

    @Argument(help: "Rule id, e.g. council.minutes")
    var id: String

    @Option(help: "Rule set folder (default: rules/ee).")
    var rules: String?

    func run() async throws {
      let ruleSet = try RulesLocator.load(rules)
      guard let rule = ruleSet.rule(id: id) else {
        throw MuniscanError("no rule '\(id)' in \(ruleSet.id) (see 'muniscan rules list')")
      }
      Console.write(RuleExplanation.text(rule, languages: ruleSet.languages))
    }
  }

  struct Predicates: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the predicates rules can use, as a Markdown table.")

    func run() async throws {
      Console.write(PredicateVocabulary.referenceTable)
    }
  }
}

extension Double {
  /// Whole numbers without a decimal point, others with one decimal.
  func formatted() -> String {
    self == rounded() ? String(Int(self)) : String(format: "%.1f", self)
  }
}
