/* The timeline under the map: a histogram of incidents per day (per week past 120 days). Brushing it
   sets date_from/date_to in the URL, the count and both export links, and filters the map and the
   table; play and step move the chosen window along. Undated incidents are counted and listed apart. */
(function () {
  "use strict";

  var SVGNS = "http://www.w3.org/2000/svg";
  var DAY = 86400000;

  function iso(t) { return new Date(t).toISOString().slice(0, 10); }
  function ms(d) { return Date.parse(d + "T00:00:00Z"); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  /* Keep the URL, the count and the export links in step with the chosen dates. */
  function syncUrl(range, app) {
    var url = new URL(window.location.href);
    ["date_from", "date_to"].forEach(function (k, i) {
      if (range) { url.searchParams.set(k, range[i]); } else { url.searchParams.delete(k); }
    });
    window.history.replaceState(null, "", url.pathname + url.search + url.hash);
    ["download-geojson", "download-csv"].forEach(function (id) {
      var a = document.getElementById(id);
      if (!a) { return; }
      var u = new URL(a.getAttribute("href"), window.location.href);
      ["date_from", "date_to"].forEach(function (k, i) {
        if (range) { u.searchParams.set(k, range[i]); } else { u.searchParams.delete(k); }
      });
      a.setAttribute("href", u.pathname + u.search);
    });
    var form = document.getElementById("filters");
    if (form) {
      ["date_from", "date_to"].forEach(function (k, i) {
        var inp = form.querySelector('input[name="' + k + '"]');
        if (inp) { inp.value = range ? range[i] : (inp.dataset.server || ""); }
      });
    }
    var count = document.getElementById("wm-count");
    if (count) {
      /* as the server counts and the exports hold: those on the map and those without coordinates */
      var apart = (app.unlocated || []).filter(function (u) {
        return !range || (u[2] && u[2] >= range[0] && u[2] <= range[1]);
      }).length;
      count.textContent = (app.shownCount() + apart) + " of " + (count.dataset.total || "?") + " incidents";
    }
  }

  function plugin(app) {
    var root = document.getElementById("wm-timeline");
    if (!root) { return; }
    var dated = app.records.filter(function (r) { return r.date; });
    var undated = app.records.length - dated.length +
      (app.unlocated || []).filter(function (u) { return !u[2]; }).length;
    if (!dated.length) {
      root.appendChild(el("p", "wm-hint", "No dated incidents." + (undated ? " " + undated + " undated." : "")));
      return;
    }
    var t0 = Infinity, t1 = -Infinity;
    dated.forEach(function (r) { var t = ms(r.date); r.t = t; if (t < t0) { t0 = t; } if (t > t1) { t1 = t; } });
    var days = Math.round((t1 - t0) / DAY) + 1;
    var step = days > 120 ? 7 : 1;
    var nbins = Math.ceil(days / step);
    var bins = new Array(nbins).fill(0);
    dated.forEach(function (r) { bins[Math.floor((r.t - t0) / DAY / step)] += 1; });
    function binStart(i) { return iso(t0 + i * step * DAY); }
    function binEnd(i) { return iso(Math.min(t1, t0 + ((i + 1) * step - 1) * DAY)); }
    function binOf(d) { return Math.max(0, Math.min(nbins - 1, Math.floor((ms(d) - t0) / DAY / step))); }

    var bar = el("div", "wm-tl-bar");
    var label = el("span", "wm-tl-label");
    label.setAttribute("aria-live", "polite");
    function button(icon, title, fn) {
      var b = el("button", "wm-tl-btn"); b.type = "button"; b.title = title; b.setAttribute("aria-label", title);
      if (icon.charAt(0) === "#") { b.textContent = icon.slice(1); } else { b.appendChild(el("i", "fa-solid fa-" + icon)); }
      b.addEventListener("click", fn); bar.appendChild(b); return b;
    }
    var max = Math.max.apply(null, bins), W = 1000, H = 60;
    var svg = document.createElementNS(SVGNS, "svg");
    svg.setAttribute("viewBox", "0 0 " + W + " " + H);
    svg.setAttribute("preserveAspectRatio", "none");
    svg.setAttribute("class", "wm-tl-svg");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", "incidents per " + (step === 7 ? "week" : "day") + ", " + binStart(0) + " to " + iso(t1));
    var bw = W / nbins, rects = [];
    bins.forEach(function (n, i) {
      var r = document.createElementNS(SVGNS, "rect");
      var h = n ? Math.max(2, (H - 4) * n / max) : 0;
      r.setAttribute("x", (i * bw + 0.5).toFixed(2)); r.setAttribute("width", Math.max(0.5, bw - 1).toFixed(2));
      r.setAttribute("y", (H - h).toFixed(2)); r.setAttribute("height", h.toFixed(2));
      var t = document.createElementNS(SVGNS, "title");
      t.textContent = binStart(i) + (step > 1 ? " \u2013 " + binEnd(i) : "") + ": " + n;
      r.appendChild(t);
      svg.appendChild(r); rects.push(r);
    });
    var sel = null;     /* [first bin, last bin] or null */
    var initial = app.range();
    var params = new URL(window.location.href).searchParams;

    function paint() {
      rects.forEach(function (r, i) { r.setAttribute("class", sel && (i < sel[0] || i > sel[1]) ? "out" : "in"); });
      var range = sel ? [binStart(sel[0]), binEnd(sel[1])] : null;
      label.textContent = range ? range[0] + " \u2013 " + range[1] : "all dates (" + binStart(0) + " \u2013 " + iso(t1) + ")";
      return range;
    }
    function choose(s, write) {
      sel = s && !(s[0] === 0 && s[1] === nbins - 1) ? [Math.max(0, s[0]), Math.min(nbins - 1, s[1])] : null;
      var range = paint();
      app.setRange(range);
      if (write !== false) { syncUrl(range, app); }
    }

    var dragFrom = null;
    function binAt(ev) {
      var box = svg.getBoundingClientRect();
      return Math.max(0, Math.min(nbins - 1, Math.floor((ev.clientX - box.left) / box.width * nbins)));
    }
    svg.addEventListener("pointerdown", function (ev) {
      dragFrom = binAt(ev); svg.setPointerCapture(ev.pointerId);
      sel = [dragFrom, dragFrom]; paint();
    });
    svg.addEventListener("pointermove", function (ev) {
      if (dragFrom === null) { return; }
      var b = binAt(ev); sel = [Math.min(dragFrom, b), Math.max(dragFrom, b)]; paint();
    });
    svg.addEventListener("pointerup", function (ev) {
      if (dragFrom === null) { return; }
      var b = binAt(ev), s = [Math.min(dragFrom, b), Math.max(dragFrom, b)];
      dragFrom = null; stop(); choose(s);
    });

    var timer = null, playBtn;
    function stepBy(d) {
      var s = sel || [0, 0];
      var w = s[1] - s[0];
      var a = s[0] + d;
      if (a < 0) { a = 0; }
      if (a + w > nbins - 1) { a = nbins - 1 - w; }
      choose([a, a + w]);
      return a + w < nbins - 1;
    }
    function playIcon(name, title) { playBtn.firstChild.className = "fa-solid fa-" + name; playBtn.title = title; playBtn.setAttribute("aria-label", title); }
    function stop() { if (timer) { clearInterval(timer); timer = null; playIcon("play", "play"); } }
    button("backward-step", "step back", function () { stop(); stepBy(-1); });
    playBtn = button("play", "play", function () {
      if (timer) { stop(); return; }
      if (!sel || sel[1] >= nbins - 1) { choose([0, sel ? sel[1] - sel[0] : 0]); }
      playIcon("pause", "pause");
      timer = setInterval(function () { if (!stepBy(1)) { stop(); } }, 700);
    });
    button("forward-step", "step forward", function () { stop(); stepBy(1); });
    button("#all", "all dates", function () { stop(); choose(null); });
    bar.appendChild(label);
    if (undated) {
      var u = el("button", "wm-link wm-tl-undated", undated + " undated"); u.type = "button";
      u.title = "incidents without a date: never in a date range; list them in the table";
      u.addEventListener("click", function () { if (app.showUndated) { app.showUndated(); } });
      bar.appendChild(u);
    }
    root.appendChild(bar);
    root.appendChild(svg);

    /* dates given in the URL at load (the server already filtered by them) mark the window */
    var f = params.get("date_from"), t = params.get("date_to");
    if (f || t) {
      sel = [f ? binOf(f) : 0, t ? binOf(t) : nbins - 1];
      if (sel[0] === 0 && sel[1] === nbins - 1) { sel = null; }
      paint();
    } else if (initial) {
      paint();
    } else {
      paint();
    }
    app.timeline = {
      bins: bins, step: step, choose: function (a, b) { stop(); choose([a, b]); }, stepBy: stepBy,
      clear: function () { stop(); choose(null); }
    };
  }

  window.WebMap = window.WebMap || {};
  (window.WebMap.plugins = window.WebMap.plugins || []).push(plugin);
}());
