import MuniscanCore
import MuniscanReports
import Testing

@Suite struct MarkdownReporterTests {
  @Test func rankingHasBandsTableCountsAndChanges() throws {
    let text = try MarkdownReporter().render(
      ReportFixture.card(), options: try ReportFixture.options())
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.contains("Rule set ee 2026.11 · audit date 2026-11-20 · 5 sites"))
    #expect(lines.contains("**Bands:** 🟢 green 1 · 🟡 yellow 2 · 🔴 red 1 · ⚪ not audited 1"))
    #expect(lines.contains("| Rank | Site | Total | Band | Council | Contact | ± | Δ |"))
    #expect(
      lines.contains(
        "| 1 | [Elva vald](<https://www.elva.ee/>) | 100.0 | 🟢 green | 100.0 | 100.0 | ▲1 | +20.0 |"
      ))
    #expect(
      lines.contains(
        "| 2 | [Anija vald](<https://anija.ee/>) | 75.0 | 🟡 yellow | 80.0 | 50.0 | ▼1 | -15.0 |"))
    #expect(
      lines.contains { $0.hasPrefix("| 2 | [") && $0.contains("| new |") },
      "the tie shares rank 2; new site")
    #expect(!lines.contains { $0.contains("Kadunud") && $0.hasPrefix("|") })
    let apart = try #require(lines.firstIndex(of: "### Not audited"))
    #expect(
      lines[apart + 2]
        == "- **Kadunud vald** ([https://kadunud.ee/](<https://kadunud.ee/>)) — Not audited: the server refused the connection (connection refused)"
    )
    #expect(
      lines.contains(
        "| Council minutes (council.minutes) | Council | 3 of 4 sites pass | 0 | 1 | 0 |"))
    #expect(lines.contains("### Changes since 2026-10-20"))
    #expect(lines.contains("- **Elva vald** ▲1 +20.0 — ▲ gained: council.agendas (fail → pass)"))
    #expect(lines.contains("- **Anija vald** ▼1 -15.0 — ▼ lost: contact.email (pass → partial)"))
    #expect(
      lines.contains(
        "- **Vana &lt;b&gt;vald&lt;/b&gt;** — ✕ no longer in the run (previous: rank 5, 12.5)"))
  }

  @Test func pageTextCannotBreakTheTableOrInjectHTML() throws {
    let text = try MarkdownReporter().render(
      ReportFixture.card(), options: try ReportFixture.options())
    #expect(!text.contains("<script>"))
    #expect(!text.contains("<img"))
    #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    let rankingRows = text.split(separator: "\n").filter { $0.hasPrefix("| 2 | ") }
    #expect(rankingRows.count == 2)
    #expect(
      rankingRows.allSatisfy {
        $0.split(separator: "|", omittingEmptySubsequences: false).count == 10
      })
  }

  @Test func oneSiteGetsATodoListWithAdviceAndEvidence() throws {
    let card = ReportFixture.card(site: ReportFixture.hostileName)
    let text = try MarkdownReporter().render(card, options: try ReportFixture.options())
    #expect(
      text.contains(
        "### What to fix\n\n- [ ] **General e-mail address** (contact.email): Show the e-mail address on every page."
      ))
    #expect(
      text.contains(
        "| PASS | Session agendas (council.agendas) | [Agenda \\| with pipe](<https://hostile.example/a>) (link) | found: link “Agenda \\| with pipe” |"
      ))
    #expect(!text.contains("](<javascript:"), "no link to a javascript: URL")
    #expect(!text.contains("<b onmouseover"))
  }

  @Test func speaksEstonian() throws {
    let text = try MarkdownReporter().render(
      ReportFixture.card(), options: try ReportFixture.options("et"))
    #expect(text.contains("## Veebilehtede avatuse hinnang"))
    #expect(
      text.contains(
        "| Volikogu protokollid (council.minutes) | Volikogu | 3 omavalitsust 4-st vastab |"))
    #expect(text.contains("🟢 roheline"))
    #expect(text.contains("### Muutused alates 2026-10-20"))
    let single = try MarkdownReporter().render(
      ReportFixture.card(site: "Kõrveküla vald"), options: try ReportFixture.options("et"))
    #expect(single.contains("### Mida parandada"))
    #expect(
      single.contains("**Volikogu protokollid** (council.minutes): Avalda iga istungi protokoll."))
  }
}
