import Testing

@testable import BenchNation

@Suite struct BenchDateTests {
  /// Every placeholder a dense page's templates use is filled, as often as it occurs; braces
  /// that name none stay as written.
  @Test func fillsEveryPlaceholderAndLeavesOtherBraces() {
    let date = BenchDate(page: 1)  // 8 June 2026
    #expect(
      date.fill("{num} {iso} {et} {on} {ru} {en} {year} {last} {next}")
        == "08.06.2026 2026-06-08 8. juuni 2026 8. juunil 2026 8 июня 2026 8 June 2026 2026 2025 2027"
    )
    #expect(date.fill("eelnou-{iso}.docx, {iso}") == "eelnou-2026-06-08.docx, 2026-06-08")
    #expect(date.fill("{\"a\":{}} {unknown} {num") == "{\"a\":{}} {unknown} {num")
    #expect(date.fill("{{num}}") == "{08.06.2026}")
    #expect(date.fill("") == "")
  }
}
