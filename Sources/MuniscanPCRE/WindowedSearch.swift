import CPCRE2

/// The first match of a pattern with an ``AnchorWindow``, found by trying the pattern, anchored,
/// only at the places of a text where a match can start: before each anchor character, back to
/// the `runs`-th run of word characters or the first character no match can hold. A search
/// from the start tries every letter; a time-range pattern on a municipal page's whole text is
/// tried a few dozen times this way. The match is the one a search from the start finds: the
/// windows begin in the order of their anchors, so the places are tried from left to right.
struct WindowedSearch {
  let window: AnchorWindow
  /// The pattern compiled anchored: a match only where the search starts.
  let anchoredCode: OpaquePointer
  /// Flags of the bytes a match can begin with, when PCRE2 knows them.
  let firstBytes: [Bool]?
  /// Flags of the bytes an anchor character begins with, and the UTF-8 spellings of the
  /// anchor characters that are not ASCII.
  private let anchorFirstBytes: [Bool]
  private let otherAnchors: [[UInt8]]
  /// Flags of the ASCII characters a match may hold before its anchor.
  private let asciiSeparators: [Bool]
  /// Flags of ``AnchorWindow/skippedBeforeAnchor`` and ``AnchorWindow/endingBeforeAnchor``.
  private let skipped: [Bool]
  private let ending: [Bool]?

  init(window: AnchorWindow, anchoredCode: OpaquePointer, firstBytes: [Bool]?) {
    self.window = window
    self.anchoredCode = anchoredCode
    self.firstBytes = firstBytes
    let spellings = window.anchors.map { Array(String($0).utf8) }
    var leads = [Bool](repeating: false, count: 256)
    for spelling in spellings { leads[Int(spelling[0])] = true }
    anchorFirstBytes = leads
    otherAnchors = spellings.filter { $0.count > 1 }
    asciiSeparators = Self.flags(window.separators)
    skipped = Self.flags(window.skippedBeforeAnchor)
    ending = window.endingBeforeAnchor.map(Self.flags)
  }

  private static func flags(_ bytes: Set<UInt8>) -> [Bool] {
    var flags = [Bool](repeating: false, count: 128)
    for byte in bytes { flags[Int(byte)] = true }
    return flags
  }

  /// Whether what stands before the anchor at `index`, past the separators skipped, can end
  /// the part of a match before its anchor; a character other than ASCII always can.
  private func mayEnd(before index: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let ending else { return true }
    var position = index
    while position > 0, text[position - 1] < 0x80, skipped[Int(text[position - 1])] {
      position -= 1
    }
    guard position > 0 else { return false }
    let byte = text[position - 1]
    return byte >= 0x80 || ending[Int(byte)]
  }

  /// What a search finds: 1 with the match's offsets, 0 for none, a negative PCRE2 error, or
  /// nil when the text holds a character whose kind is not known here (the caller then
  /// searches the whole text).
  func firstMatch(
    in text: UnsafeBufferPointer<UInt8>, data: OpaquePointer, start: inout Int, end: inout Int
  ) -> Int32? {
    var next = 0
    var index = 0
    while index < text.count {
      // Most bytes begin no anchor: told by one flag, unchecked.
      let mayBeAnchor = anchorFirstBytes.withUnsafeBufferPointer { $0[Int(text[index])] }
      guard mayBeAnchor, let anchorLength = anchorLength(at: index, in: text) else {
        index += 1
        continue
      }
      guard mayEnd(before: index, in: text) else {
        index += anchorLength
        continue
      }
      guard let windowStart = windowStart(before: index, in: text) else { return nil }
      var position = max(windowStart, next)
      while position <= index {
        if mayStart(at: position, in: text) {
          let found = text.withMemoryRebound(to: CChar.self) {
            muniscan_pcre2_match_from(
              anchoredCode, data, $0.baseAddress, $0.count, position, &start, &end)
          }
          if found != 0 { return found }
        }
        position += 1
      }
      next = index + 1
      index += anchorLength
    }
    return 0
  }

  /// The length of the anchor character at `index` (whose first byte may begin one), or nil
  /// when none begins there.
  private func anchorLength(at index: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
    let byte = text[index]
    if byte < 0x80 { return 1 }
    for anchor in otherAnchors where anchor[0] == byte && index + anchor.count <= text.count {
      if (1..<anchor.count).allSatisfy({ text[index + $0] == anchor[$0] }) { return anchor.count }
    }
    return nil
  }

  /// Whether a match can begin at `position`: a character's first byte, one PCRE2 allows, and
  /// not after a word character when the pattern says so.
  private func mayStart(at position: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
    let byte = text[position]
    guard byte & 0xC0 != 0x80, firstBytes?[Int(byte)] ?? true else { return false }
    return !window.startsAfterNonWord || position == 0
      || !WordCharacters.isASCIIWord(text[position - 1])
  }

  /// Where the window before the anchor at `index` begins: back over word characters and
  /// separators, up to the start of the `runs`-th run of word characters; nil at a character
  /// not known to be a word character or not.
  private func windowStart(before index: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
    var position = index
    var runs = 0
    var inWord = false
    while position > 0 {
      var first = position - 1
      let byte = text[first]
      let isWord: Bool
      if byte < 0x80 {
        if WordCharacters.isASCIIWord(byte) {
          isWord = true
        } else if asciiSeparators[Int(byte)] {
          isWord = false
        } else {
          break
        }
      } else {
        while first > 0, text[first] & 0xC0 == 0x80 { first -= 1 }
        var decoder = UTF8()
        var bytes = text[first..<position].makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&bytes) else { return nil }
        switch WordCharacters.kind(of: scalar) {
        case .word: isWord = true
        case .other: isWord = false
        case .unknown: return nil
        }
      }
      if isWord && !inWord {
        if runs == window.runs { break }
        runs += 1
      }
      inWord = isWord
      position = first
    }
    return position
  }
}
