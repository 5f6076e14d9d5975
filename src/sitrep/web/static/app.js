// sitrep's page: filters -> map, event list and timeline; a marker or a list entry -> the event
// with its evidence. Plain ES modules, no framework; Leaflet and markercluster are loaded before.

import { getJSON } from "./js/api.js";
import { Editor } from "./js/editor.js";
import { EventMap } from "./js/map.js";
import { Panel, node } from "./js/panel.js";
import { typeColors } from "./js/style.js";
import { Timeline } from "./js/timeline.js";

const $ = (id) => document.getElementById(id);
const TEXT_FILTERS = ["country", "admin1", "actor", "q"];

async function main() {
  const config = await getJSON("/api/config");
  const eventTypes = Object.keys(config.event_types);
  const colors = typeColors(eventTypes);
  const page = new Page(config, eventTypes, colors);
  page.fillControls();
  await page.refresh();
}

class Page {
  constructor(config, eventTypes, colors) {
    this.config = config;
    this.eventTypes = eventTypes;
    const status = (text) => { $("status").textContent = text; };
    this.map = new EventMap($("map"), { config, colors, onOpen: (id) => this.open(id), onStatus: status });
    const editor = config.allow_edit ? new Editor({ onChanged: (id, note) => this.changed(id, note) }) : null;
    this.panel = new Panel({ colors, onOpen: (id) => this.open(id), onBack: () => this.map.focus(null), editor });
    this.timeline = new Timeline($("timeline"), { colors, eventTypes, onSelect: (a, b) => this.selectDates(a, b) });
    this.debounce = null;
  }

  fillControls() {
    const types = $("f-event-type");
    for (const name of this.eventTypes) types.append(node("option", { value: name }, name));
    types.addEventListener("change", () => { this.fillSubTypes(); this.changed(); });
    this.fillSubTypes();
    const facts = $("f-factuality");
    for (const value of this.config.factuality) {
      const box = node("input", { type: "checkbox", name: "factuality", value, checked: "" });
      facts.append(node("label", { class: "inline" }, box, ` ${value}`));
    }
    const form = $("filters");
    form.addEventListener("submit", (event) => { event.preventDefault(); this.changed(); });
    form.addEventListener("change", (event) => { if (event.target.id !== "f-event-type") this.changed(); });
    form.addEventListener("input", (event) => {
      if (!TEXT_FILTERS.includes(event.target.name)) return;
      clearTimeout(this.debounce);
      this.debounce = setTimeout(() => this.changed(), 400);
    });
    form.addEventListener("reset", () => setTimeout(() => { this.fillSubTypes(); this.changed(); }, 0));
    $("timeline-clear").addEventListener("click", () => this.selectDates("", ""));
  }

  fillSubTypes() {
    const chosen = $("f-event-type").value;
    const select = $("f-sub-event-type");
    select.replaceChildren(node("option", { value: "" }, "All sub-types"));
    const names = chosen ? this.config.event_types[chosen] : Object.values(this.config.event_types).flat();
    for (const name of names) select.append(node("option", { value: name }, name));
  }

  filters() {
    const value = (id) => $(id).value.trim();
    const facts = [...document.querySelectorAll("#f-factuality input:checked")].map((b) => b.value);
    return {
      event_type: value("f-event-type"),
      sub_event_type: value("f-sub-event-type"),
      // All boxes ticked means no filter; none ticked is sent as is (and matches nothing).
      factuality: facts.length === this.config.factuality.length ? [] : facts.length ? facts : ["none"],
      country: value("f-country"),
      admin1: value("f-admin1"),
      actor: value("f-actor"),
      q: value("f-q"),
      since: value("f-since"),
      until: value("f-until"),
      unmerged: $("f-unmerged").checked,
    };
  }

  selectDates(since, until) {
    $("f-since").value = since;
    $("f-until").value = until;
    this.changed();
  }

  changed(reopen, note) {
    this.refresh(reopen)
      .then(() => { if (note) $("status").textContent = note; })
      .catch((error) => { $("status").textContent = `Error: ${error.message}`; });
  }

  async refresh(reopen) {
    const filters = this.filters();
    if (filters.factuality.includes("none")) {
      $("status").textContent = "Tick at least one factuality value.";
      return;
    }
    const { since, until, ...undated } = filters;
    this.map.setFilters(filters);
    const [stats, timeline] = await Promise.all([
      getJSON("/api/stats", filters), getJSON("/api/stats", undated), this.panel.showList(filters),
    ]);
    this.timeline.render(timeline.by_week, { since, until });
    const dated = since || until;
    $("timeline-clear").hidden = !dated;
    $("timeline-selection").textContent = dated ? `Dates: ${since || "…"} to ${until || "…"}`
      : "Drag across the weeks to filter the map by date.";
    const located = stats.total - stats.unlocated;
    $("status").textContent = `${stats.total} events match · ${located} can be placed on the map` +
      (stats.unlocated ? ` · ${stats.unlocated} without coordinates` : "");
    this.fillCountries(timeline.by_country);
    if (reopen) await this.open(reopen);
  }

  fillCountries(byCountry) {
    const list = $("country-list");
    list.replaceChildren(...Object.keys(byCountry).map((name) => node("option", { value: name })));
  }

  async open(eventId) {
    try {
      await this.panel.showEvent(eventId);
      this.map.focus(eventId);
    } catch (error) {
      $("status").textContent = `The event could not be opened: ${error.message}`;
    }
  }
}

main().catch((error) => {
  document.getElementById("status").textContent = `The page could not start: ${error.message}`;
});
