import MuniscanCrawler
import MuniscanTestSupport
import Testing

@Suite struct RobotsTxtGroupTests {
  /// RFC 9309 §5.1.
  static let rfcExample = """
    User-Agent: *
    Disallow: *.gif$
    Disallow: /example/
    Allow: /publications/

    User-Agent: foobot
    Disallow:/
    Allow:/example/page.html
    Allow:/example/allowed.gif

    User-Agent: barbot
    User-Agent: bazbot
    Disallow: /example/page.html

    User-Agent: quxbot

    EOF
    """

  @Test func rfcSimpleExample() {
    let robots = RobotsTxt(Self.rfcExample)
    // foobot: only the two allowed pages.
    #expect(robots.isAllowed("/example/page.html", agent: "foobot"))
    #expect(robots.isAllowed("/example/allowed.gif", agent: "foobot"))
    #expect(!robots.isAllowed("/", agent: "foobot"))
    #expect(!robots.isAllowed("/example/other.html", agent: "foobot"))
    #expect(!robots.isAllowed("/publications/", agent: "foobot"))
    // barbot and bazbot share a group.
    for bot in ["barbot", "bazbot"] {
      #expect(!robots.isAllowed("/example/page.html", agent: bot))
      #expect(robots.isAllowed("/example/other.html", agent: bot))
      #expect(robots.isAllowed("/picture.gif", agent: bot))
    }
    // quxbot's group is empty: everything allowed, the * group does not apply.
    #expect(robots.isAllowed("/example/page.html", agent: "quxbot"))
    #expect(robots.isAllowed("/x.gif", agent: "quxbot"))
    // Anyone else gets the * group.
    #expect(!robots.isAllowed("/example/page.html", agent: "muniscan"))
    #expect(!robots.isAllowed("/images/x.gif", agent: "muniscan"))
    #expect(robots.isAllowed("/images/x.gif?size=2", agent: "muniscan"))
    #expect(robots.isAllowed("/publications/", agent: "muniscan"))
    #expect(robots.isAllowed("/", agent: "muniscan"))
  }

  @Test func rfcLongestMatchExample() {
    let robots = RobotsTxt(
      """
      User-Agent: foobot
      Allow: /example/page/
      Disallow: /example/page/disallowed.gif
      """)
    #expect(robots.isAllowed("/example/page/", agent: "foobot"))
    #expect(robots.isAllowed("/example/page/allowed.gif", agent: "foobot"))
    #expect(!robots.isAllowed("/example/page/disallowed.gif", agent: "foobot"))
    #expect(!robots.isAllowed("/example/page/disallowed.gif?x=1", agent: "foobot"))
  }

  @Test func longestMatchWinsWhicheverComesFirst() {
    let robots = RobotsTxt(
      """
      User-agent: *
      Disallow: /
      Allow: /public
      Disallow: /public/secret
      """)
    #expect(!robots.isAllowed("/", agent: "muniscan"))
    #expect(!robots.isAllowed("/about", agent: "muniscan"))
    #expect(robots.isAllowed("/public/page", agent: "muniscan"))
    #expect(!robots.isAllowed("/public/secret/a", agent: "muniscan"))
    let reversed = RobotsTxt(
      """
      User-agent: *
      Disallow: /public/secret
      Allow: /public
      Disallow: /
      """)
    #expect(reversed.isAllowed("/public/page", agent: "muniscan"))
    #expect(!reversed.isAllowed("/public/secret/a", agent: "muniscan"))
  }

  @Test func allowWinsTie() {
    let robots = RobotsTxt(
      """
      User-agent: *
      Disallow: /page
      Allow: /page
      Disallow: /a*c
      Allow: /ab*
      """)
    #expect(robots.isAllowed("/page", agent: "muniscan"))
    #expect(robots.isAllowed("/abc", agent: "muniscan"))
    let disallowLonger = RobotsTxt("User-agent: *\nAllow: /page\nDisallow: /page/")
    #expect(!disallowLonger.isAllowed("/page/x", agent: "muniscan"))
    #expect(disallowLonger.isAllowed("/pagex", agent: "muniscan"))
  }

