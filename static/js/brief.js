// The council brief's selection, kept in the browser (progressive enhancement: without JavaScript the
// selection travels in the URL, and every control is a plain link to the brief).
// - "Add to my brief" links on fiche cards and pages become toggles of the stored selection;
// - "My brief (n)" links point to the brief of the stored selection, and show only when it is not empty;
// - the brief page itself is the selection: opening one (yours or a shared link) makes it yours.
(function () {
  "use strict";
  var KEY = "kb-brief";
  var MAX = 12;

  function storage() {
    try {
      var probe = "kb-brief-probe";
      window.localStorage.setItem(probe, probe);
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (error) {
      return null; // private mode or storage disabled: the links keep working through the URL
    }
  }

  function load(store) {
    try {
      var value = JSON.parse(store.getItem(KEY) || "[]");
      return Array.isArray(value) ? value.filter(function (slug) { return typeof slug === "string" && slug; }) : [];
    } catch (error) {
      return [];
    }
  }

  function briefUrl(base, slugs) {
    if (!slugs.length) return base;
    return base + "?" + slugs.map(function (slug) { return "fiche=" + encodeURIComponent(slug); }).join("&");
  }

  function refresh(slugs) {
    document.querySelectorAll(".brief-control").forEach(function (control) {
      var toggle = control.querySelector(".brief-toggle");
      if (toggle) {
        var selected = slugs.indexOf(control.dataset.fiche) !== -1;
        toggle.textContent = selected ? control.dataset.removeLabel : control.dataset.addLabel;
        toggle.setAttribute("aria-pressed", selected ? "true" : "false");
        toggle.href = briefUrl(control.dataset.briefUrl, selected ? slugs : slugs.concat([control.dataset.fiche]));
      }
      var link = control.querySelector(".my-brief");
      if (link) {
        link.textContent = control.dataset.briefLabel + " (" + slugs.length + ")";
        link.href = briefUrl(control.dataset.briefUrl, slugs);
        link.hidden = slugs.length === 0;
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var store = storage();
    if (!store) return;
    var brief = document.querySelector(".brief[data-brief-selection]");
    if (brief && brief.dataset.briefSelection) {
      store.setItem(KEY, JSON.stringify(brief.dataset.briefSelection.split(",")));
    }
    var slugs = load(store);
    document.querySelectorAll(".brief-control .brief-toggle").forEach(function (toggle) {
      toggle.setAttribute("role", "button");
      toggle.addEventListener("click", function (event) {
        event.preventDefault();
        var slug = toggle.closest(".brief-control").dataset.fiche;
        var current = load(store);
        var index = current.indexOf(slug);
        if (index === -1) {
          if (current.length >= MAX) return; // the brief page would leave it out: say so by not adding
          current.push(slug);
        } else {
          current.splice(index, 1);
        }
        store.setItem(KEY, JSON.stringify(current));
        refresh(current);
      });
    });
    refresh(slugs);
  });
})();
