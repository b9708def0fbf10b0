// isca site: filters a list page by search text and facets. The page lists its records
// without this script; with it, the table's search index (search-N.js, loaded on first use)
// is filtered and the matching rows are shown in place. Values only ever reach the page as
// text (textContent), never as markup.
(function () {
  "use strict";
  var LIMIT = 500;
  var form = document.getElementById("filters");
  if (!form) return;
  var table = form.getAttribute("data-table");
  var shards = parseInt(form.getAttribute("data-shards"), 10);
  var dated = form.getAttribute("data-dated") === "1";
  var q = document.getElementById("q");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-facet]"));
  var labels = selects.map(function (s) {
    return Array.prototype.slice.call(s.options, 1).map(function (o) { return o.getAttribute("data-label"); });
  });
  var body = document.getElementById("rows");
  var results = document.getElementById("results");
  var status = document.getElementById("status");
  var pager = document.querySelector("nav.pager");
  var idle = status.textContent;
  var index = [];
  var loaded = 0;
  var loading = false;

  window.iscaShard = function (name, n, rows) {
    if (name !== table || index[n]) return;
    index[n] = rows;
    loaded += 1;
    if (loaded === shards) apply();
  };

  function load() {
    if (loading) return;
    loading = true;
    for (var i = 0; i < shards; i++) {
      var s = document.createElement("script");
      s.src = "search-" + i + ".js";
      document.head.appendChild(s);
    }
  }

  function active() {
    return q.value.trim() !== "" || selects.some(function (s) { return s.value !== ""; });
  }

  function cell(tr, build) {
    var td = document.createElement("td");
    build(td);
    tr.appendChild(td);
  }

  function row(r) {
    var tr = document.createElement("tr");
    cell(tr, function (td) {
      var a = document.createElement("a");
      a.href = r[0] + ".html";
      a.textContent = r[1];
      var code = document.createElement("code");
      code.className = "id";
      code.textContent = r[0];
      td.appendChild(a);
      td.appendChild(document.createElement("br"));
      td.appendChild(code);
    });
    if (dated) {
      cell(tr, function (td) {
        td.className = "date";
        if (r[2] === null) return;
        var t = document.createElement("time");
        t.textContent = r[2];
        td.appendChild(t);
      });
    }
    selects.forEach(function (s, i) {
      if (s.getAttribute("data-column") !== "1") return;
      cell(tr, function (td) {
        r[3 + i].forEach(function (k) {
          var span = document.createElement("span");
          var word = labels[i][k];
          span.className = s.id === "f-certainty" ? "badge c-" + word : "word";
          span.textContent = word;
          td.appendChild(span);
        });
      });
    });
    return tr;
  }

  function apply() {
    if (!active()) {
      results.hidden = true;
      body.hidden = false;
      if (pager) pager.hidden = false;
      status.textContent = idle;
      return;
    }
    if (loaded < shards) {
      status.textContent = "Loading the search index…";
      load();
      return;
    }
    var terms = q.value.toLowerCase().split(/\s+/).filter(Boolean);
    var want = selects.map(function (s) { return s.value === "" ? -1 : parseInt(s.value, 10); });
    var shown = document.createDocumentFragment();
    var count = 0;
    index.forEach(function (rows) {
      rows.forEach(function (r) {
        var hay = (r[0] + " " + r[1] + " " + (r[2] || "")).toLowerCase();
        for (var t = 0; t < terms.length; t++) if (hay.indexOf(terms[t]) < 0) return;
        for (var f = 0; f < want.length; f++) if (want[f] >= 0 && r[3 + f].indexOf(want[f]) < 0) return;
        count += 1;
        if (count <= LIMIT) shown.appendChild(row(r));
      });
    });
    results.textContent = "";
    results.appendChild(shown);
    results.hidden = false;
    body.hidden = true;
    if (pager) pager.hidden = true;
    var total = parseInt(form.getAttribute("data-rows"), 10);
    status.textContent = count + " of " + total + " records match" +
      (count > LIMIT ? "; the first " + LIMIT + " are shown." : ".");
  }

  q.addEventListener("input", apply);
  selects.forEach(function (s) { s.addEventListener("change", apply); });
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
})();
