import Foundation
import MuniscanCore
import Testing

@Suite struct DayTests {
  @Test func rejectsImpossibleDates() {
    #expect(Day(year: 2026, month: 2, day: 29) == nil)
    #expect(Day(year: 2024, month: 2, day: 29) != nil)
    #expect(Day(year: 2026, month: 13, day: 1) == nil)
    #expect(Day(iso: "2026-04-31") == nil)
    #expect(Day(iso: "20-04-01") == nil)
  }

  @Test func countsDaysAcrossMonthsAndLeapYears() {
    let start = Day(iso: "2024-02-28")!
    #expect(start.days(until: Day(iso: "2024-03-01")!) == 2)
    #expect(Day(iso: "2025-12-31")!.days(until: Day(iso: "2026-01-01")!) == 1)
    #expect(Day(iso: "2026-11-20")!.days(until: Day(iso: "2026-08-22")!) == -90)
  }

  @Test func ordersAsTheirOrdinalsDo() {
    // Every day of 1999–2001 against a spread of others: calendar order is ordinal order.
    var days: [Day] = []
    for year in 1999...2001 {
      for month in 1...12 {
        for day in 1...31 { Day(year: year, month: month, day: day).map { days.append($0) } }
      }
    }
    for day in days {
      for other in stride(from: 0, to: days.count, by: 37).map({ days[$0] }) {
        #expect((day < other) == (day.ordinal < other.ordinal), "\(day) \(other)")
      }
    }
  }

  @Test func encodesAsISOText() throws {
    let day = Day(year: 2026, month: 3, day: 5)!
    #expect(day.description == "2026-03-05")
    let data = try JSONEncoder().encode([day])
    #expect(String(decoding: data, as: UTF8.self) == #"["2026-03-05"]"#)
    #expect(try JSONDecoder().decode([Day].self, from: data) == [day])
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode([Day].self, from: Data(#"["2026-02-30"]"#.utf8))
    }
  }
}
