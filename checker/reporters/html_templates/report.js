/* The report's behaviour; everything is in this page, nothing is fetched. */
(function () {
  "use strict";
  var filters = document.getElementById("filters");
  var table = document.getElementById("file-table");
  var files = Array.prototype.slice.call(document.querySelectorAll("details.file"));
  var tableRows = {};
  if (table) Array.prototype.forEach.call(table.tBodies[0].rows, function (row) { tableRows[row.dataset.file] = row; });

  /* Sorting the overview: a click on a header. File names sort by their place in natural name order
     (d2 before d10), which the page was written in: the same order as Python's, not the browser's. */
  var collator = new Intl.Collator("zh-CN", { numeric: true });
  function sortBy(header, descending) {
    var headers = header.parentNode.cells, index = header.cellIndex, type = header.dataset.type;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[index].dataset.value || a.cells[index].textContent;
      var y = b.cells[index].dataset.value || b.cells[index].textContent;
      var order = type === "number" ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : collator.compare(x, y);
      return descending ? -order : order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", descending ? "descending" : "ascending");
  }
  if (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header) {
      header.addEventListener("click", function () { sortBy(header, header.getAttribute("aria-sort") === "ascending"); });
    });
    /* "#sort=KEY" or "#sort=KEY-desc" in the address sorts too. */
    var sortFromAddress = function () {
      var wanted = /^#sort=([\w-]+?)(-desc)?$/.exec(window.location.hash);
      var header = wanted && table.tHead.querySelector('th[data-key="' + wanted[1] + '"]');
      if (header) sortBy(header, !!wanted[2]);
    };
    window.addEventListener("hashchange", sortFromAddress);
    sortFromAddress();
  }

  /* A group's first finding is written with its anchor; the others as "line:column,column …",
     made links (and anchors) when their file is opened or an address points at one of them. */
  function materialise(rest) {
    if (rest.dataset.done) return;
    var list = rest, group = rest.closest("li"), file = rest.closest("details.file");
    var prefix = file.id + "-" + group.dataset.rule + "-", number = group.querySelectorAll("p[id]").length + 1;
    var lines = list.textContent.split(" ");
    list.textContent = "";
    lines.forEach(function (entry) {
      var line = entry.split(":"), columns = line[1].split(",");
      columns.forEach(function (column) {
        var link = document.createElement("a");
        link.id = prefix + number++;
        link.href = "#" + link.id;
        link.textContent = line[0] + ":" + column;
        list.appendChild(link);
        list.appendChild(document.createTextNode(" "));
      });
    });
    rest.dataset.done = "1";
  }
  function materialiseFile(file) {
    Array.prototype.forEach.call(file.querySelectorAll("p[id] > a:first-child"), function (link) {
      link.href = "#" + link.parentNode.id;
    });
    Array.prototype.forEach.call(file.querySelectorAll("p.rest"), materialise);
  }
  document.addEventListener("toggle", function (event) {
    var target = event.target;
    if (target.classList && target.classList.contains("file") && target.open) materialiseFile(target);
  }, true);
  files.forEach(function (file) { if (file.open) materialiseFile(file); });

  /* An address #<file>-<rule>-<k> opens the file and shows the finding. */
  function reveal() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id || id.indexOf("sort=") === 0) return;
    var element = document.getElementById(id);
    var parts = /^(f[a-z2-7]+)-(.+)-\d+$/.exec(id);
    if (!element && parts) {
      var file = document.getElementById(parts[1]);
      if (file) { materialiseFile(file); element = document.getElementById(id); }
    }
    if (!element) return;
    for (var node = element; node; node = node.parentElement) if (node.tagName === "DETAILS") node.open = true;
    var old = document.querySelector(".targeted");
    if (old) old.classList.remove("targeted");
    element.classList.add("targeted");
    element.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", reveal);
  reveal();

  /* Filters: severity, category, rule, file name, text; a group shows when it matches them all, a
     file (its block and its overview row) when its name matches and, with a finding filter on, it
     has a group left. */
  var categories = {};
  if (filters) Array.prototype.forEach.call(filters.elements.rule.options, function (option) { categories[option.value] = option.dataset.cat; });
  var texts = new Map();
  function textOf(group) {
    if (!texts.has(group)) texts.set(group, (group.dataset.rule + " " + group.textContent).toLowerCase());
    return texts.get(group);
  }
  function apply() {
    var form = filters.elements;
    var severities = {};
    Array.prototype.forEach.call(filters.querySelectorAll('input[name="severity"]'), function (box) { severities[box.value] = box.checked; });
    var category = form.category.value, rule = form.rule.value;
    var name = form.file.value.trim().toLowerCase(), text = form.text.value.trim().toLowerCase();
    var narrowing = category || rule || text || Object.keys(severities).some(function (key) { return !severities[key]; });
    var shownFiles = 0, shownFindings = 0;
    files.forEach(function (file) {
      var left = 0;
      Array.prototype.forEach.call(file.querySelectorAll("li[data-rule]"), function (group) {
        var match = severities[group.dataset.sev] && (!category || categories[group.dataset.rule] === category) &&
          (!rule || group.dataset.rule === rule) && (!text || textOf(group).indexOf(text) >= 0);
        group.hidden = !match;
        if (match) left += parseInt(group.querySelector("b").textContent, 10);
      });
      var path = file.querySelector("summary .name").textContent.toLowerCase();
      var show = (!name || path.indexOf(name) >= 0) && (!narrowing || left > 0);
      file.hidden = !show;
      if (tableRows[file.id]) tableRows[file.id].hidden = !show;
      if (show) { shownFiles++; shownFindings += left; }
    });
    document.getElementById("shown").textContent = "显示 " + shownFiles + " / " + files.length + " 个文件，" + shownFindings + " 处问题";
  }
  if (filters) {  /* nothing to hide on load: the first filter change runs apply() */
    filters.addEventListener("input", apply);
    filters.addEventListener("change", apply);
    filters.addEventListener("submit", function (event) { event.preventDefault(); });
  }

  function setAll(open) { files.forEach(function (file) { if (!file.hidden) file.open = open; }); }
  var openAll = document.getElementById("open-all"), closeAll = document.getElementById("close-all");
  if (openAll) openAll.addEventListener("click", function () { setAll(true); });
  if (closeAll) closeAll.addEventListener("click", function () { setAll(false); });

  /* Printing one file: only its block, opened whole. */
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".print-file") : null;
    if (!button) return;
    var file = button.closest("details.file");
    file.open = true;
    document.body.classList.add("print-one");
    file.classList.add("printing");
    window.print();
  });
  window.addEventListener("afterprint", function () {
    document.body.classList.remove("print-one");
    Array.prototype.forEach.call(document.querySelectorAll(".printing"), function (file) { file.classList.remove("printing"); });
  });
})();
