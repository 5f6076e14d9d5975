// The side panel: the list of matching events, and one event with its fields, sources,
// corroboration and the text of each article with every evidence span highlighted and labelled.
// Article text and every stored value go into the page as text nodes, never as HTML.

import { getJSON } from "./api.js";
import { colorOf } from "./style.js";

const PRECISION = { 1: "exact day", 2: "week", 3: "month" };
const GEO_PRECISION = { 1: "the place itself", 2: "near the place", 3: "the region" };

export class Panel {
  constructor({ colors, onOpen, onBack, editor }) {
    this.colors = colors;
    this.onOpen = onOpen;
    this.onBack = onBack;
    this.editor = editor;
    this.list = document.getElementById("event-list");
    this.more = document.getElementById("more-events");
    this.listView = document.getElementById("panel-list");
    this.detail = document.getElementById("panel-detail");
    this.more.addEventListener("click", () => this.loadMore());
  }

  async showList(filters) {
    this.filters = filters;
    this.list.replaceChildren();
    this.cursor = null;
    await this.loadMore();
  }

  async loadMore() {
    const page = await getJSON("/api/events", { ...this.filters, limit: 50, cursor: this.cursor });
    for (const record of page.events) this.list.append(this.listItem(record));
    if (!page.events.length && !this.cursor) this.list.append(node("li", { class: "empty" }, "No events match."));
    this.cursor = page.next_cursor;
    this.more.hidden = !page.next_cursor;
  }

  listItem(record) {
    const button = node("button", { type: "button", class: "event-link", "data-event-id": record.event_id });
    const swatch = node("span", { class: "swatch", "aria-hidden": "true" });
    swatch.style.background = colorOf(this.colors, record.event_type);
    const outlets = (record.sources || []).length;
    button.append(swatch, node("span", { class: "date" }, record.event_date),
      node("span", { class: "what" }, `${record.sub_event_type} — ${record.location || "place unknown"}`),
      node("span", { class: `fact fact-${record.factuality}` },
        record.factuality + (outlets > 1 ? `, ${outlets} sources` : "")));
    button.addEventListener("click", () => this.onOpen(record.event_id));
    return node("li", {}, button);
  }

  async showEvent(eventId) {
    const answer = await getJSON(`/api/events/${encodeURIComponent(eventId)}`);
    const e = answer.event;
    this.listView.hidden = true;
    this.detail.hidden = false;
    this.detail.replaceChildren();
    const back = node("button", { type: "button", class: "back" }, "← All events");
    back.addEventListener("click", () => this.back());
    const heading = node("h2", { id: "event-title" }, `${e.sub_event_type} — ${e.location || "place unknown"}`);
    heading.tabIndex = -1;
    this.detail.append(back, heading, node("p", { class: `badge fact-${e.factuality}` },
      `${e.event_type} · ${e.event_date} · ${e.factuality}`));
    this.detail.append(corroboration(answer), fieldList(e), sourceList(answer));
    if (this.editor) this.detail.append(this.editor.section(answer));
    const texts = node("section", { class: "evidence" }, node("h3", {}, "Evidence in the articles"));
    this.detail.append(texts);
    heading.focus();
    await this.showArticles(texts, answer);
    this.detail.dataset.eventId = eventId;
  }

  async showArticles(container, answer) {
    const byArticle = new Map();
    for (const ev of answer.evidence) {
      const id = ev.article_id || answer.event.article_id;
      if (!byArticle.has(id)) byArticle.set(id, []);
      byArticle.get(id).push(ev);
    }
    for (const summary of answer.articles) {
      let article;
      try {
        article = await getJSON(`/api/articles/${encodeURIComponent(summary.id)}`);
      } catch (error) {
        container.append(node("p", { class: "error" }, `Article ${summary.id}: ${error.message}`));
        continue;
      }
      const block = node("div", { class: "article", "data-article-id": summary.id });
      block.append(node("h4", {}, `${article.title || article.id} (${article.source || "unknown outlet"}, ` +
        `${article.published || "undated"})`));
      block.append(highlighted(article.text, byArticle.get(summary.id) || []));
      container.append(block);
    }
  }

  back() {
    this.detail.hidden = true;
    this.listView.hidden = false;
    this.onBack();
  }
}

