/* The review queue's keyboard. Every action is a plain form that htmx posts (and that works without this
   file); this only maps keys to those forms and keeps the focus on the statement being reviewed.
   j/k move, a accept, r reject, e edit, n note, m more, u undo, o open, ? help, Esc close. */
(function () {
  "use strict";

  var current = null; // id of the current row ("statement-12")
  var pending = null; // {row, action} of the request in flight
  var waiting = []; // keys pressed while a row was being swapped, replayed once it has settled
  var ADVANCE = { accept: true, reject: true, correct: true };

  // htmx "settles" the style attribute of swapped elements by writing it inline, which the CSP (no inline
  // styles) refuses; nothing here is styled inline, so settle only the other attributes.
  if (window.htmx) window.htmx.config.attributesToSettle = ["class", "width", "height"];

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
    if (!form) return;
    if (window.htmx) window.htmx.trigger(form, "submit");
    else form.requestSubmit();
  }

  function setPanel(panel, open) {
    var body = panel.querySelector(".panel-body");
    var button = panel.querySelector("[data-toggle]");
    if (!body || !button) return;
    body.hidden = !open;
    button.setAttribute("aria-expanded", open ? "true" : "false");
    panel.classList.toggle("is-open", open);
  }

  function openPanel(row, name) {
    var panel = row && row.querySelector('.action-panel[data-panel="' + name + '"]');
    if (!panel) return;
    setPanel(panel, true);
    var field = panel.querySelector(".panel-body input:not([type=hidden]), .panel-body select, .panel-body textarea");
    if (field) field.focus();
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".action-panel [data-toggle]");
    if (!button) return;
    event.preventDefault(); // without JavaScript the button opens the statement's page, every panel open
    var panel = button.closest(".action-panel");
    var opening = button.getAttribute("aria-expanded") !== "true";
    setPanel(panel, opening);
    if (opening) openPanel(panel.closest(".review-row"), panel.dataset.panel);
  });

  function closeForms(row) {
    if (!row) return false;
    var closed = false;
    row.querySelectorAll(".action-panel.is-open").forEach(function (panel) {
      setPanel(panel, false);
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
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      var editing = event.target.closest && event.target.closest("form.review-edit");
      if (editing) {
        event.preventDefault();
        if (window.htmx) window.htmx.trigger(editing, "submit");
        else editing.requestSubmit();
      }
      return;
    }
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
    if (pending && "jkarenmu".indexOf(event.key) !== -1 && event.key.length === 1) {
      waiting.push(event.key); // the row is being replaced: act on the right one once it is back
      event.preventDefault();
      return;
    }
    if (handle(event.key, row)) event.preventDefault();
  });

  function handle(key, row) {
    var handled = true;
    switch (key) {
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
    return handled;
  }

  function replay() {
    while (waiting.length && !pending) {
      handle(waiting.shift(), currentRow());
    }
  }

  document.addEventListener("focusin", function (event) {
    var row = event.target.closest && event.target.closest("[data-review-queue] .review-row");
    if (row && row.id !== current) select(row, false);
  });

  document.addEventListener("htmx:beforeRequest", function (event) {
    var elt = event.detail.elt;
    var row = elt.closest && elt.closest(".review-row");
    if (row) pending = { row: row.id, action: elt.dataset.action || "", elt: elt };
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
    var config = event.detail.requestConfig;
    if (!pending || (config && config.elt && config.elt !== pending.elt)) return;
    var done = pending;
    pending = null;
    var row = document.getElementById(done.row);
    if (!row) return;
    var field = row.querySelector("[data-autofocus]");
    if (field) {
      waiting = [];
      select(row, false);
      field.focus();
      return;
    }
    var ok = event.detail.xhr && event.detail.xhr.status === 200;
    if (ok && ADVANCE[done.action] && !row.querySelector(".review-message.error")) {
      select(nextToReview(row));
    } else {
      waiting = []; // something went wrong: let the editor read the message before acting again
      select(row);
    }
    replay();
  });

  // A request that failed outright (network, 500) never settles: forget it so the keys work again.
  document.addEventListener("htmx:afterRequest", function (event) {
    if (pending && event.detail.failed && !event.detail.successful) {
      var status = event.detail.xhr && event.detail.xhr.status;
      if (status !== 409 && status !== 422) {
        pending = null;
        waiting = [];
      }
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    var first = rows()[0];
    if (first) select(first, !document.querySelector("[data-review-queue] .review-row [data-autofocus]"));
  });
})();
