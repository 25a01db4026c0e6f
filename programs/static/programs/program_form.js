// The program form's behaviour (no inline script: the Content-Security-Policy allows none).
//   [data-error-summary]                 gets the focus when the page opens; its links
//                                        [data-focus-field] move the focus to their field
//   select[data-filters-options="id"]    shows only the options of select #id whose
//                                        data-dimension is the chosen value
//   [data-formset]                       [data-add-row] adds a row from its <template>,
//                                        [data-remove-row] marks its row deleted and hides it
// Without script the form still works: the server checks the sub-dimension against the
// dimension, the empty row and the "Hapus" boxes add and remove rows on the next save.
(function () {
  "use strict";

  function focusField(id) {
    var target = document.getElementById(id);
    if (!target) {
      return;
    }
    if (!target.matches("input, select, textarea, button")) {
      target = target.querySelector("input, select, textarea, button") || target;
    }
    var label = document.querySelector('label[for="' + id + '"]');
    (label || target).scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
  }

  function filterOptions(select) {
    var other = document.getElementById(select.getAttribute("data-filters-options"));
    if (!other) {
      return;
    }
    var chosen = select.value;
    Array.prototype.forEach.call(other.options, function (option) {
      var dimension = option.getAttribute("data-dimension");
      var shown = dimension === null || !chosen || dimension === chosen;
      option.hidden = !shown;
      option.disabled = !shown;
    });
    var current = other.options[other.selectedIndex];
    if (current && current.disabled) {
      other.value = "";
    }
  }

  function addRow(formset) {
    var prefix = formset.getAttribute("data-formset");
    var total = formset.querySelector('input[name="' + prefix + '-TOTAL_FORMS"]');
    var max = formset.querySelector('input[name="' + prefix + '-MAX_NUM_FORMS"]');
    var index = parseInt(total.value, 10);
    if (max && index >= parseInt(max.value, 10)) {
      return;
    }
    var template = formset.querySelector("template[data-row-template]");
    var holder = document.createElement("div");
    holder.innerHTML = template.innerHTML.replace(/__prefix__/g, String(index));
    var row = holder.firstElementChild;
    prepareRow(row);
    formset.querySelector("[data-rows]").appendChild(row);
    total.value = String(index + 1);
    var first = row.querySelector("input:not([type=hidden]), select, textarea");
    if (first) {
      first.focus();
    }
  }

  function prepareRow(row) {
    var remove = row.querySelector("[data-remove-row]");
    var box = row.querySelector('input[type=checkbox][name$="-DELETE"]');
    if (remove && box) {
      remove.hidden = false;
      box.closest(".field").hidden = true;
      if (box.checked) {
        row.hidden = true;
      }
    }
  }

  function removeRow(button) {
    var row = button.closest("[data-row]");
    var formset = button.closest("[data-formset]");
    var box = row.querySelector('input[type=checkbox][name$="-DELETE"]');
    box.checked = true;
    row.hidden = true;
    var add = formset.querySelector("[data-add-row]");
    if (add) {
      add.focus();
    }
  }

  function start() {
    document.querySelectorAll("[data-formset]").forEach(function (formset) {
      formset.querySelectorAll("[data-rows] [data-row]").forEach(prepareRow);
      var add = formset.querySelector("[data-add-row]");
      if (add) {
        add.hidden = false;
      }
    });
    document.querySelectorAll("select[data-filters-options]").forEach(filterOptions);
    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
      summary.focus();
    }
  }

  document.addEventListener("change", function (event) {
    if (event.target.matches("select[data-filters-options]")) {
      filterOptions(event.target);
    }
  });

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-focus-field]");
    if (link) {
      event.preventDefault();
      focusField(link.getAttribute("data-focus-field"));
      return;
    }
    var add = event.target.closest("[data-add-row]");
    if (add) {
      addRow(add.closest("[data-formset]"));
      return;
    }
    var remove = event.target.closest("[data-remove-row]");
    if (remove) {
      removeRow(remove);
    }
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
