// The Leaflet map: offline country borders as the base layer (optional online tiles), the events as
// clustered circle markers, or, when there are too many in view, counts per cell from the server.

import { getJSON } from "./api.js";
import { colorOf, factualityStyle, factualitySwatch, markerOptions } from "./style.js";

const L = window.L;

export class EventMap {
  constructor(element, { config, colors, onOpen, onStatus }) {
    this.element = element;
    this.colors = colors;
    this.onOpen = onOpen;
    this.onStatus = onStatus;
    this.filters = {};
    this.request = null;
    this.fitted = false;
    this.map = L.map(element, { worldCopyJump: true, minZoom: 1, maxZoom: 16 }).setView([12, 5], 3);
    this.clusters = L.markerClusterGroup({
      maxClusterRadius: 40,
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: true,
      iconCreateFunction: (cluster) => clusterIcon(cluster.getChildCount()),
    });
    this.cells = L.layerGroup();
    this.map.addLayer(this.clusters).addLayer(this.cells);
    this.addBaseLayers(config.tiles);
    this.addLegend(config);
    this.map.on("moveend", () => this.load());
  }

  async addBaseLayers(tiles) {
    const borders = L.geoJSON(null, {
      style: { color: "#94a3b8", weight: 0.8, fillColor: "#f8f6f0", fillOpacity: 1 },
      interactive: false,
    });
    borders.addTo(this.map);
    try {
      const response = await fetch("/static/vendor/countries.geojson");
      const countries = await response.json();
      borders.addData(countries);
      borders.bringToBack();
      this.addCountryNames(countries);
    } catch (error) {
      this.onStatus(`The country borders could not be loaded: ${error.message}`);
    }
    if (!tiles) return;
    // Online tiles are offered only when one tile actually loads (the field office may be offline).
    const probe = new Image();
    probe.onload = () => {
      const online = L.tileLayer(tiles, { maxZoom: 18, attribution: "Online tiles" });
      L.control.layers({ "Country borders (offline)": borders, "Online tiles": online }).addTo(this.map);
    };
    probe.src = tiles.replace("{s}", "a").replace("{z}", "0").replace("{x}", "0").replace("{y}", "0")
      .replace("{r}", "");
  }

  // Country names at the middle of each country's largest part, shown from zoom 4 on.
  addCountryNames(countries) {
    const names = L.layerGroup();
    for (const feature of countries.features) {
      const spot = labelPoint(feature.geometry);
      if (!spot || !feature.properties || !feature.properties.name) continue;
      const icon = L.divIcon({ className: "country-name", html: `<span>${escapeHTML(feature.properties.name)}</span>`,
        iconSize: null });
      names.addLayer(L.marker(spot, { icon, interactive: false, keyboard: false }));
    }
    const toggle = () => {
      if (this.map.getZoom() >= 4) names.addTo(this.map); else names.remove();
    };
    this.map.on("zoomend", toggle);
    toggle();
  }

  addLegend(config) {
    const legend = L.control({ position: "bottomleft" });
    legend.onAdd = () => {
      const box = L.DomUtil.create("div", "legend");
      box.setAttribute("role", "group");
      box.setAttribute("aria-label", "Legend");
      const types = Object.keys(config.event_types).map((name) =>
        `<li><span class="swatch" style="background:${colorOf(this.colors, name)}"></span>${escapeHTML(name)}</li>`);
      const facts = [["asserted", "asserted / reported"], ["unconfirmed", "unconfirmed"],
        ["denied", "denied / hypothetical"]].map(([value, label]) => `<li>${factualitySwatch(value)}${label}</li>`);
      box.innerHTML = `<ul>${types.join("")}</ul><ul>${facts.join("")}</ul>`;
      return box;
    };
    legend.addTo(this.map);
  }

  setFilters(filters) {
    this.filters = filters;
    this.load();
  }

  viewport() {
    const bounds = this.map.getBounds();
    const west = Math.max(bounds.getWest(), -540), east = Math.min(bounds.getEast(), 540);
    const south = Math.max(bounds.getSouth(), -90), north = Math.min(bounds.getNorth(), 90);
    return [west, south, east, north].map((v) => v.toFixed(4)).join(",");
  }

