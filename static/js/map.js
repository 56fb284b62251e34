/* Hospitable cities — offline place map.
 *
 * Progressive enhancement for every `.map[data-geojson]` element (templates/includes/map.html):
 * a Leaflet map with no tile layer, the world's country outlines from `data-countries`
 * (static/geo/countries.geojson) and one circle marker per place of the GeoJSON
 * FeatureCollection at `data-geojson` (same origin, e.g. /api/v1/places.geojson?network=anvita).
 * Nothing is fetched from another host. No inline script or style attribute is needed, so it runs
 * under a strict Content-Security-Policy. Needs Leaflet (static/vendor/leaflet/leaflet.js) loaded first.
 */
(function () {
  "use strict";

  var STRINGS = {
    fr: {
      zoomIn: "Zoom avant",
      zoomOut: "Zoom arrière",
      outlines: "Contours des pays : Natural Earth",
      open: "Ouvrir la fiche",
    },
    en: {
      zoomIn: "Zoom in",
      zoomOut: "Zoom out",
      outlines: "Country outlines: Natural Earth",
      open: "Open the page",
    },
  };
  var WORLD = [[-56, -170], [76, 190]];
  var COLORS = { sea: "#eef3f8", land: "#d4d8dd", border: "#ffffff", marker: "#0b5cad", markerEdge: "#ffffff" };

  function pageLanguage() {
    var lang = (document.documentElement.lang || "fr").toLowerCase().slice(0, 2);
    return STRINGS[lang] ? lang : "fr";
  }

  // A translated property is either {"fr": …, "en": …} or already a string (API called with ?lang=).
  function pick(value, lang) {
    if (value === null || value === undefined) return "";
    if (typeof value !== "object") return String(value);
    return value[lang] || value.fr || value.en || Object.keys(value).map(function (k) { return value[k]; })[0] || "";
  }

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/geo+json, application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(url + ": HTTP " + response.status);
        return response.json();
      });
  }

  function popupContent(name, url, strings) {
    var box = document.createElement("div");
    box.className = "map-popup";
    if (url) {
      var link = document.createElement("a");
      link.href = url;
      link.textContent = name;
      link.title = strings.open;
      box.appendChild(link);
    } else {
      box.textContent = name;
    }
    return box;
  }

  // Circle markers are SVG paths: make each one reachable with Tab, announced by name, and opened
  // with Enter or Space; the popup's link then takes the focus and Escape brings it back.
  function makeFocusable(marker, name) {
    var path = marker.getElement && marker.getElement();
    if (!path) return;
    path.setAttribute("tabindex", "0");
    path.setAttribute("role", "button");
    path.setAttribute("aria-label", name);
    path.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " " || event.key === "Spacebar") {
        event.preventDefault();
        event.stopPropagation();
        marker.openPopup();
        var link = marker.getPopup() && marker.getPopup().getElement() && marker.getPopup().getElement().querySelector("a");
        if (link) link.focus();
      }
    });
    path.addEventListener("focus", function () { marker.openTooltip(); });
    path.addEventListener("blur", function () { marker.closeTooltip(); });
    marker.on("popupopen", function (event) {
      var element = event.popup.getElement();
      if (!element || element.dataset.mapEscape) return;
      element.dataset.mapEscape = "1";
      element.addEventListener("keydown", function (keyEvent) {
        if (keyEvent.key === "Escape" || keyEvent.key === "Esc") {
          marker.closePopup();
          path.focus();
        }
      });
    });
  }

  function setUp(element) {
    if (element.dataset.mapReady) return;
    element.dataset.mapReady = "1";
    if (typeof window.L === "undefined" || typeof window.fetch !== "function") {
      element.hidden = true;
      return;
    }
    var L = window.L;
    var lang = pageLanguage();
    var strings = STRINGS[lang];
    var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

    element.hidden = false; // the include ships it hidden, so nothing is left empty without JavaScript
    var map = L.map(element, {
      zoomControl: false,
      attributionControl: false,
      minZoom: 1,
      maxZoom: 9,
      zoomSnap: 0.25,
      worldCopyJump: false,
      maxBounds: [[-85, -240], [85, 240]],
      maxBoundsViscosity: 0.8,
      scrollWheelZoom: false, // the page scrolls on; zoom with the buttons, keyboard, double click or pinch
      dragging: !L.Browser.mobile, // one finger scrolls the page on phones
      zoomAnimation: !reduceMotion,
      fadeAnimation: !reduceMotion,
      markerZoomAnimation: !reduceMotion,
    });
    L.control.zoom({ zoomInTitle: strings.zoomIn, zoomOutTitle: strings.zoomOut }).addTo(map);
    L.control.attribution({ prefix: '<a href="https://leafletjs.com/">Leaflet</a>' })
      .addAttribution(strings.outlines)
      .addTo(map);
    map.fitBounds(WORLD);

    // Outlines go in their own pane, below the markers (z-index in map.css), so late-loading
    // countries never cover them.
    map.createPane("countries");

    var countries = element.getAttribute("data-countries");
    if (countries) {
      getJSON(countries)
        .then(function (data) {
          L.geoJSON(data, {
            pane: "countries",
            interactive: false,
            style: { color: COLORS.border, weight: 0.8, fillColor: COLORS.land, fillOpacity: 1 },
          }).addTo(map);
        })
        .catch(function () { /* markers still make sense without the outlines */ });
    }

    getJSON(element.getAttribute("data-geojson"))
      .then(function (data) {
        var markers = [];
        var points = ((data && data.features) || []).filter(function (feature) {
          return feature && feature.geometry && feature.geometry.type === "Point" &&
            Array.isArray(feature.geometry.coordinates) && feature.geometry.coordinates.length >= 2;
        });
        points.forEach(function (feature) {
          var props = feature.properties || {};
          var name = pick(props.name, lang) || props.slug || "";
          var url = pick(props.html_url, lang);
          var coords = feature.geometry.coordinates;
          var marker = L.circleMarker([coords[1], coords[0]], {
            radius: 6,
            weight: 1.5,
            color: COLORS.markerEdge,
            fillColor: COLORS.marker,
            fillOpacity: 0.9,
            className: "map-marker",
          });
          marker.bindTooltip(name, { direction: "top", offset: [0, -6] });
          marker.bindPopup(popupContent(name, url, strings), { closeButton: true, autoPanPadding: [16, 16] });
          marker.addTo(map);
          makeFocusable(marker, name);
          markers.push(marker);
        });
        element.dataset.markers = String(markers.length);
        if (markers.length) {
          var bounds = L.featureGroup(markers).getBounds();
          map.fitBounds(bounds.pad(0.15), { maxZoom: 5, animate: false });
        }
      })
      .catch(function () {
        map.remove();
        element.hidden = true;
      });
  }

  function init() {
    var elements = document.querySelectorAll(".map[data-geojson]");
    for (var i = 0; i < elements.length; i++) setUp(elements[i]);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
