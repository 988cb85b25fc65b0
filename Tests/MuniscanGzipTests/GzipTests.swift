import FixtureServer
import MuniscanGzip
import Testing

@Suite struct GzipTests {
  @Test func crc32IsZlibsAndGzipsCheck() {
    // The check value of CRC-32 (ISO-HDLC), and the one every gzip trailer carries.
    #expect(Gzip.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
    #expect(Gzip.crc32([]) == 0)
    let member = Gzip.compressMember(Array("Volikogu istung".utf8))
    let trailer = member[(member.count - 8)..<(member.count - 4)].reversed()
    #expect(trailer.reduce(0) { $0 << 8 | UInt32($1) } == Gzip.crc32(Array("Volikogu istung".utf8)))
  }

  @Test func decompressesWholeAndConcatenatedMembers() throws {
    let text = Array("<urlset><url><loc>https://vald.ee/</loc></url></urlset>".utf8)
    let one = try #require(Gzip.decompress(FixtureGzip.compress(text), maxBytes: 1000))
    #expect(one.bytes == text)
    #expect(!one.truncated)
    let two = try #require(
      Gzip.decompress(FixtureGzip.compress(text) + FixtureGzip.compress(text), maxBytes: 1000))
    #expect(two.bytes == text + text)
  }

  @Test func bombStopsAtTheCap() throws {
    let bomb = FixtureGzip.bomb(expandedSize: 100_000_000)
    let result = try #require(Gzip.decompress(bomb, maxBytes: 1_000_000))
    #expect(result.bytes.count == 1_000_000)
    #expect(result.truncated)
  }

  @Test func rejectsWhatIsNotGzip() {
    #expect(!Gzip.isGzip(Array("<?xml".utf8)))
    #expect(Gzip.isGzip(FixtureGzip.compress([1, 2, 3])))
    #expect(Gzip.decompress([0x1F, 0x8B, 0, 0, 0], maxBytes: 100) == nil)
  }

  @Test func gzipMembersRoundTripAndStopAtTheirEnd() {
    let first = Gzip.compressMember(Array("first record".utf8))
    let second = Gzip.compressMember(Array(repeating: UInt8(ascii: "x"), count: 200_000))
    let both = first + second
    let inflated = both.withUnsafeBytes { Gzip.inflateMember($0) }
    #expect(inflated == .member(Array("first record".utf8), length: first.count))
    let rest = both[first.count...].withUnsafeBytes { Gzip.inflateMember($0) }
    #expect(
      rest == .member(Array(repeating: UInt8(ascii: "x"), count: 200_000), length: second.count))
  }

  @Test func oneCompressorMakesMembersOfAnyContentAtEveryLevel() {
    // Incompressible bytes (which deflate stores, a little larger than they are), text, and
    // nothing, through one compressor in turn, as a WARC writer uses it.
    var generator = SystemRandomNumberGenerator()
    let random = (0..<300_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let text = Array(String(repeating: "Volikogu istungi protokoll 12.03.2026. ", count: 2000).utf8)
    for level: Int32 in 0...3 {
      let compressor = GzipCompressor(level: level)
      for content in [random, text, [], random] {
        let member = compressor.member(content)
        let inflated = member.withUnsafeBytes { Gzip.inflateWholeMember($0) }
        #expect(inflated == .member(content, length: member.count), "level \(level)")
        #expect(member.withUnsafeBytes { Gzip.inflateMember($0) } == inflated)
      }
      #expect(compressor.member(text).count < text.count / 10, "level \(level) compresses")
    }
  }

  @Test func tornAndCorruptMembersAreTold() {
    let member = Gzip.compressMember(Array(repeating: UInt8(ascii: "y"), count: 5000))
    for cut in [1, 10, member.count / 2, member.count - 1] {
      #expect(
        member.prefix(cut).withUnsafeBytes { Gzip.inflateMember($0) } == .torn, "cut at \(cut)")
    }
    let garbage = Array("not gzip at all".utf8).withUnsafeBytes { Gzip.inflateMember($0) }
    guard case .corrupt = garbage else {
      Issue.record("garbage read as \(garbage)")
      return
    }
    var flipped = member
    flipped[member.count - 6] ^= 0xFF  // the CRC-32 in the trailer
    guard case .corrupt = flipped.withUnsafeBytes({ Gzip.inflateMember($0) }) else {
      Issue.record("a wrong CRC went unnoticed")
      return
    }
  }

  /// A record read where an index says it is goes through libdeflate when it is one whole
  /// member, and gives what zlib's loop gives for every member, whole, torn, lying or not one.
  @Test func wholeMemberGivesWhatTheLoopGives() {
    let text = Array(repeating: Array("Volikogu istungi protokoll 12.03.2026. ".utf8), count: 900)
      .flatMap { $0 }
    let member = Gzip.compressMember(text)
    var cases: [(String, [UInt8])] = [
      ("whole", member), ("empty content", Gzip.compressMember([])),
      ("two members", member + Gzip.compressMember([1, 2, 3])),
      ("not gzip", Array("not gzip at all, not at all".utf8)), ("nothing", []),
    ]
    for cut in [1, 10, member.count / 2, member.count - 1] {
      cases.append(("cut at \(cut)", Array(member.prefix(cut))))
    }
    for (name, offset, value) in [
      ("wrong CRC", 8, UInt8(0xFF)), ("size too small", 4, 0x01), ("size too large", 2, 0x01),
      ("size of a gigabyte", 1, 0x40), ("body", member.count / 2, 0x55),
    ] {
      var changed = member
      changed[member.count - offset] ^= value
      cases.append((name, changed))
    }
    for (name, bytes) in cases {
      let whole = bytes.withUnsafeBytes { Gzip.inflateWholeMember($0) }
      #expect(whole == bytes.withUnsafeBytes { Gzip.inflateMember($0) }, "\(name)")
    }
    #expect(
      member.withUnsafeBytes { Gzip.inflateWholeMember($0) } == .member(text, length: member.count))
  }

  /// Scoring a page whose facts were kept needs only the head of its record: inflating stops a
  /// few kilobytes after what is wanted, on a member whole or torn after that point, and gives
  /// the whole content of a member that ends first; what goes wrong before it is nil.
  @Test func aPrefixIsInflatedUntilItIsEnough() {
    let head = Array("WARC/1.1\r\nWARC-Type: response\r\n\r\n".utf8)
    let text = head + (0..<30_000).flatMap { Array("Lause \($0) volikogust. ".utf8) }
    let member = Gzip.compressMember(text)
    let wanted: ([UInt8]) -> Bool = { $0.count >= head.count }
    for bytes in [member, Array(member.prefix(member.count / 2))] {
      let prefix = bytes.withUnsafeBytes { Gzip.inflatePrefix($0, enough: wanted) }
      #expect(prefix.map { $0 == Array(text.prefix($0.count)) } == true)
      #expect((head.count...8192).contains(prefix?.count ?? 0), "\(prefix?.count ?? 0) bytes")
    }
    let short = Gzip.compressMember(Array(head.prefix(20)))
    #expect(
      short.withUnsafeBytes { Gzip.inflatePrefix($0, enough: wanted) } == Array(head.prefix(20)))
    var flipped = member
    flipped[12] ^= 0xFF  // inside the first deflate block's codes
    #expect(flipped.withUnsafeBytes { Gzip.inflatePrefix($0) { _ in false } } == nil)
    #expect(
      Array("not gzip".utf8).withUnsafeBytes { Gzip.inflatePrefix($0, enough: wanted) } == nil)
  }

  /// A WARC writer keeps one compressor for all its records: every member it makes is whole on
  /// its own, the same bytes a fresh compressor makes, and inflates to its record.
  @Test func oneCompressorMakesIndependentMembers() {
    let compressor = GzipCompressor(level: 1)
    var seed: UInt64 = 7
    for size in [0, 1, 100, 5000, 70_000, 300_000, 12, 40_000] {
      let record = (0..<size).map { index -> UInt8 in
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return index % 3 == 0 ? UInt8(truncatingIfNeeded: seed >> 59) : UInt8(ascii: "a")
      }
      let member = compressor.member(record)
      #expect(member == GzipCompressor(level: 1).member(record))
      #expect(
        member.withUnsafeBytes { Gzip.inflateMember($0) } == .member(record, length: member.count))
    }
  }

  /// A record under a kilobyte (an exchange's request, a redirect) is one block of deflate's
  /// fixed codes, built without a Huffman table of its own; larger ones get their own tables.
  @Test func smallRecordsUseFixedCodes() {
    let request = Array(
      ("WARC/1.1\r\nWARC-Type: request\r\nWARC-Target-URI: https://www.vald.ee/volikogu/\r\n"
        + "Content-Type: application/http;msgtype=request\r\n\r\nGET /volikogu/ HTTP/1.1\r\n"
        + "Host: www.vald.ee\r\nUser-Agent: muniscan/0.1\r\nAccept: text/html\r\n\r\n").utf8)
    let page = Array(String(repeating: "Volikogu istungi protokoll 12.03.2026. ", count: 100).utf8)
    #expect(request.count < GzipCompressor.smallContentBytes)
    #expect(page.count >= GzipCompressor.smallContentBytes)
    let compressor = GzipCompressor(level: 1)
    for (content, blockType) in [(request, 1), (page, 2)] {
      let member = compressor.member(content)
      // The first block's header follows the 10-byte gzip header: BFINAL, then BTYPE.
      #expect(Int(member[10] >> 1) & 3 == blockType, "\(content.count) bytes")
      #expect(
        member.withUnsafeBytes { Gzip.inflateMember($0) } == .member(content, length: member.count))
    }
    #expect(compressor.member(request).count < request.count)
  }
}
