// The dashboard: every view reads the query service's API with the signed-in caller's token (kept for this tab only,
// in sessionStorage) and builds its page with the DOM alone: text is always set as text, never parsed as markup.
"use strict";

const TOKEN = "pmp.token";
const WHO = "pmp.who";
const view = () => document.getElementById("view");

// ---- building pages --------------------------------------------------------------------------------------------

function h(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function show(...nodes) {
  view().replaceChildren(...nodes);
}

function number(value) {
  return value === null || value === undefined ? "" : String(value);
}

function date(instant) {
  return instant ? String(instant).slice(0, 10) : "";
}

function daysSince(instant) {
  if (!instant) return null;
  return Math.floor((Date.now() - Date.parse(instant)) / 86400000);
}

function status(value) {
  return value ? h("span", { class: `status status-${value}` }, value.replace("_", " ")) : "";
}

/**
 * A table whose columns sort on a button in their header (aria-sort says how): columns are {key, label, number?,
 * cell?(row) -> node or text, sort?(row) -> value}.
 */
function sortableTable(caption, columns, rows, id) {
  const table = h("table", { id });
  table.appendChild(h("caption", {}, caption));
  const body = h("tbody");
  const head = h("tr");
  let sortedBy = null;
  let ascending = true;
  const render = () => {
    body.replaceChildren(...rows.map((row) => h("tr", { "data-key": row.lcsa || row.planId || "" },
      columns.map((c) => h("td", { class: c.number ? "number" : null, "data-column": c.key },
        c.cell ? c.cell(row) : number(row[c.key]))))));
  };
  columns.forEach((c) => {
    const th = h("th", { scope: "col", class: c.number ? "number" : null, "aria-sort": "none", "data-column": c.key });
    const button = h("button", {
      type: "button",
      onclick: () => {
        ascending = sortedBy === c.key ? !ascending : true;
        sortedBy = c.key;
        const value = c.sort || ((row) => row[c.key]);
        rows.sort((a, b) => compare(value(a), value(b)) * (ascending ? 1 : -1));
        head.querySelectorAll("th").forEach((other) => other.setAttribute("aria-sort", "none"));
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        render();
      },
    }, c.label);
    th.appendChild(button);
    head.appendChild(th);
  });
  table.appendChild(h("thead", {}, head));
  table.appendChild(body);
  render();
  return table;
}

/** Empty values last whichever way; numbers as numbers. */
function compare(a, b) {
  const emptyA = a === null || a === undefined || a === "";
  const emptyB = b === null || b === undefined || b === "";
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b));
}

function figure(svg, caption) {
  return h("figure", {}, svg, h("figcaption", {}, caption));
}

// ---- the API -----------------------------------------------------------------------------------------------------

async function api(path) {
  const token = sessionStorage.getItem(TOKEN);
  if (!token) throw new Error("Sign in first: pick a demo identity or paste a token.");
  const response = await fetch(path, { headers: { Authorization: `Bearer ${token}`, Accept: "application/json" } });
  const body = response.headers.get("Content-Type")?.includes("json") ? await response.json() : null;
  if (!response.ok) {
    throw new Error(body && body.detail ? `${body.title || response.status}: ${body.detail}` : `HTTP ${response.status}`);
  }
  if (body && body.reflects) freshness(body.reflects);
  return body;
}

