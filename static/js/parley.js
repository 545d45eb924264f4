/* Parley's few behaviours. Every page works without them; they only make the htmx parts kinder. */
(function () {
  "use strict";

  function collapse(row) {
    var opener = document.querySelector('a[aria-controls="' + row.id + '"][aria-expanded="true"]');
    row.innerHTML = "";
    if (opener) {
      opener.setAttribute("aria-expanded", "false");
      opener.focus();
    }
    forgetOpenCell();
  }

  // A closed cell leaves the address: a copied URL shows the page as it is. Replaced rather than pushed,
  // so Back still returns to the cell before it was opened.
  function forgetOpenCell() {
    var url = new URL(window.location.href);
    if (!url.searchParams.has("cell")) return;
    url.searchParams.delete("cell");
    url.hash = "";
    window.history.replaceState(window.history.state, "", url.toString());
  }

  // An opened cell's address is its link's: the page with ?cell=, which opens the same cell without
  // JavaScript. Set as hx-push-url when htmx asks for the cell rather than written into each of the
  // matrix's thousand cells (the href is already there).
  document.addEventListener("htmx:configRequest", function (event) {
    var cell = event.detail.elt;
    if (cell.matches && cell.matches("a[data-cell]")) {
      cell.setAttribute("hx-push-url", cell.getAttribute("href"));
    }
  });

  // A filter form's empty fields ("any party", no date) stay out of the request, so the address htmx pushes
  // names only the filters set: the same short URL the server redirects a no-JavaScript form to.
  document.addEventListener("htmx:configRequest", function (event) {
    var form = event.detail.elt.closest && event.detail.elt.closest("form[hx-push-url]");
    if (!form || event.detail.verb !== "get") return;
    var data = event.detail.formData;
    var kept = [];
    data.forEach(function (value, name) {
      if (value !== "") kept.push([name, value]);
    });
    Array.from(new Set(Array.from(data.keys()))).forEach(function (name) {
      data.delete(name);
    });
    kept.forEach(function (pair) {
      data.append(pair[0], pair[1]);
    });
  });

  document.addEventListener("click", function (event) {
    var close = event.target.closest("[data-close-evidence]");
    if (close) {
      var row = close.closest(".evidence-row");
      if (row) {
        event.preventDefault();
        collapse(row);
      }
      return;
    }
    var cell = event.target.closest("a[data-cell]");
    if (cell && !event.metaKey && !event.ctrlKey) {
      document.querySelectorAll('a[data-cell][aria-expanded="true"]').forEach(function (open) {
        open.setAttribute("aria-expanded", "false");
      });
      document.querySelectorAll(".evidence-row").forEach(function (row) {
        if (row.id !== cell.getAttribute("aria-controls")) row.innerHTML = "";
      });
      cell.setAttribute("aria-expanded", "true");
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var open = document.querySelector(".evidence-row:not(:empty)");
    if (open) collapse(open);
  });

  // After htmx brings in statements, move the keyboard focus to their heading.
  document.addEventListener("htmx:afterSwap", function (event) {
    var heading = event.detail.target.querySelector("[data-focus-on-load]");
    if (heading) heading.focus();
  });
})();