  async load() {
    if (this.request) this.request.abort();
    const request = new AbortController();
    this.request = request;
    this.element.dataset.state = "loading";
    // The first load looks at every event, to fit the map to them; later ones only at the view.
    const params = { ...this.filters, zoom: this.map.getZoom() };
    if (this.fitted) params.bbox = this.viewport();
    let answer;
    try {
      answer = await getJSON("/api/map", params, { signal: request.signal });
    } catch (error) {
      if (error.name === "AbortError") return;
      this.element.dataset.state = "error";
      this.onStatus(`The map could not be loaded: ${error.message}`);
      return;
    }
    if (!this.fitted) {
      this.fitted = true;
      if (this.fitTo(answer)) return; // moving the map loads again, for the new view
    }
    this.draw(answer);
    this.element.dataset.mode = answer.mode;
    this.element.dataset.count = String(answer.count);
    this.element.dataset.state = "ready";
  }

  fitTo(answer) {
    const spots = answer.mode === "points" ? answer.points : answer.cells;
    if (!spots.length) return false;
    const bounds = L.latLngBounds(spots.map((s) => [s.lat, s.lon]));
    const before = this.map.getCenter().toString() + this.map.getZoom();
    this.map.fitBounds(bounds.pad(0.5), { maxZoom: 5, animate: false });
    return before !== this.map.getCenter().toString() + this.map.getZoom();
  }

  draw(answer) {
    this.clusters.clearLayers();
    this.cells.clearLayers();
    if (answer.mode === "points") {
      const markers = answer.points.map((point) => this.marker(point));
      this.clusters.addLayers(markers);
    } else {
      for (const cell of answer.cells) this.cells.addLayer(this.cellMarker(cell));
    }
  }

  marker(point) {
    const marker = L.circleMarker([point.lat, point.lon], markerOptions(this.colors, point));
    const label = `${point.event_date} · ${point.sub_event_type} · ${point.location || "?"} ` +
      `(${point.factuality}${point.outlets > 1 ? `, ${point.outlets} outlets` : ""})`;
    marker.bindTooltip(escapeHTML(label));
    marker.on("click", () => this.onOpen(point.id));
    marker.on("add", () => {
      const path = marker.getElement();
      if (path) {
        path.dataset.eventId = point.id;
        path.setAttribute("aria-label", label);
      }
    });
    return marker;
  }

  cellMarker(cell) {
    const [dominant] = Object.entries(cell.by_type).sort((a, b) => b[1] - a[1])[0];
    const size = Math.round(18 + 6 * Math.log10(cell.count));
    const icon = L.divIcon({
      className: "sitrep-cell",
      html: `<span style="background:${colorOf(this.colors, dominant)};width:${size}px;height:${size}px;` +
        `line-height:${size}px">${cell.count}</span>`,
      iconSize: [size, size],
    });
    const marker = L.marker([cell.lat, cell.lon], { icon, keyboard: true, title: `${cell.count} events` });
    const lines = Object.entries(cell.by_type).map(([name, n]) => `${escapeHTML(name)}: ${n}`);
    marker.bindTooltip(`${cell.count} events<br>${lines.join("<br>")}`);
    marker.on("click", () => this.map.setView([cell.lat, cell.lon], Math.min(this.map.getZoom() + 2, 16)));
    return marker;
  }

  // Shows an event's place, opening its cluster if needed.
  focus(eventId) {
    this.clusters.eachLayer((layer) => {
      const path = layer.getElement && layer.getElement();
      if (path) path.classList.toggle("selected", path.dataset.eventId === eventId);
    });
  }
}

function labelPoint(geometry) {
  if (!geometry) return null;
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates]
    : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
  let best = null;
  for (const polygon of polygons) {
    const ring = polygon[0];
    const lons = ring.map((p) => p[0]), lats = ring.map((p) => p[1]);
    const [w, e, s, n] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
    const area = (e - w) * (n - s);
    if (!best || area > best.area) best = { area, spot: [(s + n) / 2, (w + e) / 2] };
  }
  return best && best.spot;
}

function clusterIcon(count) {
  const size = count < 10 ? 30 : count < 100 ? 36 : 44;
  return L.divIcon({
    className: "sitrep-cluster",
    html: `<span role="img" aria-label="${count} events" data-count="${count}" ` +
      `style="line-height:${size - 6}px">${count}</span>`,
    iconSize: [size, size],
  });
}

export function escapeHTML(text) {
  return String(text).replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
    "'": "&#39;" })[ch]);
}

export { factualityStyle };
