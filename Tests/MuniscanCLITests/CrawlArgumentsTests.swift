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
}
