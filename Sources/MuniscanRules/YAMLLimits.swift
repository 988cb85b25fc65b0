// libyaml as Yams builds it (its C module, not a product of Yams): only its event parser can
// see aliases before Yams expands them.
import CYaml

/// Caps what one rule file may expand to. Yams resolves every alias by copying the anchored
/// node, so a few hundred bytes of nested aliases (a "billion laughs") make a document of
/// billions of nodes: reading the rules would visit them one by one, for minutes and gigabytes,
/// and Yams itself hashes every one of them when an alias is a mapping key. So before Yams
/// composes a file, this walks libyaml's events once, counting the nodes each anchor stands
/// for, and refuses the file at the first event that passes a limit.
enum YAMLLimits {
  /// Nodes a document may hold once its aliases are expanded (a shipped rule file has a few
  /// thousand).
  static let maxNodes = 100_000
  /// Mappings and lists nested in one another at most, aliases expanded.
  static let maxDepth = 64

  /// What an anchor stands for.
  private struct Expansion {
    var nodes: Int
    /// Mappings and lists nested in the anchored node, itself included.
    var depth: Int
  }

  /// A mapping or list being read.
  private struct Open {
    var anchor: String?
    var nodesBefore: Int
    var deepestChild = 0
  }

  /// Throws a `RuleError` at the first place where `text` passes a limit. YAML errors are
  /// left for Yams to report.
  static func check(_ text: String, file: String) throws {
    var text = text
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return }
    defer { yaml_parser_delete(&parser) }
    try text.withUTF8 { bytes in
      yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
      yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
      var anchors: [String: Expansion] = [:]
      var open: [Open] = []
      var nodes = 0
      while true {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { return }
        defer { yaml_event_delete(&event) }
        func fail(_ message: String) -> RuleError {
          RuleError(
            file: file, line: event.start_mark.line + 1, column: event.start_mark.column + 1,
            message: message)
        }
        /// The node that this event ends, if any.
        var ended: Expansion?
        switch event.type {
        case YAML_STREAM_END_EVENT:
          return
        case YAML_DOCUMENT_START_EVENT:
          anchors = [:]
        case YAML_SCALAR_EVENT:
          ended = Expansion(nodes: 1, depth: 0)
          nodes += 1
          if let anchor = name(event.data.scalar.anchor) { anchors[anchor] = ended }
        case YAML_ALIAS_EVENT:
          let expansion =
            name(event.data.alias.anchor).flatMap { anchors[$0] } ?? Expansion(nodes: 1, depth: 0)
          ended = expansion
          nodes += expansion.nodes
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
          let anchor =
            event.type == YAML_SEQUENCE_START_EVENT
            ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
          open.append(Open(anchor: name(anchor), nodesBefore: nodes))
          nodes += 1
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
          let closed = open.removeLast()
          let expansion = Expansion(
            nodes: nodes - closed.nodesBefore, depth: closed.deepestChild + 1)
          ended = expansion
          if let anchor = closed.anchor { anchors[anchor] = expansion }
        default:
          break
        }
        if let ended, !open.isEmpty {
          open[open.count - 1].deepestChild = max(open[open.count - 1].deepestChild, ended.depth)
        }
        guard open.count + (ended?.depth ?? 0) <= maxDepth else {
          throw fail(
            "mappings and lists are nested more than \(maxDepth) levels deep (limit \(maxDepth))")
        }
        guard nodes <= maxNodes else {
          throw fail(
            "the file expands to more than \(maxNodes) YAML nodes once its aliases are resolved"
              + " (limit \(maxNodes))")
        }
      }
    }
  }

  private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    anchor.map { String(cString: $0) }
  }
}
