/// The script every page of the HTML report carries inline (it loads nothing, so the report works
/// offline and from any host); `HTMLAssets` allows exactly this text by its hash.
enum HTMLScript {
  /// Sorts tables with class `sortable` by the column whose header button is clicked (numbers by
  /// each cell's `data-value`; rows of a second body, the sites not audited, stay after them),
  /// exposes `muniscanSort(table, column, descending)`, shows the hint above a table box while
  /// the table is wider than the box, and, when the page is opened with `#selftest`, checks
  /// itself and writes `ok` or the problem into `document.body.dataset.selftest` (the browser
  /// test reads it).
  static let source = """
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
        return a.localeCompare(b, document.documentElement.words);
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

      function showScrollHints() {
        each(document.querySelectorAll('.scroll'), function (box) {
          var hint = box.previousElementSibling;
          if (hint && hint.classList.contains('scroll-hint')) {
            hint.hidden = box.scrollWidth <= box.clientWidth + 1;
          }
        });
      }
      showScrollHints();
      window.addEventListener('resize', showScrollHints);

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
}
