/* dateline dashboard: map, timeline, actor network and evidence over the ledger API.
 *
 * Every string that comes from the ledger (article text, names, sentences) is
 * untrusted: it reaches the page only as text nodes (textContent / createTextNode),
 * never as HTML. Libraries get DOM elements, not HTML strings, for the same reason.
 * Large ledgers are aggregated by the server: the map asks for at most MAP_POINTS
 * events in view (else a grid summary), the timeline for at most TIMELINE_ITEMS
 * (else a histogram), the network for the strongest NETWORK_EDGES edges.
 */
"use strict";

const MAP_POINTS = 2500;
const TIMELINE_ITEMS = 400;
const NETWORK_EDGES = 150;
const EVENT_LIST = 15;
const GRID_CELLS = 40;
const FOCUS_SHARE = 0.9;
const SMALL_NETWORK = 40; // actors; above this the network gets a force-directed layout
const DEBOUNCE_MS = 300;
const QUAD = {
  material_conflict: { label: "material conflict", colour: "#c62828" },
  verbal_conflict: { label: "verbal conflict", colour: "#ef6c00" },
  verbal_cooperation: { label: "verbal cooperation", colour: "#00897b" },
  material_cooperation: { label: "material cooperation", colour: "#1565c0" },
};
const OTHER_COLOUR = "#616161";

const state = { filters: {}, map: null, cluster: null, grid: null, timeline: null, cy: null };
const seq = { map: 0, timeline: 0, network: 0, list: 0, event: 0, doc: 0 };

// ---- small helpers -------------------------------------------------------

/** An element with attributes and children; string children become text nodes. */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replace a node's children; null and false children are skipped, strings become text. */
function setChildren(node, ...children) {
  node.replaceChildren(...el("div", {}, ...children).childNodes);
}

function quadColour(quad) {
  return (QUAD[quad] || {}).colour || OTHER_COLOUR;
}

function plural(n, word) {
  return `${fmt(n)} ${word}${n === 1 ? "" : "s"}`;
}

function fmt(n) {
  return n === null || n === undefined ? "–" : Number(n).toLocaleString("en");
}

function setStatus(id, text) {
  document.getElementById(id).textContent = text;
}

async function api(path, params) {
  const query = params ? "?" + new URLSearchParams(params).toString() : "";
  const response = await fetch(path + query, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) {
    const error = (body && body.error) || {};
    throw new Error(`${error.code || response.status}: ${error.message || "request failed"}`);
  }
  return body;
}

function filterParams(extra) {
  const params = {};
  for (const [key, value] of Object.entries(state.filters)) {
    if (value !== "" && value !== null && value !== undefined) params[key] = value;
  }
  return Object.assign(params, extra || {});
}

function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

// ---- filters -------------------------------------------------------------

function readFilters() {
  const form = document.getElementById("filters");
  const data = new FormData(form);
  const confidence = Number(data.get("min_confidence") || 0);
  form.elements.min_confidence_out.value = confidence.toFixed(2);
  state.filters = {
    since: data.get("since") || "",
    until: data.get("until") || "",
    type: data.get("type") || "",
    quad_class: data.get("quad_class") || "",
    actor: (data.get("actor") || "").trim(),
    country: data.get("country") || "",
    min_confidence: confidence > 0 ? confidence : "",
    q: (data.get("q") || "").trim(),
  };
}

function setupFilters(stats) {
  const form = document.getElementById("filters");
  for (const type of stats.vocabulary.types) {
    form.elements.type.append(el("option", { value: type }, type));
  }
  for (const [quad, info] of Object.entries(QUAD)) {
    form.elements.quad_class.append(el("option", { value: quad }, info.label));
  }
  for (const country of Object.keys(stats.by_country || {}).sort()) {
    form.elements.country.append(el("option", { value: country }, country));
  }
  const apply = () => {
    readFilters();
    refreshAll();
  };
  const applySoon = debounce(apply, DEBOUNCE_MS);
  form.addEventListener("change", apply);
  form.addEventListener("input", (e) => {
    if (e.target.type === "search" || e.target.type === "range") applySoon();
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    apply();
  });
  form.addEventListener("reset", () => setTimeout(apply, 0));
}

