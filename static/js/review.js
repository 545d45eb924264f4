/* The review queue's keyboard. Every action is a plain form that htmx posts (and that works without this
   file); this only maps keys to those forms and keeps the focus on the statement being reviewed.
   j/k move, a accept, r reject, e edit, n note, m more, u undo, o open, ? help, Esc close. */
(function () {
  "use strict";

  var current = null; // id of the current row ("statement-12")
  var pending = null; // {row, action} of the request in flight
  var ADVANCE = { accept: true, reject: true, correct: true };

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-review-queue] .review-row"));
  }

  function currentRow() {
    var row = current && document.getElementById(current);
    return row || rows()[0] || null;
  }

  function select(row, focus) {
    if (!row) return;
    rows().forEach(function (other) {
      other.classList.toggle("is-current", other === row);
    });
    current = row.id;
    if (focus !== false) {
      row.focus({ preventScroll: true });
      row.scrollIntoView({ block: "nearest" });
    }
  }

  function move(step) {
    var all = rows();
    var index = all.indexOf(currentRow());
    var next = all[Math.max(0, Math.min(all.length - 1, index + step))];
    select(next);
  }

  function nextToReview(row) {
    var all = rows();
    var index = all.indexOf(row);
    for (var i = index + 1; i < all.length; i++) {
      if (all[i].dataset.state === "unreviewed") return all[i];
    }
    return all[index + 1] || row;
  }

  function submit(row, action) {
    var form = row && row.querySelector('form[data-action="' + action + '"]');
    if (form) form.requestSubmit();
  }

  function openPanel(row, name) {
    var panel = row && row.querySelector('details[data-panel="' + name + '"]');
    if (!panel) return;
    panel.open = true;
    var field = panel.querySelector("input:not([type=hidden]), select, textarea");
    if (field) field.focus();
  }

  function closeForms(row) {
    if (!row) return false;
    var closed = false;
    row.querySelectorAll("details[open]").forEach(function (panel) {
      panel.open = false;
      closed = true;
    });
    var cancel = row.querySelector('[data-action="cancel"]');
    if (cancel) {
      cancel.click();
      closed = true;
    }
    select(row);
    return closed;
  }

  function typing(target) {
    return target.closest("input, textarea, select, [contenteditable]") !== null;
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var row = currentRow();
    if (event.key === "Escape") {
      var inRow = event.target.closest && event.target.closest(".review-row");
      if (inRow) {
        select(inRow, false);
        if (closeForms(inRow)) event.preventDefault();
      }
      return;
    }
    if (typing(event.target) || !row) return;
    var handled = true;
    switch (event.key) {
      case "j":
        move(1);
        break;
      case "k":
        move(-1);
        break;
      case "a":
        submit(row, "accept");
        break;
      case "r":
        openPanel(row, "reject");
        break;
      case "n":
        openPanel(row, "note");
        break;
      case "m":
        openPanel(row, "more");
        break;
      case "u":
        submit(row, "undo");
        break;
      case "e":
        var edit = row.querySelector('[data-action="edit"]');
        if (edit) edit.click();
        break;
      case "o":
        var open = row.querySelector("h2 a");
        if (open) window.location.href = open.href;
        break;
      case "?":
        var help = document.getElementById("review-keys");
        if (help && !help.open) help.showModal();
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  });

  document.addEventListener("focusin", function (event) {
    var row = event.target.closest && event.target.closest("[data-review-queue] .review-row");
    if (row && row.id !== current) select(row, false);
  });

  document.addEventListener("htmx:beforeRequest", function (event) {
    var elt = event.detail.elt;
    var row = elt.closest && elt.closest(".review-row");
    if (row) pending = { row: row.id, action: elt.dataset.action || "" };
  });

  // A refused action (409: someone else changed it; 422: a bad value) still brings back the row,
  // with the message and the current values: show it instead of dropping it.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    if (status === 409 || status === 422) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    if (!pending) return;
    var done = pending;
    pending = null;
    var row = document.getElementById(done.row);
    if (!row) return;
    var field = row.querySelector("[data-autofocus]");
    if (field) {
      select(row, false);
      field.focus();
      return;
    }
    var ok = event.detail.xhr && event.detail.xhr.status === 200;
    if (ok && ADVANCE[done.action] && !row.querySelector(".review-message.error")) {
      select(nextToReview(row));
    } else {
      select(row);
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    var first = rows()[0];
    if (first) select(first, !document.querySelector("[data-review-queue] .review-row [data-autofocus]"));
  });
})();
