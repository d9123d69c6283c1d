/* Incident map front end: turns the payload of webmap.maps into one marker clustering for every
   category (the layer toggles filter inside it), one shaded area per region for region-level incidents,
   uncertainty circles on demand, a heat map of settlement-level incidents and a legend. The table
   (panel.js), the timeline (timeline.js) and the base-map labels (labels.js) plug in through
   WebMap.plugins. No network but same-origin requests. Every text placed as HTML is escaped first. */
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

  /* A cluster bubble: its count on white (dark ink, > 12:1 contrast) inside a ring of the category mix. */
  function mixIcon(cats) {
    return function (cluster) {
      var n = cluster.getChildCount(), per = {}, stops = [], acc = 0, title = [];
      cluster.getAllChildMarkers().forEach(function (m) { per[m.options.cat] = (per[m.options.cat] || 0) + 1; });
      Object.keys(per).sort(function (a, b) { return per[b] - per[a]; }).forEach(function (k) {
        var c = cats[k], a = acc / n * 360, b = (acc + per[k]) / n * 360;
        stops.push(c.css + " " + a.toFixed(1) + "deg " + b.toFixed(1) + "deg");
        title.push(per[k] + " " + c.label);
        acc += per[k];
      });
      var size = n < 10 ? 34 : n < 100 ? 40 : n < 1000 ? 46 : 52;
      var label = n + " incidents: " + title.join(", ");
      return L.divIcon({
        html: '<div class="wm-mix" style="background:conic-gradient(' + stops.join(",") + ')" title="' + esc(label) +
              '" aria-label="' + esc(label) + '"><span>' + n + "</span></div>",
        className: "wm-cluster", iconSize: L.point(size, size)
      });
    };
  }

  function legend(data, counts, nAreas) {
    var ctl = L.control({ position: "bottomright" });
    ctl.onAdd = function () {
      var box = L.DomUtil.create("div", "wm-legend leaflet-bar");
      var div = document.createElement("details");
      div.open = false;
      box.appendChild(div);
      var h = document.createElement("summary");
      h.textContent = "Legend";
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
      note.textContent = "Ring: category mix of a cluster. Shaded area: incidents known only to a region" +
        (nAreas ? " (" + nAreas + ")" : "") + ". Dashed circle: approximate location (hover, or zoom in).";
      div.appendChild(note);
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    return ctl;
  }

  function NARROW() { return window.innerWidth <= 700; }

  var CIRCLE_ZOOM = 10;      /* all uncertainty circles in view from this zoom on; before, only the hovered one */

  function init(refs, data) {
    var t0 = window.performance ? performance.now() : 0;
    var map = refs.map, cats = data.categories, opts = data.options, cache = {};
    map.createPane("basemap");
    map.getPane("basemap").style.zIndex = 250;
    map.getPane("basemap").style.pointerEvents = "none";
    map.createPane("areas");
    map.getPane("areas").style.zIndex = 390;
    var icons = cats.map(function (c) {
      return L.AwesomeMarkers.icon({ icon: c.icon, prefix: "fa", markerColor: c.colour, iconColor: "white",
                                     className: "awesome-marker wm-marker wm-cat-" + c.key });
    });
    var cluster = L.markerClusterGroup({ chunkedLoading: true, maxClusterRadius: 45, showCoverageOnHover: false,
                                         spiderfyOnMaxZoom: true, animate: false,
                                         iconCreateFunction: mixIcon(cats) }).addTo(map);
    var areaLayer = L.layerGroup().addTo(map), circleLayer = L.layerGroup().addTo(map);
    var canvas = L.canvas({ padding: 0.2 });

    var records = data.incidents.map(function (r, idx) {
      return { id: r[0], cat: r[1], lat: r[2], lon: r[3], prec: r[4], date: r[5], geom: r[6], place: r[7],
               corrected: r[8] === 1, article: r[9], sentence: r[10], fat: r[11] || 0, admin1: r[12] || "",
               cc: r[13] || "", idx: idx };
    });
    var byId = {}, counts = {};
    records.forEach(function (rec) {
      var c = cats[rec.cat];
      counts[c.key] = (counts[c.key] || 0) + 1;
      byId[rec.id] = rec;
      rec.area = rec.geom >= 0;                  /* known only to a region: drawn as its region's area */
      if (rec.area) { return; }
      /* title (a plain attribute, no HTML) instead of a Leaflet tooltip per marker: much cheaper at 10k+ */
      var m = L.marker([rec.lat, rec.lon], { icon: icons[rec.cat], alt: c.label, cat: rec.cat,
        title: rec.place + " \u2014 " + c.label + (rec.corrected ? " (corrected)" : "") });
      m.bindPopup(popupFor(rec, data, cache), { maxWidth: 380, minWidth: 240 });
      m.on("add", function () { if (m._icon) { m._icon.dataset.incident = rec.id; } });
      if (rec.prec === 2) {
        m.on("mouseover popupopen", function () { showCircle(rec); });
        m.on("mouseout", function () { if (!m.isPopupOpen()) { showCircle(null); } });
        m.on("popupclose", function () { showCircle(null); });
      }
      rec.marker = m;
    });

    var hovered = null;
    function circleFor(rec) {
      var c = cats[rec.cat];
      return L.circle([rec.lat, rec.lon], { radius: opts.radius, color: c.css, weight: 1.2, fillOpacity: 0.08,
                                            dashArray: "4 4", interactive: false, renderer: canvas });
    }
    function showCircle(rec) {
      if (hovered) { circleLayer.removeLayer(hovered); hovered = null; }
      if (rec && map.getZoom() < CIRCLE_ZOOM) { hovered = circleFor(rec).addTo(circleLayer); }
    }
    var zoomCircles = L.layerGroup();
    function drawZoomCircles() {
      zoomCircles.clearLayers();
      if (map.getZoom() < CIRCLE_ZOOM) { circleLayer.removeLayer(zoomCircles); return; }
      var b = map.getBounds().pad(0.2), n = 0;
      shown.forEach(function (rec) {
        if (rec.prec === 2 && !rec.area && n < 500 && b.contains([rec.lat, rec.lon])) { zoomCircles.addLayer(circleFor(rec)); n += 1; }
      });
      circleLayer.addLayer(zoomCircles);
    }

    function enabled() {
      var on = {};
      cats.forEach(function (c, i) { on[i] = !refs.groups[c.key] || map.hasLayer(refs.groups[c.key]); });
      return on;
    }

    var state = { range: null }, shown = records, listeners = [];

    /* One layer per region, made once; a filter change only restyles it and updates its count. */
    var areaLayers = {};
    function drawAreas() {
      var per = {};
      shown.forEach(function (rec) { if (rec.area) { (per[rec.geom] = per[rec.geom] || []).push(rec); } });
      var max = 1;
      Object.keys(per).forEach(function (k) { max = Math.max(max, per[k].length); });
      Object.keys(areaLayers).forEach(function (k) {
        if (!per[k] && areaLayer.hasLayer(areaLayers[k])) { areaLayer.removeLayer(areaLayers[k]); }
      });
      Object.keys(per).forEach(function (k) {
        var list = per[k], n = list.length, name = list[0].admin1 || list[0].place, layer = areaLayers[k];
        if (!layer) {
          layer = areaLayers[k] = L.geoJSON(data.geometries[k], { pane: "areas" });
          layer.wmGeom = +k;
          layer.bindTooltip("", { sticky: true });
          layer.bindPopup(function () { return areaList(layer.wmName, layer.wmList); }, { maxWidth: 380, minWidth: 240 });
        }
        layer.wmName = name; layer.wmList = list; layer.wmCount = n;
        layer.setStyle({ color: "#5b3f8c", weight: 1.5, fillColor: "#5b3f8c", dashArray: "5 3",
                         fillOpacity: 0.08 + 0.32 * Math.sqrt(n / max) });
        layer.setTooltipContent(esc(name) + ": " + n + " region-level incident" + (n === 1 ? "" : "s"));
        if (!areaLayer.hasLayer(layer)) { areaLayer.addLayer(layer); }
      });
    }

    function areaList(name, list) {
      var div = document.createElement("div");
      div.className = "wm-area-popup";
      var h = document.createElement("strong");
      h.textContent = name + ": " + list.length + " incident" + (list.length === 1 ? "" : "s") + " known only to the region";
      div.appendChild(h);
      var ol = document.createElement("ol");
      list.slice().sort(function (a, b) { return (b.date || "").localeCompare(a.date || ""); }).slice(0, 100)
        .forEach(function (rec) {
          var li = document.createElement("li"), a = document.createElement("a");
          a.href = (opts.incidentUrl || "#").replace("{id}", encodeURIComponent(rec.id));
          a.textContent = (rec.date || "undated") + " \u2014 " + cats[rec.cat].label + " \u2014 " + rec.place;
          a.addEventListener("click", function (ev) { ev.preventDefault(); openAt(rec); });
          li.appendChild(a);
          ol.appendChild(li);
        });
      div.appendChild(ol);
      if (list.length > 100) {
        var more = document.createElement("div");
        more.textContent = "\u2026 and " + (list.length - 100) + " more (see the table)";
        div.appendChild(more);
      }
      return div;
    }

    /* Only the markers that enter or leave are moved in or out of the clustering (a timeline step at 10k). */
    var onMap = {};
    function apply() {
      var on = enabled(), range = state.range, add = [], remove = [], next = {};
      shown = records.filter(function (rec) {
        return on[rec.cat] && (!range || (rec.date && rec.date >= range[0] && rec.date <= range[1]));
      });
      shown.forEach(function (rec) { if (rec.marker) { next[rec.idx] = true; if (!onMap[rec.idx]) { add.push(rec.marker); } } });
      Object.keys(onMap).forEach(function (i) { if (!next[i]) { remove.push(records[i].marker); } });
      onMap = next;
      if (remove.length) { cluster.removeLayers(remove); }
      if (add.length) { cluster.addLayers(add); }
      drawAreas();
      drawZoomCircles();
      if (refs.heat && map.hasLayer(refs.heat)) { drawHeat(); }
      document.body.dataset.shown = String(shown.length);
      listeners.forEach(function (fn) { fn(shown); });
    }
    function drawHeat() {
      refs.heat.setLatLngs(shown.filter(function (rec) { return rec.prec === 1 && !rec.area; })
        .map(function (rec) { return [rec.lat, rec.lon]; }));
    }
    if (refs.heat) { refs.heat.on("add", drawHeat); }
    /* the view is set before any marker is added: no zoom while the clustering loads its chunks */
    var focus = opts.focus && byId[opts.focus];
    if (focus) {
      map.setView([focus.lat, focus.lon], 10, { animate: false });
    } else if (records.length) {
      map.fitBounds(L.latLngBounds(records.map(function (r) { return [r.lat, r.lon]; })).pad(0.3), { maxZoom: 8, animate: false });
    }
    apply();
    map.on("overlayadd overlayremove", function (ev) {
      if (ev.layer && Object.keys(refs.groups).some(function (k) { return refs.groups[k] === ev.layer; })) { apply(); }
    });
    map.on("zoomend moveend", drawZoomCircles);

    /* base layers draw on canvases in panes under the markers and labels: outlines in "basemap", water
       (style.pane "water") just above them, whichever arrives first */
    var baseCanvases = {};
    function baseCanvas(pane) {
      if (!baseCanvases[pane]) {
        if (!map.getPane(pane)) {
          map.createPane(pane);
          map.getPane(pane).style.zIndex = 255;
          map.getPane(pane).style.pointerEvents = "none";
        }
        baseCanvases[pane] = L.canvas({ pane: pane, padding: 0.3 });
      }
      return baseCanvases[pane];
    }
    /* fetched at once, drawn and listed in the configured order once all have arrived: on a shared canvas
       the opaque country fill must come before the region lines, whichever file is faster */
    var baseList = opts.baseLayers || [];
    Promise.all(baseList.map(function (b) {
      return fetch(b.url, { credentials: "same-origin" })
        .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
        .catch(function (err) { if (window.console) { console.warn("base layer", b.name, err.message); } return null; });
    })).then(function (all) {
      all.forEach(function (gj, i) {
        var b = baseList[i];
        if (!gj) { return; }
        if (gj.type === "Topology" && window.topojson) {
          var key = Object.keys(gj.objects)[0];
          gj = window.topojson.feature(gj, gj.objects[key]);
        }
        var pane = (b.style && b.style.pane) || "basemap";
        var layer = L.geoJSON(gj, { pane: pane, style: b.style, interactive: false,
                                    renderer: baseCanvas(pane) }).addTo(map);
        layer.wmBase = b.name;
        if (refs.control) { refs.control.addOverlay(layer, esc(b.name)); }
      });
      document.body.dataset.baseLayers = String(all.filter(Boolean).length);
    });

    if (NARROW() && refs.control) {          /* at phone width the layer list hides behind its button */
      refs.control.remove();
      refs.control.options.collapsed = true;
      refs.control.addTo(map);
    }
    var nAreas = records.filter(function (r) { return r.area; }).length;
    legend(data, counts, nAreas).addTo(map);

    /* A free-standing popup: unlike a marker's own, re-clustering cannot close it. */
    function openAt(rec) {
      var content = popupFor(rec, data, cache);
      var popup = L.popup({ maxWidth: 380, minWidth: 240, autoPan: true }).setLatLng([rec.lat, rec.lon]);
      popup.setContent(typeof content === "function" ? content(popup) : content).openOn(map);
      if (rec.prec === 2) { showCircle(rec); popup.on("remove", function () { showCircle(null); }); }
      return popup;
    }
    if (focus) { openAt(focus); }
    window.webmapApp = {
      map: map, records: records, unlocated: data.unlocated || [], byId: byId, cluster: cluster, layerControl: refs.control,
      clusters: cats.map(function () { return cluster; }), groups: refs.groups, categories: cats, options: opts,
      shown: function () { return shown; },
      shownCount: function () { return shown.length; },
      range: function () { return state.range; },
      setRange: function (range) { state.range = range; apply(); },
      onChange: function (fn) { listeners.push(fn); },
      open: function (id) {
        var rec = byId[id];
        if (!rec) { return false; }
        map.setView([rec.lat, rec.lon], Math.max(map.getZoom(), rec.area ? 7 : 11), { animate: false });
        openAt(rec);
        return true;
      },
      markersOnMap: function (key) {
        var n = 0, i = cats.findIndex(function (c) { return c.key === key; });
        if (i < 0) { return 0; }
        cluster.eachLayer(function (m) { if (m.options.cat === i) { n += 1; } });
        return n;
      },
      areasOnMap: function (key) {
        var i = cats.findIndex(function (c) { return c.key === key; });
        return shown.filter(function (r) { return r.area && r.cat === i; }).length;
      }
    };
    (WebMap.plugins || []).forEach(function (fn) {
      try { fn(window.webmapApp); } catch (err) { if (window.console) { console.error(err); } }
    });
    document.body.dataset.mapReady = "1";
    if (window.performance) { document.body.dataset.initMs = String(Math.round(performance.now() - t0)); }
  }

  window.WebMap = { init: init, esc: esc, plugins: (window.WebMap && window.WebMap.plugins) || [] };
}());