function setActorFilter(name) {
  const form = document.getElementById("filters");
  form.elements.actor.value = name;
  readFilters();
  refreshAll();
}

// ---- statistics header ---------------------------------------------------

function renderStats(stats) {
  const ledger = stats.ledger || {};
  const span = stats.first_date ? `${stats.first_date} to ${stats.last_date}` : "no dates";
  setStatus(
    "stats",
    `${plural(stats.events, "event")} matching · ${fmt(ledger.events)} in the ledger from ` +
      `${fmt(ledger.documents)} documents, ${fmt(ledger.sources)} sources · ${span} · ` +
      `${fmt(stats.fatalities)} fatalities (best estimates)`,
  );
}

async function refreshStats() {
  renderStats(await api("/stats", filterParams()));
}

// ---- map -----------------------------------------------------------------

/** Make a ring continuous in longitude: a ring that crosses the date line would
 * otherwise jump from +180 to -180 and draw a stray line across the whole map. */
function unwrapRing(ring) {
  const out = [ring[0].slice()];
  for (let i = 1; i < ring.length; i++) {
    let lon = ring[i][0];
    const previous = out[i - 1][0];
    while (lon - previous > 180) lon -= 360;
    while (lon - previous < -180) lon += 360;
    out.push([lon, ring[i][1]]);
  }
  return out;
}

function unwrapGeometry(geometry) {
  if (geometry.type === "Polygon") {
    return { type: "Polygon", coordinates: geometry.coordinates.map(unwrapRing) };
  }
  if (geometry.type === "MultiPolygon") {
    return {
      type: "MultiPolygon",
      coordinates: geometry.coordinates.map((polygon) => polygon.map(unwrapRing)),
    };
  }
  return geometry;
}

async function loadBasemap(map) {
  const response = await fetch("/static/vendor/world-atlas/countries-50m.json");
  const topology = await response.json();
  const countries = topojson.feature(topology, topology.objects.countries);
  // Antarctica's ring runs along the whole date line; no conflict events are there.
  countries.features = countries.features
    .filter((f) => f.id !== "010" && f.geometry)
    .map((f) => Object.assign({}, f, { geometry: unwrapGeometry(f.geometry) }));
  L.geoJSON(countries, {
    interactive: false,
    style: { color: "#8d8d86", weight: 0.6, fillColor: "#efece3", fillOpacity: 1 },
  }).addTo(map);
}

function markerRadius(fatalities) {
  return Math.min(18, 4 + Math.sqrt(fatalities || 0) * 1.6);
}

function tooltipFor(point) {
  return el(
    "div",
    { class: "tip" },
    el("strong", {}, `${point.type} · ${point.date || "undated"}`),
    el("div", {}, `${point.actor1 || "?"} → ${point.actor2 || "?"}`),
    el("div", {}, `fatalities: ${fmt(point.fatalities)} · confidence ${point.confidence}`),
  );
}

function clusterIcon(cluster) {
  const counts = {};
  for (const marker of cluster.getAllChildMarkers()) {
    counts[marker.options.quad] = (counts[marker.options.quad] || 0) + 1;
  }
  const top = Object.keys(counts).sort((a, b) => counts[b] - counts[a])[0];
  const n = cluster.getChildCount();
  const size = n < 10 ? 30 : n < 100 ? 36 : n < 1000 ? 44 : 52;
  const body = el("div", { style: `background:${quadColour(top)}` }, el("span", {}, fmt(n)));
  return L.divIcon({ html: body, className: "cluster", iconSize: L.point(size, size) });
}

