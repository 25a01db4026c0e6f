// Behaviour of the pages, attached from data-* attributes: the Content-Security-Policy
// allows no inline script or inline event handler. Listeners sit on the document, so
// parts loaded later by htmx behave the same.
//   <select data-autosubmit>               submits its form when the choice changes
//   <form data-confirm="Question?">        asks before submitting
//   <input data-select-on-click>           selects its whole text when clicked
//   <button data-copy-target="id" data-copied="Copied">  copies that input's text
//   <button data-print>                    prints the page
//   hx-* element with data-swap-on-400     swaps a 400 answer in (a form's error messages)
(function () {
  "use strict";

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
