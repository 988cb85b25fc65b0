/// Folds text for matching: lower case, diacritics removed (õ→o, ä→a, š→s, ё→е, й→и), every run
/// of non-letters and non-digits turned into one space. Rules and pages are both folded this way,
/// so "Eelarve", "EELARVE" and "eelarve" match, and so do "Töötasu" and "tootasu".
public enum TextNormalizer {
  /// The folded text, trimmed, words separated by single spaces.
  public static func normalize(_ text: String) -> String {
    var folded = FoldedText(capacity: text.utf8.count)
    folded.append(text)
    return folded.string
  }

  /// Folds one scalar to its base lower-case letter or digit; nil for separators.
  @inline(__always)
  public static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
    let value = scalar.value
    if value < tableLimit {
      let folded = table[Int(value)]
      return folded == 0 ? nil : Unicode.Scalar(folded)
    }
    return foldByProperties(scalar)
  }

  /// Scalars below this (Latin, Greek, Cyrillic) are folded by table lookup.
  private static let tableLimit: UInt32 = 0x530

  /// The fold of every scalar below `tableLimit`, 0 for separators; words read ASCII by it.
  @usableFromInline
  static let table: [UInt32] = (0..<tableLimit).map { value in
    guard let scalar = Unicode.Scalar(value) else { return 0 }
    return foldByProperties(scalar)?.value ?? 0
  }

  private static func foldByProperties(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
    let value = scalar.value
    if value < 0x80 {
      switch value {
      case 0x30...0x39, 0x61...0x7A: return scalar
      case 0x41...0x5A: return Unicode.Scalar(value + 0x20)
      default: return nil
      }
    }
    if let mapped = latinFolds[value] { return mapped }
    switch value {
    case 0x0401, 0x0451: return "е"  // Ё ё
    case 0x0419, 0x0439: return "и"  // Й й
    default: break
    }
    let properties = scalar.properties
    guard properties.isAlphabetic || properties.numericType != nil else { return nil }
    let lower = properties.lowercaseMapping.unicodeScalars
    return lower.count == 1 ? lower.first! : scalar
  }

  private static let latinFolds: [UInt32: Unicode.Scalar] = {
    let groups: [(String, Unicode.Scalar)] = [
      ("ÀÁÂÃÄÅàáâãäåĀāĂăĄą", "a"), ("ÇçĆćČč", "c"), ("ĎďĐđ", "d"),
      ("ÈÉÊËèéêëĒēĖėĘęĚě", "e"), ("ÌÍÎÏìíîïĪīĮį", "i"), ("Ññ", "n"), ("ŃńŅņŇň", "n"),
      ("ÒÓÔÕÖØòóôõöøŌōŐő", "o"), ("ŔŕŘř", "r"), ("ŠšŚśŞş", "s"), ("ŤťŢţ", "t"),
      ("ÙÚÛÜùúûüŪūŮůŰűŲų", "u"), ("ÝýÿŸ", "y"), ("ŽžŹźŻż", "z"), ("Łł", "l"), ("Ģģ", "g"),
      ("Ķķ", "k"), ("Ļļ", "l"),
    ]
    var table: [UInt32: Unicode.Scalar] = [:]
    for (letters, base) in groups {
      for scalar in letters.unicodeScalars { table[scalar.value] = base }
    }
    table[0xDF] = "s"  // ß
    return table
  }()
}

