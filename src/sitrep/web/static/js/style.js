// How events are drawn: a colour per ACLED event type (in the taxonomy's order) and a stroke per factuality (solid, dashed, hollow).

// Okabe and Ito's colour-blind-safe palette, darkened a little so white text stays readable on it.
const PALETTE = ["#d55e00", "#c98a00", "#b8478f", "#0072b2", "#009e73", "#5f6b7a"];
const FALLBACK = "#64748b";

export function typeColors(eventTypes) {
  const colors = {};
  eventTypes.forEach((name, index) => { colors[name] = PALETTE[index % PALETTE.length]; });
  return colors;
}

export function colorOf(colors, eventType) {
  return colors[eventType] || FALLBACK;
}

// asserted and reported: solid; unconfirmed: dashed and pale; denied and hypothetical: hollow.
export function factualityStyle(factuality) {
  if (factuality === "unconfirmed") return { fillOpacity: 0.3, dashArray: "4 3", hollow: false };
  if (factuality === "denied" || factuality === "hypothetical") {
    return { fillOpacity: 0.9, dashArray: null, hollow: true };
  }
  return { fillOpacity: 0.85, dashArray: null, hollow: false };
}

export function markerOptions(colors, point) {
  const color = colorOf(colors, point.event_type);
  const style = factualityStyle(point.factuality);
  return {
    radius: 6 + Math.min(point.outlets || 1, 5),
    color,
    weight: 2.5,
    fillColor: style.hollow ? "#ffffff" : color,
    fillOpacity: style.fillOpacity,
    dashArray: style.dashArray,
    className: `sitrep-marker fact-${point.factuality}`,
  };
}

// A small SVG circle in the style of a factuality, for the legend.
export function factualitySwatch(factuality) {
  const style = factualityStyle(factuality);
  const fill = style.hollow ? "#ffffff" : "#334155";
  const dash = style.dashArray ? ` stroke-dasharray="${style.dashArray}"` : "";
  return `<svg width="18" height="18" aria-hidden="true"><circle cx="9" cy="9" r="6" stroke="#334155" ` +
    `stroke-width="2"${dash} fill="${fill}" fill-opacity="${style.fillOpacity}"/></svg>`;
}
