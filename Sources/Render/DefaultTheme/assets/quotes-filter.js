// Quotes page: filter by theme and programme. Without this script every quote is
// listed, grouped by theme, and the filter form stays hidden.
(function () {
  "use strict";

  var form = document.getElementById("quote-filters");
  if (!form) return;
  var themeSelect = document.getElementById("filter-theme");
  var programmeSelect = document.getElementById("filter-programme");
  var status = document.getElementById("filter-status");
  var groups = Array.prototype.slice.call(document.querySelectorAll(".quote-group"));

  function hasToken(list, token) {
    return (" " + (list || "") + " ").indexOf(" " + token + " ") !== -1;
  }

  function apply(announce) {
    var theme = themeSelect.value;
    var programme = programmeSelect.value;
    var shown = {};
    var shownCount = 0;

    // A quote is listed once, under the first of its themes, so filtering by theme
    // looks at every theme the quote carries, not only at the group it sits in.
    groups.forEach(function (group) {
      var visibleInGroup = 0;
      group.querySelectorAll(".quote").forEach(function (quote) {
        var visible =
          (!theme || hasToken(quote.getAttribute("data-themes"), theme)) &&
          (!programme || quote.getAttribute("data-programme") === programme);
        quote.hidden = !visible;
        if (visible) {
          visibleInGroup += 1;
          var key = quote.getAttribute("data-quote");
          if (!shown[key]) { shown[key] = true; shownCount += 1; }
        }
      });
      group.hidden = visibleInGroup === 0;
      var link = document.querySelector('[data-group-link="' + group.id + '"]');
      if (link) link.hidden = group.hidden;
    });

    if (announce) {
      // The words come from the page, in its language (`data-none`, `data-one`, `data-many`).
      var words = shownCount === 0 ? form.getAttribute("data-none")
        : shownCount === 1 ? form.getAttribute("data-one") : form.getAttribute("data-many");
      status.textContent = String(words || "").replace("{count}", String(shownCount));
    }

    // Keep the choice in the address so it can be shared or bookmarked.
    if (window.history && window.history.replaceState) {
      var params = new URLSearchParams(window.location.search);
      if (theme) { params.set("theme", theme); } else { params.delete("theme"); }
      if (programme) { params.set("programme", programme); } else { params.delete("programme"); }
      var query = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    }
  }

  function choose(select, value) {
    if (!value) return;
    for (var i = 0; i < select.options.length; i += 1) {
      if (select.options[i].value === value) { select.value = value; return; }
    }
  }

  var params = new URLSearchParams(window.location.search);
  choose(themeSelect, params.get("theme"));
  choose(programmeSelect, params.get("programme"));

  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("reset", function () {
    // The reset event fires before the controls are cleared.
    window.setTimeout(function () { apply(true); }, 0);
  });
  if (themeSelect.value || programmeSelect.value) apply(true);
})();