function setupMap() {
  const map = L.map("map", {
    minZoom: 2,
    maxZoom: 13,
    zoomSnap: 0.5,
    worldCopyJump: false,
    maxBounds: [
      [-85, -200],
      [85, 200],
    ],
    attributionControl: true,
  });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth via world-atlas · Leaflet");
  map.setView([33.5, 42], 5);
  state.map = map;
  state.cluster = L.markerClusterGroup({
    chunkedLoading: true,
    showCoverageOnHover: false,
    maxClusterRadius: 45,
    iconCreateFunction: clusterIcon,
  }).addTo(map);
  state.grid = L.layerGroup().addTo(map);
  map.on("moveend", debounce(refreshMap, 150));
  renderLegend();
  return Promise.all([loadBasemap(map), fitToEvents(map)]);
}

/** Start on where most events are: the densest grid cells holding FOCUS_SHARE of them
 * (a few far-off events should not zoom the map out to the whole world). */
async function fitToEvents(map) {
  const summary = await api("/events/summary", { cells: 24 });
  const cells = summary.cells.slice().sort((a, b) => b.count - a.count);
  const focus = [];
  let covered = 0;
  for (const cell of cells) {
    if (covered >= FOCUS_SHARE * summary.total) break;
    focus.push([cell.lat, cell.lon]);
    covered += cell.count;
  }
  if (focus.length) map.fitBounds(L.latLngBounds(focus).pad(0.6), { maxZoom: 5 });
}

function renderLegend() {
  const legend = document.getElementById("legend");
  legend.replaceChildren(
    ...Object.values(QUAD).map((info) =>
      el("span", { class: "key" }, el("i", { style: `background:${info.colour}` }), info.label),
    ),
    el("span", { class: "key" }, "size: fatalities"),
  );
}

function viewBbox() {
  const b = state.map.getBounds();
  const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
  return [
    clamp(b.getWest(), -180, 180),
    clamp(b.getSouth(), -90, 90),
    clamp(b.getEast(), -180, 180),
    clamp(b.getNorth(), -90, 90),
  ]
    .map((v) => v.toFixed(4))
    .join(",");
}

function eventMarker(point) {
  const marker = L.circleMarker([point.lat, point.lon], {
    radius: markerRadius(point.fatalities),
    color: "#222",
    weight: 1,
    fillColor: quadColour(point.quad_class),
    fillOpacity: 0.8,
    quad: point.quad_class,
  });
  marker.bindTooltip(tooltipFor(point));
  marker.on("click", () => openEvent(point.id));
  marker.on("add", () => {
    const node = marker.getElement();
    if (node) {
      node.setAttribute("data-event-id", point.id);
      node.classList.add("event-marker");
    }
  });
  return marker;
}

function gridMarker(cell) {
  const top = Object.keys(cell.quad_classes).sort(
    (a, b) => cell.quad_classes[b] - cell.quad_classes[a],
  )[0];
  const marker = L.circleMarker([cell.lat, cell.lon], {
    radius: Math.min(30, 5 + Math.sqrt(cell.count) / 2),
    color: "#222",
    weight: 1,
    fillColor: quadColour(top),
    fillOpacity: 0.6,
  });
  marker.bindTooltip(
    el("div", { class: "tip" }, `${fmt(cell.count)} events · ${fmt(cell.fatalities)} fatalities`),
  );
  marker.on("click", () => state.map.setView([cell.lat, cell.lon], state.map.getZoom() + 2));
  return marker;
}

async function refreshMap() {
  const mine = ++seq.map;
  const bbox = viewBbox();
  const points = await api(
    "/events/points",
    filterParams({ bbox, limit: MAP_POINTS, sort: "-fatalities" }),
  );
  if (mine !== seq.map) return;
  state.cluster.clearLayers();
  state.grid.clearLayers();
  if (points.next_cursor === null) {
    const located = points.items.filter((p) => p.lat !== null && p.lon !== null);
    state.cluster.addLayers(located.map(eventMarker));
    setStatus("map-status", `${plural(located.length, "event")} in view`);
    return;
  }
  const summary = await api("/events/summary", filterParams({ bbox, cells: GRID_CELLS }));
  if (mine !== seq.map) return;
  for (const cell of summary.cells) state.grid.addLayer(gridMarker(cell));
  setStatus(
    "map-status",
    `${fmt(summary.total)} events in view, counted on a grid: zoom in or filter to see each one`,
  );
}

