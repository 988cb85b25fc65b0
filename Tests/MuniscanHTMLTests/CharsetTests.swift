import MuniscanCore
import MuniscanHTML
import Testing

@Suite struct CharsetSnifferTests {
  let metaLatin9 = Array("<html><head><meta charset=\"latin9\"></head>".utf8)

  @Test func defaultIsUTF8() {
    #expect(CharsetSniffer.sniff(contentType: nil, body: Array("<p>tere</p>".utf8)) == "utf-8")
    #expect(CharsetSniffer.sniff(contentType: "text/html", body: []) == "utf-8")
  }

  @Test func headerCharsetAndAliases() {
    #expect(
      CharsetSniffer.sniff(contentType: "text/html; charset=cp1257", body: []) == "windows-1257")
    #expect(
      CharsetSniffer.sniff(contentType: "text/html;charset=\"ISO-8859-15\"", body: [])
        == "iso-8859-15")
    #expect(
      CharsetSniffer.sniff(contentType: "text/html; charset=latin1", body: []) == "windows-1252")
    #expect(CharsetSniffer.sniff(contentType: "text/html; charset=UTF8", body: []) == "utf-8")
    #expect(CharsetSniffer.normalize(label: " Latin-9 ") == "iso-8859-15")
    #expect(CharsetSniffer.normalize(label: "x-cp1257") == "windows-1257")
    #expect(CharsetSniffer.normalize(label: "klingon") == nil)
  }

  @Test func headerBeatsMeta() {
    #expect(
      CharsetSniffer.sniff(contentType: "text/html; charset=windows-1257", body: metaLatin9)
        == "windows-1257")
  }

  @Test func unknownHeaderLabelFallsThroughToMeta() {
    #expect(
      CharsetSniffer.sniff(contentType: "text/html; charset=bogus", body: metaLatin9)
        == "iso-8859-15")
  }

  @Test func bomBeatsHeaderAndMeta() {
    #expect(
      CharsetSniffer.sniff(contentType: nil, body: [0xEF, 0xBB, 0xBF] + metaLatin9) == "utf-8")
    #expect(
      CharsetSniffer.sniff(
        contentType: "text/html; charset=windows-1257", body: [0xEF, 0xBB, 0xBF]) == "utf-8")
    #expect(CharsetSniffer.sniff(contentType: nil, body: [0xFF, 0xFE, 0x3C, 0x00]) == "utf-16le")
    #expect(CharsetSniffer.sniff(contentType: nil, body: [0xFE, 0xFF, 0x00, 0x3C]) == "utf-16be")
  }

  @Test func metaPrescanForms() {
    func sniff(_ html: String) -> String {
      CharsetSniffer.sniff(contentType: nil, body: Array(html.utf8))
    }
    #expect(
      sniff("<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=windows-1257'>")
        == "windows-1257")
    #expect(
      sniff("<meta content=\"text/html; charset=iso-8859-13\" http-equiv=\"content-type\">")
        == "iso-8859-13")
    #expect(sniff("<meta charset=ISO-8859-15>") == "iso-8859-15")
    // `content` without the http-equiv pragma does not count.
    #expect(sniff("<meta content=\"text/html; charset=windows-1257\">") == "utf-8")
    // Inside a comment, or in an attribute of another element, it does not count either.
    #expect(sniff("<!-- <meta charset=windows-1257> --><p>") == "utf-8")
    #expect(sniff("<div title='<meta charset=windows-1257>'>") == "utf-8")
    // utf-16 in a meta means utf-8 (the bytes were readable as ASCII).
    #expect(sniff("<meta charset=utf-16>") == "utf-8")
    // Only the first 1024 bytes are looked at.
    #expect(sniff(String(repeating: " ", count: 1100) + "<meta charset=windows-1257>") == "utf-8")
  }
}