  @Test func emptyDisallowAllowsEverything() {
    let robots = RobotsTxt("User-agent: *\nDisallow:\n")
    #expect(robots.isAllowed("/", agent: "muniscan"))
    #expect(robots.isAllowed("/anything/at/all?x=1", agent: "muniscan"))
    // An empty disallow still closes the group: the next user-agent starts a new one.
    let split = RobotsTxt("User-agent: a\nDisallow:\nUser-agent: b\nDisallow: /\n")
    #expect(split.isAllowed("/x", agent: "a"))
    #expect(!split.isAllowed("/x", agent: "b"))
  }

  @Test func mergesGroupsNamingTheSameAgent() {
    let robots = RobotsTxt(
      """
      User-agent: muniscan
      Disallow: /one

      User-agent: other
      Disallow: /two

      User-agent: MuniScan
      Disallow: /three
      Allow: /one/open
      """)
    #expect(!robots.isAllowed("/one", agent: "muniscan"))
    #expect(robots.isAllowed("/one/open", agent: "muniscan"))
    #expect(robots.isAllowed("/two", agent: "muniscan"))
    #expect(!robots.isAllowed("/three", agent: "muniscan"))
    #expect(!robots.isAllowed("/two", agent: "other"))
    #expect(robots.isAllowed("/one", agent: "other"))
  }

  @Test func mergesStarGroupsWhenNoGroupNamesTheAgent() {
    let robots = RobotsTxt(
      """
      User-agent: *
      Disallow: /one

      User-agent: googlebot
      Disallow: /two

      User-agent: *
      Disallow: /three
      """)
    #expect(!robots.isAllowed("/one", agent: "muniscan"))
    #expect(robots.isAllowed("/two", agent: "muniscan"))
    #expect(!robots.isAllowed("/three", agent: "muniscan"))
    // A specific group replaces the * groups entirely.
    #expect(robots.isAllowed("/one", agent: "googlebot"))
    #expect(!robots.isAllowed("/two", agent: "googlebot"))
  }

  @Test func noMatchingGroupAllowsEverything() {
    let robots = RobotsTxt("User-agent: googlebot\nDisallow: /\n")
    #expect(robots.isAllowed("/", agent: "muniscan"))
    #expect(!robots.isAllowed("/", agent: "googlebot"))
    #expect(RobotsTxt("").isAllowed("/x", agent: "muniscan"))
  }

  @Test func agentMatchingUsesCaseInsensitiveProductToken() {
    let robots = RobotsTxt(
      """
      User-agent: MUNISCAN/2.0
      Disallow: /private
      User-agent: *
      Disallow: /
      """)
    #expect(!robots.isAllowed("/private", agent: "muniscan"))
    #expect(robots.isAllowed("/public", agent: "muniscan"))
    #expect(robots.isAllowed("/public", agent: "muniscan/0.1"))
    #expect(robots.isAllowed("/public", agent: "MuniScan/0.1 (+https://example.org/bot)"))
    #expect(!robots.isAllowed("/private", agent: "Muniscan/0.1"))
    // Other tokens, including ones starting with ours, fall back to *.
    #expect(!robots.isAllowed("/public", agent: "muniscanner"))
    #expect(!robots.isAllowed("/public", agent: "muni"))
  }

  @Test func ruleLinesOutsideGroupsAreIgnored() {
    let robots = RobotsTxt(
      """
      Disallow: /
      Crawl-delay: 30
      Sitemap: https://example.org/sitemap.xml
      User-agent: *
      Disallow: /private
      """)
    #expect(robots.isAllowed("/public", agent: "muniscan"))
    #expect(!robots.isAllowed("/private", agent: "muniscan"))
    #expect(robots.crawlDelay(agent: "muniscan") == nil)
    #expect(robots.sitemaps == ["https://example.org/sitemap.xml"])
  }

