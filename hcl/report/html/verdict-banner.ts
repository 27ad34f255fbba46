import type { Report } from "../build-report.js";
import { html, type SafeHtml } from "./escape-html.js";
import { overallLabel, textOrUnknown } from "./format.js";

/**
 * The machine as its SMBIOS names it: vendor and model (`LENOVO 2537PW4`). The version field is
 * shown beside it, labelled: some vendors put the marketing name there (`ThinkPad T410`), others
 * a revision (`A09`), so it is never merged into the name.
 *
 * @public
 */
export function machineName(system: Report["system"]): string {
  const name = [system.vendor, system.model]
    .map((p) => p?.trim() ?? "")
    .filter((p) => p !== "")
    .join(" ");
  return name === "" ? "unidentified machine" : name;
}

function reasons(report: Report): SafeHtml {
  const unfinished =
    !report.session.finished &&
    html`<li>The session has not finished: the verdict covers the results so far.</li>`;
  if (report.reasons.length === 0 && unfinished === false)
    return html`<p class="reasons-none">Every required and optional feature is supported.</p>`;
  return html`<ul class="reasons">
    ${report.reasons.map((r) => html`<li>${r}</li>`)}${unfinished}
  </ul>`;
}

/**
 * The verdict up front: `NOT CERTIFIED` (icon, words and colour), the machine, the suite, the
 * reasons that decided it, and beneath them who the machine is and what judged it (identity,
 * BIOS, chassis; suite and platform plugin with their digests; session and evidence).
 *
 * @public
 */
export function verdictBanner(report: Report): SafeHtml {
  const label = overallLabel(report.overall);
  return html`<header class="banner overall-${report.overall}" id="verdict">
    <div class="banner-verdict">
      <div class="banner-head">
        <span class="banner-icon" aria-hidden="true">${label.icon}</span>
        <div>
          <p class="eyebrow">Hardware compatibility report · ${report.suite.title}</p>
          <h1><span class="verdict-word">${label.word}</span></h1>
          <p class="machine">
            ${machineName(report.system)}${report.system.version !== null && report.system.version.trim() !== "" && html` <span class="machine-version">version ${report.system.version}</span>`}
          </p>
          <p class="against">
            against <strong>${report.suite.id}@${report.suite.version}</strong> on platform
            <strong>${report.platform?.title ?? "none"}</strong>
          </p>
        </div>
      </div>
      <h2 class="visually-hidden">Why</h2>
      ${reasons(report)}
    </div>
    ${identity(report)}
  </header>`;
}

/** A term and its description, for the identity grid. */
const item = (term: string, description: SafeHtml | string): SafeHtml =>
  html`<div class="item">
    <dt>${term}</dt>
    <dd>${description}</dd>
  </div>`;

const digest = (d: string | null | undefined): SafeHtml =>
  d === null || d === undefined ? textOrUnknown(d) : html`<code class="digest">${d}</code>`;

function machineItems(s: Report["system"]): SafeHtml[] {
  const bios = [s.bios.vendor, s.bios.version, s.bios.date && `(${s.bios.date})`]
    .filter((p) => p !== null && p !== "")
    .join(" ");
  return [
    item("Vendor", textOrUnknown(s.vendor)),
    item("Model", textOrUnknown(s.model)),
    item("Version", textOrUnknown(s.version)),
    item("SKU", textOrUnknown(s.sku)),
    item("BIOS", textOrUnknown(bios)),
    item("Chassis", textOrUnknown(s.chassis)),
  ];
}

function judgeItems(report: Report): SafeHtml[] {
  const p = report.platform;
  const e = report.session.evidence;
  return [
    item(
      "Suite",
      html`<strong>${report.suite.id}@${report.suite.version}</strong> — ${report.suite.title}`,
    ),
    item("Suite digest", digest(report.suite.digest)),
    item(
      "Platform plugin",
      p === null
        ? textOrUnknown(null)
        : html`<strong>${p.plugin}@${p.version}</strong> — ${p.title} (score ${p.score})`,
    ),
    item("Plugin digest", digest(p?.digest)),
    item("Session", html`<code>${report.session.id}</code>`),
    item("Started", report.session.createdAt),
    item(
      "Evidence",
      html`${e.kind === "live" ? "live machine" : "recorded evidence"}:
        <code>${e.source}</code
        >${e.snapshot !== null && html` (snapshot <code>${e.snapshot}</code>)`}`,
    ),
  ];
}

function identity(report: Report): SafeHtml {
  return html`<div class="banner-identity">
    <h2 class="identity-h">Machine and run</h2>
    <div class="identity-grid">
      <dl class="grid" aria-label="Machine">${machineItems(report.system)}</dl>
      <dl class="grid" aria-label="Run">${judgeItems(report)}</dl>
    </div>
  </div>`;
}
