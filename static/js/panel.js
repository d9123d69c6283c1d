/* The incident table beside the map: counts and fatalities per category and per region, then a real
   <table> of the incidents the map shows (it follows the filters, the layer toggles, the timeline and,
   on request, the map's extent), sortable, paged; a row click zooms to the incident and opens its
   popup. Incidents without coordinates are listed apart. Text goes in with textContent only. */
(function () {
  "use strict";

  var PAGE = 200;
  var PREC = { 1: "town", 2: "near", 3: "region" };
  var COLUMNS = [["date", "Date"], ["cat", "Category"], ["place", "Place"], ["fat", "Fatalities"], ["prec", "Precision"]];

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function summaryTable(caption, rows, head) {
    var t = el("table", "wm-sum");
    t.appendChild(el("caption", "", caption));
    var tr = el("tr");
    head.forEach(function (h) { tr.appendChild(el("th", "", h)); });
    var thead = el("thead"); thead.appendChild(tr); t.appendChild(thead);
    var tb = el("tbody");
    rows.forEach(function (r) {
      var row = el("tr");
      r.forEach(function (v, i) { var td = el(i ? "td" : "th", "", String(v)); if (i === 0) { td.scope = "row"; } row.appendChild(td); });
      tb.appendChild(row);
    });
    t.appendChild(tb);
    return t;
  }

  function plugin(app) {
    var root = document.getElementById("wm-panel");
    if (!root) { return; }
    var cats = app.categories, map = app.map;
    var sortKey = "date", sortDir = -1, page = 0, mode = "shown";

    var summary = el("div", "wm-summary");
    var tools = el("div", "wm-table-tools");
    var extentBox = el("input"); extentBox.type = "checkbox"; extentBox.id = "wm-extent";
    var extentLabel = el("label", "", " only in the map view"); extentLabel.prepend(extentBox);
    var info = el("span", "wm-table-info");
    tools.appendChild(extentLabel); tools.appendChild(info);

    var table = el("table", "wm-itable");
    table.id = "wm-table";
    table.appendChild(el("caption", "wm-sr", "Incidents shown on the map"));
    var thead = el("thead"), htr = el("tr");
    COLUMNS.forEach(function (c) {
      var th = el("th"); th.scope = "col"; th.dataset.sort = c[0];
      var b = el("button", "wm-sort", c[1]); b.type = "button";
      b.addEventListener("click", function () {
        if (sortKey === c[0]) { sortDir = -sortDir; } else { sortKey = c[0]; sortDir = c[0] === "date" || c[0] === "fat" ? -1 : 1; }
        page = 0; render();
      });
      th.appendChild(b); htr.appendChild(th);
    });
    thead.appendChild(htr); table.appendChild(thead);
    var tbody = el("tbody"); table.appendChild(tbody);

    var pager = el("nav", "wm-pager"); pager.setAttribute("aria-label", "table pages");
    var prev = el("button", "", "\u2039 previous"), next = el("button", "", "next \u203a"), pinfo = el("span");
    prev.type = next.type = "button";
    prev.addEventListener("click", function () { page = Math.max(0, page - 1); render(); });
    next.addEventListener("click", function () { page += 1; render(); });
    pager.appendChild(prev); pager.appendChild(pinfo); pager.appendChild(next);

    var apart = el("details", "wm-apart");
    apart.id = "wm-apart";
    var flag = document.getElementById("wm-unlocated");        /* the page's "N without coordinates" flag */
    if (flag) {
      flag.addEventListener("click", function (ev) { ev.preventDefault(); apart.open = true; apart.scrollIntoView(); });
    }
    root.appendChild(summary); root.appendChild(tools); root.appendChild(table); root.appendChild(pager); root.appendChild(apart);

    function value(r, k) {
      if (k === "cat") { return cats[r.cat].label; }
      if (k === "date") { return r.date || ""; }
      return r[k];
    }
    function rows() {
      var list = app.shown();
      if (mode === "undated") { return app.records.filter(function (r) { return !r.date; }); }
      if (extentBox.checked) {
        var b = map.getBounds();
        list = list.filter(function (r) { return b.contains([r.lat, r.lon]); });
      }
      return list;
    }

    function renderSummary(list) {
      summary.textContent = "";
      var perCat = {}, perReg = {};
      list.forEach(function (r) {
        var c = perCat[r.cat] = perCat[r.cat] || [0, 0];
        c[0] += 1; c[1] += r.fat;
        var key = (r.admin1 || "(no region)") + (r.cc ? " (" + r.cc + ")" : "");
        var g = perReg[key] = perReg[key] || [0, 0];
        g[0] += 1; g[1] += r.fat;
      });
      var crow = Object.keys(perCat).sort(function (a, b) { return perCat[b][0] - perCat[a][0]; })
        .map(function (k) { return [cats[k].label, perCat[k][0], perCat[k][1]]; });
      var regs = Object.keys(perReg).sort(function (a, b) { return perReg[b][0] - perReg[a][0]; });
      var rrow = regs.slice(0, 12).map(function (k) { return [k, perReg[k][0], perReg[k][1]]; });
      if (regs.length > 12) {
        var rest = regs.slice(12).reduce(function (acc, k) { return [acc[0] + perReg[k][0], acc[1] + perReg[k][1]]; }, [0, 0]);
        rrow.push(["other " + (regs.length - 12) + " regions", rest[0], rest[1]]);
      }
      summary.appendChild(summaryTable("Per category", crow, ["Category", "Incidents", "Fatalities"]));
      summary.appendChild(summaryTable("Per region", rrow, ["Region", "Incidents", "Fatalities"]));
    }

    /* "only in the map view" also writes bbox=w,s,e,n into the URL and the export links (the server
       filters by it too), so the exports follow the table. */
    function syncBbox() {
      var v = null;
      if (extentBox.checked) {
        var b = map.getBounds();
        var w = Math.max(-180, b.getWest()), e = Math.min(180, b.getEast());
        var s = Math.max(-90, b.getSouth()), n = Math.min(90, b.getNorth());
        v = [w, s, e, n].map(function (x) { return x.toFixed(4); }).join(",");
      }
      function put(u) {
        if (v) { u.searchParams.set("bbox", v); } else { u.searchParams.delete("bbox"); }
        return u;
      }
      var url = put(new URL(window.location.href));
      window.history.replaceState(null, "", url.pathname + url.search + url.hash);
      ["download-geojson", "download-csv"].forEach(function (id) {
        var a = document.getElementById(id);
        if (a) { var u = put(new URL(a.getAttribute("href"), window.location.href)); a.setAttribute("href", u.pathname + u.search); }
      });
    }

    function render() {
      var list = rows().slice();
      renderSummary(list);
      list.sort(function (a, b) {
        var x = value(a, sortKey), y = value(b, sortKey);
        if (x < y) { return -sortDir; }
        if (x > y) { return sortDir; }
        return a.idx - b.idx;
      });
      Array.prototype.forEach.call(htr.children, function (th) {
        th.setAttribute("aria-sort", th.dataset.sort === sortKey ? (sortDir > 0 ? "ascending" : "descending") : "none");
      });
      var pages = Math.max(1, Math.ceil(list.length / PAGE));
      page = Math.min(page, pages - 1);
      tbody.textContent = "";
      var frag = document.createDocumentFragment();
      list.slice(page * PAGE, (page + 1) * PAGE).forEach(function (r) {
        var tr = el("tr"); tr.dataset.incident = r.id; tr.tabIndex = 0;
        var c = cats[r.cat];
        tr.appendChild(el("td", "", r.date || "undated"));
        var tdc = el("td"); var i = el("i", "fa-solid fa-" + c.icon); i.style.color = c.css; i.setAttribute("aria-hidden", "true");
        tdc.appendChild(i); tdc.appendChild(document.createTextNode(" " + c.label)); tr.appendChild(tdc);
        tr.appendChild(el("td", "", r.place + (r.corrected ? " (corrected)" : "")));
        tr.appendChild(el("td", "wm-num", String(r.fat)));
        tr.appendChild(el("td", "", PREC[r.prec] || "?"));
        frag.appendChild(tr);
      });
      tbody.appendChild(frag);
      pinfo.textContent = " page " + (page + 1) + " of " + pages + " ";
      prev.disabled = page === 0; next.disabled = page >= pages - 1;
      pager.hidden = pages < 2;
      info.textContent = mode === "undated" ? list.length + " undated incidents" : list.length + " incidents";
      if (mode === "undated") {
        var back = el("button", "wm-link", "show all"); back.type = "button";
        back.addEventListener("click", function () { mode = "shown"; page = 0; render(); });
        info.appendChild(document.createTextNode(" \u00b7 ")); info.appendChild(back);
      }
      root.dataset.rows = String(list.length);
    }

    function renderApart() {
      apart.textContent = "";
      var un = app.unlocated || [];
      var s = el("summary", "", un.length + " incident" + (un.length === 1 ? "" : "s") + " without coordinates (not on the map)");
      apart.appendChild(s);
      apart.hidden = !un.length;
      var ul = el("ul");
      un.slice(0, 500).forEach(function (u) {
        var li = el("li"), a = el("a", "", (u[2] || "undated") + " \u2014 " + cats[u[1]].label + " \u2014 " + (u[3] || "?"));
        a.href = (app.options.incidentUrl || "#").replace("{id}", encodeURIComponent(u[0]));
        li.dataset.incident = u[0];
        li.appendChild(a);
        if (u[7]) { li.appendChild(el("span", "wm-unlocated-why", " (" + u[7] + ")")); }
        ul.appendChild(li);
      });
      apart.appendChild(ul);
    }

    tbody.addEventListener("click", function (ev) {
      var tr = ev.target.closest("tr[data-incident]");
      if (tr) { app.open(tr.dataset.incident); }
    });
    tbody.addEventListener("keydown", function (ev) {
      var tr = ev.target.closest("tr[data-incident]");
      if (tr && (ev.key === "Enter" || ev.key === " ")) { ev.preventDefault(); app.open(tr.dataset.incident); }
    });
    extentBox.addEventListener("change", function () { page = 0; syncBbox(); render(); });
    extentBox.checked = new URL(window.location.href).searchParams.has("bbox");
    var moveTimer = null;
    map.on("moveend", function () {
      if (!extentBox.checked) { return; }
      clearTimeout(moveTimer); moveTimer = setTimeout(function () { syncBbox(); render(); }, 150);
    });
    app.onChange(function () { mode = "shown"; page = 0; render(); });
    app.showUndated = function () { mode = "undated"; page = 0; render(); };
    renderApart();
    render();
  }

  /* At phone width the filter fields hide behind a "Filters" button. */
  function filtersToggle() {
    var b = document.querySelector(".wm-filters-toggle");
    if (!b || b.dataset.bound) { return; }
    b.dataset.bound = "1";
    b.addEventListener("click", function () {
      var open = b.parentNode.classList.toggle("open");
      b.setAttribute("aria-expanded", String(open));
    });
  }

  window.WebMap = window.WebMap || {};
  (window.WebMap.plugins = window.WebMap.plugins || []).push(filtersToggle);
  (window.WebMap.plugins = window.WebMap.plugins || []).push(plugin);
}());
