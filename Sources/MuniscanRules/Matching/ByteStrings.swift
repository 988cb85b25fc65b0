import Foundation
import MuniscanCore

/// Distinct byte strings, each numbered in the order it was added and found again by
/// ``ByteHash`` over open addressing: how the phrase matcher's words and a site's distinct words
/// are looked up, a word at a time, without making an Array and a SipHash of every word read.
struct ByteStrings {
  /// Number + 1 by slot; 0 for an empty slot. A power of two long, at most half full.
  private var slots = [Int32](repeating: 0, count: 16)
  private var hashes: [UInt32] = []
  /// Where each string begins in `pool`; string `n` ends where `n + 1` begins.
  private var starts: [Int32] = [0]
  private var pool: [UInt8] = []
  /// The process's ``ByteHash/seed``, read once.
  private let seed = ByteHash.seed

  /// How many strings there are; they are numbered `0..<count`.
  var count: Int { hashes.count }

  /// The number of `bytes`, nil when it is not one of the strings.
  func number(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let hash = hash(bytes)
    let mask = slots.count - 1
    var slot = Int(hash) & mask
    while true {
      let stored = Int(slots[slot])
      if stored == 0 { return nil }
      if hashes[stored - 1] == hash, equals(stored - 1, bytes) { return stored - 1 }
      slot = (slot + 1) & mask
    }
  }

  /// The number of `bytes`, added as the next number when it is new.
  @discardableResult
  mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    if let known = number(of: bytes) { return known }
    let hash = hash(bytes)
    hashes.append(hash)
    pool.append(contentsOf: bytes)
    starts.append(Int32(pool.count))
    place(count - 1, hash: hash)
    if count * 2 > slots.count {
      slots = [Int32](repeating: 0, count: slots.count * 2)
      for (number, hash) in hashes.enumerated() { place(number, hash: hash) }
    }
    return count - 1
  }

  /// The same for bytes held in an array.
  @discardableResult
  mutating func add(_ bytes: [UInt8]) -> Int {
    bytes.withUnsafeBufferPointer { add($0) }
  }

  private mutating func place(_ number: Int, hash: UInt32) {
    let mask = slots.count - 1
    var slot = Int(hash) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = Int32(number + 1)
  }

  private func equals(_ number: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = Int(starts[number])
    let end = Int(starts[number + 1])
    guard end - start == bytes.count else { return false }
    return bytes.isEmpty
      || pool.withUnsafeBufferPointer {
        memcmp($0.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0
      }
  }

  private func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
    UInt32(truncatingIfNeeded: ByteHash.hash(UnsafeRawBufferPointer(bytes), seed: seed))
  }
}