  @Test func blankLinesCommentsAndSitemapsDoNotSplitUserAgentLines() {
    let robots = RobotsTxt(
      """
      User-agent: a

      # a comment
      Sitemap: https://example.org/s.xml
      User-agent: b
      Disallow: /x
      """)
    #expect(!robots.isAllowed("/x", agent: "a"))
    #expect(!robots.isAllowed("/x", agent: "b"))
    #expect(robots.isAllowed("/x", agent: "c"))
  }

  @Test func crawlDelayClosesTheUserAgentRun() {
    let robots = RobotsTxt("User-agent: a\nCrawl-delay: 5\nUser-agent: b\nDisallow: /\n")
    #expect(robots.isAllowed("/x", agent: "a"))
    #expect(!robots.isAllowed("/x", agent: "b"))
    #expect(robots.crawlDelay(agent: "a") == 5)
    #expect(robots.crawlDelay(agent: "b") == nil)
  }

  @Test func robotsTxtIsAlwaysAllowed() {
    let robots = RobotsTxt("User-agent: *\nDisallow: /\n")
    #expect(robots.isAllowed("/robots.txt", agent: "muniscan"))
    #expect(robots.isAllowed("https://example.org/robots.txt", agent: "muniscan"))
    #expect(!robots.isAllowed("/robots.txt.bak", agent: "muniscan"))
    #expect(!robots.isAllowed("/", agent: "muniscan"))
    #expect(RobotsTxt.disallowAll.isAllowed("/robots.txt", agent: "muniscan"))
  }
}

@Suite struct RobotsTxtSyntaxTests {
  @Test func keysAreCaseInsensitiveAndWhitespaceTolerant() {
    let robots = RobotsTxt(
      """
        USER-AGENT :  MuniScan\t
      dIsAlLoW\t:   /private   # keep out
      ALLOW:/private/ok
      CRAWL-DELAY :  3
      SITEMAP :   https://example.org/a.xml
      """)
    #expect(!robots.isAllowed("/private/x", agent: "muniscan"))
    #expect(robots.isAllowed("/private/ok", agent: "muniscan"))
    #expect(robots.isAllowed("/public", agent: "muniscan"))
    #expect(robots.crawlDelay(agent: "muniscan") == 3)
    #expect(robots.sitemaps == ["https://example.org/a.xml"])
  }

  @Test func acceptsCommonTypos() {
    let robots = RobotsTxt(
      """
      useragent: a
      dissallow: /one
      User agent: b
      disalow: /two
      """)
    #expect(!robots.isAllowed("/one", agent: "a"))
    #expect(!robots.isAllowed("/two", agent: "b"))
    #expect(robots.isAllowed("/two", agent: "a"))
  }

  @Test func acceptsWhitespaceSeparatorOnlyForTwoWords() {
    let robots = RobotsTxt("User-agent *\nDisallow /x\nDisallow /y z\n")
    #expect(!robots.isAllowed("/x", agent: "muniscan"))
    #expect(robots.isAllowed("/y", agent: "muniscan"))
    #expect(robots.isAllowed("/y z", agent: "muniscan"))
    #expect(robots.isAllowed("/y%20z", agent: "muniscan"))
  }

  @Test func commentsAreStripped() {
    let robots = RobotsTxt(
      """
      # User-agent: muniscan
      User-agent: * # everyone
      Disallow: /a#b
      # Disallow: /
      """)
    #expect(!robots.isAllowed("/a", agent: "muniscan"))
    #expect(!robots.isAllowed("/abc", agent: "muniscan"))
    #expect(robots.isAllowed("/b", agent: "muniscan"))
  }

