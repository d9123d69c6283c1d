/* A user's own overlay: a GeoJSON file chosen on this computer (a front line, an area of interest) is
   drawn as its own layer in the layer control. It is read in the browser with FileReader: nothing is
   uploaded, nothing leaves the machine. Feature names are shown as text, never as HTML. */
(function () {
  "use strict";

  var MAX_BYTES = 20 * 1024 * 1024;

  function plugin(app) {
    var map = app.map, n = 0;
    var ctl = L.control({ position: "topleft" });
    ctl.onAdd = function () {
      var box = L.DomUtil.create("div", "wm-overlay leaflet-bar");
      var label = document.createElement("label");
      label.className = "wm-overlay-label";
      label.title = "Add your own GeoJSON layer (read in this browser, never uploaded)";
      var i = document.createElement("i"); i.className = "fa-solid fa-layer-group"; i.setAttribute("aria-hidden", "true");
      var input = document.createElement("input");
      input.type = "file"; input.accept = ".geojson,.json,application/geo+json,application/json";
      input.className = "wm-overlay-input";
      input.setAttribute("aria-label", "add a GeoJSON overlay from this computer");
      var msg = document.createElement("span"); msg.className = "wm-overlay-msg"; msg.setAttribute("aria-live", "polite");
      label.appendChild(i); label.appendChild(input);
      box.appendChild(label); box.appendChild(msg);
      input.addEventListener("change", function () {
        var file = input.files && input.files[0];
        if (!file) { return; }
        if (file.size > MAX_BYTES) { msg.textContent = "File too large (over 20 MB)"; return; }
        var reader = new FileReader();
        reader.onload = function () {
          var gj;
          try { gj = JSON.parse(reader.result); } catch (err) { msg.textContent = "Not JSON: " + err.message; return; }
          try {
            var layer = L.geoJSON(gj, {
              style: { color: "#c2185b", weight: 3, opacity: 0.9, fillOpacity: 0.1 },
              pointToLayer: function (f, ll) { return L.circleMarker(ll, { radius: 5, color: "#c2185b" }); },
              onEachFeature: function (f, l) {
                var name = f && f.properties && (f.properties.name || f.properties.title);
                if (name) { l.bindTooltip(document.createTextNode(String(name))); }
              }
            });
            if (!layer.getLayers().length) { msg.textContent = "No features in " + file.name; return; }
            layer.addTo(map);
            n += 1;
            layer.wmUserOverlay = true;
            if (app.layerControl) { app.layerControl.addOverlay(layer, WebMap.esc(file.name)); }
            msg.textContent = file.name + ": " + layer.getLayers().length + " features";
            map.fitBounds(layer.getBounds().pad(0.1), { animate: false, maxZoom: 12 });
            document.body.dataset.overlays = String(n);
          } catch (err2) { msg.textContent = "Not GeoJSON: " + err2.message; }
        };
        reader.readAsText(file);
        input.value = "";
      });
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    ctl.addTo(map);
  }

  window.WebMap = window.WebMap || {};
  (window.WebMap.plugins = window.WebMap.plugins || []).push(plugin);
}());
