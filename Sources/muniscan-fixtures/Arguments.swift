/// `muniscan-fixtures [--root DIR] [--port N]`, parsed by hand (no argument-parser dependency).
struct Arguments {
  static let usage = """
    usage: muniscan-fixtures [--root DIR] [--port N]
      --root DIR  folder of fixture sites, one sub-folder per host (default: fixtures/sites)
      --port N    port on 127.0.0.1 to listen on, 0 for any free one (default: 8080)
    """

  var root = "fixtures/sites"
  var port = 8080
  var showHelp = false

  /// Parses `arguments` (without the program name); throws a one-line message.
  init(_ arguments: [String]) throws(ArgumentError) {
    var remaining = arguments[...]
    while let argument = remaining.popFirst() {
      var name = argument
      var inlineValue: String?
      if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
        name = String(argument[..<equals])
        inlineValue = String(argument[argument.index(after: equals)...])
      }
      switch name {
      case "-h", "--help":
        showHelp = true
      case "--root":
        guard let value = inlineValue ?? remaining.popFirst(), !value.isEmpty else {
          throw ArgumentError("--root needs a folder")
        }
        root = value
      case "--port":
        guard let value = inlineValue ?? remaining.popFirst(), let port = Int(value),
          (0...65535).contains(port)
        else {
          throw ArgumentError("--port needs a number from 0 to 65535")
        }
        self.port = port
      default:
        throw ArgumentError("unknown argument '\(argument)' (try --help)")
      }
    }
  }
}

/// A command-line mistake, told in one line.
struct ArgumentError: Error {
  var message: String
  init(_ message: String) { self.message = message }
}
