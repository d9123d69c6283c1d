/* Base-map labels as DOM text (screen readers and tests can read them): country, region (oblast) and
   settlement names from the bundled gazetteer, settlements ranked by population and denser as you zoom
   in, placed greedily so that no two labels overlap. */
(function () {
  "use strict";

  var MIN_POP = { 4: 1000000, 5: 300000, 6: 60000, 7: 15000, 8: 4000, 9: 1500 };   /* from zoom 10: all */
  var MAX_PLACES = 160;

  function plugin(app) {
    var url = app.options.labelsUrl, map = app.map;
    if (!url) { return; }
    map.createPane("labels");
    var pane = map.getPane("labels");
    pane.style.zIndex = 450;
    pane.style.pointerEvents = "none";
    pane.classList.add("leaflet-zoom-hide");
    pane.setAttribute("aria-label", "place names");
    var data = null;

    /* text widths measured with the labels' own fonts (see app.css .wm-label) */
    var ctx = document.createElement("canvas").getContext("2d");
    var FONTS = { "country": ["700 15px", 0.2, true], "region": ["600 12px", 0.08, true],
                  "place big": ["600 12.5px", 0, false], "place": ["11px", 0, false] };
    var family = "system-ui, sans-serif";
    function width(text, cls) {
      var f = FONTS[cls], size = parseFloat(f[0].split(" ").pop());
      ctx.font = f[0] + " " + family;
      var t = f[2] ? text.toUpperCase() : text;
      return ctx.measureText(t).width + f[1] * size * t.length + (cls.indexOf("place") === 0 ? 9 : 2) + 4;
    }

    function render() {
      if (!data) { return; }
      pane.textContent = "";
      var z = map.getZoom(), size = map.getSize(), taken = [], n = 0;
      var view = map.getBounds().pad(0.05);
      var frag = document.createDocumentFragment();
      function put(name, lat, lon, cls, centred, pop) {
        if (!view.contains([lat, lon])) { return false; }
        var p = map.latLngToLayerPoint([lat, lon]), w = width(name, cls), h = cls === "country" ? 20 : 16;
        var x = centred ? p.x - w / 2 : p.x + 2, y = p.y - h / 2;    /* a place's dot sits on its point */
        var c = map.layerPointToContainerPoint([x, y]);
        if (c.x < -w / 2 || c.y < -h || c.x > size.x || c.y > size.y) { return false; }
        for (var i = 0; i < taken.length; i += 1) {
          var r = taken[i];
          if (x - 6 < r[2] && x + w + 2 > r[0] && y - 1 < r[3] && y + h + 1 > r[1]) { return false; }
        }
        taken.push([x - 6, y - 1, x + w + 2, y + h + 1]);
        var el = document.createElement("div");
        el.className = "wm-label " + cls;
        el.textContent = name;
        if (pop !== undefined) { el.dataset.pop = String(pop); el.dataset.ll = lat + "," + lon; }
        el.style.position = "absolute";
        el.style.left = Math.round(x) + "px";
        el.style.top = Math.round(y) + "px";
        frag.appendChild(el);
        return true;
      }
      if (z <= 7) { data.countries.forEach(function (c) { put(c[0], c[1], c[2], "country", true); }); }
      if (z >= 6 && z <= 9) { data.regions.forEach(function (r) { put(r[0], r[1], r[2], "region", true); }); }
      var min = z >= 10 ? 0 : (MIN_POP[z] || (z < 4 ? Infinity : 0));
      for (var i = 0; i < data.places.length && n < MAX_PLACES; i += 1) {
        var p = data.places[i];
        if (p[3] < min) { break; }                 /* most populous first */
        if (put(p[0], p[1], p[2], p[3] >= 100000 ? "place big" : "place", false, p[3])) { n += 1; }
      }
      pane.appendChild(frag);
      pane.dataset.labels = String(pane.children.length);
    }

    fetch(url, { credentials: "same-origin" })
      .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
      .then(function (d) { data = d; render(); document.body.dataset.labelsReady = "1"; })
      .catch(function (err) { if (window.console) { console.warn("labels", err.message); } });
    map.on("zoomend moveend resize", render);
    app.renderLabels = render;
  }

  window.WebMap = window.WebMap || {};
  (window.WebMap.plugins = window.WebMap.plugins || []).push(plugin);
}());