// ---- timeline ------------------------------------------------------------

function timelineGroups() {
  return new vis.DataSet(
    Object.entries(QUAD).map(([id, info]) => ({
      id,
      content: el("span", { class: "group-label" }, info.label),
      className: `quad-${id}`,
    })),
  );
}

function resetTimeline() {
  if (state.timeline) state.timeline.destroy();
  state.timeline = null;
  document.getElementById("timeline").replaceChildren();
}

function showTimelineItems(items) {
  resetTimeline();
  const data = new vis.DataSet(
    items
      .filter((p) => p.date)
      .map((p) => ({
        id: p.id,
        start: p.date,
        group: p.quad_class,
        className: `quad-${p.quad_class} event-item`,
        content: el(
          "span",
          { "data-event-id": p.id },
          `${p.type}${p.fatalities ? " · " + fmt(p.fatalities) : ""}`,
        ),
      })),
  );
  const timeline = new vis.Timeline(document.getElementById("timeline"), data, timelineGroups(), {
    stack: true,
    maxHeight: 260,
    minHeight: 160,
    selectable: true,
    zoomKey: "ctrlKey",
    margin: { item: 2 },
    // Items of one class on nearby days fold into a counted cluster until zoomed in.
    cluster: { maxItems: 4, clusterCriteria: (a, b) => a.group === b.group },
    orientation: "top",
  });
  timeline.fit({ animation: false });
  timeline.on("select", (props) => {
    if (props.items.length) openEvent(props.items[0]);
  });
  state.timeline = timeline;
}

function showHistogram(histogram) {
  resetTimeline();
  const items = [];
  for (const bucket of histogram.buckets) {
    for (const [quad, n] of Object.entries(bucket.quad_classes)) {
      items.push({ x: bucket.start, y: n, group: quad });
    }
  }
  const groups = new vis.DataSet(
    Object.entries(QUAD).map(([id, info]) => ({
      id,
      content: info.label,
      style: `fill:${info.colour};stroke:${info.colour}`,
    })),
  );
  state.timeline = new vis.Graph2d(document.getElementById("timeline"), items, groups, {
    style: "bar",
    stack: true,
    barChart: { align: "left", sideBySide: false },
    drawPoints: false,
    legend: { left: { position: "top-left" } },
    height: "240px",
    dataAxis: { left: { format: (v) => fmt(Math.round(v)) } },
  });
}

async function refreshTimeline() {
  const mine = ++seq.timeline;
  const points = await api("/events/points", filterParams({ limit: TIMELINE_ITEMS, sort: "date" }));
  if (mine !== seq.timeline) return;
  if (points.next_cursor === null) {
    showTimelineItems(points.items);
    setStatus(
      "timeline-status",
      `${plural(points.items.length, "event")}; click one for its sources`,
    );
    return;
  }
  const histogram = await api("/events/histogram", filterParams());
  if (mine !== seq.timeline) return;
  showHistogram(histogram);
  setStatus("timeline-status", `events per ${histogram.bucket}, by class (too many to list)`);
}

/** Set the date filters to the window the timeline shows (after a zoom or a pan). */
function useTimelineWindow() {
  if (!state.timeline) return;
  const window = state.timeline.getWindow();
  const day = (date) => date.toISOString().slice(0, 10);
  const form = document.getElementById("filters");
  form.elements.since.value = day(window.start);
  form.elements.until.value = day(window.end);
  readFilters();
  refreshAll();
}

