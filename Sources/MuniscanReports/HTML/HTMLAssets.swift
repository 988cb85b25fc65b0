import Crypto
import Foundation
import MuniscanCore

/// The stylesheet and script every page of the HTML report carries inline (no external files,
/// so the report works offline and from any host), and the Content-Security-Policy that allows
/// exactly these two and nothing else: no other script, style, image, font or connection.
enum HTMLAssets {
  static let style: String = {
    var css = """
      :root{color-scheme:light;--ink:#1f2328;--muted:#57606a;--line:#d0d7de;--green:#1a7f37;--yellow:#f5c542;--red:#cf222e;--grey:#6e7781}
      *{box-sizing:border-box}
      body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);background:#fff;margin:0 auto;max-width:72rem;padding:1rem 1.5rem 3rem}
      h1{font-size:1.7rem;margin:.5rem 0}h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line)}
      a{color:#0550ae}a:focus,button:focus{outline:2px solid #0969da;outline-offset:1px}
      .meta{color:var(--muted)}
      table{border-collapse:collapse;width:100%;margin:.5rem 0}
      th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
      th{background:#f6f8fa;font-weight:600}
      tbody th{background:none}
      td p{margin:0 0 .4rem}
      ul.evidence{overflow-wrap:anywhere;min-width:20rem}
      td.counts{white-space:nowrap}
      details summary{cursor:pointer;color:#0550ae}
      td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
      th button{font:inherit;font-weight:600;color:inherit;background:none;border:0;padding:0;cursor:pointer}
      th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
      .badge{display:inline-block;border-radius:.8rem;padding:0 .55rem;font-size:.8rem;font-weight:600;white-space:nowrap}
      .band-green,.status-pass{background:var(--green);color:#fff}
      .band-yellow,.status-partial{background:var(--yellow);color:#000}
      .band-red,.status-fail{background:var(--red);color:#fff}
      .status-unknown{background:var(--grey);color:#fff}
      .up{color:var(--green)}.down{color:var(--red)}
      .big{font-size:2.2rem;font-weight:700}
      .snippet{color:var(--muted)}
      ul.evidence{margin:0;padding-left:1rem}
      .unreachable{border-left:4px solid var(--red);padding:.3rem .7rem;background:#fff5f5}
      svg{max-width:100%;height:auto}svg text{font:12px system-ui,Arial,sans-serif;fill:var(--ink)}
      footer{margin-top:3rem;color:var(--muted);font-size:.85rem}

      """
    // Heat map cells: eleven light shades from red (0) to green (100) under black text.
    for bucket in 0...10 {
      css += ".heat\(bucket){background:hsl(\(bucket * 12),70%,\(bucket == 5 ? 80 : 84)%)}\n"
    }
    return css
  }()

  /// Sorts tables with class `sortable` by the column whose header button is clicked (numbers by
  /// each cell's `data-value`), exposes `muniscanSort(table, column, descending)`, and, when the
  /// page is opened with `#selftest`, checks itself and writes `ok` or the problem into
  /// `document.body.dataset.selftest` (the browser test reads it).
  static let script = """
    (function () {
      'use strict';
      var selftest = location.hash === '#selftest';
      function report(problem) {
        if (document.body.dataset.selftest === undefined || document.body.dataset.selftest === 'ok') {
          document.body.dataset.selftest = problem;
        }
      }
      if (selftest) {
        window.addEventListener('error', function (event) { report('error: ' + event.message); });
      }
      var each = function (list, body) { Array.prototype.forEach.call(list, body); };
      function isNumeric(header) { return header.getAttribute('data-sort') === 'number'; }
      function value(row, column, numeric) {
        var cell = row.cells[column];
        var raw = cell.hasAttribute('data-value') ? cell.getAttribute('data-value') : cell.textContent.trim();
        if (!numeric) { return raw; }
        var number = parseFloat(raw);
        return isNaN(number) ? -Infinity : number;
      }
      function compare(a, b, numeric) {
        if (numeric) { return a < b ? -1 : a > b ? 1 : 0; }
        return a.localeCompare(b, document.documentElement.lang);
      }
      function sortTable(table, column, descending) {
        var header = table.tHead.rows[0].cells[column];
        var numeric = isNumeric(header);
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var order = compare(value(a, column, numeric), value(b, column, numeric), numeric);
          return descending ? -order : order;
        });
        each(rows, function (row) { body.appendChild(row); });
        each(table.tHead.rows[0].cells, function (cell) { cell.removeAttribute('aria-sort'); });
        header.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      }
      function toggle(table, column) {
        var header = table.tHead.rows[0].cells[column];
        var current = header.getAttribute('aria-sort');
        var descending = current ? current === 'ascending' : header.getAttribute('data-first') === 'descending';
        sortTable(table, column, descending);
      }
      each(document.querySelectorAll('table.sortable'), function (table) {
        each(table.tHead.rows[0].cells, function (cell, column) {
          var button = cell.querySelector('button');
          if (button) { button.addEventListener('click', function () { toggle(table, column); }); }
        });
      });
      window.muniscanSort = sortTable;

      function checkOrder(table, column, descending) {
        var numeric = isNumeric(table.tHead.rows[0].cells[column]);
        var rows = table.tBodies[0].rows;
        for (var i = 1; i < rows.length; i++) {
          var order = compare(value(rows[i - 1], column, numeric), value(rows[i], column, numeric), numeric);
          if (descending ? order < 0 : order > 0) {
            throw new Error('column ' + column + ' of ' + (table.id || 'a table') + ' is not sorted');
          }
        }
      }
      function runSelftest() {
        var tables = document.querySelectorAll('table.sortable');
        each(tables, function (table) {
          each(table.tHead.rows[0].cells, function (cell, column) {
            var button = cell.querySelector('button');
            if (!button) { return; }
            button.click();
            checkOrder(table, column, cell.getAttribute('aria-sort') === 'descending');
            button.click();
            checkOrder(table, column, cell.getAttribute('aria-sort') === 'descending');
          });
        });
        if (document.scripts.length !== 1) { throw new Error(document.scripts.length + ' scripts on the page'); }
        each(document.querySelectorAll('*'), function (element) {
          each(element.attributes, function (attribute) {
            if (/^on/i.test(attribute.name)) { throw new Error('event handler attribute ' + attribute.name); }
          });
        });
        each(document.querySelectorAll('[href]'), function (element) {
          if (/^\\s*(javascript|data|vbscript):/i.test(element.getAttribute('href'))) {
            throw new Error('unsafe link ' + element.getAttribute('href'));
          }
        });
        report('ok');
      }
      if (selftest) {
        try { runSelftest(); } catch (problem) { report('error: ' + problem.message); }
      }
    })();
    """

  /// Allows the inline stylesheet and script by their hashes and nothing else.
  static let contentSecurityPolicy =
    "default-src 'none'; style-src '\(hash(style))'; script-src '\(hash(script))'; "
    + "img-src 'none'; base-uri 'none'; form-action 'none'"

  private static func hash(_ text: String) -> String {
    "sha256-" + Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString()
  }

  /// The heat map shade class for a score 0–100.
  static func heatClass(_ score: Double) -> String {
    "heat\(min(10, max(0, Int((score / 10).rounded(.down)))))"
  }
}
