// Search page: loads the site's search index and matches every word of the query,
// case-insensitively, against each entry's title, summary and text (and a quote's speaker
// and programme). Each result says what kind of item it is. Without JavaScript the page
// shows a plain list of the site's sections instead (#search-nojs).
(function () {
  "use strict";

  var form = document.getElementById("search-form");
  if (!form) return;
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var results = document.getElementById("search-results");
  var noScript = document.getElementById("search-nojs");
  var root = form.getAttribute("data-root") || "";
  var indexURL = form.getAttribute("data-index") || root + "search-index.json";
  var index = null;
  // The page's words, in its language: the form's `data-` attributes.
  function message(name) { return form.getAttribute("data-" + name) || ""; }
  function fill(text, count, query) {
    // A function, so a `$` in what the reader typed is not read as a replacement pattern.
    return text.replace("{count}", String(count)).replace("{query}", function () { return query; });
  }
  var kinds = {};
  ["case-study", "theme", "programme", "quote", "lesson", "page"].forEach(function (kind) {
    kinds[kind] = message("kind-" + kind);
  });

  if (noScript) noScript.hidden = true;

  function normalise(text) {
    return String(text || "").toLocaleLowerCase();
  }

  function terms(query) {
    return normalise(query).split(/\s+/).filter(function (term) { return term.length > 0; });
  }

  function score(entry, words) {
    var title = normalise(entry.title);
    var summary = normalise(entry.summary);
    var text = normalise([entry.text, entry.speaker, entry.programme_title, entry.theme_title, entry.case_study_title].join(" "));
    var total = 0;
    for (var i = 0; i < words.length; i += 1) {
      var word = words[i];
      var inTitle = title.indexOf(word) !== -1;
      var inSummary = summary.indexOf(word) !== -1;
      var inText = text.indexOf(word) !== -1;
      if (!inTitle && !inSummary && !inText) return 0;
      total += (inTitle ? 5 : 0) + (inSummary ? 2 : 0) + (inText ? 1 : 0);
    }
    return total;
  }

  function render(query) {
    var words = terms(query);
    results.textContent = "";
    if (words.length === 0) {
      status.textContent = "";
      return;
    }
    var matches = [];
    index.forEach(function (entry, position) {
      var points = score(entry, words);
      if (points > 0) matches.push({ entry: entry, points: points, position: position });
    });
    matches.sort(function (a, b) { return b.points - a.points || a.position - b.position; });

    matches.forEach(function (match) {
      var entry = match.entry;
      var item = document.createElement("li");
      item.className = "search-result";
      var kind = document.createElement("p");
      kind.className = "search-kind";
      kind.textContent = kinds[entry.kind] || entry.kind || "";
      var heading = document.createElement("h2");
      var link = document.createElement("a");
      link.href = root + String(entry.url || "").replace(/^\//, "");
      link.textContent = entry.title || entry.url;
      heading.appendChild(link);
      item.appendChild(heading);
      if (kind.textContent) item.appendChild(kind);
      if (entry.summary) {
        var summary = document.createElement("p");
        summary.className = "search-summary";
        summary.textContent = entry.summary;
        item.appendChild(summary);
      }
      results.appendChild(item);
    });

    var quoted = "\u201C" + query.trim() + "\u201D";
    status.textContent = fill(message(matches.length === 0 ? "none" : matches.length === 1 ? "one" : "many"), matches.length, quoted);
  }

  function run(query, updateAddress) {
    if (updateAddress && window.history && window.history.replaceState) {
      var url = window.location.pathname + (query.trim() ? "?q=" + encodeURIComponent(query.trim()) : "");
      window.history.replaceState(null, "", url);
    }
    if (index) {
      render(query);
      return;
    }
    status.textContent = message("loading");
    fetch(indexURL)
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (data) {
        index = Array.isArray(data) ? data : [];
        render(input.value);
      })
      .catch(function () {
        status.textContent = message("unavailable");
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run(input.value, true);
  });

  var timer = null;
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { run(input.value, true); }, 250);
  });

  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
    run(initial, false);
  }
})();
