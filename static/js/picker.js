/* A filter box over a long list of checkboxes (the event form's ~200 actors). The list works without it:
   this only hides the names that do not match what is typed, and counts the ticked. Ticked names stay in
   view while filtering, so a choice is never hidden from the one making it. */
(function () {
  "use strict";

  // "Zelenskyy" matches "zelensk"; "Sybiha" matches "sýbiha": accents and case do not count.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function setUp(picker) {
    var list = picker.querySelector("[data-picker-list]");
    var status = picker.querySelector("[data-picker-status]");
    var items = Array.prototype.slice.call(list.querySelectorAll("label"));
    var legend = picker.querySelector("legend");
    var box = document.createElement("input");
    box.type = "search";
    box.className = "picker-filter";
    box.placeholder = "Type to filter";
    box.setAttribute("aria-label", "Filter " + (legend ? legend.textContent.toLowerCase() : "the list"));
    box.setAttribute("aria-controls", list.id);
    list.parentNode.insertBefore(box, list);

    function visibleUnticked() {
      return items.filter(function (item) {
        return !item.hidden && !item.querySelector("input").checked;
      });
    }

    function update() {
      var words = fold(box.value.trim());
      var shown = 0;
      items.forEach(function (item) {
        var match = !words || item.querySelector("input").checked || fold(item.textContent).indexOf(words) !== -1;
        item.hidden = !match;
        if (match) shown += 1;
      });
      var ticked = list.querySelectorAll("input:checked").length;
      status.textContent = ticked + " ticked" + (words ? ", " + shown + " shown" : "");
    }

    box.addEventListener("input", update);
    list.addEventListener("change", update);
    // Enter in the box must not send the form; with a single name left, it ticks that name.
    box.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") return;
      event.preventDefault();
      var left = visibleUnticked();
      if (left.length === 1) {
        left[0].querySelector("input").checked = true;
        box.value = "";
        update();
      }
    });
    update();
  }

  document.querySelectorAll("[data-picker]").forEach(setUp);
})();
