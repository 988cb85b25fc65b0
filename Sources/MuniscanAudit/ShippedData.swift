import Foundation

/// Finds a folder of the data muniscan ships (the default rule set, the language files): in the
/// working folder, else beside the executable in `share/muniscan/` of an installation, or in the
/// checkout it was built in — found from the executable's own location.
enum ShippedData {
  /// The path of `relative` (e.g. `rules/ee`) that `isWanted` accepts, first in the working
  /// folder, then up from the executable; nil when there is none.
  static func find(_ relative: String, where isWanted: (String) -> Bool) -> String? {
    if isWanted(relative) { return relative }
    var folder = executableFolder()
    while folder.path != "/" {
      for candidate in ["share/muniscan/" + relative, relative] {
        let path = folder.appendingPathComponent(candidate).path
        if isWanted(path) { return path }
      }
      folder.deleteLastPathComponent()
    }
    return nil
  }

  static func isDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }

  private static func executableFolder() -> URL {
    let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    return executable.resolvingSymlinksInPath().deletingLastPathComponent()
  }
}