  @Test(arguments: ["\n", "\r\n", "\r"])
  func lineEndings(_ newline: String) {
    let text = ["User-agent: other", "Disallow: /", "User-agent: *", "Disallow: /x", "Allow: /x/y"]
      .joined(separator: newline)
    let robots = RobotsTxt(text)
    #expect(!robots.isAllowed("/x", agent: "muniscan"))
    #expect(robots.isAllowed("/x/y", agent: "muniscan"))
    #expect(robots.isAllowed("/z", agent: "muniscan"))
    #expect(!robots.isAllowed("/z", agent: "other"))
  }

  @Test func skipsByteOrderMark() {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("User-agent: *\nDisallow: /x\n".utf8)
    let robots = RobotsTxt(bytes: bytes)
    #expect(!robots.isAllowed("/x", agent: "muniscan"))
    #expect(!RobotsTxt("\u{FEFF}User-agent: *\nDisallow: /x").isAllowed("/x", agent: "m"))
  }

  @Test func ignoresGarbageAndInvalidUTF8() {
    var bytes = Array("<html><body>Not found</body></html>\n".utf8)
    bytes += [0xFF, 0xFE, 0x00, 0x80, 0x0A]
    bytes += Array("this line is junk\n:\n::::\nUser-agent\nFoo: bar\n".utf8)
    bytes += Array("User-agent: *\nDisallow: /x".utf8) + [0xC3, 0x0A]
    bytes += Array("Disallow: /y\n".utf8)
    let robots = RobotsTxt(bytes: bytes)
    #expect(!robots.isAllowed("/y", agent: "muniscan"))
    #expect(!robots.isAllowed("/x%C3", agent: "muniscan"))
    #expect(robots.isAllowed("/x", agent: "muniscan"))
    #expect(robots.isAllowed("/z", agent: "muniscan"))
    // An HTML error page served as robots.txt restricts nothing.
    let html = RobotsTxt("<!DOCTYPE html>\n<html><head><title>404</title></head></html>")
    #expect(html.isAllowed("/", agent: "muniscan"))
  }

  @Test func parsesOnlyTheFirst500KiB() {
    #expect(RobotsTxt.maxBytes == 512_000)
    var text = "User-agent: *\nDisallow: /early\n"
    let filler = "# " + String(repeating: "x", count: 97) + "\n"  // 100 bytes
    while text.utf8.count < 510_000 { text += filler }
    text += "Disallow: /before-limit\n"
    while text.utf8.count < 600_000 { text += filler }
    text += "Disallow: /late\nSitemap: https://example.org/late.xml\n"
    #expect(text.utf8.count > 600_000)
    let robots = RobotsTxt(text)
    #expect(!robots.isAllowed("/early", agent: "muniscan"))
    #expect(!robots.isAllowed("/before-limit", agent: "muniscan"))
    #expect(robots.isAllowed("/late", agent: "muniscan"))
    #expect(robots.sitemaps.isEmpty)
    #expect(RobotsTxt(bytes: Array(text.utf8)) == robots)
  }

  @Test func ignoresTheLineCutByTheLimit() {
    let head = "User-agent: *\nDisallow: /early\n"
    let cut = "Disallow: /"
    let padding =
      String(repeating: "#", count: RobotsTxt.maxBytes - head.utf8.count - cut.utf8.count - 1)
      + "\n"
    // The limit falls right after "Disallow: /" of "Disallow: /late": read as cut, it would
    // disallow everything.
    let straddling = head + padding + cut + "late\n"
    #expect((head + padding + cut).utf8.count == RobotsTxt.maxBytes)
    let robots = RobotsTxt(straddling)
    #expect(!robots.isAllowed("/early", agent: "muniscan"))
    #expect(robots.isAllowed("/public", agent: "muniscan"))
    #expect(robots.isAllowed("/late", agent: "muniscan"))
    // When the limit falls on a line break, the last line is whole and is read.
    let whole = RobotsTxt(head + padding + cut + "\nDisallow: /more")
    #expect(!whole.isAllowed("/public", agent: "muniscan"))
  }

