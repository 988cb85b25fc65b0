import Testing

@testable import MuniscanCrawler

@Suite struct AsyncGateTests {
  /// No more than `permits` tasks are inside at once, and every waiter gets its turn.
  @Test func letsAtMostItsPermitsInAndEveryoneThrough() async {
    let gate = AsyncGate(permits: 3)
    let inside = Inside()
    await withTaskGroup(of: Void.self) { group in
      for _ in 0..<40 {
        group.addTask {
          await gate.enter()
          await inside.enter()
          try? await Task.sleep(for: .milliseconds(2))
          await inside.leave()
          gate.leave()
        }
      }
    }
    #expect(await inside.most == 3)
    #expect(await inside.entered == 40)
  }

  actor Inside {
    var now = 0
    var most = 0
    var entered = 0
    func enter() {
      now += 1
      entered += 1
      most = max(most, now)
    }
    func leave() { now -= 1 }
  }
}
