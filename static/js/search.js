/* Place search on the map: a name in Latin or Cyrillic letters, resolved by the bundled gazetteer on our
   own server (/geo/search), zooms there; other places of that name are offered as a list. */
(function () {
  "use strict";

  function plugin(app) {
    var holder = document.querySelector(".wm-map[data-search-url]");
    if (!holder) { return; }
    var url = holder.dataset.searchUrl, map = app.map, mark = null;
    var ctl = L.control({ position: "topleft" });
    ctl.onAdd = function () {
      var box = L.DomUtil.create("form", "wm-search leaflet-bar");
      box.setAttribute("role", "search");
      var input = document.createElement("input");
      input.type = "search"; input.name = "place"; input.placeholder = "Find a place\u2026";
      input.setAttribute("aria-label", "find a place (Latin or Cyrillic)");
      var btn = document.createElement("button");
      btn.type = "submit"; btn.title = "find"; btn.setAttribute("aria-label", "find");
      var i = document.createElement("i"); i.className = "fa-solid fa-magnifying-glass"; btn.appendChild(i);
      var out = document.createElement("ul"); out.className = "wm-search-results"; out.hidden = true;
      var msg = document.createElement("div"); msg.className = "wm-search-msg"; msg.setAttribute("aria-live", "polite");
      box.appendChild(input); box.appendChild(btn); box.appendChild(msg); box.appendChild(out);
      function go(p) {
        map.setView([p.lat, p.lon], p.zoom, { animate: false });
        if (mark) { map.removeLayer(mark); }
        mark = L.circleMarker([p.lat, p.lon], { radius: 9, color: "#d7191c", weight: 3, fill: false, interactive: false }).addTo(map);
        msg.textContent = p.name + (p.admin1 ? ", " + p.admin1 : "") + (p.country ? " (" + p.country + ")" : "");
        document.body.dataset.searched = p.name;
      }
      box.addEventListener("submit", function (ev) {
        ev.preventDefault();
        var q = input.value.trim();
        if (!q) { return; }
        fetch(url + "?q=" + encodeURIComponent(q), { credentials: "same-origin" })
          .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
          .then(function (d) {
            out.textContent = "";
            if (!d.places.length) { msg.textContent = "No place called \u201c" + q + "\u201d"; out.hidden = true; return; }
            go(d.places[0]);
            d.places.slice(1).forEach(function (p) {
              var li = document.createElement("li"), a = document.createElement("button");
              a.type = "button"; a.className = "wm-link";
              a.textContent = p.name + (p.admin1 ? ", " + p.admin1 : "") + " (" + p.country + ", " + p.kind + ")";
              a.addEventListener("click", function () { go(p); });
              li.appendChild(a); out.appendChild(li);
            });
            out.hidden = d.places.length < 2;
          })
          .catch(function (err) { msg.textContent = "Search failed (" + err.message + ")"; });
      });
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    ctl.addTo(map);
  }

  window.WebMap = window.WebMap || {};
  (window.WebMap.plugins = window.WebMap.plugins || []).push(plugin);
}());