  @Test func crawlDelay() {
    let robots = RobotsTxt(
      """
      User-agent: a
      Crawl-delay: 2.5

      User-agent: b
      Crawl-delay: 10
      User-agent: c
      Crawl-delay: -1
      User-agent: d
      Crawl-delay: soon
      User-agent: e
      Crawl-delay: inf
      User-agent: f
      Crawl-delay: 0
      User-agent: g
      Crawl-delay: .5
      User-agent: h
      Crawl-delay: 1e3
      User-agent: i
      Crawl-delay:
      User-agent: j
      Crawl-delay: nan
      User-agent: k
      Crawl-delay: 1\(String(repeating: "0", count: 400))
      User-agent: *
      Crawl-delay: 7
      """)
    #expect(robots.crawlDelay(agent: "a") == 2.5)
    #expect(robots.crawlDelay(agent: "A/1.0") == 2.5)
    #expect(robots.crawlDelay(agent: "b") == 10)
    for agent in ["c", "d", "e", "h", "i", "j", "k"] {
      #expect(robots.crawlDelay(agent: agent) == nil, "agent \(agent)")
    }
    #expect(robots.crawlDelay(agent: "f") == 0)
    #expect(robots.crawlDelay(agent: "g") == 0.5)
    #expect(robots.crawlDelay(agent: "muniscan") == 7)
    #expect(RobotsTxt("User-agent: *\nDisallow: /").crawlDelay(agent: "muniscan") == nil)
  }

  @Test func crawlDelayOfMergedGroupsIsTheLargest() {
    let robots = RobotsTxt(
      "User-agent: m\nCrawl-delay: 2\nUser-agent: x\nCrawl-delay: 9\nUser-agent: m\nCrawl-delay: 4")
    #expect(robots.crawlDelay(agent: "m") == 4)
  }

  @Test func sitemapsInOrderIndependentOfGroups() {
    let robots = RobotsTxt(
      """
      Sitemap: https://example.org/one.xml
      User-agent: googlebot
      Sitemap: https://example.org/two.xml # comment
      Disallow: /
      sitemap:https://example.org/three.xml
      Sitemap:
      """)
    #expect(
      robots.sitemaps == [
        "https://example.org/one.xml", "https://example.org/two.xml",
        "https://example.org/three.xml",
      ])
    #expect(robots.isAllowed("/", agent: "muniscan"))
    #expect(RobotsTxt.allowAll.sitemaps.isEmpty)
  }
}

@Suite struct RobotsTxtPatternTests {
  static func allowed(_ pattern: String, _ path: String) -> Bool {
    RobotsTxt("User-agent: *\nDisallow: \(pattern)\n").isAllowed(path, agent: "muniscan")
  }

  static func matches(_ pattern: String, _ path: String) -> Bool { !allowed(pattern, path) }

  @Test func prefixMatching() {
    for path in [
      "/fish", "/fish.html", "/fish/salmon.html", "/fishheads", "/fishheads/yummy.html",
      "/fish.php?id=anything",
    ] {
      #expect(Self.matches("/fish", path), "\(path)")
    }
    for path in ["/Fish.asp", "/catfish", "/?id=fish", "/desert/fish", "/"] {
      #expect(!Self.matches("/fish", path), "\(path)")
    }
    #expect(!Self.matches("/fish/", "/fish"))
    #expect(Self.matches("/fish/", "/fish/salmon"))
  }