async function download(path, name) {
  const response = await fetch(path, { headers: { Authorization: `Bearer ${sessionStorage.getItem(TOKEN)}` } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  const link = h("a", { href: url, download: name });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

function freshness(reflects) {
  document.getElementById("freshness").textContent =
    `Shows the ledger through position ${reflects.position}` + (reflects.appliedAt ? `, applied ${reflects.appliedAt}` : "")
    + (reflects.parked ? `; ${reflects.parked} record(s) parked` : "") + ".";
}

// ---- signing in --------------------------------------------------------------------------------------------------

async function mint(identity, agency) {
  const [role, region] = identity.split(":");
  const body = { sub: `dashboard-${(role + (region || "") + (role === "LCSA_EDITOR" ? agency : "")).toLowerCase()}`, roles: [role] };
  if (region) body.region = region;
  if (role === "LCSA_EDITOR") body.lcsa = agency;
  const response = await fetch("/dev/tokens", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`no local token (HTTP ${response.status})`);
  signIn((await response.json()).access_token, role === "LCSA_EDITOR" ? `${role} of ${agency}` : identity.replace(":", " of "));
}

function signIn(token, who) {
  sessionStorage.setItem(TOKEN, token);
  sessionStorage.setItem(WHO, who);
  document.getElementById("signed-in").textContent = `Signed in as ${who}.`;
  route();
}

function setUpIdentity() {
  const who = sessionStorage.getItem(WHO);
  if (who) document.getElementById("signed-in").textContent = `Signed in as ${who}.`;
  const picker = document.getElementById("picker");
  // the picker is offered where the service hands out local tokens (the local profile, where /dev/tokens takes POST
  // only and so answers a GET 405; elsewhere there is no such path)
  fetch("/dev/tokens")
    .then((response) => { picker.hidden = response.status !== 405; })
    .catch(() => { picker.hidden = true; });
  picker.addEventListener("submit", (event) => {
    event.preventDefault();
    mint(document.getElementById("picker-identity").value, document.getElementById("picker-agency").value.trim())
      .catch((error) => failed(error));
  });
  document.getElementById("paste").addEventListener("submit", (event) => {
    event.preventDefault();
    const token = document.getElementById("paste-token").value.trim();
    document.getElementById("paste-token").value = "";
    if (token) signIn(token, who_of(token));
  });
  document.getElementById("sign-out").addEventListener("click", () => {
    sessionStorage.clear();
    document.getElementById("signed-in").textContent = "Not signed in.";
    route();
  });
}

/** Who a pasted token says its caller is (its claims, read without checking: the services check it). */
function who_of(token) {
  try {
    const claims = JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
    return `${claims.sub} (${(claims.roles || []).join(", ")}${claims.lcsa ? " of " + claims.lcsa : ""}${claims.region ? ", " + claims.region : ""})`;
  } catch {
    return "the pasted token's caller";
  }
}

function failed(error) {
  show(h("p", { class: "error", role: "alert" }, error.message));
}

// ---- routing -----------------------------------------------------------------------------------------------------

function params() {
  const [, query] = location.hash.split("?");
  return new URLSearchParams(query || "");
}

function go(name, values) {
  location.hash = `${name}?${new URLSearchParams(values)}`;
}

const VIEWS = {
  comparison: comparisonView,
  trends: trendView,
  compliance: complianceView,
  coverage: coverageView,
  tactics: tacticsView,
  plans: plansView,
  plan: planView,
  due: dueView,
  assistance: assistanceView,
};

function route() {
  const name = location.hash.slice(1).split(/[?/]/)[0] || "comparison";
  document.querySelectorAll("nav a").forEach((a) => {
    if (a.getAttribute("href") === `#${name}`) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  });
  document.getElementById("freshness").textContent = "";
  if (!sessionStorage.getItem(TOKEN)) {
    show(h("h1", {}, "Sign in"), h("p", {}, "Pick a demo identity (local installation) or paste a bearer token above."));
    return;
  }
  (VIEWS[name] || comparisonView)().catch(failed);
}

function cycleControls(name, values, extra) {
  const ffy = h("input", { id: "ffy", type: "number", min: 2000, max: 2100, value: values.ffy, "aria-describedby": "ffy-note" });
  const form = h("form", {
    class: "controls",
    onsubmit: (event) => {
      event.preventDefault();
      const next = { ffy: ffy.value };
      (extra || []).forEach((field) => { next[field.id] = field.value; });
      go(name, next);
    },
  }, h("label", { for: "ffy" }, "FFY", ffy), (extra || []).map((field) => h("label", { for: field.id }, field.dataset.label, field)),
  h("button", { type: "submit" }, "Show"));
  return form;
}

// ---- comparison --------------------------------------------------------------------------------------------------

async function comparisonView() {
  const p = params();
  const ffy = p.get("ffy") || "2022";
  const matrix = await api(`/api/v1/cycles/${encodeURIComponent(ffy)}/matrix`);
  const indicator = p.get("indicator") || (matrix.indicators[0] && matrix.indicators[0].code);
  const select = h("select", { id: "indicator", "data-label": "Practice Indicator" },
    matrix.indicators.map((i) => h("option", { value: i.code, selected: i.code === indicator }, `${i.code} ${i.title}`)));
  const answer = await api(`/api/v1/cycles/${encodeURIComponent(ffy)}/indicators/${encodeURIComponent(indicator)}/comparison`);
  const higher = answer.indicator.direction === "HIGHER_IS_BETTER";
  const rows = answer.agencies.map((a) => Object.assign({}, a, {
    q1v: a.q1 && a.q1.value, q2v: a.q2 && a.q2.value, q3v: a.q3 && a.q3.value, q4v: a.q4 && a.q4.value,
    age: daysSince(((a.latestQuarter && a[a.latestQuarter.toLowerCase()]) || {}).recordedAt),
    peer: answer.peerGroups[a.lcsa] || "",
  }));
  const quarter = (q) => ({
    key: `${q}v`, label: q.toUpperCase(), number: true,
    cell: (row) => row[q] ? [number(row[q].value), row[q].corrected ? h("span", { class: "mark", title: "corrected" }, " †") : null,
      row[q].late ? h("span", { class: "mark", title: "first recorded late" }, " ‡") : null] : "",
  });
  const columns = [
    { key: "lcsa", label: "Agency", cell: (row) => row.planId ? h("a", { href: `#plan/${row.planId}` }, row.lcsa) : row.lcsa },
    { key: "baseline", label: "Baseline", number: true },
    { key: "target", label: "Target", number: true },
    quarter("q1"), quarter("q2"), quarter("q3"), quarter("q4"),
    { key: "latest", label: "Latest", number: true },
    { key: "share", label: "Share of distance", number: true },
    { key: "status", label: "Status", cell: (row) => status(row.status), sort: (row) => row.status },
    { key: "rank", label: "Rank", number: true },
    { key: "quartile", label: "Quartile", number: true },
    { key: "age", label: "Age of latest (days)", number: true },
    { key: "peer", label: "Peer group" },
  ];
  const points = answer.agencies.map((a) => ({ label: a.lcsa, value: a.latest, target: a.target, baseline: a.baseline, status: a.status }));
  const title = `${answer.indicator.code} ${answer.indicator.title}, FFY ${answer.ffy}`;
  show(
    h("h1", {}, `Statewide comparison: ${title}`),
    cycleControls("comparison", { ffy }, [select]),
    h("p", {}, `${answer.statewide.reporting} of ${answer.statewide.agencies} agencies reporting; median ${number(answer.statewide.median)} `
      + `${answer.indicator.unit.toLowerCase()}; ${answer.statewide.metTarget} met their target. `
      + (higher ? "Higher is better." : "Lower is better.")),
    h("div", { class: "charts" },
      figure(PmpCharts.dotPlot(points, {
        title: `${title}: latest value per agency`,
        higherIsBetter: higher,
        median: answer.statewide.median,
        minimum: answer.indicator.minimum ?? undefined,
      }),
        "Dots: latest value (shape and colour: status). Ticks: each agency's target. Dashed rules: statewide median"
          + (answer.indicator.minimum !== null ? ", the indicator's minimum." : ".")),
      figure(PmpCharts.slope(points, { title: `${title}: baseline to latest`, higherIsBetter: higher }),
        "Solid: moved the better way; dashed: the worse way."),
      figure(PmpCharts.statusBars(answer.statewide.byStatus, `${title}: agencies by status`), "Agencies per status.")),
    peerCharts(answer, points, title, higher),
    h("h2", {}, "Every agency"),
    h("p", { class: "note" }, "† corrected after its first recording; ‡ first recorded after its due date. Select a column's name to sort by it."),
    sortableTable(`${title}: the table behind the charts`, columns, rows, "comparison-table"),
    h("h2", {}, "Definitions"),
    h("dl", { class: "definitions" }, Object.entries(answer.definitions).flatMap(([term, meaning]) => [h("dt", {}, term), h("dd", {}, meaning)])));
}

/** The dot plot again for each group of peers of similar caseload, each with its own median. */
function peerCharts(answer, points, title, higher) {
  const groups = ["SMALL", "MEDIUM", "LARGE"];
  if (Object.keys(answer.peerGroups).length === 0) {
    return h("p", { class: "note" }, "No caseloads are recorded for this cycle, so agencies are not grouped with peers "
      + "(a STATE_ADMIN records them: POST /api/v1/cycles/{ffy}/caseloads).");
  }
  return h("section", { "aria-labelledby": "peers-heading" },
    h("h2", { id: "peers-heading" }, "Peers of similar caseload"),
    h("p", { class: "note" }, answer.definitions.peerGroups),
    h("div", { class: "charts" }, groups.map((group) => figure(
      PmpCharts.dotPlot(points.filter((p) => answer.peerGroups[p.label] === group), {
        title: `${title}: ${group.toLowerCase()} agencies`,
        higherIsBetter: higher,
        median: answer.peerMedians[group],
        kind: "peer-dot-plot",
      }),
      `${group.charAt(0) + group.slice(1).toLowerCase()} caseloads; dashed rule: the group's median.`))));
}

// ---- trends ------------------------------------------------------------------------------------------------------

async function trendView() {
  const p = params();
  const lcsa = p.get("lcsa") || "KERN";
  const indicator = p.get("indicator") || "SPM-2";
  const agency = h("input", { id: "lcsa", value: lcsa, "data-label": "Agency" });
  const code = h("input", { id: "indicator", value: indicator, "data-label": "Practice Indicator" });
  const form = h("form", { class: "controls", onsubmit: (event) => { event.preventDefault(); go("trends", { lcsa: agency.value, indicator: code.value }); } },
    h("label", { for: "lcsa" }, "Agency", agency), h("label", { for: "indicator" }, "Practice Indicator", code), h("button", { type: "submit" }, "Show"));
  const answer = await api(`/api/v1/agencies/${encodeURIComponent(lcsa)}/indicators/${encodeURIComponent(indicator)}/trend`);
  const cycles = answer.cycles.map((c) => ({ ffy: c.ffy, value: c.agency.latest, target: c.agency.target, median: c.median, status: c.agency.status,
    baseline: c.agency.baseline, rank: c.agency.rank, reporting: c.reporting }));
  show(
    h("h1", {}, `${lcsa} on ${indicator} across cycles`),
    form,
    figure(PmpCharts.trend(cycles, { title: `${lcsa}, ${indicator}: latest value per cycle` }),
      "Line: latest value per cycle (shape: status). Ticks: targets. Rings: statewide medians."),
    sortableTable(`${lcsa}, ${indicator}: each cycle`, [
      { key: "ffy", label: "FFY", number: true },
      { key: "baseline", label: "Baseline", number: true },
      { key: "target", label: "Target", number: true },
      { key: "value", label: "Latest", number: true },
      { key: "status", label: "Status", cell: (row) => status(row.status) },
      { key: "rank", label: "Rank", number: true },
      { key: "reporting", label: "Agencies reporting", number: true },
      { key: "median", label: "Statewide median", number: true },
    ], cycles, "trend-table"));
}

// ---- compliance, coverage, tactics -------------------------------------------------------------------------------

async function complianceView() {
  const ffy = params().get("ffy") || "2022";
  const answer = await api(`/api/v1/cycles/${encodeURIComponent(ffy)}/compliance`);
  const items = [];
  for (const agency of answer.agencies) {
    for (const item of [agency.plan, agency.finalResults, ...(agency.quarterly || [])]) {
      if (item) items.push(Object.assign({ lcsa: agency.lcsa, planId: agency.planId }, item));
    }
  }
  show(
    h("h1", {}, `Due-date compliance, FFY ${ffy}`),
    cycleControls("compliance", { ffy }),
    sortableTable("On-time rates statewide", [
      { key: "kind", label: "Item" }, { key: "due", label: "Due", number: true }, { key: "onTime", label: "On time", number: true },
      { key: "late", label: "Late", number: true }, { key: "missing", label: "Missing", number: true },
      { key: "onTimeRate", label: "On-time rate", number: true },
    ], Object.entries(answer.statewide).map(([kind, rate]) => Object.assign({ kind }, rate)), "compliance-rates"),
    sortableTable("Every item by agency", [
      { key: "lcsa", label: "Agency", cell: (row) => row.planId ? h("a", { href: `#plan/${row.planId}` }, row.lcsa) : row.lcsa },
      { key: "item", label: "Item" }, { key: "measurement", label: "Measurement" }, { key: "dueDate", label: "Due" },
      { key: "recordedAt", label: "Recorded", cell: (row) => date(row.recordedAt) }, { key: "state", label: "State" },
      { key: "daysLate", label: "Days late", number: true },
    ], items.filter((i) => i.state !== "NOT_YET_DUE"), "compliance-table"));
}

async function coverageView() {
  const ffy = params().get("ffy") || "2022";
  const answer = await api(`/api/v1/cycles/${encodeURIComponent(ffy)}/initiatives`);
  show(
    h("h1", {}, `Key-initiative coverage gaps, FFY ${ffy}`),
    cycleControls("coverage", { ffy }),
    h("p", {}, `${answer.gaps.length} required initiative(s) without an entry or an active tactic.`),
    sortableTable("Gaps", [
      { key: "lcsa", label: "Agency", cell: (row) => row.planId ? h("a", { href: `#plan/${row.planId}` }, row.lcsa) : row.lcsa },
      { key: "initiative", label: "Initiative" }, { key: "title", label: "Title" },
    ], answer.gaps, "coverage-table"));
}

async function tacticsView() {
  const ffy = params().get("ffy") || "2022";
  const answer = await api(`/api/v1/cycles/${encodeURIComponent(ffy)}/tactics?overdue=true`);
  show(
    h("h1", {}, `Overdue tactics, FFY ${ffy}`),
    cycleControls("tactics", { ffy }),
    h("p", {}, `${answer.overdue} tactic(s) past their projected completion as of ${answer.asOf}.`),
    sortableTable("Overdue tactics", [
      { key: "lcsa", label: "Agency", cell: (row) => h("a", { href: `#plan/${row.planId}` }, row.lcsa) },
      { key: "title", label: "Tactic" }, { key: "leads", label: "Leads", cell: (row) => row.leads.join(", ") },
      { key: "status", label: "Status" }, { key: "projectedCompletion", label: "Projected" },
      { key: "daysOverdue", label: "Days overdue", number: true },
    ], answer.tactics, "tactics-table"));
}

// ---- plans -------------------------------------------------------------------------------------------------------

async function plansView() {
  const ffy = params().get("ffy") || "2022";
  const answer = await api(`/api/v1/plans?ffy=${encodeURIComponent(ffy)}`);
  show(
    h("h1", {}, `Plans, FFY ${ffy}`),
    cycleControls("plans", { ffy }),
    sortableTable("Plans you read", [
      { key: "lcsa", label: "Agency", cell: (row) => h("a", { href: `#plan/${row.planId}` }, row.lcsa) },
      { key: "title", label: "Title" }, { key: "status", label: "Status" },
      { key: "submittedAt", label: "Submitted", cell: (row) => date(row.submittedAt) },
      { key: "daysLate", label: "Days late", number: true }, { key: "amendments", label: "Amendments", number: true },
      { key: "version", label: "Version", number: true },
    ], answer.items, "plans-table"));
}

async function planView() {
  const id = decodeURIComponent(location.hash.split("/")[1] || "");
  const plan = await api(`/api/v1/plans/${encodeURIComponent(id)}`);
  const keyInitiativeForm = plan.entries.some((e) => e.initiative);
  const fields = (pairs) => h("dl", { class: "fields" }, pairs.filter(([, v]) => v !== null && v !== undefined && v !== "")
    .flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
  const entries = plan.entries.map((e) => {
    const quarters = ["Q1", "Q2", "Q3", "Q4"].map((q) => e.quarterlyUpdates.find((u) => u.quarter === q) || { quarter: q });
    return h("section", { class: "plan-form", "aria-label": `Goal ${e.goal.code}` },
      h("h3", {}, keyInitiativeForm ? `Goal ${e.goal.code}: ${e.goal.title || ""}` : `GOAL ${e.goal.code}: ${(e.goal.title || "").toUpperCase()}`),
      fields([["Objective", e.objective ? `${e.objective.code} ${e.objective.title || ""}` : e.objectiveText],
        ["Key initiative", e.initiative ? `${e.initiative.code} ${e.initiative.title || ""}` : null], ["Strategy", e.strategy],
        ["Measurement", `${e.measurement.indicator || ""} ${e.measurement.title}`], ["Baseline", number(e.measurement.baseline)],
        [`FFY ${plan.ffy} target`, number(e.measurement.target)]]),
      sortableTable("Quarterly updates", [
        { key: "quarter", label: "Quarter" }, { key: "dueDate", label: "Due" }, { key: "value", label: "Value", number: true },
        { key: "narrative", label: "Narrative" }, { key: "corrections", label: "Corrections", number: true },
      ], quarters, null),
      sortableTable("Initiative/Tactic(s)", [
        { key: "title", label: "Tactic" }, { key: "leads", label: "Lead(s)", cell: (row) => row.leads.join(", ") },
        { key: "description", label: "Description/Implementation Strategy" }, { key: "status", label: "Status" },
        { key: "projectedCompletion", label: "Projected" }, { key: "actualCompletion", label: "Actual" },
      ], e.tactics, null));
  });
  show(
    h("h1", {}, `${plan.lcsa}: ${plan.title || "Performance Management Plan"} (FFY ${plan.ffy})`),
    fields([["Status", plan.status], ["Version", String(plan.version)], ["Submitted", date(plan.submittedAt)],
      ["Approved", date(plan.approvedAt)], ["Amendments", String(plan.amendments)]]),
    h("div", { class: "actions" },
      h("button", { type: "button", onclick: () => download(`/api/v1/plans/${encodeURIComponent(id)}?format=pdf`, `pmp-${plan.lcsa}.pdf`).catch(failed) }, "Download PDF"),
      h("button", { type: "button", onclick: () => download(`/api/v1/plans/${encodeURIComponent(id)}?format=docx`, `pmp-${plan.lcsa}.docx`).catch(failed) }, "Download Word")),
    h("p", { class: "note" }, "Its full history, for auditors: GET /api/v1/audit/plans/", h("code", {}, id), "/events on the command service."),
    ...entries,
    h("h2", {}, "Requests for state assistance"),
    sortableTable("Requests", [
      { key: "need", label: "Need" }, { key: "from", label: "From" }, { key: "neededBy", label: "Needed by" }, { key: "status", label: "Status" },
    ], plan.assistanceRequests || [], "plan-assistance"),
    h("h2", {}, "Review history"),
    sortableTable("Reviews", [
      { key: "kind", label: "Review" }, { key: "author", label: "By" }, { key: "at", label: "Date", cell: (row) => date(row.at) },
      { key: "comment", label: "Comments" },
    ], plan.reviews, "plan-reviews"));
}

// ---- what is due, assistance -------------------------------------------------------------------------------------

async function dueView() {
  const p = params();
  const days = p.get("days") || "30";
  const answer = await api(`/api/v1/due?days=${encodeURIComponent(days)}${p.get("region") ? "&region=" + encodeURIComponent(p.get("region")) : ""}`);
  show(
    h("h1", {}, `What is due in the next ${answer.days} days, and what is overdue`),
    h("p", {}, `${answer.overdue} overdue of ${answer.items.length}, as of ${answer.asOf}.`),
    sortableTable("What is due", [
      { key: "dueDate", label: "Due" }, { key: "lcsa", label: "Agency" }, { key: "region", label: "Region" }, { key: "kind", label: "What" },
      { key: "title", label: "Item" }, { key: "daysOverdue", label: "Days overdue", number: true },
    ], answer.items, "due-table"));
}

async function assistanceView() {
  const answer = await api("/api/v1/assistance-requests?open=true");
  show(
    h("h1", {}, "Open requests for state assistance"),
    sortableTable("By region", [
      { key: "region", label: "Region" }, { key: "open", label: "Open", number: true }, { key: "overdue", label: "Overdue", number: true },
      { key: "oldestDays", label: "Oldest (days)", number: true },
    ], Object.entries(answer.byRegion).map(([region, summary]) => Object.assign({ region }, summary)), "assistance-regions"),
    sortableTable("Requests, oldest first", [
      { key: "lcsa", label: "Agency", cell: (row) => h("a", { href: `#plan/${row.planId}` }, row.lcsa) }, { key: "need", label: "Need" },
      { key: "from", label: "From" }, { key: "status", label: "Status" }, { key: "neededBy", label: "Needed by" },
      { key: "ageDays", label: "Age (days)", number: true },
    ], answer.requests, "assistance-table"));
}

window.addEventListener("hashchange", route);
document.addEventListener("DOMContentLoaded", () => {
  setUpIdentity();
  route();
});
