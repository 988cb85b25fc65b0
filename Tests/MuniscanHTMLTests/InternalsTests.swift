import FixtureServer
import Testing

@testable import MuniscanHTML

@Suite struct URLResolverTests {
  @Test(arguments: [
    // RFC 3986 §5.4.1 normal examples (base http://a/b/c/d;p?q).
    ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"),
    ("/g", "http://a/g"), ("//g", "http://g/"), ("?y", "http://a/b/c/d;p?y"),
    ("g?y", "http://a/b/c/g?y"), ("#s", "http://a/b/c/d;p?q"), ("g#s", "http://a/b/c/g"),
    (";x", "http://a/b/c/;x"), ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"),
    ("./", "http://a/b/c/"), ("..", "http://a/b/"), ("../", "http://a/b/"),
    ("../g", "http://a/b/g"),
    ("../..", "http://a/"), ("../../g", "http://a/g"),
    // Abnormal examples.
    ("../../../g", "http://a/g"), ("/./g", "http://a/g"), ("/../g", "http://a/g"),
    ("g.", "http://a/b/c/g."), (".g", "http://a/b/c/.g"), ("g..", "http://a/b/c/g.."),
    ("./../g", "http://a/b/g"), ("g/./h", "http://a/b/c/g/h"), ("g/../h", "http://a/b/c/h"),
    // Browser leniencies.
    ("http:g", "http://a/b/c/g"), ("  g\n h\t ", "http://a/b/c/g%20h"), ("\\g\\h", "http://a/g/h"),
    ("HTTPS://WWW.Vald.EE:443/A", "https://www.vald.ee/A"), ("http://x.ee:80", "http://x.ee/"),
    ("http://x.ee:8080/p", "http://x.ee:8080/p"), ("https:vald.ee/x", "https://vald.ee/x"),
    ("g h/ö\"<>", "http://a/b/c/g%20h/%C3%B6%22%3C%3E"), ("g?a b", "http://a/b/c/g?a%20b"),
    ("ftp://files.ee/a.pdf", "ftp://files.ee/a.pdf"),
  ])
  func resolution(reference: String, expected: String) {
    var resolver = URLResolver(base: "http://a/b/c/d;p?q")
    #expect(resolver.resolve(reference) == expected)
  }

  @Test func unusableReferences() {
    var resolver = URLResolver(base: "https://vald.ee/a")
    #expect(resolver.resolve("http://") == nil)
    #expect(resolver.resolve("https://vald.ee:99999999/") == nil)
    #expect(resolver.resolve("https://vald.ee:abc/") == nil)
    var noBase = URLResolver(base: "not a url")
    #expect(noBase.resolve("/a") == nil)
    #expect(noBase.resolve("https://vald.ee/a") == "https://vald.ee/a")
  }

  @Test func reuseDoesNotLeakState() {
    var resolver = URLResolver(base: "https://vald.ee/et/")
    #expect(resolver.resolve("https://x.ee/a?b=1") == "https://x.ee/a?b=1")
    #expect(resolver.resolve("c") == "https://vald.ee/et/c")
  }
}

@Suite struct TextBufferTests {
  /// The obvious byte-by-byte collapse the fast path must agree with.
  static func reference(_ chunks: [[UInt8]]) -> [UInt8] {
    var output: [UInt8] = []
    var pending = false
    for chunk in chunks {
      var i = 0
      while i < chunk.count {
        let byte = chunk[i]
        if byte <= 0x20 || byte == 0x7F {
          pending = true
        } else if byte == 0xC2, i + 1 < chunk.count, chunk[i + 1] == 0xA0 {
          pending = true
          i += 1
        } else {
          if pending, !output.isEmpty { output.append(0x20) }
          pending = false
          output.append(byte)
        }
        i += 1
      }
    }
    return output
  }

  @Test func fastPathMatchesReference() {
    var generator = SplitMix64(seed: 7)
    let alphabet: [UInt8] =
      [0x20, 0x20, 0x20, 0x09, 0x0A, 0x7F, 0x00, 0xC2, 0xA0, 0xC3, 0xB5] + Array(0x21...0x7E)
    for _ in 0..<2_000 {
      let chunks = (0..<Int.random(in: 1...4, using: &generator)).map { _ in
        (0..<Int.random(in: 0...40, using: &generator)).map { _ in
          alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]
        }
      }
      let buffer = TextBuffer(capacity: 1)
      for chunk in chunks { chunk.withUnsafeBufferPointer { buffer.append($0) } }
      #expect(Array(buffer.bytes) == Self.reference(chunks))
    }
  }

  @Test func plainWordTest() {
    func word(_ text: String) -> UInt64 {
      Array(text.utf8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
    }
    #expect(TextBuffer.isPlain(word("abcdefgh"), afterSpace: false))
    #expect(TextBuffer.isPlain(word("ab cd ef"), afterSpace: true))
    #expect(!TextBuffer.isPlain(word("ab  cdef"), afterSpace: false))
    #expect(!TextBuffer.isPlain(word(" abcdefg"), afterSpace: true))
    #expect(TextBuffer.isPlain(word(" abcdefg"), afterSpace: false))
    #expect(!TextBuffer.isPlain(word("abcdefg "), afterSpace: false))
    #expect(!TextBuffer.isPlain(word("abc\tdefg"), afterSpace: false))
    #expect(!TextBuffer.isPlain(word("abc\u{7F}defg"), afterSpace: false))
    #expect(TextBuffer.isPlain(word("abcõdef"), afterSpace: false))
    #expect(!TextBuffer.isPlain(word("abc\u{A0}def"), afterSpace: false))
    let endsInC2: [UInt8] = [0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0xC2]
    #expect(
      !TextBuffer.isPlain(
        endsInC2.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }, afterSpace: false))
  }

  @Test func swarTestsAreExact() {
    var generator = SplitMix64(seed: 9)
    for _ in 0..<20_000 {
      let bytes = (0..<8).map { _ in UInt8.random(in: 0...255, using: &generator) }
      let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
      #expect(SWAR.containsBetween(word, 0x27, 0x3A) == bytes.contains { $0 > 0x27 && $0 < 0x3A })
      #expect(SWAR.contains(word, 0x40) == bytes.contains(0x40))
    }
  }
}