  @Test func wildcards() {
    #expect(Self.matches("/fish*", "/fish"))
    #expect(Self.matches("/fish*", "/fishheads/yummy.html"))
    #expect(!Self.matches("/fish*", "/Fish.asp"))
    #expect(Self.matches("/*.php", "/index.php"))
    #expect(Self.matches("/*.php", "/folder/filename.php?parameters"))
    #expect(Self.matches("/*.php", "/filename.php/"))
    #expect(!Self.matches("/*.php", "/windows.PHP"))
    #expect(!Self.matches("/*.php", "/"))
    #expect(Self.matches("*", "/anything"))
    #expect(Self.matches("/*", "/"))
    #expect(Self.matches("/a*b*c", "/aXbYc"))
    #expect(Self.matches("/a*b*c", "/abcdef"))
    #expect(!Self.matches("/a*b*c", "/acb"))
    // Segments must follow one another without overlapping.
    #expect(!Self.matches("/ab*b*c", "/abc"))
    #expect(Self.matches("/ab*b*c", "/abbc"))
    #expect(!Self.matches("/*aa*aa", "/aaa"))
    #expect(Self.matches("/*aa*aa", "/aaaa"))
    // Partial matches that restart inside themselves.
    #expect(Self.matches("/*aab", "/aaab"))
    #expect(Self.matches("/*abac*x", "/ababacx"))
    #expect(!Self.matches("/*abac", "/ababa"))
    #expect(Self.matches("/a**b", "/ab"))
    #expect(Self.matches("/*?", "/page?q=1"))
    #expect(!Self.matches("/*?", "/page"))
  }

  @Test func dollarAnchorsToTheEnd() {
    #expect(Self.matches("/*.php$", "/filename.php"))
    #expect(Self.matches("/*.php$", "/folder/filename.php"))
    #expect(!Self.matches("/*.php$", "/filename.php?parameters"))
    #expect(!Self.matches("/*.php$", "/filename.php/"))
    #expect(!Self.matches("/*.php$", "/filename.php5"))
    #expect(!Self.matches("/*.php$", "/windows.PHP"))
    #expect(Self.matches("/$", "/"))
    #expect(!Self.matches("/$", "/index.html"))
    #expect(Self.matches("/fish$", "/fish"))
    #expect(!Self.matches("/fish$", "/fish.html"))
    #expect(Self.matches("/a*b$", "/abab"))
    #expect(Self.matches("/a*a$", "/aa"))
    #expect(!Self.matches("/a*a$", "/a"))
    #expect(!Self.matches("/ab*b$", "/ab"))
    #expect(Self.matches("/*$", "/anything"))
    // A `$` that is not last is an ordinary character.
    #expect(Self.matches("/price$tag", "/price$tag"))
    #expect(Self.matches("/price$tag", "/price%24tag"))
    #expect(!Self.matches("/price$tag", "/price"))
  }

  @Test func dollarAndWildcardWithLongestMatch() {
    let robots = RobotsTxt(
      """
      User-agent: *
      Allow: /$
      Allow: /*.html$
      Disallow: /
      Disallow: /private*.html$
      """)
    #expect(robots.isAllowed("/", agent: "muniscan"))
    #expect(!robots.isAllowed("/about", agent: "muniscan"))
    #expect(robots.isAllowed("/about.html", agent: "muniscan"))
    #expect(!robots.isAllowed("/about.html?x", agent: "muniscan"))
    #expect(!robots.isAllowed("/private/a.html", agent: "muniscan"))
  }

  @Test func queryIsPartOfThePath() {
    #expect(Self.matches("/search?", "/search?q=x"))
    #expect(!Self.matches("/search?", "/search"))
    #expect(Self.matches("/*?sort=", "/list?sort=asc"))
    #expect(Self.matches("/*&print=1", "/page?a=1&print=1"))
  }

  @Test func acceptsAbsoluteURLsAndIgnoresFragments() {
    #expect(Self.matches("/private", "https://example.org/private/page"))
    #expect(Self.matches("/private", "HTTP://Example.org:8080/private"))
    #expect(!Self.matches("/private", "https://private.example.org/"))
    #expect(Self.matches("/$", "https://example.org"))
    #expect(Self.matches("/?", "https://example.org?x=1"))
    #expect(Self.matches("/page$", "https://example.org/page#top"))
    #expect(Self.matches("/page$", "/page#section"))
    #expect(Self.matches("/page", "page"))
  }

