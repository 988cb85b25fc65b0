import MuniscanCore
import Testing

/// A pool hands an idle element out again rather than making another, makes one for each use
/// that overlaps another, and passes on the failure to make one.
@Suite struct ReusePoolTests {
  private final class Element {
    let number: Int
    init(_ number: Int) { self.number = number }
  }

  private struct CannotMake: Error {}

  @Test func anIdleElementIsUsedAgain() {
    var made = 0
    let pool = ReusePool<Element, Never> {
      made += 1
      return Element(made)
    }
    let used = (0..<5).map { _ in pool.use { $0.number } }
    #expect(used == [1, 1, 1, 1, 1])
    #expect(made == 1)
  }

  @Test func usesAtOnceHaveElementsOfTheirOwn() {
    var made = 0
    let pool = ReusePool<Element, Never> {
      made += 1
      return Element(made)
    }
    let (outer, inner) = pool.use { outer in (outer.number, pool.use { $0.number }) }
    #expect(outer != inner)
    #expect(made == 2)
    // Both went back: two uses at once again need no third.
    _ = pool.use { _ in pool.use { _ in 0 } }
    #expect(made == 2)
  }

  @Test func aFailureToMakeIsThrownAndTheNextUseTriesAgain() throws {
    var attempts = 0
    let pool = ReusePool<Element, CannotMake> { () throws(CannotMake) in
      attempts += 1
      if attempts == 1 { throw CannotMake() }
      return Element(attempts)
    }
    #expect(throws: CannotMake.self) { try pool.use { $0.number } }
    #expect(try pool.use { $0.number } == 2)
  }
}
