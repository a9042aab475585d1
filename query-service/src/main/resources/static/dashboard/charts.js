// Accessible SVG charts for the dashboard, drawn with the DOM alone: presentation attributes and classes (styled by
// dashboard.css), never inline styles, so the pages' Content-Security-Policy holds. Every chart is an image with a
// title and a description; the table beside it is its accessible equivalent.
"use strict";

const PmpCharts = (() => {
  const NS = "http://www.w3.org/2000/svg";
  let serial = 0;

  function el(name, attributes, parent) {
    const node = document.createElementNS(NS, name);
    for (const [key, value] of Object.entries(attributes || {})) {
      node.setAttribute(key, String(value));
    }
    if (parent) parent.appendChild(node);
    return node;
  }

  function text(parent, x, y, content, attributes) {
    const node = el("text", Object.assign({ x, y }, attributes || {}), parent);
    node.textContent = content;
    return node;
  }

  /** An SVG image with its title and description, named by aria-labelledby. */
  function frame(width, height, title, description, kind) {
    const id = "chart-" + (++serial);
    const svg = el("svg", {
      viewBox: `0 0 ${width} ${height}`,
      class: "chart " + kind,
      role: "img",
      "aria-labelledby": `${id}-title ${id}-desc`,
      "data-chart": kind,
    });
    el("title", { id: `${id}-title` }, svg).textContent = title;
    el("desc", { id: `${id}-desc` }, svg).textContent = description;
    return svg;
  }

  function extent(values) {
    const finite = values.filter((v) => v !== null && v !== undefined && Number.isFinite(v));
    if (finite.length === 0) return [0, 1];
    let low = Math.min(...finite);
    let high = Math.max(...finite);
    if (low === high) { low -= 1; high += 1; }
    const pad = (high - low) * 0.05;
    return [low - pad, high + pad];
  }

  function scale([d0, d1], [r0, r1]) {
    return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
  }

  function ticks([low, high], count) {
    const step = niceStep((high - low) / count);
    const first = Math.ceil(low / step) * step;
    const out = [];
    for (let v = first; v <= high + 1e-9; v += step) out.push(Number(v.toFixed(10)));
    return out;
  }

  function niceStep(raw) {
    const power = Math.pow(10, Math.floor(Math.log10(raw)));
    const fraction = raw / power;
    return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
  }

  function xAxis(svg, x, domain, y, height) {
    const axis = el("g", { class: "axis" }, svg);
    for (const t of ticks(domain, 6)) {
      el("line", { class: "grid", x1: x(t), x2: x(t), y1: 20, y2: y }, axis);
      text(axis, x(t), y + 14, format(t), { "text-anchor": "middle" });
    }
    el("line", { x1: x(domain[0]), x2: x(domain[1]), y1: y, y2: y }, axis);
    return height;
  }

  function format(v) {
    return Math.abs(v) >= 100 ? v.toFixed(0) : Number(v.toFixed(2)).toString();
  }

  /**
   * A horizontal dot plot sorted by value: one row per agency with its latest value as a dot shaped and coloured by
   * its status, its target as a tick, the statewide median (and a minimum, when the indicator has one) as rules.
   */
  function dotPlot(rows, options) {
    const shown = rows.filter((r) => r.value !== null).sort((a, b) => options.higherIsBetter ? b.value - a.value : a.value - b.value);
    const rowHeight = 14;
    const left = 150;
    const width = 640;
    const height = 40 + shown.length * rowHeight + 30;
    const svg = frame(width, height, options.title,
      `${shown.length} agencies sorted by their latest value, best first; a dot per agency in the shape of its status, `
        + `its target as a vertical tick, the statewide median${options.minimum !== undefined ? " and the indicator's minimum" : ""} as dashed rules.`,
      options.kind || "dot-plot");
    const domain = extent(shown.flatMap((r) => [r.value, r.target]).concat(options.median ?? [], options.minimum ?? []));
    const x = scale(domain, [left, width - 20]);
    const bottom = 30 + shown.length * rowHeight;
    xAxis(svg, x, domain, bottom, height);
    shown.forEach((r, i) => {
      const y = 30 + i * rowHeight + rowHeight / 2;
      const row = el("g", { class: "row", "data-lcsa": r.label }, svg);
      text(row, left - 6, y + 4, r.label, { "text-anchor": "end" });
      if (r.target !== null && r.target !== undefined) {
        el("line", { class: "target", x1: x(r.target), x2: x(r.target), y1: y - 5, y2: y + 5 }, row);
      }
      marker(row, r.status, x(r.value), y).appendChild(tooltip(`${r.label}: ${r.value} (${r.status})`));
    });
    rule(svg, x, options.median, 20, bottom, "median", options.kind ? "median" : "statewide median");
    rule(svg, x, options.minimum, 36, bottom, "minimum", "minimum");
    return svg;
  }

  function rule(svg, x, value, y1, y2, className, label) {
    if (value === null || value === undefined) return;
    el("line", { class: className, x1: x(value), x2: x(value), y1, y2 }, svg);
    text(svg, x(value), y1 - 6, `${label} ${format(value)}`, { "text-anchor": "middle" });
  }

  function tooltip(content) {
    const title = document.createElementNS(NS, "title");
    title.textContent = content;
    return title;
  }

  /** A status's mark: circle, square, triangle, diamond or ring, so the status reads without colour. */
  function marker(parent, status, cx, cy) {
    const r = 4.5;
    switch (status) {
      case "ON_TRACK":
        return el("rect", { class: `dot ${status}`, x: cx - r, y: cy - r, width: 2 * r, height: 2 * r }, parent);
      case "AT_RISK":
        return el("path", { class: `dot ${status}`, d: `M${cx},${cy - r - 1}L${cx + r + 1},${cy + r}L${cx - r - 1},${cy + r}Z` }, parent);
      case "OFF_TRACK":
        return el("path", { class: `dot ${status}`, d: `M${cx},${cy - r - 1}L${cx + r + 1},${cy}L${cx},${cy + r + 1}L${cx - r - 1},${cy}Z` }, parent);
      case "NO_DATA":
        return el("circle", { class: `dot ${status}`, cx, cy, r, "fill-opacity": 0 }, parent);
      default:
        return el("circle", { class: `dot ${status}`, cx, cy, r }, parent);
    }
  }

  /** Baseline to latest per agency: a solid line where it moved the better way, dashed where it moved the worse. */
  function slope(rows, options) {
    const shown = rows.filter((r) => r.baseline !== null && r.value !== null);
    const width = 420;
    const height = 380;
    const svg = frame(width, height, options.title,
      `${shown.length} agencies from their baseline (left) to their latest value (right); a solid line moved the better `
        + "way, a dashed one the worse way.",
      "slope");
    const domain = extent(shown.flatMap((r) => [r.baseline, r.value]));
    const y = scale(domain, [height - 30, 30]);
    const x0 = 110;
    const x1 = width - 110;
    text(svg, x0, 18, "baseline", { "text-anchor": "middle" });
    text(svg, x1, 18, "latest", { "text-anchor": "middle" });
    el("line", { class: "grid", x1: x0, x2: x0, y1: 24, y2: height - 24 }, svg);
    el("line", { class: "grid", x1: x1, x2: x1, y1: 24, y2: height - 24 }, svg);
    for (const r of shown) {
      const better = options.higherIsBetter ? r.value >= r.baseline : r.value <= r.baseline;
      const line = el("line", { class: better ? "better" : "worse", x1: x0, x2: x1, y1: y(r.baseline), y2: y(r.value), "data-lcsa": r.label }, svg);
      line.appendChild(tooltip(`${r.label}: ${r.baseline} → ${r.value}`));
    }
    for (const t of ticks(domain, 5)) {
      text(svg, x0 - 8, y(t) + 4, format(t), { "text-anchor": "end" });
      text(svg, x1 + 8, y(t) + 4, format(t), { "text-anchor": "start" });
    }
    return svg;
  }

  /** How many agencies are in each status: a bar each, with its count written on it. */
  function statusBars(byStatus, title) {
    const entries = Object.entries(byStatus);
    const width = 420;
    const height = 30 + entries.length * 26;
    const svg = frame(width, height, title,
      entries.map(([s, n]) => `${s.replace("_", " ").toLowerCase()}: ${n}`).join(", "), "status-counts");
    const most = Math.max(1, ...entries.map(([, n]) => n));
    const x = scale([0, most], [110, width - 40]);
    entries.forEach(([status, count], i) => {
      const y = 14 + i * 26;
      text(svg, 104, y + 13, status.replace("_", " "), { "text-anchor": "end" });
      el("rect", { class: status, x: 110, y, width: Math.max(1, x(count) - 110), height: 18 }, svg);
      text(svg, x(count) + 6, y + 13, String(count));
    });
    return svg;
  }

  /** One agency's latest value per cycle, its targets as ticks and the statewide medians as rings. */
  function trend(cycles, options) {
    const width = 560;
    const height = 280;
    const svg = frame(width, height, options.title,
      cycles.map((c) => `FFY ${c.ffy}: latest ${c.value ?? "none"}, target ${c.target ?? "none"}, median ${c.median ?? "none"}`).join("; "),
      "trend");
    const domain = extent(cycles.flatMap((c) => [c.value, c.target, c.median]));
    const y = scale(domain, [height - 40, 20]);
    const x = (i) => 70 + (cycles.length === 1 ? (width - 110) / 2 : (i * (width - 110)) / (cycles.length - 1));
    for (const t of ticks(domain, 5)) {
      el("line", { class: "grid", x1: 60, x2: width - 20, y1: y(t), y2: y(t) }, svg);
      text(svg, 54, y(t) + 4, format(t), { "text-anchor": "end" });
    }
    let previous = null;
    cycles.forEach((c, i) => {
      text(svg, x(i), height - 18, `FFY ${c.ffy}`, { "text-anchor": "middle" });
      if (c.target !== null) el("line", { class: "target", x1: x(i) - 8, x2: x(i) + 8, y1: y(c.target), y2: y(c.target) }, svg);
      if (c.median !== null) el("circle", { class: "NO_DATA", cx: x(i), cy: y(c.median), r: 5, "fill-opacity": 0 }, svg);
      if (c.value !== null) {
        if (previous) el("line", { class: "better", x1: previous[0], y1: previous[1], x2: x(i), y2: y(c.value) }, svg);
        marker(svg, c.status, x(i), y(c.value)).appendChild(tooltip(`FFY ${c.ffy}: ${c.value} (${c.status})`));
        previous = [x(i), y(c.value)];
      }
    });
    return svg;
  }

  return { dotPlot, slope, statusBars, trend };
})();
