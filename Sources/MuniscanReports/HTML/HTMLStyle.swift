/// The stylesheet every page of the HTML report carries inline, and the heat map's colour scale.
/// Pages must work from 320 px phones to wide screens: wide tables scroll inside their own box,
/// a site's findings turn into one block per criterion on narrow screens, and charts are HTML
/// whose text keeps its size.
enum HTMLStyle {
  static let sheet: String = {
    var css = """
      :root{color-scheme:light;--ink:#1f2328;--muted:#57606a;--line:#d0d7de;--green:#1a7f37;--yellow:#f5c542;--red:#cf222e;--grey:#6e7781;--off:#eaeef2}
      *{box-sizing:border-box}
      body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);background:#fff;margin:0 auto;max-width:72rem;padding:1rem 1.5rem 3rem}
      h1{font-size:1.7rem;margin:.5rem 0}h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line)}
      h1,p,li,td,th,summary{overflow-wrap:break-word}
      a{color:#0550ae}a:focus,button:focus,.scroll:focus{outline:2px solid #0969da;outline-offset:1px}
      .meta{color:var(--muted)}
      .date,td.num{white-space:nowrap}
      .url{overflow-wrap:anywhere}
      .scroll{overflow-x:auto;margin:.5rem 0}
      .scroll-hint{color:var(--muted);font-size:.85rem;margin:.5rem 0 0}
      table{border-collapse:collapse;width:100%}
      th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
      th{background:#f6f8fa;font-weight:600}
      tbody th{background:#fff}
      th.name a{display:inline-block;max-width:16rem;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;vertical-align:top}
      th.name .why{display:block;max-width:16rem;font-weight:400;font-size:.85rem}
      td p{margin:0 0 .4rem}
      td.notes{min-width:13rem}
      td.counts{white-space:nowrap}
      details summary{cursor:pointer;color:#0550ae}
      td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
      th button{font:inherit;font-weight:600;color:inherit;background:none;border:0;padding:0;cursor:pointer;text-align:inherit}
      th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
      .badge{display:inline-block;border-radius:.8rem;padding:0 .55rem;font-size:.8rem;font-weight:600;white-space:nowrap}
      .band-green,.status-pass{background:var(--green);color:#fff}
      .band-yellow,.status-partial{background:var(--yellow);color:#000}
      .band-red,.status-fail{background:var(--red);color:#fff}
      .status-unknown{background:var(--grey);color:#fff}
      .badge.not-audited{background:var(--off);color:var(--ink);border:1px dashed var(--grey)}
      .up{color:var(--green)}.down{color:var(--red)}
      .big{font-size:2.2rem;font-weight:700}
      .snippet{color:var(--muted)}
      ul.evidence{margin:0;padding-left:1rem;min-width:18rem}
      .unreachable{border-left:4px solid var(--grey);padding:.3rem .7rem;background:#f6f8fa}
      .unreachable p{margin:.2rem 0}
      details.why{margin:.2rem 0 0}details.why p{margin:.2rem 0}
      .why{color:var(--muted)}
      tbody.not-audited th,tbody.not-audited td{background:#f6f8fa}
      svg{max-width:100%;height:auto}
      ul.bars{list-style:none;margin:.5rem 0;padding:0;max-width:52rem}
      ul.bars li{display:grid;grid-template-columns:minmax(0,13rem) minmax(4rem,1fr) 2.8rem;gap:.1rem .6rem;align-items:center;padding:.1rem 0}
      ul.bars svg{display:block;width:100%;height:.9rem}
      ul.bars .value{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      ul.bars li.not-audited .why{grid-column:2/4;font-size:.9rem}
      table.heatmap tbody th,table.heatmap thead th:first-child{position:sticky;left:0;z-index:1}
      .legend{margin:.5rem 0;color:var(--muted);font-size:.9rem}
      .legend p{margin:.25rem 0}
      ol.scale{display:flex;flex-wrap:wrap;list-style:none;margin:.25rem 0;padding:0}
      ol.scale li{min-width:1.9rem;padding:0 .15rem;text-align:center;font-variant-numeric:tabular-nums}
      footer{margin-top:3rem;color:var(--muted);font-size:.85rem}
      @media (max-width:40rem){
      body{padding:.75rem .75rem 2rem}
      h1{font-size:1.45rem}
      th,td{padding:.25rem .35rem}
      th.name a,th.name .why{max-width:11rem}
      ul.bars li{grid-template-columns:minmax(0,8.5rem) minmax(3rem,1fr) 2.6rem}
      table.reflow thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
      table.reflow,table.reflow tbody,table.reflow tr,table.reflow td,table.reflow th{display:block}
      table.reflow tr{border-bottom:1px solid var(--line);padding:.5rem 0}
      table.reflow td,table.reflow th{border:0;padding:.15rem 0;text-align:left}
      table.reflow td[data-label]::before{content:attr(data-label) ": ";font-weight:600;color:var(--muted)}
      table.reflow td.evidence::before{display:block}
      table.reflow td.short{display:inline-block;margin-right:1.5rem}
      ul.evidence,td.notes{min-width:0}
      }

      """
    for (bucket, colour) in heatScale.enumerated() {
      css += ".heat\(bucket){background:\(colour.background);color:\(colour.ink)}\n"
    }
    return css
  }()

  /// The heat map's colours for scores 0–9.9, 10–19.9, …, 90–99.9 and 100: ColorBrewer's
  /// sequential "Blues", one hue from light to dark, so the order reads in any colour vision and
  /// in grey; the ink is whichever of black and white contrasts more (at least 4.5:1).
  static let heatScale: [(background: String, ink: String)] = [
    ("#f7fbff", "#000"), ("#e3eef9", "#000"), ("#d0e1f2", "#000"), ("#b6d4e9", "#000"),
    ("#94c4df", "#000"), ("#6baed6", "#000"), ("#4a98c9", "#000"), ("#2e7ebc", "#000"),
    ("#1764ab", "#fff"), ("#084a92", "#fff"), ("#08306b", "#fff"),
  ]

  /// The heat map shade class for a score 0–100.
  static func heatClass(_ score: Double) -> String {
    "heat\(min(heatScale.count - 1, max(0, Int((score / 10).rounded(.down)))))"
  }
}
