// The comparison's region picker, on top of its plain checkboxes (which work without script):
//   <form data-compare-picker data-max="6" data-count-template="{n} dari {max} dipilih">
//     [data-picker-filter-box] (hidden until this runs) holding <input data-picker-filter>
//     [data-picker-count]       the live count, "{n}" and "{max}" replaced
//     [data-picker-none]        shown when the filter matches nothing
// Typing filters the options by name or code (chosen ones stay visible); at the limit the
// options not chosen are disabled. The server refuses more than the limit all the same.
(function () {
  "use strict";

  function normalise(text) {
    return text.toLocaleLowerCase("id").normalize("NFD").replace(/[\u0300-\u036f]/g, "").trim();
  }

  function setUp(form) {
    var max = parseInt(form.getAttribute("data-max"), 10);
    var template = form.getAttribute("data-count-template") || "{n} / {max}";
    var filterBox = form.querySelector("[data-picker-filter-box]");
    var filter = form.querySelector("[data-picker-filter]");
    var count = form.querySelector("[data-picker-count]");
    var none = form.querySelector("[data-picker-none]");
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox][name=region]"));
    var options = boxes.map(function (box) {
      var label = box.closest("label");
      return { box: box, label: label, text: normalise(label ? label.textContent : box.value) };
    });

    function update() {
      var chosen = boxes.filter(function (box) {
        return box.checked;
      }).length;
      if (count) {
        count.textContent = template.replace("{n}", chosen).replace("{max}", max);
        count.classList.toggle("full", chosen >= max);
      }
      options.forEach(function (option) {
        option.box.disabled = !option.box.checked && chosen >= max;
        if (option.label) {
          option.label.classList.toggle("disabled", option.box.disabled);
        }
      });
    }

    function applyFilter() {
      var query = normalise(filter.value);
      var shown = 0;
      options.forEach(function (option) {
        option.match = !query || option.text.indexOf(query) !== -1;
        var visible = option.match || option.box.checked;
        if (option.label) {
          option.label.hidden = !visible;
        }
        shown += visible ? 1 : 0;
      });
      if (none) {
        none.hidden = shown > 0;
      }
    }

    if (filterBox && filter) {
      filterBox.hidden = false;
      filter.addEventListener("input", applyFilter);
      filter.addEventListener("keydown", function (event) {
        // Enter in the filter would send the form half-chosen: it moves to the first match instead
        // (not to an option kept in view because it is chosen).
        if (event.key === "Enter") {
          event.preventDefault();
          var first = options.filter(function (option) {
            return option.match !== false && !option.box.disabled;
          })[0];
          if (first) {
            first.box.focus();
          }
        }
      });
    }
    form.addEventListener("change", function (event) {
      if (event.target.name === "region") {
        update();
      }
    });
    update();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-compare-picker]").forEach(setUp);
  });
})();
