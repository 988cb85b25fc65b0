import Foundation
import Testing

@testable import MuniscanCLI

@Suite struct CrawlArgumentsTests {
  /// A national list is crawled all at once by default, so only the delay limits it: the
  /// default concurrency covers every site of the bundled Estonian list.
  @Test func theDefaultConcurrencyCrawlsTheNationalListAtOnce() throws {
    let list = try String(
      contentsOfFile: CommandRunner.repository + "/sites/ee.csv", encoding: .utf8)
    let sites = list.split(separator: "\n").dropFirst().count
    #expect(sites == 79)
    let arguments = try CrawlArguments.parse([])
    #expect(arguments.crawlOptions.concurrentSites >= sites)
  }

  /// robots.txt may slow a site to its `Crawl-delay` up to a limit the user sets (10 s unless
  /// told); 0 ignores it, for one's own or test servers.
  @Test func theCrawlDelayLimitIsTheUsers() throws {
    #expect(try CrawlArguments.parse([]).crawlOptions.maxCrawlDelay == 10)
    #expect(
      try CrawlArguments.parse(["--max-crawl-delay", "2.5"]).crawlOptions.maxCrawlDelay == 2.5)
    #expect(try CrawlArguments.parse(["--max-crawl-delay", "0"]).crawlOptions.maxCrawlDelay == 0)
    #expect(throws: (any Error).self) { try CrawlArguments.parse(["--max-crawl-delay", "-1"]) }
  }
}
