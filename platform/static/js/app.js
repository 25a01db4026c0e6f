// Behaviour of the pages, attached from data-* attributes: the Content-Security-Policy
// allows no inline script or inline event handler. Listeners sit on the document, so
// parts loaded later by htmx behave the same.
//   <select data-autosubmit>               submits its form when the choice changes
//   <form data-confirm="Question?">        asks before submitting
//   <input data-select-on-click>           selects its whole text when clicked
//   <button data-copy-target="id" data-copied="Copied">  copies that input's text
//   <button data-print>                    prints the page
//   hx-* element with data-swap-on-400     swaps a 400 answer in (a form's error messages)
//   <button data-nav-toggle aria-controls="id">  opens and folds that menu (on a phone)
//   .table-wrap, .tl-scroll, .chart-wrap    scroll areas: reachable by keyboard (tabindex 0), named
//                                          for screen readers (the table's caption, the heading
//                                          above, or <body data-scroll-label>)
(function () {
  "use strict";

  document.documentElement.classList.add("js");

  var SCROLL_AREAS = ".table-wrap, .tl-scroll, .chart-wrap";

  function scrollAreaName(area) {
    var caption = area.querySelector("caption");
    if (caption && caption.textContent.trim()) {
      return caption.textContent.trim();
    }
    var node = area.closest(".card") || area;
    var heading = node.querySelector("h2, h3");
    while (!heading && node && node !== document.body) {
      var before = node.previousElementSibling;
      while (before && !/^H[1-3]$/.test(before.tagName)) {
        before = before.previousElementSibling;
      }
      heading = before;
      node = node.parentElement;
    }
    return heading ? heading.textContent.trim() : document.body.getAttribute("data-scroll-label");
  }

  function markScrollAreas(root) {
    root.querySelectorAll(SCROLL_AREAS).forEach(function (area) {
      if (!area.hasAttribute("tabindex")) {
        area.setAttribute("tabindex", "0");
      }
      if (!area.hasAttribute("role")) {
        area.setAttribute("role", "region");
      }
      if (!area.hasAttribute("aria-label") && !area.hasAttribute("aria-labelledby")) {
        area.setAttribute("aria-label", scrollAreaName(area) || "");
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    markScrollAreas(document);
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    markScrollAreas(event.target.parentElement || document);
  });

  document.addEventListener("change", function (event) {
    var field = event.target;
    if (field.matches("select[data-autosubmit]") && field.form) {
      field.form.submit();
    }
  });

  // Capture phase: the question comes before any other submit handler (htmx's too).
  document.addEventListener(
    "submit",
    function (event) {
      var form = event.target;
      var question = form.getAttribute("data-confirm");
      if (question && !window.confirm(question)) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    },
    true
  );

  function copyText(input) {
    input.select();
    if (navigator.clipboard) {
      return navigator.clipboard.writeText(input.value).catch(function () {
        document.execCommand("copy");
      });
    }
    document.execCommand("copy");
    return Promise.resolve();
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target.matches("input[data-select-on-click]")) {
      target.select();
      return;
    }
    var copyButton = target.closest("button[data-copy-target]");
    if (copyButton) {
      var input = document.getElementById(copyButton.getAttribute("data-copy-target"));
      if (input) {
        copyText(input);
        copyButton.textContent = copyButton.getAttribute("data-copied");
      }
      return;
    }
    var navToggle = target.closest("button[data-nav-toggle]");
    if (navToggle) {
      var menu = document.getElementById(navToggle.getAttribute("aria-controls"));
      var open = navToggle.getAttribute("aria-expanded") !== "true";
      navToggle.setAttribute("aria-expanded", open ? "true" : "false");
      if (menu) {
        menu.classList.toggle("open", open);
      }
      return;
    }
    if (target.closest("button[data-print]")) {
      window.print();
    }
  });

  document.addEventListener("htmx:beforeSwap", function (event) {
    var source = event.detail.requestConfig && event.detail.requestConfig.elt;
    if (event.detail.xhr.status === 400 && source && source.hasAttribute("data-swap-on-400")) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
})();