@Suite struct CharsetDecodingTests {
  /// "Põltsamaa vallavalitsus: õäöü ÕÄÖÜ šž" in windows-1257.
  static let windows1257Text: [UInt8] =
    [0x50, 0xF5] + Array("ltsamaa vallavalitsus: ".utf8) + [0xF5, 0xE4, 0xF6, 0xFC, 0x20]
    + [0xD5, 0xC4, 0xD6, 0xDC, 0x20, 0xF0, 0xFE]
  static let expected = "Põltsamaa vallavalitsus: õäöü ÕÄÖÜ šž"

  @Test func windows1257FromHeader() throws {
    let body =
      Array("<html><head><title>".utf8) + Self.windows1257Text
      + Array("</title></head><body><p>".utf8) + Self.windows1257Text
      + Array("</p></body></html>".utf8)
    let facts = try analyze(
      bytes: body, headers: ["content-type": "text/html; charset=windows-1257"])
    #expect(facts.title == Self.expected)
    #expect(facts.text == Self.expected)
  }

  @Test func windows1257FromMetaWithUndefinedByte() throws {
    // 0x81 is undefined in windows-1257; iconv would stop the parse there.
    let body =
      Array(
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1257'>"
          .utf8)
      + Array("</head><body><p>".utf8) + Self.windows1257Text + [0x20, 0x81, 0x20]
      + Array(
        "l\u{F5}pp</p><a href='/k'>Kontakt</a></body></html>".unicodeScalars.map { UInt8($0.value) }
      )
    let facts = try analyze(bytes: body)
    #expect(facts.text.hasPrefix(Self.expected))
    #expect(facts.text.hasSuffix("lõpp Kontakt"))
    #expect(facts.links.map(\.text) == ["Kontakt"])
  }

  @Test func iso885915() throws {
    // õ ä ö ü š ž € in ISO-8859-15: F5 E4 F6 FC A8 B8 A4.
    let body =
      Array("<html><head><meta charset='iso-8859-15'><title>".utf8) + [
        0xF5, 0xE4, 0xF6, 0xFC, 0x20, 0xA8, 0xB8, 0x20, 0xA4,
      ]
      + Array("</title></head><body>x</body></html>".utf8)
    let facts = try analyze(bytes: body)
    #expect(facts.title == "õäöü šž €")
  }

  @Test func undeclaredUTF8IsNotReadAsLatin1() throws {
    let facts = try analyze(bytes: Array("<title>Põlva</title><p>Võru</p>".utf8))
    #expect(facts.title == "Põlva")
    #expect(facts.text == "Võru")
  }

  @Test func utf8BOMIsNotText() throws {
    let facts = try analyze(bytes: [0xEF, 0xBB, 0xBF] + Array("<p>Tere</p>".utf8))
    #expect(facts.text == "Tere")
  }

  @Test func utf16LittleEndianWithBOM() throws {
    let units = Array("<title>Tõrva</title><p>Äksi</p>".utf16)
    var body: [UInt8] = [0xFF, 0xFE]
    for unit in units { body += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let facts = try analyze(bytes: body)
    #expect(facts.title == "Tõrva")
    #expect(facts.text == "Äksi")
  }

  @Test func invalidUTF8IsRepaired() throws {
    let body = Array("<p>Tere ".utf8) + [0xF5, 0xFF, 0xC3] + Array(" maailm</p>".utf8)
    let facts = try analyze(bytes: body, headers: ["content-type": "text/html; charset=utf-8"])
    #expect(facts.text.hasPrefix("Tere "))
    #expect(facts.text.hasSuffix("maailm"))
  }

  @Test func multiByteCharsetGoesThroughLibxml2() throws {
    // "Привет" in KOI8-R is handled by the table decoder; Shift_JIS through iconv.
    let koi8: [UInt8] = [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]
    let facts = try analyze(
      bytes: Array("<p>".utf8) + koi8 + Array("</p>".utf8),
      headers: ["content-type": "text/html; charset=koi8-r"])
    #expect(facts.text == "Привет")
    let sjis: [UInt8] = [0x93, 0xFA, 0x96, 0x7B]  // 日本
    let japanese = try analyze(
      bytes: Array("<p>".utf8) + sjis + Array("</p>".utf8),
      headers: ["content-type": "text/html; charset=shift_jis"])
    #expect(japanese.text == "日本")
  }
}