function fieldList(e) {
  const rows = [
    ["Event type", e.event_type],
    ["Sub-event type", e.sub_event_type],
    ["Date", `${e.event_date} (${PRECISION[e.time_precision] || "?"})`],
    ["Place", [e.location, e.admin2, e.admin1, e.country].filter(Boolean).join(", ")],
    ["Coordinates", e.latitude != null ? `${e.latitude}, ${e.longitude} (${GEO_PRECISION[e.geo_precision] || "?"})` : "none"],
    ["Actor 1", e.actor1],
    ["Actor 2", e.actor2],
    ["Fatalities", fatalities(e)],
    ["Factuality", e.factuality],
    ["Claimed by", e.claimed_by],
    ["Notes", e.notes],
    ["Confidence", e.confidence],
    ["Event id", e.event_id],
  ];
  const list = node("dl", { class: "fields" });
  for (const [name, value] of rows) {
    if (value === null || value === undefined || value === "") continue;
    list.append(node("dt", {}, name), node("dd", {}, String(value)));
  }
  return list;
}

function fatalities(e) {
  const low = e.fatalities_low, high = e.fatalities_high;
  return high !== undefined && high !== low ? `${e.fatalities} (reports: ${low}–${high})` : String(e.fatalities);
}

function corroboration(answer) {
  const c = answer.corroboration;
  const text = !c ? "One article's own record."
    : c.parties_only ? `Told only by parties to the conflict (${c.outlets} outlet${c.outlets > 1 ? "s" : ""}).`
      : `Told by ${c.outlets} outlet${c.outlets > 1 ? "s" : ""}, ${c.independent_outlets} independent.`;
  return node("p", { class: c && c.parties_only ? "corroboration warn" : "corroboration" }, text);
}

function sourceList(answer) {
  const section = node("section", { class: "sources" }, node("h3", {}, "Sources"));
  const list = node("ul");
  const sources = answer.sources.length ? answer.sources : [answer.event];
  for (const s of sources) {
    const item = node("li");
    const name = s.source || "unknown outlet";
    const url = s.source_url;
    // Only web addresses become links; anything else stays text.
    if (url && /^https?:\/\//i.test(url)) {
      item.append(node("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, name));
    } else {
      item.append(document.createTextNode(name));
    }
    item.append(document.createTextNode(` · ${s.published || "undated"} · ${s.factuality}`));
    list.append(item);
  }
  section.append(list);
  return section;
}

// The article text with its evidence spans marked. Overlapping spans split the text at every
// boundary; each piece is marked with the fields that cover it, and each span's field is labelled
// where the span starts.
export function highlighted(text, evidence) {
  const spans = evidence.map((ev) => locate(text, ev)).filter(Boolean);
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = node("div", { class: "article-text" });
  for (let i = 0; i < points.length - 1; i += 1) {
    const [a, b] = [points[i], points[i + 1]];
    for (const s of spans.filter((span) => span.start === a)) {
      out.append(node("span", { class: `evidence-label field-${fieldClass(s.field)}` }, s.field));
    }
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    const piece = text.slice(a, b);
    if (!covering.length) {
      out.append(document.createTextNode(piece));
      continue;
    }
    const innermost = covering.reduce((x, y) => (y.end - y.start < x.end - x.start ? y : x));
    out.append(node("mark", { class: `evidence field-${fieldClass(innermost.field)}${covering.length > 1 ? " nested" : ""}`,
      "data-fields": covering.map((s) => s.field).join(" "), title: covering.map((s) => s.field).join(", ") }, piece));
  }
  return out;
}

// The span in the text: at its offsets when they hold its words, else where the words first occur.
function locate(text, ev) {
  if (typeof ev.start === "number" && text.slice(ev.start, ev.end) === ev.text) return ev;
  const at = ev.text ? text.indexOf(ev.text) : -1;
  return at >= 0 ? { ...ev, start: at, end: at + ev.text.length } : null;
}

function fieldClass(field) {
  return String(field).replace(/[^a-z0-9_-]/gi, "");
}

export function node(name, attributes = {}, ...children) {
  const element = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  for (const child of children) {
    element.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return element;
}