// ---- actor network -------------------------------------------------------

function setupNetwork() {
  state.cy = cytoscape({
    container: document.getElementById("network"),
    maxZoom: 1.6,
    style: [
      {
        selector: "node",
        style: {
          label: "data(label)",
          "font-size": 15,
          "text-valign": "bottom",
          "text-margin-y": 3,
          "text-wrap": "ellipsis",
          "text-max-width": 120,
          width: "data(size)",
          height: "data(size)",
          "background-color": "#546e7a",
          color: "#263238",
        },
      },
      {
        selector: "edge",
        style: {
          width: "data(width)",
          "line-color": "data(colour)",
          "target-arrow-color": "data(colour)",
          "target-arrow-shape": "triangle",
          "curve-style": "bezier",
          opacity: 0.8,
        },
      },
      { selector: ":selected", style: { "overlay-opacity": 0.2, "overlay-color": "#000" } },
    ],
  });
  state.cy.on("tap", "node", (e) => setActorFilter(e.target.data("label")));
  state.cy.on("tap", "edge", (e) => showEdge(e.target.data()));
}

/** Rings by activity for small networks (readable, and the same on every load); a
 * force-directed layout once there are too many actors for rings. */
function networkLayout(nodeCount) {
  if (nodeCount <= SMALL_NETWORK) {
    return {
      name: "concentric",
      animate: false,
      padding: 24,
      minNodeSpacing: 45,
      concentric: (node) => node.data("size"),
      levelWidth: () => 10,
    };
  }
  return {
    name: "cose",
    animate: false,
    padding: 24,
    nodeRepulsion: () => 120000,
    idealEdgeLength: () => 80,
    componentSpacing: 40,
    nodeOverlap: 40,
  };
}

async function refreshNetwork() {
  const mine = ++seq.network;
  const network = await api("/network", filterParams({ limit: NETWORK_EDGES }));
  if (mine !== seq.network) return;
  const names = new Set();
  for (const edge of network.edges) names.add(edge.source).add(edge.target);
  const nodes = network.nodes
    .filter((n) => names.has(n.name))
    .map((n) => ({
      data: { id: n.name, label: n.name, size: Math.min(46, 12 + Math.sqrt(n.events) * 2) },
    }));
  const known = new Set(nodes.map((n) => n.data.id));
  const drawn = network.edges.filter((e) => known.has(e.source) && known.has(e.target));
  const maxCount = Math.max(1, ...drawn.map((e) => e.count));
  const edges = drawn.map((e) => ({
    data: {
      id: e.id,
      source: e.source,
      target: e.target,
      colour: quadColour(e.quad_class),
      width: 1 + (5 * Math.log1p(e.count)) / Math.log1p(maxCount),
      count: e.count,
      quad: e.quad_class,
      event_ids: e.event_ids,
    },
  }));
  state.cy.elements().remove();
  state.cy.add([...nodes, ...edges]);
  state.cy.resize();
  state.cy.layout(networkLayout(nodes.length)).run();
  setStatus(
    "network-status",
    `${fmt(network.edges.length)} of ${fmt(network.total_edges)} actor links · ` +
      "red/orange: conflict, teal/blue: cooperation · click an actor to filter by it",
  );
}

function showEdge(edge) {
  const panel = document.getElementById("event-panel");
  panel.replaceChildren(
    el("h2", {}, `${edge.source} → ${edge.target}`),
    el("p", {}, `${fmt(edge.count)} events of ${(QUAD[edge.quad] || {}).label || edge.quad}`),
    el(
      "ul",
      { class: "event-list" },
      edge.event_ids.map((id) =>
        el("li", {}, el("button", { type: "button", onclick: () => openEvent(id) }, id)),
      ),
    ),
  );
}

// ---- event list and event panel -----------------------------------------

