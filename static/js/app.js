/* Incident map front end: turns the payload of webmap.maps into clustered markers per category,
   region polygons, uncertainty circles, a heat map, a legend and a time control. No network but
   same-origin requests (base layers, popups). Every text placed as HTML is escaped first. */
(function () {
  "use strict";

  var ESC = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
  function esc(s) {
    return String(s === null || s === undefined ? "" : s).replace(/[&<>"']/g, function (c) { return ESC[c]; });
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, k) { return encodeURIComponent(values[k]); });
  }

  function popupFor(rec, data, cache) {
    if (data.popups) { return data.popups[rec.idx]; }
    return function (layer) {
      if (cache[rec.id]) { return cache[rec.id]; }
      var div = document.createElement("div");
      div.className = "wm-popup-loading";
      div.textContent = "Loading\u2026";
      fetch(fill(data.options.popupUrl, { id: rec.id }), { credentials: "same-origin" })
        .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.text(); })
        .then(function (html) {
          cache[rec.id] = html;                     /* our server's autoescaped partial */
          div.className = "";
          div.innerHTML = html;
          var p = layer.getPopup ? layer.getPopup() : layer;
          if (p && p.update) { p.update(); }
        })
        .catch(function (err) { div.textContent = "Could not load details (" + err.message + ")"; });
      return div;
    };
  }

  function clusterIcon(cat) {
    return function (cluster) {
      var n = cluster.getChildCount();
      return L.divIcon({
        html: '<div style="background:' + esc(cat.css) + '"><span>' + n + "</span></div>",
        className: "marker-cluster wm-cluster wm-cat-" + esc(cat.key),
        iconSize: L.point(36, 36)
      });
    };
  }

  function legend(data, counts) {
    var ctl = L.control({ position: "bottomright" });
    ctl.onAdd = function () {
      var div = L.DomUtil.create("div", "wm-legend leaflet-bar");
      var h = document.createElement("strong");
      h.textContent = "Incident types";
      div.appendChild(h);
      var present = data.categories.filter(function (c) { return counts[c.key]; });
      (present.length ? present : data.categories).forEach(function (c) {
        var row = document.createElement("div");
        row.className = "wm-legend-row";
        var i = document.createElement("i");
        i.className = "fa-solid fa-" + c.icon;
        i.style.color = c.css;
        var t = document.createElement("span");
        t.textContent = " " + c.label + " (" + (counts[c.key] || 0) + ")";
        t.title = "ACLED: " + c.event_type;
        row.appendChild(i);
        row.appendChild(t);
        div.appendChild(row);
      });
      var note = document.createElement("div");
      note.className = "wm-legend-note";
      note.textContent = "Shaded area: region-level place. Dashed circle: approximate location.";
      div.appendChild(note);
      L.DomEvent.disableClickPropagation(div);
      return div;
    };
    return ctl;
  }

  function timeControl(dates, onChange) {
    var ctl = L.control({ position: "bottomleft" });
    ctl.onAdd = function () {
      var div = L.DomUtil.create("div", "wm-time leaflet-bar");
      var label = document.createElement("div");
      label.className = "wm-time-label";
      var lo = document.createElement("input");
      var hi = document.createElement("input");
      [lo, hi].forEach(function (el, n) {
        el.type = "range"; el.min = 0; el.max = dates.length - 1; el.step = 1;
        el.value = n === 0 ? 0 : dates.length - 1;
        el.className = n === 0 ? "wm-time-from" : "wm-time-to";
        el.setAttribute("aria-label", n === 0 ? "from date" : "to date");
      });
      function update() {
        var a = Math.min(+lo.value, +hi.value), b = Math.max(+lo.value, +hi.value);
        label.textContent = "Dates: " + dates[a] + " \u2013 " + dates[b];
        onChange(a === 0 && b === dates.length - 1 ? null : [dates[a], dates[b]]);
      }
      lo.addEventListener("input", update);
      hi.addEventListener("input", update);
      div.appendChild(label); div.appendChild(lo); div.appendChild(hi);
      label.textContent = "Dates: " + dates[0] + " \u2013 " + dates[dates.length - 1];
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      return div;
    };
    return ctl;
  }

  function init(refs, data) {
    var map = refs.map, cats = data.categories, opts = data.options, cache = {};
    map.createPane("basemap");
    map.getPane("basemap").style.zIndex = 250;
    map.getPane("basemap").style.pointerEvents = "none";
    var icons = cats.map(function (c) {
      return L.AwesomeMarkers.icon({ icon: c.icon, prefix: "fa", markerColor: c.colour, iconColor: "white",
                                     className: "awesome-marker wm-marker wm-cat-" + c.key });
    });
    var clusters = cats.map(function (c) {
      return L.markerClusterGroup({ chunkedLoading: true, maxClusterRadius: 40, showCoverageOnHover: false,
                                    iconCreateFunction: clusterIcon(c) });
    });
    var shapes = cats.map(function () { return L.layerGroup(); });
    /* Uncertainty circles (15 km) only mean something when zoomed in: drawn from CIRCLE_ZOOM on. */
    var CIRCLE_ZOOM = 8;
    var circles = cats.map(function () { return L.layerGroup(); });
    cats.forEach(function (c, i) {
      var g = refs.groups[c.key];
      clusters[i].addTo(g);
      shapes[i].addTo(g);
      if (map.getZoom() >= CIRCLE_ZOOM) { circles[i].addTo(g); }
    });
    var records = data.incidents.map(function (r, idx) {
      return { id: r[0], cat: r[1], lat: r[2], lon: r[3], prec: r[4], date: r[5], geom: r[6], place: r[7],
               corrected: r[8] === 1, article: r[9], sentence: r[10], idx: idx };
    });
    var byId = {}, counts = {}, same = {}, fanned = {};
    records.forEach(function (rec) {
      var k = rec.lat + "," + rec.lon;
      rec.dup = (same[k] = (same[k] || 0) + 1) - 1;
    });
    /* Markers at the very same point fan out around it in screen space (their coordinates stay exact). */
    function iconFor(rec) {
      var n = same[rec.lat + "," + rec.lon];
      if (n < 2) { return icons[rec.cat]; }
      var key = rec.cat + ":" + rec.dup + ":" + n;
      if (!fanned[key]) {
        var a = 2 * Math.PI * rec.dup / n, r = 12 + 2 * n;
        var dx = Math.round(r * Math.cos(a)), dy = Math.round(r * Math.sin(a));
        var c = cats[rec.cat];
        fanned[key] = L.AwesomeMarkers.icon({ icon: c.icon, prefix: "fa", markerColor: c.colour, iconColor: "white",
          className: "awesome-marker wm-marker wm-cat-" + c.key, iconAnchor: [17 - dx, 42 - dy],
          popupAnchor: [1 + dx, -32 + dy] });
      }
      return fanned[key];
    }
    records.forEach(function (rec) {
      var c = cats[rec.cat];
      counts[c.key] = (counts[c.key] || 0) + 1;
      /* title (a plain attribute, no HTML) instead of a Leaflet tooltip per marker: much cheaper at 10k+ */
      var m = L.marker([rec.lat, rec.lon], { icon: iconFor(rec), alt: c.label,
        title: rec.place + " \u2014 " + c.label + (rec.corrected ? " (corrected)" : "") });
      m.bindPopup(popupFor(rec, data, cache), { maxWidth: 380, minWidth: 240 });
      m.on("add", function () { if (m._icon) { m._icon.dataset.incident = rec.id; } });
      rec.marker = m;
      byId[rec.id] = rec;
    });

    var geomLayers = {}, canvas = L.canvas({ padding: 0.2 });   /* thousands of circles draw fast on a canvas */
    function shapeFor(rec) {
      var c = cats[rec.cat];
      if (rec.geom >= 0) {
        var key = rec.geom + ":" + rec.cat;
        if (!geomLayers[key]) {
          geomLayers[key] = L.geoJSON(data.geometries[rec.geom], {
            style: { color: c.css, weight: 1.5, fillOpacity: 0.12, dashArray: "4 3" }, interactive: false,
            renderer: canvas });
        }
        return geomLayers[key];
      }
      if (rec.prec === 2) {
        return L.circle([rec.lat, rec.lon], { radius: opts.radius, color: c.css, weight: 1, fillOpacity: 0.08,
                                              dashArray: "4 4", interactive: false, renderer: canvas });
      }
      return null;
    }
    records.forEach(function (rec) { rec.shape = shapeFor(rec); });

    var shown = records;
    function draw(range) {
      shown = records.filter(function (rec) {
        return !range || (rec.date && rec.date >= range[0] && rec.date <= range[1]);
      });
      cats.forEach(function (c, i) { clusters[i].clearLayers(); shapes[i].clearLayers(); circles[i].clearLayers(); });
      var perCat = cats.map(function () { return []; });
      var seenShape = {};
      shown.forEach(function (rec) {
        perCat[rec.cat].push(rec.marker);
        if (rec.shape && !seenShape[L.stamp(rec.shape)]) {
          seenShape[L.stamp(rec.shape)] = true;
          (rec.geom >= 0 ? shapes : circles)[rec.cat].addLayer(rec.shape);
        }
      });
      perCat.forEach(function (ms, i) { clusters[i].addLayers(ms); });
      if (refs.heat) { refs.heat.setLatLngs(shown.map(function (rec) { return [rec.lat, rec.lon]; })); }
      document.body.dataset.shown = String(shown.length);
    }
    draw(null);
    map.on("zoomend", function () {
      var on = map.getZoom() >= CIRCLE_ZOOM;
      cats.forEach(function (c, i) {
        var g = refs.groups[c.key];
        if (on && !g.hasLayer(circles[i])) { g.addLayer(circles[i]); }
        if (!on && g.hasLayer(circles[i])) { g.removeLayer(circles[i]); }
      });
    });

    var baseCanvas = L.canvas({ pane: "basemap", padding: 0.3 });
    (opts.baseLayers || []).forEach(function (b) {
      fetch(b.url, { credentials: "same-origin" })
        .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
        .then(function (gj) {
          var layer = L.geoJSON(gj, { pane: "basemap", style: b.style, interactive: false,
                                      renderer: baseCanvas }).addTo(map);
          if (refs.control) { refs.control.addOverlay(layer, esc(b.name)); }
        })
        .catch(function (err) { if (window.console) { console.warn("base layer", b.name, err.message); } });
    });

    legend(data, counts).addTo(map);
    var dates = Array.from(new Set(records.map(function (r) { return r.date; }).filter(Boolean))).sort();
    if (dates.length > 1) { timeControl(dates, draw).addTo(map); }

    /* A free-standing popup: unlike a marker's own, re-clustering cannot close it. */
    function openAt(rec) {
      var content = popupFor(rec, data, cache);
      var popup = L.popup({ maxWidth: 380, minWidth: 240, autoPan: true }).setLatLng([rec.lat, rec.lon]);
      popup.setContent(typeof content === "function" ? content(popup) : content).openOn(map);
      return popup;
    }
    var focus = opts.focus && byId[opts.focus];
    if (focus) {
      map.setView([focus.lat, focus.lon], 10, { animate: false });
      openAt(focus);
    } else if (records.length) {
      map.fitBounds(L.latLngBounds(records.map(function (r) { return [r.lat, r.lon]; })).pad(0.3), { maxZoom: 8, animate: false });
    }
    document.body.dataset.mapReady = "1";
    window.webmapApp = {
      map: map, records: records, byId: byId, clusters: clusters, groups: refs.groups,
      shownCount: function () { return shown.length; },
      open: function (id) {
        var rec = byId[id];
        if (!rec) { return false; }
        map.setView([rec.lat, rec.lon], Math.max(map.getZoom(), 9), { animate: false });
        openAt(rec);
        return true;
      },
      markersOnMap: function (key) {
        var n = 0, i = cats.findIndex(function (c) { return c.key === key; });
        if (i < 0 || !map.hasLayer(refs.groups[key])) { return 0; }
        clusters[i].eachLayer(function () { n += 1; });
        return n;
      }
    };
  }

  window.WebMap = { init: init, esc: esc };
}());
