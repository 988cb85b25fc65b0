import MuniscanCore
import Testing

private func day(_ text: String) -> Day { Day(iso: text)! }

/// Every numeric pattern, and no month words.
private let numeric = TextDates(DateFormats(numeric: Set(NumericDatePattern.allCases)))

/// The scanner on formats written here; the shipped languages' month names are tested with the
/// shipped files (MuniscanRulesTests).
@Suite struct TextDatesDaysTests {
  @Test func numericDates() {
    #expect(numeric.days(in: "Istung toimub 12.03.2026 kell 10") == [day("2026-03-12")])
    #expect(numeric.days(in: "Avaldatud 1.3.2026.") == [day("2026-03-01")])
    #expect(numeric.days(in: "kuni 05. 04. 2025") == [day("2025-04-05")])
    #expect(numeric.days(in: "protokoll_12-03-2026.pdf") == [day("2026-03-12")])
  }

  @Test func onlyThePatternsOfTheFormatsAreRead() {
    let dotted = TextDates(DateFormats(numeric: [.dayMonthYearDot, .yearMonthDayDash]))
    #expect(dotted.days(in: "12.3.2026 ja 2026-03-14") == [day("2026-03-12"), day("2026-03-14")])
    #expect(dotted.days(in: "12/03/2026, 12-03-2026, 2026_03_12, 2026.03.12").isEmpty)
    #expect(TextDates(DateFormats()).days(in: "12.03.2026 2026-03-12").isEmpty)
  }

  @Test func monthWordsAndOrdinalsComeFromTheFormats() {
    let formats = DateFormats(
      dayFirstMonths: ["maaliskuuta": 3, "march": 3], monthFirstMonths: ["march": 3],
      ordinals: ["th"])
    let dates = TextDates(formats)
    #expect(dates.days(in: "12. maaliskuuta 2026") == [day("2026-03-12")])
    #expect(dates.days(in: "12. MAALISKUUTA 2026") == [day("2026-03-12")])
    #expect(
      dates.days(in: "12th March 2026 and March 14th, 2026") == [
        day("2026-03-12"), day("2026-03-14"),
      ])
    #expect(dates.days(in: "12st March 2026 ja 12. märts 2026").isEmpty)
    #expect(TextDates(DateFormats(dayFirstMonths: ["march": 3])).days(in: "March 12, 2026").isEmpty)
  }

  @Test func isoDatesAlsoInsideURLsAndFileNames() {
    #expect(numeric.days(in: "2026-03-12T10:00:00+02:00") == [day("2026-03-12")])
    #expect(
      numeric.days(in: "/sites/default/files/protokoll_2026-03-12.pdf") == [day("2026-03-12")])
    #expect(numeric.days(in: "eelarve_2026_03_12_lisa.xlsx") == [day("2026-03-12")])
    #expect(numeric.days(in: "2025.12.31") == [day("2025-12-31")])
  }

  @Test func invalidAndImplausibleDatesAreSkipped() {
    #expect(numeric.days(in: "31.02.2026 ja 2026-13-01 ja 00.01.2026").isEmpty)
    #expect(numeric.days(in: "12.03.1850 ja 12.03.2150").isEmpty)
    #expect(numeric.days(in: "29.02.2023").isEmpty)
    #expect(numeric.days(in: "29.02.2024") == [day("2024-02-29")])
    #expect(numeric.days(in: "versioon 112.03.2026").isEmpty)
    #expect(numeric.days(in: "12.03.20261").isEmpty)
    #expect(numeric.days(in: "kell 10.00–12.00, ruum 2026").isEmpty)
  }

  @Test func resultsAreSortedAndUnique() {
    let text = "12.03.2026, 2025-01-05, 2026-03-12 ja 1.1.2024"
    #expect(numeric.days(in: text) == [day("2024-01-01"), day("2025-01-05"), day("2026-03-12")])
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