function eventSummaryRow(record) {
  const place = (record.location || {}).name || "unknown place";
  const actors = `${(record.actor1 || {}).name || "?"} → ${(record.actor2 || {}).name || "?"}`;
  return el(
    "li",
    {},
    el(
      "button",
      {
        type: "button",
        class: "event-row",
        "data-event-id": record.id,
        onclick: () => openEvent(record.id),
      },
      el(
        "span",
        { class: "badge", style: `background:${quadColour(record.quad_class)}` },
        record.type,
      ),
      ` ${record.date || "undated"} · ${actors} · ${place}`,
      record.fatalities && record.fatalities.best ? ` · ${fmt(record.fatalities.best)} killed` : "",
      record.contradictions && record.contradictions.length
        ? el("span", { class: "flag" }, " ⚠")
        : "",
    ),
  );
}

async function showEventList() {
  const mine = ++seq.list;
  const page = await api("/events", filterParams({ limit: EVENT_LIST, sort: "-fatalities" }));
  if (mine !== seq.list || location.hash.startsWith("#event/")) return;
  document
    .getElementById("event-panel")
    .replaceChildren(
      el("h2", {}, "Deadliest matching events"),
      el(
        "p",
        { class: "hint" },
        "Click an event here, on the map or on the timeline for its sources.",
      ),
      el("ul", { class: "event-list" }, page.items.map(eventSummaryRow)),
    );
}

/** The sentence as text nodes, with the trigger and the toll marked (by offsets). */
function highlightedSentence(mention) {
  const text = mention.text || "";
  const marks = [];
  const add = (span, cls) => {
    if (!span || span.start === null || span.start === undefined) return;
    const from = span.start - mention.start;
    const to = span.end - mention.start;
    if (from >= 0 && to <= text.length && from < to) marks.push([from, to, cls]);
  };
  add(mention.trigger, "trigger");
  add(mention.killed, "toll");
  marks.sort((a, b) => a[0] - b[0]);
  const parts = [];
  let at = 0;
  for (const [from, to, cls] of marks) {
    if (from < at) continue; // overlapping marks: keep the first
    parts.push(text.slice(at, from), el("mark", { class: cls }, text.slice(from, to)));
    at = to;
  }
  parts.push(text.slice(at));
  return el("blockquote", { class: "sentence" }, parts);
}

/** Who the sentence names, as written, beside whom it was resolved to. */
function actorsAsWritten(mention) {
  const side = (text, actor) =>
    text ? `“${text}”${actor && actor.name ? ` (${actor.name})` : ""}` : "?";
  if (!mention.actor1_text && !mention.actor2_text) return null;
  return el(
    "p",
    { class: "mention-actors" },
    `${side(mention.actor1_text, mention.actor1)} → ${side(mention.actor2_text, mention.actor2)}`,
  );
}

function mentionItem(mention, documents, eventId) {
  const doc = documents[mention.doc_id] || {};
  return el(
    "li",
    { class: "mention" },
    el(
      "p",
      { class: "mention-source" },
      el("strong", { class: "source-name" }, mention.source || doc.outlet || mention.doc),
      doc.title ? ` — ${doc.title}` : "",
      doc.published ? ` (${doc.published})` : "",
    ),
    el(
      "p",
      { class: "mention-claim" },
      mention.attributed_to ? `according to ${mention.attributed_to}` : "unattributed",
      ` · ${mention.modality || "asserted"} · ${mention.type}`,
      mention.killed ? ` · killed: ${fmt(mention.killed.best)}` : "",
    ),
    actorsAsWritten(mention),
    highlightedSentence(mention),
    el(
      "p",
      { class: "mention-meta" },
      `${mention.doc}, characters ${mention.start}–${mention.end} · `,
      el(
        "a",
        {
          href: `#doc/${encodeURIComponent(mention.doc_id)}?event=${encodeURIComponent(eventId)}`,
          class: "doc-link",
        },
        "open the document",
      ),
    ),
  );
}

