/* Hospitable cities — offline place map.
 *
 * Progressive enhancement for every `.map[data-geojson]` element (templates/includes/map.html):
 * a Leaflet map with no tile layer, the world's country outlines from `data-countries`
 * (static/geo/countries.geojson) and one circle marker per place of the GeoJSON
 * FeatureCollection at `data-geojson` (same origin, e.g. /api/v1/places.geojson?network=anvita),
 * following its `next` pages.
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
  var COLORS = { land: "#d4d8dd", border: "#ffffff", marker: "#0b5cad", markerEdge: "#ffffff" };

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

  // The API serves GeoJSON in pages of 500 features with a `next` link: follow it, up to MAX_PAGES.
  var MAX_PAGES = 20;

  function getAllFeatures(url) {
    var features = [];
    function fetchPage(pageUrl, pagesLeft) {
      return getJSON(pageUrl).then(function (data) {
        features = features.concat((data && data.features) || []);
        var next = data && data.next;
        if (next && pagesLeft > 1 && new URL(next, window.location.href).origin === window.location.origin) {
          return fetchPage(next, pagesLeft - 1);
        }
        return features;
      });
    }
    return fetchPage(url, MAX_PAGES);
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

  // Circle markers are SVG paths. Keyboard use, with a roving tabindex so the page's other links
  // are never more than one Tab away: Tab reaches the map (arrows pan, +/- zoom), Tab again the
  // first place; the arrow keys, Home and End move between places; Enter or Space opens the
  // place's popup and puts the focus on its link; Escape closes it and returns to the place.
  function makeKeyboardAccessible(map, element, markers) {
    var paths = markers.map(function (marker) { return marker.getElement && marker.getElement(); });
    if (!paths.length || paths.some(function (path) { return !path; })) return;

    function moveTo(index) {
      var marker = markers[index];
      paths.forEach(function (path, i) { path.setAttribute("tabindex", i === index ? "0" : "-1"); });
      if (!map.getBounds().contains(marker.getLatLng())) map.panTo(marker.getLatLng(), { animate: false });
      marker.bringToFront(); // draw the focused place above its neighbours (moves its path: focus after)
      paths[index].focus({ preventScroll: true });
    }

    markers.forEach(function (marker, index) {
      var path = paths[index];
      path.setAttribute("tabindex", index === 0 ? "0" : "-1");
      path.setAttribute("role", "button");
      path.setAttribute("aria-label", marker.options.mapName);
      path.addEventListener("keydown", function (event) {
        var key = event.key;
        var next = null;
        if (key === "ArrowRight" || key === "ArrowDown" || key === "Right" || key === "Down") next = (index + 1) % markers.length;
        else if (key === "ArrowLeft" || key === "ArrowUp" || key === "Left" || key === "Up") next = (index - 1 + markers.length) % markers.length;
        else if (key === "Home") next = 0;
        else if (key === "End") next = markers.length - 1;
        if (next !== null) {
          event.preventDefault();
          event.stopPropagation();
          moveTo(next);
        } else if (key === "Enter" || key === " " || key === "Spacebar") {
          event.preventDefault();
          event.stopPropagation();
          marker.openPopup();
          var popup = marker.getPopup() && marker.getPopup().getElement();
          var link = popup && popup.querySelector("a");
          if (link) link.focus({ preventScroll: true });
        }
      });
      path.addEventListener("focus", function () {
        // Focus must not scroll Leaflet's overflow-hidden container: that would shift the map.
        element.scrollTop = 0;
        element.scrollLeft = 0;
        paths.forEach(function (other, i) { other.setAttribute("tabindex", i === index ? "0" : "-1"); });
        marker.openTooltip();
      });
      path.addEventListener("blur", function () { marker.closeTooltip(); });
      // Leaflet fades a closed popup out for 200 ms: hide it at once so Tab cannot land in it.
      marker.on("popupclose", function (event) {
        var popup = event.popup.getElement();
        if (popup) popup.classList.add("map-popup-closed");
      });
      marker.on("popupopen", function (event) {
        var popup = event.popup.getElement();
        if (popup) popup.classList.remove("map-popup-closed");
        if (!popup || popup.dataset.mapEscape) return;
        popup.dataset.mapEscape = "1";
        popup.addEventListener("keydown", function (keyEvent) {
          if (keyEvent.key === "Escape" || keyEvent.key === "Esc") {
            marker.closePopup();
            path.focus({ preventScroll: true });
          }
        });
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
      minZoom: 0, // the whole world fits a 320px-wide phone only below zoom 1
      maxZoom: 9,
      zoomSnap: 0.25,
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

    getAllFeatures(element.getAttribute("data-geojson"))
      .then(function (features) {
        var markers = [];
        var points = features.filter(function (feature) {
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
            mapName: name,
          });
          marker.bindTooltip(name, { direction: "top", offset: [0, -6] });
          marker.bindPopup(popupContent(name, url, strings), { closeButton: true, autoPanPadding: [16, 16] });
          marker.addTo(map);
          markers.push(marker);
        });
        makeKeyboardAccessible(map, element, markers);
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
