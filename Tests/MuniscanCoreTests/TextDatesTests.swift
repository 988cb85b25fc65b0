import MuniscanCore
import Testing

private func day(_ text: String) -> Day { Day(iso: text)! }

@Suite struct TextDatesDaysTests {
  @Test func numericEstonianDates() {
    #expect(TextDates.days(in: "Istung toimub 12.03.2026 kell 10") == [day("2026-03-12")])
    #expect(TextDates.days(in: "Avaldatud 1.3.2026.") == [day("2026-03-01")])
    #expect(TextDates.days(in: "kuni 05. 04. 2025") == [day("2025-04-05")])
    #expect(TextDates.days(in: "protokoll_12-03-2026.pdf") == [day("2026-03-12")])
  }

  @Test func estonianMonthNamesInAnyCaseAndForm() {
    #expect(TextDates.days(in: "12. märts 2026") == [day("2026-03-12")])
    #expect(TextDates.days(in: "12. MÄRTS 2026") == [day("2026-03-12")])
    #expect(TextDates.days(in: "Volikogu kogunes 3. märtsil 2026. aastal") == [day("2026-03-03")])
    #expect(TextDates.days(in: "taotlused 15. septembriks 2025") == [day("2025-09-15")])
    #expect(
      TextDates.days(in: "1. mail 2024 ja 24. detsember 2023") == [
        day("2023-12-24"), day("2024-05-01"),
      ])
    #expect(TextDates.days(in: "7. okt. 2025") == [day("2025-10-07")])
    #expect(TextDates.days(in: "30.\u{00A0}jaanuar\u{00A0}2026") == [day("2026-01-30")])
    let all = [
      "jaanuar", "veebruar", "märts", "aprill", "mai", "juuni", "juuli", "august", "september",
      "oktoober", "november", "detsember",
    ]
    for (index, name) in all.enumerated() {
      #expect(TextDates.days(in: "2. \(name) 2026") == [Day(year: 2026, month: index + 1, day: 2)!])
    }
  }

  @Test func englishAndRussianDates() {
    #expect(TextDates.days(in: "Published 12 March 2026") == [day("2026-03-12")])
    #expect(TextDates.days(in: "on March 12, 2026 the council") == [day("2026-03-12")])
    #expect(TextDates.days(in: "Sept 3rd 2025") == [day("2025-09-03")])
    #expect(TextDates.days(in: "1st Feb 2025") == [day("2025-02-01")])
    #expect(TextDates.days(in: "Заседание 12 марта 2026 г.") == [day("2026-03-12")])
    #expect(TextDates.days(in: "12 МАРТА 2026") == [day("2026-03-12")])
  }

  @Test func isoDatesAlsoInsideURLsAndFileNames() {
    #expect(TextDates.days(in: "2026-03-12T10:00:00+02:00") == [day("2026-03-12")])
    #expect(
      TextDates.days(in: "/sites/default/files/protokoll_2026-03-12.pdf") == [day("2026-03-12")])
    #expect(TextDates.days(in: "eelarve_2026_03_12_lisa.xlsx") == [day("2026-03-12")])
    #expect(TextDates.days(in: "2025.12.31") == [day("2025-12-31")])
  }

  @Test func invalidAndImplausibleDatesAreSkipped() {
    #expect(TextDates.days(in: "31.02.2026 ja 2026-13-01 ja 00.01.2026").isEmpty)
    #expect(TextDates.days(in: "12.03.1850 ja 12.03.2150").isEmpty)
    #expect(TextDates.days(in: "29.02.2023").isEmpty)
    #expect(TextDates.days(in: "29.02.2024") == [day("2024-02-29")])
    #expect(TextDates.days(in: "versioon 112.03.2026").isEmpty)
    #expect(TextDates.days(in: "12.03.20261").isEmpty)
    #expect(TextDates.days(in: "kell 10.00–12.00, ruum 2026").isEmpty)
    #expect(TextDates.days(in: "12 mailbox 2026").isEmpty)
  }

  @Test func resultsAreSortedAndUnique() {
    let text = "12.03.2026, 2025-01-05, 12. märts 2026 ja 1.1.2024"
    #expect(TextDates.days(in: text) == [day("2024-01-01"), day("2025-01-05"), day("2026-03-12")])
  }

  @Test func httpDates() {
    #expect(TextDates.day(fromHTTPDate: "Thu, 12 Mar 2026 08:49:37 GMT") == day("2026-03-12"))
    #expect(TextDates.day(fromHTTPDate: "Thursday, 12-Mar-26 08:49:37 GMT") == day("2026-03-12"))
    #expect(TextDates.day(fromHTTPDate: "Thu Mar 12 08:49:37 2026") == day("2026-03-12"))
    #expect(TextDates.day(fromHTTPDate: "Thu, 01 Jan 1970 00:00:00 GMT") == nil)
    #expect(TextDates.day(fromHTTPDate: "garbage") == nil)
  }
}

@Suite struct TextDatesYearsTests {
  @Test func singleYears() {
    #expect(TextDates.years(in: "Eelarve 2026 ja lisaeelarve 2025") == [2025, 2026])
    #expect(TextDates.years(in: "eelarve2026.pdf") == [2026])
    #expect(TextDates.years(in: "1989 1990 2100 2101 12345 20261") == [1990, 2100])
  }

  @Test func rangesAreExpanded() {
    #expect(TextDates.years(in: "Eelarvestrateegia 2025–2028") == [2025, 2026, 2027, 2028])
    #expect(TextDates.years(in: "arengukava 2019-2021 (pdf)") == [2019, 2020, 2021])
    #expect(TextDates.years(in: "Arengukava 2019 — 2021") == [2019, 2020, 2021])
    #expect(TextDates.years(in: "õppeaasta 2025/2026") == [2025, 2026])
    #expect(TextDates.years(in: "kava 2025–28") == [2025, 2026, 2027, 2028])
  }

  @Test func datesAreNotRanges() {
    #expect(TextDates.years(in: "2010-12-01") == [2010])
    #expect(TextDates.years(in: "2026/03/12") == [2026])
    #expect(TextDates.years(in: "12.03.2026") == [2026])
  }

  @Test func backwardsAndHugeRanges() {
    #expect(TextDates.years(in: "2028-2025") == [2025, 2028])
    #expect(TextDates.years(in: "1990–2100") == [1990, 2100])
  }

  @Test func moneyIsNotAYear() {
    #expect(TextDates.years(in: "toetus kuni 2000 eurot") == [])
    #expect(TextDates.years(in: "1995 € ja 2001EUR") == [])
    #expect(TextDates.years(in: "2025 Euroopa Liidu") == [2025])
  }
}