function contradictionBox(contradictions) {
  if (!contradictions || !contradictions.length) return null;
  return el(
    "div",
    { class: "contradictions", role: "note" },
    el("strong", {}, "⚠ Sources disagree"),
    el(
      "ul",
      {},
      contradictions.map((c) =>
        el(
          "li",
          { class: "contradiction" },
          `${c.field}: `,
          c.values
            .map((value, i) => `${value} (${((c.sources || [])[i] || []).join(", ") || "?"})`)
            .join(" vs "),
        ),
      ),
    ),
  );
}

function rangeText(range) {
  if (!range) return "unknown";
  // An open-ended high ("more than 120") may be exceeded: shown as "120+".
  const high = `${fmt(range.high)}${range.open_ended ? "+" : ""}`;
  if (range.low === range.high) return range.open_ended ? high : fmt(range.best);
  return `${fmt(range.best)} (${fmt(range.low)}–${high})`;
}

function renderEvent(record) {
  const loc = record.location || {};
  const facts = [
    [
      "Date",
      `${record.date || "undated"}${record.date_precision ? ` (${record.date_precision})` : ""}`,
    ],
    [
      "Place",
      [loc.name, loc.admin1, loc.country].filter(Boolean).join(", ") +
        (loc.precision ? ` · ${loc.precision}` : ""),
    ],
    [
      "ACLED",
      [record.acled_event_type, record.acled_sub_event_type].filter(Boolean).join(" / ") || "–",
    ],
    ["Fatalities", rangeText(record.fatalities)],
    ["Injuries", rangeText(record.injuries)],
    ["Confidence", String(record.confidence)],
    ["Modality", record.modality || "–"],
  ];
  const documents = record.documents || {};
  setChildren(
    document.getElementById("event-panel"),
    el(
      "div",
      { class: "event-head" },
      el(
        "span",
        { class: "badge", style: `background:${quadColour(record.quad_class)}` },
        record.type + (record.mode ? ` · ${record.mode}` : ""),
      ),
      el(
        "h2",
        { id: "event-title" },
        `${(record.actor1 || {}).name || "?"} → ${(record.actor2 || {}).name || "?"}`,
      ),
      el(
        "button",
        {
          type: "button",
          class: "back",
          onclick: () => {
            location.hash = "";
          },
        },
        "← list",
      ),
    ),
    el(
      "dl",
      { class: "facts" },
      facts.map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]),
    ),
    contradictionBox(record.contradictions),
    el("h3", {}, `Sources (${(record.mentions || []).length})`),
    el(
      "ol",
      { class: "mentions" },
      (record.mentions || []).map((m) => mentionItem(m, documents, record.id)),
    ),
  );
}

async function openEvent(id) {
  if (location.hash !== `#event/${encodeURIComponent(id)}`) {
    location.hash = `event/${encodeURIComponent(id)}`;
    return; // the hashchange handler shows it
  }
  const mine = ++seq.event;
  try {
    const record = await api(`/events/${encodeURIComponent(id)}`);
    if (mine === seq.event) renderEvent(record);
  } catch (error) {
    document
      .getElementById("event-panel")
      .replaceChildren(el("p", { class: "error" }, error.message));
  }
}

// ---- document view -------------------------------------------------------

/** The article as text nodes, mention sentences marked (by offsets) and linked to events. */
function markedText(text, mentions, currentEvent) {
  const ranges = mentions
    .filter((m) => m.start !== null && m.end !== null && m.start < m.end && m.end <= text.length)
    .map((m) => [m.start, m.end, m.event_id])
    .sort((a, b) => a[0] - b[0]);
  const parts = [];
  let at = 0;
  for (const [from, to, eventId] of ranges) {
    if (from < at) continue; // overlapping sentences: keep the first
    parts.push(text.slice(at, from));
    const cls = eventId && eventId === currentEvent ? "evidence current" : "evidence";
    const mark = el(
      "mark",
      { class: cls, title: eventId ? `event ${eventId}` : null },
      text.slice(from, to),
    );
    if (eventId) mark.addEventListener("click", () => openEvent(eventId));
    parts.push(mark);
    at = to;
  }
  parts.push(text.slice(at));
  return parts;
}

