// The weekly timeline: bars stacked by event type (SVG). Dragging across weeks (or clicking one)
// selects a date range, which the page applies as since/until to the map and the list.

import { colorOf } from "./style.js";

const SVG = "http://www.w3.org/2000/svg";
const HEIGHT = 120;
const AXIS = 18;
const MIN_SLOTS = 12;
const DAY = 86400000;

export class Timeline {
  constructor(element, { colors, eventTypes, onSelect }) {
    this.element = element;
    this.colors = colors;
    this.eventTypes = eventTypes;
    this.onSelect = onSelect;
    this.weeks = [];
    this.selection = null; // [first week index, last week index]
    this.drag = null;
    let pending = null;
    window.addEventListener("resize", () => {
      clearTimeout(pending);
      pending = setTimeout(() => { if (this.data) this.render(...this.data); }, 200);
    });
  }

  // weeks: [{week: "YYYY-MM-DD" (a Monday), total, by_type}] as /api/stats gives them.
  render(weeks, range) {
    this.data = [weeks, range];
    this.weeks = padWeeks(weeks);
    this.element.replaceChildren();
    if (!weeks.length) {
      this.element.textContent = "No dated events match the filters.";
      return;
    }
    const width = Math.max(this.element.clientWidth, 300);
    const slot = width / this.weeks.length;
    const max = Math.max(...this.weeks.map((w) => w.total), 1);
    const svg = element("svg", { width, height: HEIGHT + AXIS, role: "img",
      "aria-label": `Events per week, ${this.weeks[0].week} to ${this.weeks[this.weeks.length - 1].week}` });
    this.svg = svg;
    this.slot = slot;
    this.weeks.forEach((week, index) => {
      let top = HEIGHT;
      const group = element("g", { class: "week", "data-week": week.week });
      const title = element("title");
      title.textContent = `Week of ${week.week}: ${week.total} events`;
      group.append(title);
      for (const type of this.eventTypes) {
        const n = week.by_type[type] || 0;
        if (!n) continue;
        const h = (n / max) * (HEIGHT - 8);
        top -= h;
        group.append(element("rect", { x: index * slot + 1, y: top, width: Math.max(slot - 2, 1), height: h,
          fill: colorOf(this.colors, type) }));
      }
      svg.append(group);
    });
    this.drawAxis(svg, slot, max);
    this.band = element("rect", { class: "selection", y: 0, height: HEIGHT, x: 0, width: 0, visibility: "hidden" });
    svg.append(this.band);
    svg.addEventListener("pointerdown", (event) => this.start(event));
    svg.addEventListener("pointermove", (event) => this.move(event));
    svg.addEventListener("pointerup", (event) => this.end(event));
    this.element.append(svg);
    this.show(range);
  }

  drawAxis(svg, slot, max) {
    const label = element("text", { x: 4, y: 12, class: "axis" });
    label.textContent = `${max} per week`;
    svg.append(label);
    let month = "";
    const every = Math.ceil(this.weeks.length / 10);
    this.weeks.forEach((week, index) => {
      const thisMonth = week.week.slice(0, 7);
      if (thisMonth === month || index % every) return;
      month = thisMonth;
      const tick = element("text", { x: index * slot + 2, y: HEIGHT + 13, class: "axis" });
      tick.textContent = thisMonth;
      svg.append(tick);
    });
  }

  indexAt(event) {
    const box = this.svg.getBoundingClientRect();
    const index = Math.floor((event.clientX - box.left) / this.slot);
    return Math.min(Math.max(index, 0), this.weeks.length - 1);
  }

  start(event) {
    this.drag = this.indexAt(event);
    this.svg.setPointerCapture(event.pointerId);
    this.highlight(this.drag, this.drag);
  }

  move(event) {
    if (this.drag === null) return;
    this.highlight(this.drag, this.indexAt(event));
  }

  end(event) {
    if (this.drag === null) return;
    const [a, b] = [this.drag, this.indexAt(event)].sort((x, y) => x - y);
    this.drag = null;
    this.selection = [a, b];
    this.highlight(a, b);
    const since = this.weeks[a].week;
    const until = isoDay(new Date(Date.parse(this.weeks[b].week) + 6 * DAY));
    this.onSelect(since, until);
  }

  // Shows the since..until range given by the filters, if it falls on the timeline.
  show(range) {
    if (!range || (!range.since && !range.until)) {
      this.band.setAttribute("visibility", "hidden");
      return;
    }
    const first = this.weeks.findIndex((w) => !range.since || isoDay(new Date(Date.parse(w.week) + 6 * DAY)) >= range.since);
    let last = -1;
    this.weeks.forEach((w, i) => { if (!range.until || w.week <= range.until) last = i; });
    if (first < 0 || last < first) {
      this.band.setAttribute("visibility", "hidden");
      return;
    }
    this.highlight(first, last);
  }

  highlight(a, b) {
    const [first, last] = a <= b ? [a, b] : [b, a];
    this.band.setAttribute("x", first * this.slot);
    this.band.setAttribute("width", (last - first + 1) * this.slot);
    this.band.setAttribute("visibility", "visible");
  }
}

// At least MIN_SLOTS weeks, so a short period does not make one huge bar.
function padWeeks(weeks) {
  if (!weeks.length || weeks.length >= MIN_SLOTS) return weeks;
  const padded = [...weeks];
  let before = true;
  while (padded.length < MIN_SLOTS) {
    const edge = before ? padded[0].week : padded[padded.length - 1].week;
    const shifted = isoDay(new Date(Date.parse(edge) + (before ? -7 : 7) * DAY));
    const empty = { week: shifted, total: 0, by_type: {} };
    if (before) padded.unshift(empty); else padded.push(empty);
    before = !before;
  }
  return padded;
}

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

function element(name, attributes = {}) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  return node;
}
