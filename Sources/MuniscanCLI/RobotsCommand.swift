import ArgumentParser
import Foundation
import MuniscanAudit
import MuniscanCore
import MuniscanCrawler

/// `muniscan robots --agent NAME FILE URL…`: shows how a robots.txt applies to URLs, so users
/// can see why a page was skipped.
struct RobotsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "robots",
    abstract: "Print 'allowed URL' or 'disallowed URL' for each URL under a robots.txt file.")

  @Option(help: "User-agent product token to match.")
  var agent = "muniscan"

  @Argument(help: "A robots.txt file.")
  var robotsFile: String

  @Argument(help: "URLs to check.")
  var urls: [String]

  func validate() throws {
    for url in urls where URLNormalizer.normalize(url) == nil {
      throw ValidationError("'\(url)' is not an http(s) URL")
    }
  }

  func run() async throws {
    guard let data = FileManager.default.contents(atPath: robotsFile) else {
      throw MuniscanError("\(robotsFile): cannot read the robots.txt file")
    }
    let robots = RobotsTxt(bytes: Array(data))
    for url in urls {
      Console.write("\(robots.isAllowed(url, agent: agent) ? "allowed" : "disallowed") \(url)\n")
    }
  }
}