/** A link to the original page, only for http(s) addresses (a javascript: URL is data,
 * not a link); anything else is shown as text. */
function sourceLink(url) {
  if (!url) return null;
  if (!/^https?:\/\//i.test(url)) return ` · ${url}`;
  return [" · ", el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, url)];
}

async function openDocument(id, currentEvent) {
  const mine = ++seq.doc;
  const view = document.getElementById("document-view");
  let doc;
  try {
    doc = await api(`/documents/${encodeURIComponent(id)}`);
  } catch (error) {
    doc = { title: "Document not found", text: error.message, comments: [], mentions: [] };
  }
  if (mine !== seq.doc) return;
  document.getElementById("document-title").textContent = doc.title || doc.name || id;
  setChildren(
    document.getElementById("document-meta"),
    [doc.outlet, doc.published, doc.name].filter(Boolean).join(" · "),
    sourceLink(doc.url),
  );
  document
    .getElementById("document-text")
    .replaceChildren(...markedText(doc.text || "", doc.mentions || [], currentEvent));
  const comments = doc.comments || [];
  document
    .getElementById("document-comments")
    .replaceChildren(
      ...(comments.length
        ? comments.map((c) =>
            el(
              "div",
              { class: "comment" },
              el(
                "p",
                { class: "comment-author" },
                c.author || "anonymous",
                c.is_repost ? " (re-posted article)" : "",
              ),
              el("p", { class: "comment-text" }, c.text),
            ),
          )
        : [el("p", { class: "hint" }, "No reader comments.")]),
    );
  view.hidden = false;
}

function closeDocument() {
  document.getElementById("document-view").hidden = true;
  if (location.hash.startsWith("#doc/")) history.back();
}

// ---- routing and start-up ------------------------------------------------

function route() {
  const [path, query] = location.hash.slice(1).split("?");
  const [kind, ...rest] = path.split("/");
  const id = decodeURIComponent(rest.join("/"));
  const currentEvent = new URLSearchParams(query || "").get("event");
  if (kind === "event" && id) {
    document.getElementById("document-view").hidden = true;
    openEvent(id);
  } else if (kind === "doc" && id) {
    openDocument(id, currentEvent);
  } else {
    document.getElementById("document-view").hidden = true;
    showEventList();
  }
}

function reportError(error) {
  setStatus("stats", `Error: ${error.message}`);
}

/** The download links carry the current filters. */
function refreshDownloads() {
  const query = new URLSearchParams(filterParams()).toString();
  for (const fmt of ["csv", "geojson", "jsonl"]) {
    const link = document.getElementById(`download-${fmt}`);
    link.setAttribute("href", `/events.${fmt}${query ? "?" + query : ""}`);
  }
}

function refreshAll() {
  refreshDownloads();
  refreshStats().catch(reportError);
  refreshMap().catch(reportError);
  refreshTimeline().catch(reportError);
  refreshNetwork().catch(reportError);
  if (!location.hash.startsWith("#event/")) showEventList().catch(reportError);
}

async function start() {
  document.getElementById("document-close").addEventListener("click", closeDocument);
  document.getElementById("timeline-window").addEventListener("click", useTimelineWindow);
  document.getElementById("document-view").addEventListener("click", (e) => {
    if (e.target.id === "document-view") closeDocument();
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !document.getElementById("document-view").hidden) closeDocument();
  });
  window.addEventListener("hashchange", route);
  const stats = await api("/stats");
  setupFilters(stats);
  readFilters();
  renderStats(stats);
  setupNetwork();
  await setupMap();
  refreshAll();
  route();
  document.body.dataset.ready = "true";
}

start().catch(reportError);
