import Foundation
import MuniscanCore

/// Loads a rule set folder: `ruleset.yml` (id, version, languages, areas, and optionally
/// `extends`, `disable`, `weights`), `locale.yml` (how its pages write dates and phone numbers,
/// with the language files of `locales`) and every other `*.yml` file holding `rules:`. Every
/// problem is a `RuleError` naming file and line; nothing half-loaded is returned.
public enum RuleSetLoader {
  static let manifestName = "ruleset.yml"
  static let manifestKeys: Set<String> = [
    "id", "version", "languages", "title", "areas", "extends", "disable", "weights",
    "examples_as_of",
  ]

  public static func load(directory: String, locales: LocaleLibrary) throws -> RuleSet {
    try load(directory: directory, locales: locales, visiting: [])
  }

  private static func load(directory: String, locales: LocaleLibrary, visiting: [String]) throws
    -> RuleSet
  {
    let folder = URL(fileURLWithPath: directory).standardizedFileURL.path
    let manifestPath = folder + "/" + manifestName
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { throw RuleError(file: directory, message: "no such rule set folder") }
    guard !visiting.contains(folder) else {
      throw RuleError(file: manifestPath, message: "'extends' loops back to \(folder)")
    }
    let manifest = try YAMLValue.parse(try SourceFile.read(manifestPath), file: manifestPath)
    let map = try manifest.mapping(allowing: manifestKeys, what: "ruleset.yml")

    var parent: RuleSet?
    if let extends = map["extends"] {
      let path = try extends.string(what: "'extends'")
      let parentFolder = path.hasPrefix("/") ? path : folder + "/" + path
      parent = try load(directory: parentFolder, locales: locales, visiting: visiting + [folder])
    }

    let id = try map.required("id").string(what: "'id'")
    let version = try map.required("version").string(what: "'version'")
    guard let languages = try map["languages"].map(readLanguages) ?? parent?.languages else {
      throw manifest.error("ruleset.yml needs 'languages' (e.g. [et, en], its own first)")
    }
    let title =
      try map["title"].map { try RuleReader.localized($0, what: "'title'", languages: languages) }
      ?? parent?.title ?? LocalizedText(id, in: languages)
    let areas =
      try map["areas"].map { try readAreas($0, languages: languages) } ?? parent?.areas ?? []
    let localePath = folder + "/" + LocaleReader.fileName
    let locale =
      try FileManager.default.fileExists(atPath: localePath)
      ? LocaleReader.read(localePath, library: locales) : parent?.locale
    guard let locale else {
      throw RuleError(
        file: localePath, message: "the rule set needs it (page languages, numeric dates, phones)")
    }
    let examplesAsOf = try map["examples_as_of"].map(readDay) ?? parent?.examplesAsOf
    guard let examplesAsOf else {
      throw manifest.error("ruleset.yml needs 'examples_as_of' (YYYY-MM-DD)")
    }

    var rules = parent?.rules ?? []
    for file in try ruleFiles(in: folder) {
      let document = try YAMLValue.parse(try SourceFile.read(file), file: file)
      let body = try document.mapping(allowing: ["rules"], what: "a rule file")
      for item in try body.required("rules").sequence(what: "'rules'") {
        let rule = try RuleReader.read(item, languages: languages)
        if let index = rules.firstIndex(where: { $0.id == rule.id }) {
          guard rules[index].location.file.hasPrefix(folder + "/") == false else {
            throw item.error(
              "rule '\(rule.id)' is defined twice (first at \(rules[index].location))")
          }
          rules[index] = rule
        } else {
          rules.append(rule)
        }
      }
    }

    if let disable = map["disable"] {
      for id in try disable.strings(what: "'disable'") {
        guard rules.contains(where: { $0.id == id }) else {
          throw disable.error("'disable': no rule '\(id)'")
        }
        rules.removeAll { $0.id == id }
      }
    }
    if let weights = map["weights"] {
      let entries = try weights.mapping(
        allowing: Set(rules.map(\.id)), what: "'weights' (rule ids)")
      for (id, value) in entries.entries {
        let weight = try value.double(what: "weight of '\(id)'")
        guard weight >= 0 else { throw value.error("weight of '\(id)' must be 0 or more") }
        rules[rules.firstIndex { $0.id == id }!].weight = weight
      }
    }

    let areaIDs = Set(areas.map(\.id))
    for rule in rules where !areaIDs.contains(rule.area) {
      throw RuleError(
        file: rule.location.file, line: rule.location.line, column: rule.location.column,
        message: "rule '\(rule.id)' has area '\(rule.area)', which ruleset.yml does not list")
    }
    guard !rules.isEmpty else { throw manifest.error("the rule set has no rules") }
    try checkLanguages(
      rules: rules, areas: areas, title: title, languages: languages, manifest: manifest)
    // Report order: areas as ruleset.yml lists them, rules in file order within an area.
    let areaOrder = Dictionary(uniqueKeysWithValues: areas.enumerated().map { ($1.id, $0) })
    rules = rules.enumerated().sorted {
      (areaOrder[$0.element.area]!, $0.offset) < (areaOrder[$1.element.area]!, $1.offset)
    }.map(\.element)
    return RuleSet(
      id: id, version: version, languages: languages, title: title, areas: areas, rules: rules,
      examplesAsOf: examplesAsOf, locale: locale, locales: locales)
  }

