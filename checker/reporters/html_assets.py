"""The HTML report's inline style and script (the report must open offline: nothing is fetched)."""

STYLE = """
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Zen Hei", sans-serif;
       margin: 2em auto; max-width: 1100px; padding: 0 1em; color: #222; line-height: 1.6; }
h1 { font-size: 1.6em; margin-bottom: .2em; }
h2 { font-size: 1.25em; border-bottom: 1px solid #ddd; padding-bottom: .2em; margin-top: 1.8em; }
.summary { color: #555; }
table { border-collapse: collapse; width: 100%; font-size: .92em; }
th, td { border: 1px solid #ddd; padding: .3em .5em; text-align: right; }
th:first-child, td:first-child { text-align: left; word-break: break-all; }
th { background: #f4f4f4; cursor: pointer; user-select: none; white-space: nowrap; }
th[aria-sort="ascending"]::after { content: " ▲"; }
th[aria-sort="descending"]::after { content: " ▼"; }
td.zero { color: #bbb; }
tr.failed td:first-child::after { content: "（未能检查）"; color: #b00; }
.chart rect { fill: #4a78b5; }
.chart text { font-size: 13px; fill: #333; }
.findings { padding-left: 2.2em; }
.finding { margin: .6em 0; }
.finding .rule { font-family: monospace; font-weight: bold; }
.sev { display: inline-block; font-size: .8em; padding: 0 .4em; border-radius: 3px; color: #fff; }
.severity-error .sev { background: #c0392b; }
.severity-warning .sev { background: #d68910; }
.severity-info .sev { background: #2e86c1; }
.where { color: #666; font-size: .9em; }
.context { background: #fafafa; border-left: 3px solid #ccc; padding: .2em .6em; margin: .2em 0; }
.context mark { background: #ffe08a; padding: 0 1px; }
.fix { color: #1e7e34; font-size: .92em; }
.empty { color: #1e7e34; }
.error { color: #b00; }
"""

# Click a column header to sort; "#sort=KEY" or "#sort=KEY-desc" in the address sorts on load.
SCRIPT = """
(function () {
  var table = document.getElementById("file-table");
  if (!table) return;
  var headers = table.tHead.rows[0].cells;
  function value(row, index, numeric) {
    var text = row.cells[index].getAttribute("data-value") || row.cells[index].textContent;
    return numeric ? parseFloat(text) || 0 : text;
  }
  function sortBy(index, descending) {
    var numeric = headers[index].getAttribute("data-type") === "number";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = value(a, index, numeric), y = value(b, index, numeric);
      var order = numeric ? x - y : String(x).localeCompare(String(y), "zh-CN");
      return descending ? -order : order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    for (var i = 0; i < headers.length; i++) headers[i].removeAttribute("aria-sort");
    headers[index].setAttribute("aria-sort", descending ? "descending" : "ascending");
  }
  Array.prototype.forEach.call(headers, function (header, index) {
    header.addEventListener("click", function () {
      sortBy(index, header.getAttribute("aria-sort") === "ascending");
    });
  });
  var wanted = /^#sort=([\\w-]+?)(-desc)?$/.exec(window.location.hash);
  if (wanted) {
    for (var i = 0; i < headers.length; i++) {
      if (headers[i].getAttribute("data-key") === wanted[1]) sortBy(i, !!wanted[2]);
    }
  }
})();
"""
