/// What in a pattern's text changes how the rest of it reads, for the readers that summarise
/// patterns without compiling them (required literals, anchor windows): they give up on it.
public enum PatternSyntax {
  /// Whether `pattern` sets options inline (`(?x)`, `(?i)`, `(?<name>` is a group, not one):
  /// a group opened by `(?` and anything but `:`, `=`, `!` or `<`, not escaped.
  public static func hasInlineFlags(_ pattern: String) -> Bool {
    let scalars = Array(pattern.unicodeScalars)
    for index in scalars.indices.dropLast(2)
    where scalars[index] == "(" && scalars[index + 1] == "?" {
      if index > 0, scalars[index - 1] == "\\" { continue }
      if !":=!<".unicodeScalars.contains(scalars[index + 2]) { return true }
    }
    return false
  }
}