  /// `languages`: ISO 639-1 codes, each once, at least one.
  private static func readLanguages(_ value: YAMLValue) throws -> [Language] {
    var seen = Set<Language>()
    let languages = try value.strings(what: "'languages'").map { code in
      guard let language = Language(code: code) else {
        throw value.error("'\(code)' is not an ISO 639-1 language code")
      }
      guard seen.insert(language).inserted else { throw value.error("'\(code)' is listed twice") }
      return language
    }
    guard !languages.isEmpty else { throw value.error("'languages' is empty") }
    return languages
  }

  /// Inherited rules, areas and title must be written in the languages this rule set declares,
  /// as its own are.
  private static func checkLanguages(
    rules: [Rule], areas: [AreaInfo], title: LocalizedText, languages: [Language],
    manifest: YAMLValue
  ) throws {
    let declared = languages.sorted()
    let names = declared.map(\.code).joined(separator: ", ")
    for rule in rules where rule.title.languages != declared || rule.advice.languages != declared {
      throw RuleError(
        file: rule.location.file, line: rule.location.line, column: rule.location.column,
        message: "rule '\(rule.id)' is not written in exactly the rule set's languages (\(names))")
    }
    if let area = areas.first(where: { $0.title.languages != declared }) {
      throw manifest.error("area '\(area.id)' is not written in exactly the languages \(names)")
    }
    guard title.languages == declared else {
      throw manifest.error("'title' is not written in exactly the languages \(names)")
    }
  }

  private static func readAreas(_ value: YAMLValue, languages: [Language]) throws -> [AreaInfo] {
    var seen = Set<String>()
    return try value.sequence(what: "'areas'").map { item in
      let map = try item.mapping(allowing: ["id", "title"], what: "an area")
      let id = try map.required("id").string(what: "area 'id'")
      guard seen.insert(id).inserted else { throw item.error("area '\(id)' is listed twice") }
      return AreaInfo(
        id: id,
        title: try RuleReader.localized(
          try map.required("title"), what: "area 'title'", languages: languages))
    }
  }

  private static func readDay(_ value: YAMLValue) throws -> Day {
    guard let day = Day(iso: try value.string(what: "'examples_as_of'")) else {
      throw value.error("'examples_as_of' must be a date YYYY-MM-DD")
    }
    return day
  }

  private static func ruleFiles(in folder: String) throws -> [String] {
    let names = try FileManager.default.contentsOfDirectory(atPath: folder)
    return names.filter {
      ($0.hasSuffix(".yml") || $0.hasSuffix(".yaml")) && $0 != manifestName
        && $0 != LocaleReader.fileName
    }
    .sorted().map { folder + "/" + $0 }
  }
}