  @Test func patternsWithoutLeadingSlashAreRootedAtSlash() {
    #expect(Self.matches("private/", "/private/x"))
    #expect(!Self.matches("private/", "/a/private/x"))
  }

  @Test func percentEncodingIsNormalised() {
    // Unreserved characters are decoded, on both sides.
    #expect(Self.matches("/a%7eb", "/a~b"))
    #expect(Self.matches("/a~b", "/a%7Eb"))
    #expect(Self.matches("/%7ejoe/index.html", "/~joe/index.html"))
    #expect(Self.matches("/foo/bar/%62%61%7A", "/foo/bar/baz"))
    #expect(Self.matches("/foo/bar/baz", "/foo/bar/%62%61%7a"))
    // Hex case does not matter.
    #expect(Self.matches("/a%3cd.html", "/a%3Cd.html"))
    #expect(Self.matches("/a%3Cd.html", "/a%3cd.html"))
    #expect(Self.matches("/a<d.html", "/a%3Cd.html"))
    // An encoded slash or question mark is not a separator.
    #expect(Self.matches("/a%2fb.html", "/a%2Fb.html"))
    #expect(!Self.matches("/a%2fb.html", "/a/b.html"))
    #expect(!Self.matches("/a/b.html", "/a%2fb.html"))
    #expect(!Self.matches("/a?b", "/a%3Fb"))
    // Non-ASCII: UTF-8 octets, encoded or not.
    #expect(Self.matches("/ümbrik", "/%C3%BCmbrik"))
    #expect(Self.matches("/ümbrik", "/%c3%bcmbrik"))
    #expect(Self.matches("/%C3%BCmbrik", "/ümbrik"))
    #expect(Self.matches("/foo/bar/ツ", "/foo/bar/%E3%83%84"))
    #expect(Self.matches("/foo/bar/%E3%83%84", "https://example.org/foo/bar/ツ"))
    #expect(!Self.matches("/ümbrik", "/umbrik"))
    // Space and a stray percent sign.
    #expect(Self.matches("/a b", "/a%20b"))
    #expect(Self.matches("/100%", "/100%25"))
    #expect(Self.matches("/100%25", "/100%"))
    #expect(Self.matches("/%zz", "/%25zz"))
  }

  @Test func encodedWildcardCharactersMatchLiterally() {
    #expect(Self.matches("/path/file-with-a-%2A.html", "/path/file-with-a-*.html"))
    #expect(!Self.matches("/path/file-with-a-%2A.html", "/path/file-with-a-b.html"))
    #expect(Self.matches("/path/foo-%24", "/path/foo-$"))
    #expect(!Self.matches("/path/foo-%24", "/path/foo-"))
  }

  @Test func specificityCountsOctetsNotSpelling() {
    // `/%7Ea` and `/~a` have the same length; `ü` counts as its two UTF-8 octets.
    let robots = RobotsTxt(
      """
      User-agent: *
      Disallow: /%7Eab
      Allow: /~abc
      Disallow: /ümb
      Allow: /%C3%BCm
      """)
    #expect(robots.isAllowed("/~abc", agent: "muniscan"))
    #expect(!robots.isAllowed("/~abd", agent: "muniscan"))
    #expect(!robots.isAllowed("/ümbrik", agent: "muniscan"))
    #expect(robots.isAllowed("/ümx", agent: "muniscan"))
    // `*` and `$` count one octet each, as in Google's reference parser.
    let special = RobotsTxt(
      "User-agent: *\nDisallow: /pages\nAllow: /page*\nDisallow: /x/*a\nAllow: /x/a$")
    #expect(special.isAllowed("/pages", agent: "muniscan"))
    #expect(special.isAllowed("/x/a", agent: "muniscan"))
    #expect(!special.isAllowed("/x/ba", agent: "muniscan"))
  }

