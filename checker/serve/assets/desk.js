/* The review desk: drop files, check sizes before uploading, show progress, save downloads. */
document.addEventListener("DOMContentLoaded", function () {
  var form = document.querySelector("form.desk");
  if (form) {
    var input = form.querySelector("input[type=file]");
    var drop = form.querySelector(".drop");
    var chosen = form.querySelector(".chosen");
    var problem = document.getElementById("problem");
    var limits = form.dataset;

    var show = function (message) {
      problem.textContent = message;
      problem.hidden = !message;
    };
    var list = function () {
      chosen.textContent = "";
      Array.prototype.forEach.call(input.files, function (file) {
        var item = document.createElement("li");
        item.textContent = file.name + "（" + Math.max(1, Math.round(file.size / 1024)) + " KB）";
        chosen.appendChild(item);
      });
    };
    var tooMuch = function () {
      var files = Array.prototype.slice.call(input.files);
      var total = files.reduce(function (sum, file) { return sum + file.size; }, 0);
      if (!files.length) return "请先选择或拖入要检查的文件。";
      if (files.length > Number(limits.files)) return limits.filesMessage;
      if (total > Number(limits.requestBytes)) return limits.requestMessage;
      return "";
    };
    input.addEventListener("change", function () { list(); show(""); });
    ["dragenter", "dragover"].forEach(function (name) {
      drop.addEventListener(name, function (event) { event.preventDefault(); drop.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      drop.addEventListener(name, function () { drop.classList.remove("over"); });
    });
    drop.addEventListener("drop", function (event) {
      event.preventDefault();
      input.files = event.dataTransfer.files;
      list();
      show("");
    });
    form.addEventListener("submit", function (event) {
      var message = tooMuch();
      if (message) {
        event.preventDefault();
        show(message);
        return;
      }
      var button = form.querySelector("button");
      button.disabled = true;
      button.textContent = "正在上传…";
    });
  }
});

(function () {
  /* Downloads travel inside the page (nothing is kept on the server): turn one into a file on click. */
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-base64]") : null;
    if (!link || link.dataset.ready) return;
    var bytes = atob(link.dataset.base64);
    var buffer = new Uint8Array(bytes.length);
    for (var i = 0; i < bytes.length; i++) buffer[i] = bytes.charCodeAt(i);
    link.href = URL.createObjectURL(new Blob([buffer], { type: link.dataset.type }));
    link.dataset.ready = "1";
  });
})();

/* Called by the result page after each file: the bar, and the file's row into the overview on top. */
function progress(done, total) {
  var bar = document.getElementById("progress");
  var text = document.getElementById("progress-text");
  if (bar) bar.value = done;
  if (text) text.textContent = done < total ? "正在检查：" + done + " / " + total : "已检查 " + total + " 个文件";
  var rows = document.querySelectorAll("template.overview-row");
  var table = document.getElementById("file-table");
  if (rows.length && table) table.tBodies[0].appendChild(rows[rows.length - 1].content.cloneNode(true));
}

/* Called at the end: the batch's summary and downloads go up beside the overview. */
function finish() {
  var tail = document.getElementById("batch-tail");
  var slot = document.getElementById("batch-summary");
  if (tail && slot) slot.appendChild(tail.content.cloneNode(true));
}
