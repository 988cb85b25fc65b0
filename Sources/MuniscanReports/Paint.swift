import MuniscanCore

/// ANSI colours, or nothing when the output is not a terminal.
struct Paint {
  let enabled: Bool

  func bold(_ text: String) -> String { wrap(text, "1") }
  func red(_ text: String) -> String { wrap(text, "31") }
  func green(_ text: String) -> String { wrap(text, "32") }
  func dim(_ text: String) -> String { wrap(text, "2") }

  func status(_ text: String, _ status: FindingStatus) -> String {
    switch status {
    case .pass: return wrap(text, "32")
    case .partial: return wrap(text, "33")
    case .fail: return wrap(text, "31")
    case .unknown: return wrap(text, "2")
    }
  }

  func band(_ text: String, _ band: Band) -> String {
    switch band {
    case .green: return wrap(text, "32")
    case .yellow: return wrap(text, "33")
    case .red: return wrap(text, "31")
    }
  }

  private func wrap(_ text: String, _ code: String) -> String {
    enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