extension TextNormalizer {
  /// The fold of the scalar whose UTF-8 encoding begins at `offset` of `bytes` (0 for a
  /// separator), and the scalar's width in bytes.
  @inlinable @inline(__always)
  static func foldedScalar(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (
    folded: UInt32, width: Int
  ) {
    let lead = bytes[offset]
    guard lead >= 0x80 else {
      // ASCII, most of any page, folded here as the table folds it: digits and lower-case
      // letters stay, upper-case letters are lowered, anything else separates words. Without
      // branches on the letter's case: setting bit 5 lowers a capital and leaves a lower-case
      // letter and a digit as they are.
      let lower = lead | 0x20
      return (lower &- 0x61 < 26 ? UInt32(lower) : lead &- 0x30 < 10 ? UInt32(lead) : 0, 1)
    }
    let scalar = UTF8Scalar.decode(at: offset, in: bytes)
    return (Unicode.Scalar(scalar.value).flatMap(fold)?.value ?? 0, scalar.width)
  }

  /// Calls `body` with each byte of the folded form of `text` (UTF-8 words of folded letters
  /// and digits separated by single spaces, nothing before the first word or after the last),
  /// and, with the first byte of each word, the UTF-8 offset in `text` where the word begins.
  /// One pass, no copy: what both folded buffers and phrase scans are built on.
  @inlinable
  public static func forEachFoldedByte(in text: String, _ body: (UInt8, _ wordStart: Int?) -> Void)
  {
    var text = text
    text.withUTF8 { bytes in
      var inWord = false
      var sawWord = false
      var offset = 0
      while offset < bytes.count {
        let (folded, width) = foldedScalar(at: offset, in: bytes)
        if folded != 0 {
          var start: Int? = nil
          if !inWord {
            if sawWord { body(0x20, nil) }
            start = offset
            inWord = true
            sawWord = true
          }
          if folded < 0x80 {
            body(UInt8(truncatingIfNeeded: folded), start)
          } else {
            UTF8.encode(Unicode.Scalar(folded)!) { byte in
              body(byte, start)
              start = nil
            }
          }
        } else {
          inWord = false
        }
        offset += width
      }
    }
  }
}

extension TextNormalizer {
  /// Calls `body` with each folded word of `text` (its bytes, valid during the call) and the
  /// UTF-8 offset in `text` where the word begins: the words ``forEachFoldedByte(in:_:)``
  /// gives, in a loop of their own that hands over whole words, not a byte at a time. With
  /// `start`, the words from that offset on, which must begin a scalar.
  /// Folds into `buffer`, each word from its start: folding keeps an ASCII byte one byte and
  /// makes a scalar of two to four bytes at most four, so twice the text's length always fits;
  /// a caller reading many texts keeps the buffer, grown when a text needs more.
  @inlinable
  public static func forEachFoldedWord(
    in text: String, from start: Int = 0, buffer: inout [UInt8],
    _ body: (_ word: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Void
  ) {
    if buffer.count < 2 * text.utf8.count {
      buffer = [UInt8](repeating: 0, count: 2 * text.utf8.count)
    }
    var text = text
    text.withUTF8 { bytes in
      buffer.withUnsafeMutableBufferPointer { word in
        table.withUnsafeBufferPointer { folds in
          /// Where the word being folded begins in `text`; -1 between words.
          var begins = -1
          var length = 0
          var offset = start
          while offset < bytes.count {
            let lead = bytes[offset]
            // ASCII, most of any page, a byte at a time by the fold table, without making a
            // scalar and encoding it again: one load and no branch on the letter's kind, so the
            // only branch a byte costs that the processor cannot foresee is at a word's end.
            let ascii = lead < 0x80
            let (folded, width): (UInt32, Int) =
              ascii ? (folds[Int(lead)], 1) : foldedScalar(at: offset, in: bytes)
            if folded == 0 {
              if begins >= 0 {
                body(UnsafeBufferPointer(rebasing: word[0..<length]), begins)
                begins = -1
              }
            } else {
              if begins < 0 {
                begins = offset
                length = 0
              }
              if ascii {
                word[length] = UInt8(truncatingIfNeeded: folded)
                length += 1
              } else {
                length += UTF8Scalar.encode(folded, into: word, at: length)
              }
            }
            offset += width
          }
          if begins >= 0 { body(UnsafeBufferPointer(rebasing: word[0..<length]), begins) }
        }
      }
    }
  }
}

/// Builds folded text incrementally as UTF-8 bytes.
public struct FoldedText: Sendable {
  /// The folded text so far: words of folded letters and digits separated by single spaces.
  public private(set) var bytes: [UInt8] = []

  public init(capacity: Int = 0) {
    bytes.reserveCapacity(capacity)
  }

  /// Appends `text`, separated from what came before by a space.
  public mutating func append(_ text: String) {
    var first = !bytes.isEmpty
    TextNormalizer.forEachFoldedByte(in: text) { byte, _ in
      if first {
        bytes.append(0x20)
        first = false
      }
      bytes.append(byte)
    }
  }

  public var string: String { String(decoding: bytes, as: UTF8.self) }
}