  /// Timed by the thread's CPU, which the tests running beside it cannot stretch; the time
  /// limit stops an exponential matcher, however loaded the machine.
  @Test(.timeLimit(.minutes(10)))
  func pathologicalPatternsFinishFast() {
    let started = threadCPUSeconds()
    let stars = "/" + String(repeating: "a*", count: 60) + "b"
    let anchored = "/" + String(repeating: "*a", count: 60) + "b$"
    var text = "User-agent: *\n"
    for _ in 0..<50 {
      text += "Disallow: \(stars)\nDisallow: \(anchored)\n"
    }
    let robots = RobotsTxt(text)
    let path = "/" + String(repeating: "a", count: 5_000)
    #expect(robots.isAllowed(path, agent: "muniscan"))
    #expect(!robots.isAllowed(path + "b", agent: "muniscan"))
    #expect(!robots.isAllowed(path + "bc", agent: "muniscan"))
    #expect(Self.allowed("/a*a*a*a*a*a*a*a*b", "/" + String(repeating: "a", count: 100_000)))
    #expect(
      !Self.allowed("/a*a*a*a*a*a*a*a*b$", "/" + String(repeating: "a", count: 100_000) + "b"))
    // Long segments that almost match everywhere.
    let long = String(repeating: "a", count: 2_000)
    #expect(Self.allowed("/*\(long)b*c", "/" + String(repeating: "a", count: 100_000)))
    #expect(Self.allowed("/x*\(long)b$", "/x" + String(repeating: "a", count: 100_000) + "c"))
    #expect(threadCPUSeconds() - started < 20)  // linear, not exponential (milliseconds)
  }

  @Test func manyRulesAndLongPaths() {
    var text = "User-agent: *\n"
    for i in 0..<20_000 { text += "Disallow: /section\(i)/\n" }
    let robots = RobotsTxt(text)
    #expect(!robots.isAllowed("/section19999/page", agent: "muniscan"))
    #expect(robots.isAllowed("/section20000/page", agent: "muniscan"))
  }
}

@Suite struct RobotsTxtResponseTests {
  @Test func allowAllAndDisallowAll() {
    #expect(RobotsTxt.allowAll.isAllowed("/anything", agent: "muniscan"))
    #expect(RobotsTxt.allowAll.isAllowed("/", agent: "googlebot"))
    #expect(RobotsTxt.allowAll.crawlDelay(agent: "muniscan") == nil)
    #expect(!RobotsTxt.disallowAll.isAllowed("/", agent: "muniscan"))
    #expect(!RobotsTxt.disallowAll.isAllowed("/anything?x", agent: "googlebot"))
    #expect(!RobotsTxt.disallowAll.isAllowed("https://example.org/", agent: "muniscan"))
    #expect(RobotsTxt.allowAll != RobotsTxt.disallowAll)
  }

  @Test func forResponse() {
    let body = Array("User-agent: *\nDisallow: /private\n".utf8)
    let ok = RobotsTxt.forResponse(status: 200, body: body)
    #expect(ok == RobotsTxt(bytes: body))
    #expect(!ok.isAllowed("/private", agent: "muniscan"))
    #expect(ok.isAllowed("/public", agent: "muniscan"))
    #expect(RobotsTxt.forResponse(status: 204, body: []) == RobotsTxt.allowAll)
    for status in [400, 401, 403, 404, 410, 451] {
      #expect(RobotsTxt.forResponse(status: status, body: body) == .allowAll, "\(status)")
    }
    for status in [429, 500, 502, 503, 599] {
      #expect(RobotsTxt.forResponse(status: status, body: body) == .disallowAll, "\(status)")
    }
    #expect(RobotsTxt.forResponse(status: nil, body: []) == .disallowAll)
    #expect(RobotsTxt.forResponse(status: 310, body: []) == .allowAll)
  }
}
