/* The map page's notice of new incidents: polls /api/status and, when the store holds more incidents
   than when the page loaded, shows how many arrived and a link that reloads the page (no live push). */
(function () {
  "use strict";
  var el = document.getElementById("wm-new");
  if (!el || !window.fetch) { return; }
  var base = parseInt(el.getAttribute("data-total"), 10) || 0;
  var url = el.getAttribute("data-status");
  var every = parseInt(el.getAttribute("data-every"), 10) || 30000;
  var timer = null;

  function show(n) {
    while (el.firstChild) { el.removeChild(el.firstChild); }
    var a = document.createElement("a");
    a.href = window.location.href;
    a.id = "wm-new-reload";
    a.textContent = n + " new incident" + (n === 1 ? "" : "s") + " since this page loaded \u2014 reload";
    el.appendChild(a);
    el.hidden = false;
  }

  function check() {
    fetch(url, { headers: { "Accept": "application/json" }, cache: "no-store", credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (s && typeof s.incidents === "number" && s.incidents > base) { show(s.incidents - base); }
      })
      .catch(function () { /* the server may be restarting: try again next time */ });
  }

  timer = window.setInterval(check, every);
  el.addEventListener("wm-check", check);
  window.addEventListener("pagehide", function () { if (timer) { window.clearInterval(timer); } });
})();
