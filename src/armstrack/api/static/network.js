// The network page, drawn from the JSON block the server renders (#network-data): a force-directed graph
// (d3-force, a fixed number of ticks from d3's seeded start, so the same data gives the same picture) and a
// world map of the same flows (world-atlas shapes, arcs between country centroids). Hovering or focusing a
// party lights its transfers in both; clicking keeps them lit and offers links that filter by it.
(function () {
  "use strict";
  const block = document.getElementById("network-data");
  if (!block || !window.d3 || !window.topojson) return;
  const data = JSON.parse(block.textContent);
  const views = document.querySelector(".network-views");
  // one colour per category, by its place in the server's list (so a category keeps its colour across filters)
  const PALETTE = ["#4e79a7", "#59a14f", "#e15759", "#b07aa1", "#f28e2b", "#17becf", "#9c755f", "#edc948",
    "#76b7b2", "#1f3a93", "#ff9da7", "#bab0ac", "#8c564b", "#2ca02c", "#6b6ecf", "#7f7f7f"];
  const ROLES = [["supplier", "supplies only"], ["recipient", "receives only"], ["both", "supplies and receives"]];
  const colour = (category) => PALETTE[Math.max(0, data.categories.indexOf(category)) % PALETTE.length];
  const byCode = new Map(data.nodes.map((n) => [n.code, n]));
  const maxTransfers = d3.max(data.edges, (e) => e.transfers) || 1;
  const width = d3.scaleSqrt().domain([1, Math.max(2, maxTransfers)]).range([1.2, 6]);
  const radius = d3.scaleSqrt().domain([1, d3.max(data.nodes, (n) => n.supplied + n.received) || 1]).range([4, 15]);
  const query = data.query ? "&" + data.query : "";
  const pairLink = (e) => "/transfers?supplier=" + encodeURIComponent(e.supplier) + "&recipient=" +
    encodeURIComponent(e.recipient) + query;
  const categories = data.categories.filter((c) => data.edges.some((e) => e.category === c));
  // the edges come heaviest first: drawn in reverse, the heavy ones lie on top, and light ones are paler
  const edges = data.edges.map((e, rank) => ({ ...e, rank })).reverse();
  const opacity = d3.scaleLinear().domain([0, d3.max(data.edges, (e) => e.weight) || 1]).range([0.3, 0.9]);
  const SHOWN = 60; // at first only the heaviest pairs: a slider shows the rest

  views.hidden = false;
  const table = document.querySelector("details.network-pairs");
  if (table) table.open = false; // the drawing says it now; the table stays one click away

  // ---- arrow heads: one marker per colour (markers do not take the colour of the line they end), one size for all
  function markers(svg, prefix) {
    const defs = svg.append("defs");
    for (const c of categories) {
      defs.append("marker").attr("id", prefix + c).attr("viewBox", "0 0 10 10").attr("refX", 9).attr("refY", 5)
        .attr("markerUnits", "userSpaceOnUse").attr("markerWidth", 11).attr("markerHeight", 11)
        .attr("orient", "auto")
        .append("path").attr("d", "M0,0 L10,5 L0,10 z").attr("fill", colour(c));
    }
  }

  // a curve from a to b bending to its left, ending `gap` short of b: A → B and B → A are two arcs, not one line
  function arc(a, b, gap, bend) {
    const dx = b[0] - a[0], dy = b[1] - a[1];
    const mx = (a[0] + b[0]) / 2 - dy * bend, my = (a[1] + b[1]) / 2 + dx * bend;
    const ex = b[0] - mx, ey = b[1] - my, el = Math.hypot(ex, ey) || 1;
    const end = [b[0] - ex / el * gap, b[1] - ey / el * gap];
    return "M" + a[0].toFixed(1) + "," + a[1].toFixed(1) + " Q" + mx.toFixed(1) + "," + my.toFixed(1) + " " +
      end[0].toFixed(1) + "," + end[1].toFixed(1);
  }

  // an arrow: its line, and a wider invisible one over it that is easier to point at
  function drawEdges(links, d, marker) {
    links.append("path").attr("class", "line").attr("d", d).attr("stroke", (e) => colour(e.category))
      .attr("stroke-opacity", (e) => opacity(e.weight))
      .attr("stroke-width", (e) => width(e.transfers)).attr("marker-end", (e) => "url(#" + marker + e.category + ")");
    links.append("path").attr("class", "hit").attr("d", d);
    links.append("title").text(edgeTitle);
  }

  function edgeTitle(e) {
    return byCode.get(e.supplier).name + " → " + byCode.get(e.recipient).name + ": " + e.transfers +
      " transfer(s), mostly " + e.category + ", weight " + e.weight;
  }

  // ---- the graph
  const graph = d3.select("svg.network");
  const narrow = graph.node().getBoundingClientRect().width < 600;
  const W = narrow ? 480 : 960, H = narrow ? 720 : 620;
  graph.classed("narrow", narrow);
  markers(graph, "g-arrow-");
  const nodes = data.nodes.map((n) => ({ ...n }));
  const links = edges.map((e) => ({ ...e, source: e.supplier, target: e.recipient }));
  // suppliers drift left and recipients right, so most arrows read left to right
  const lean = (n) => (n.received - n.supplied) / Math.max(1, n.received + n.supplied);
  const simulation = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(links).id((n) => n.code).distance(narrow ? 70 : 100))
    .force("charge", d3.forceManyBody().strength(narrow ? -260 : -420))
    .force("x", d3.forceX((n) => W / 2 + lean(n) * W * 0.28).strength(0.09))
    .force("y", d3.forceY(H / 2).strength(narrow ? 0.05 : 0.1))
    .force("collide", d3.forceCollide((n) => radius(n.supplied + n.received) + 10))
    .stop();
  simulation.tick(400);
  // the picture is the box round the parties, with room for their labels: no empty margins to shrink it
  const [x0, x1] = d3.extent(nodes, (n) => n.x), [y0, y1] = d3.extent(nodes, (n) => n.y);
  // (but no smaller than most of the layout's own frame, or a tight cluster would be blown up, labels and all)
  const side = narrow ? 50 : 80;
  const bw = Math.max(x1 - x0 + 2 * side, 0.8 * W), bh = Math.max(y1 - y0 + 70, 0.5 * H);
  const bx = (x0 + x1) / 2 - bw / 2, by = (y0 - 40 + y1 + 30) / 2 - bh / 2;
  graph.attr("viewBox", [bx, by, bw, bh].map((v) => v.toFixed(1)).join(" "));
  const graphEdges = graph.append("g").attr("class", "edges").selectAll("a").data(links).join("a")
    .attr("href", pairLink).attr("class", "edge")
    .attr("data-supplier", (e) => e.supplier).attr("data-recipient", (e) => e.recipient);
  drawEdges(graphEdges, (e) => arc([e.source.x, e.source.y], [e.target.x, e.target.y],
    radius(e.target.supplied + e.target.received) + 2, 0.12), "g-arrow-");
  const graphNodes = graph.append("g").attr("class", "nodes").selectAll("g").data(nodes).join("g")
    .attr("class", (n) => "node " + n.role).attr("data-code", (n) => n.code).attr("tabindex", 0)
    .attr("role", "button").attr("aria-label", (n) => n.name + ": supplies " + n.supplied + ", receives " +
      n.received + " transfer(s)")
    .attr("transform", (n) => "translate(" + n.x.toFixed(1) + "," + n.y.toFixed(1) + ")");
  graphNodes.append("circle").attr("r", (n) => radius(n.supplied + n.received));
  graphNodes.append("text").attr("class", "label").attr("dy", (n) => -radius(n.supplied + n.received) - 4)
    .attr("text-anchor", "middle").text((n) => n.name);
  graphNodes.append("title").text((n) => n.name + " (" + n.code + "): supplies " + n.supplied + ", receives " +
    n.received + " transfer(s)");

  // ---- the legend (one for both drawings)
  const legend = d3.select(".network-legend");
  const row = (parent, label, draw) => {
    const item = parent.append("span").attr("class", "legend-item");
    const svg = item.append("svg").attr("width", 26).attr("height", 14).attr("aria-hidden", "true");
    draw(svg);
    item.append("span").text(label);
  };
  const edgeKey = legend.append("div").attr("class", "legend-row");
  edgeKey.append("strong").text("Arrow colour: main category ");
  for (const c of categories) {
    row(edgeKey, c.replace(/_/g, " "), (s) => s.append("line").attr("x1", 2).attr("x2", 24).attr("y1", 7)
      .attr("y2", 7).attr("stroke", colour(c)).attr("stroke-width", 4));
  }
  const widthKey = legend.append("div").attr("class", "legend-row");
  widthKey.append("strong").text("Arrow width: transfers ");
  for (const n of [...new Set([1, Math.round(maxTransfers / 2), maxTransfers])].filter((v) => v >= 1)) {
    row(widthKey, String(n), (s) => s.append("line").attr("x1", 2).attr("x2", 24).attr("y1", 7).attr("y2", 7)
      .attr("class", "legend-width").attr("stroke-width", width(n)));
  }
  const nodeKey = legend.append("div").attr("class", "legend-row");
  nodeKey.append("strong").text("Party: ");
  for (const [role, label] of ROLES) {
    row(nodeKey, label, (s) => s.append("circle").attr("cx", 13).attr("cy", 7).attr("r", 6)
      .attr("class", "legend-node " + role));
  }
  nodeKey.append("span").attr("class", "legend-item").text("size: transfers in and out");

  // ---- how many pairs are shown: the heaviest N, N set by a slider when there are more than SHOWN
  let shown = Math.min(SHOWN, data.edges.length);
  function show(n) {
    shown = n;
    document.querySelectorAll(".network-views .edge").forEach((el) => {
      el.classList.toggle("cut", d3.select(el).datum().rank >= n);
    });
    const out = document.getElementById("pairs-shown-note");
    if (out) out.textContent = "the " + n + " heaviest of the " + data.edges.length + " pairs drawn";
  }
  if (data.edges.length > SHOWN) {
    const label = legend.insert("div", ":first-child").attr("class", "legend-row pairs-shown");
    label.append("label").attr("for", "pairs-shown").append("strong").text("Pairs shown: ");
    label.append("input").attr("type", "range").attr("id", "pairs-shown").attr("min", 1)
      .attr("max", data.edges.length).attr("value", shown)
      .on("input", (event) => show(+event.currentTarget.value));
    label.append("span").attr("id", "pairs-shown-note");
  }
  show(shown);

  // ---- hover, focus and click: light one party's transfers in both drawings
  let pinned = null;
  const focusLine = document.getElementById("network-focus");
  function light(code) {
    const touching = (el) => el.dataset.supplier === code || el.dataset.recipient === code;
    const partners = new Set([code]);
    document.querySelectorAll(".network-views .edge").forEach((el) => {
      const on = code !== null && touching(el);
      el.classList.toggle("lit", on);
      if (on) { partners.add(el.dataset.supplier); partners.add(el.dataset.recipient); }
    });
    document.querySelectorAll(".network-views [data-code]").forEach((el) => {
      el.classList.toggle("lit", code !== null && partners.has(el.dataset.code));
    });
    document.querySelectorAll(".network-views svg").forEach((svg) => svg.classList.toggle("focused", code !== null));
  }
  function link(text, href) {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }
  function pin(code) {
    pinned = pinned === code ? null : code;
    light(pinned);
    focusLine.replaceChildren();
    if (pinned === null) return;
    const n = byCode.get(pinned), c = encodeURIComponent(pinned);
    focusLine.append(n.name + " supplies " + n.supplied + " and receives " + n.received + " transfer(s): ");
    focusLine.append(link("transfers from " + n.name, "/transfers?supplier=" + c + query), " · ",
      link("transfers to " + n.name, "/transfers?recipient=" + c + query), " · ",
      link("network of its supplies", "/network?supplier=" + c + query), " · ",
      link("network of what it receives", "/network?recipient=" + c + query));
  }
  function interactive(selection) {
    selection.on("mouseenter focus", (event) => light(event.currentTarget.dataset.code))
      .on("mouseleave blur", () => light(pinned))
      .on("click", (event) => { event.stopPropagation(); pin(event.currentTarget.dataset.code); })
      .on("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); pin(event.currentTarget.dataset.code); }
      });
  }
  interactive(graphNodes);
  d3.selectAll(".network-views svg").on("click", () => pin(null));

  // ---- the world map
  const map = d3.select("svg.worldmap");
  const MW = 960, MH = 440;
  map.attr("viewBox", "0 0 " + MW + " " + MH);
  markers(map, "m-arrow-");
  fetch("/static/vendor/countries-110m.json").then((r) => r.json()).then((world) => {
    // Antarctica (010) neither supplies nor receives: leaving it out gives the rest more room
    const shapes = topojson.feature(world, world.objects.countries).features.filter((f) => f.id !== "010");
    const shapeOf = new Map(shapes.filter((f) => f.id).map((f) => [f.id, f]));
    const party = new Map(data.nodes.filter((n) => n.map_id && shapeOf.has(n.map_id)).map((n) => [n.map_id, n]));
    // the map frames the countries drawn (a European network shows Europe), the rest of the world round them
    const framed = party.size ? shapes.filter((f) => party.has(f.id)) : shapes;
    const projection = d3.geoNaturalEarth1().fitExtent([[24, 24], [MW - 24, MH - 24]],
      { type: "FeatureCollection", features: framed });
    const path = d3.geoPath(projection);
    const countries = map.append("g").attr("class", "countries").selectAll("path").data(shapes).join("path")
      .attr("d", path).attr("class", (f) => party.has(f.id) ? "country party " + party.get(f.id).role : "country");
    const drawnCountries = countries.filter((f) => party.has(f.id))
      .attr("data-code", (f) => party.get(f.id).code).attr("tabindex", 0).attr("role", "button")
      .attr("aria-label", (f) => party.get(f.id).name);
    drawnCountries.append("title").text((f) => party.get(f.id).name);
    interactive(drawnCountries);
    // a country's point: the centroid of its largest polygon (France's is in Europe, not between it and Guiana)
    const point = new Map();
    for (const [id, n] of party) {
      const f = shapeOf.get(id), g = f.geometry;
      const main = g.type === "MultiPolygon"
        ? { type: "Polygon", coordinates: d3.greatest(g.coordinates, (p) => d3.geoArea({ type: "Polygon", coordinates: p })) }
        : g;
      point.set(n.code, projection(d3.geoCentroid(main)));
    }
    const flows = edges.filter((e) => point.has(e.supplier) && point.has(e.recipient));
    const arcs = map.append("g").attr("class", "flows").selectAll("a").data(flows).join("a")
      .attr("href", pairLink).attr("class", "edge")
      .attr("data-supplier", (e) => e.supplier).attr("data-recipient", (e) => e.recipient);
    drawEdges(arcs, (e) => arc(point.get(e.supplier), point.get(e.recipient), 3, 0.2), "m-arrow-");
    const off = data.nodes.filter((n) => !point.has(n.code));
    const note = document.querySelector(".map-left-out");
    note.textContent = off.length
      ? "Not on the map: " + off.map((n) => n.name + (n.code.startsWith("ORG:") ? " (not a state)"
        : n.map_id ? " (too small at this scale)" : " (no ISO 3166 code)")).join(", ") + ", and the " +
        (data.edges.length - flows.length) + " pair(s) they are in."
      : "Every party drawn is on the map.";
    show(shown);
    map.attr("data-drawn", "true");
    light(pinned);
  }).catch((err) => {
    document.querySelector(".map-left-out").textContent = "The world map could not be loaded: " + err;
  });
  graph.attr("data-drawn", "true");
})();
