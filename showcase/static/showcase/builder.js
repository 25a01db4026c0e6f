// Drag and drop of the agenda builder's slots. The naik/turun buttons and the stage select
// work without this script; a drop posts to the same endpoint (stage and 1-based position)
// and reloads the page with the times recomputed by the server.
(function () {
  "use strict";

  var dragged = null;

  function csrfToken() {
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  function slotsOf(list) {
    return Array.prototype.filter.call(list.children, function (item) {
      return item.classList.contains("slot");
    });
  }

  function clearMarks() {
    document.querySelectorAll("ol.slots li.drop-before").forEach(function (item) {
      item.classList.remove("drop-before");
    });
  }

  document.addEventListener("dragstart", function (event) {
    var item = event.target.closest && event.target.closest("ol.slots li.slot[data-move-url]");
    if (!item) return;
    dragged = item;
    item.classList.add("dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", item.id);
  });

  document.addEventListener("dragend", function () {
    if (dragged) dragged.classList.remove("dragging");
    dragged = null;
    clearMarks();
  });

  document.addEventListener("dragover", function (event) {
    if (!dragged) return;
    var list = event.target.closest && event.target.closest("ol.slots");
    if (!list) return;
    event.preventDefault();
    clearMarks();
    var over = event.target.closest("li.slot");
    if (over && over !== dragged) over.classList.add("drop-before");
  });

  document.addEventListener("drop", function (event) {
    if (!dragged) return;
    var list = event.target.closest && event.target.closest("ol.slots");
    if (!list) return;
    event.preventDefault();
    var over = event.target.closest("li.slot");
    var items = slotsOf(list).filter(function (item) {
      return item !== dragged;
    });
    var index = over && over !== dragged ? items.indexOf(over) : items.length;
    var body = new URLSearchParams();
    body.set("stage", list.getAttribute("data-stage"));
    body.set("position", String(index + 1));
    var url = dragged.getAttribute("data-move-url");
    var anchor = dragged.id;
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
      body: body,
    }).then(function () {
      window.location.hash = anchor;
      window.location.reload();
    });
  });
})();
