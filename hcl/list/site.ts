import { escapeHtml as e } from "../report/html/escape-html.js";
import type { Entry, EntryResult } from "./entry.js";

const STATUS_WORD: Record<string, string> = {
  certified: "Certified",
  "certified-with-restrictions": "Certified with restrictions",
  "not-certified": "Not certified",
  incomplete: "Incomplete",
  supported: "✓ supported",
  "not-supported": "✗ not supported",
  untested: "? untested",
};

const CSS = `
:root{--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--ok:#116329;--bad:#a40e26;--warn:#7d4e00;--bg-ok:#dafbe1;--bg-bad:#ffebe9;--bg-warn:#fff8c5}
*{box-sizing:border-box}body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);margin:0;padding:24px 32px;max-width:1400px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:28px 0 8px}.muted{color:var(--muted)}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa;font-weight:600;position:sticky;top:0}
.status{display:inline-block;padding:1px 8px;border-radius:10px;font-weight:600;font-size:13px;white-space:nowrap}
.s-certified,.s-supported{background:var(--bg-ok);color:var(--ok)}.s-not-certified,.s-not-supported{background:var(--bg-bad);color:var(--bad)}
.s-incomplete,.s-untested,.s-certified-with-restrictions{background:var(--bg-warn);color:var(--warn)}
.filters{display:flex;gap:12px;flex-wrap:wrap;margin:12px 0}.filters label{display:flex;flex-direction:column;font-size:13px;color:var(--muted)}
input,select{font:inherit;padding:4px 6px;border:1px solid var(--line);border-radius:6px;min-width:200px}
a{color:#0969da}.scroll{overflow-x:auto}code{font-size:13px}
@media print{.filters{display:none}body{padding:0}th{position:static}}
`;

function page(title: string, body: string, script = ""): string {
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)}</title><style>${CSS}</style></head><body>${body}${script === "" ? "" : `<script>${script}</script>`}</body></html>\n`;
}

function status(s: string): string {
  return `<span class="status s-${e(s)}">${e(STATUS_WORD[s] ?? s)}</span>`;
}

/** The file name of a model page, relative to the site root. @public */
export function modelPage(entryPath: string): string {
  return entryPath.replace(/^entries\//, "models/").replace(/\.yaml$/, ".html");
}

/** One row of the site's table: a model under one suite version. @public */
export interface SiteRow {
  readonly entry: string;
  readonly vendor: string;
  readonly model: string;
  readonly name: string | null;
  readonly suite: string;
  readonly result: Pick<EntryResult, "status" | "features" | "testedAt">;
}

// Filters the rows by search text, feature, suite and status; without it the table is complete.
const FILTER_SCRIPT = `(()=>{const q=document.getElementById("search"),f=document.getElementById("feature-filter"),s=document.getElementById("suite-filter"),t=document.getElementById("status-filter"),rows=[...document.querySelectorAll("#hcl-table tbody tr")],n=document.getElementById("shown");
function apply(){const text=q.value.trim().toLowerCase();let shown=0;for(const r of rows){const ok=(!text||r.dataset.search.includes(text))&&(!f.value||r.dataset.supported.split(" ").includes(f.value))&&(!s.value||r.dataset.suite===s.value)&&(!t.value||r.dataset.status===t.value);r.hidden=!ok;if(ok)shown++}n.textContent=String(shown)}
for(const el of [q,f,s,t])el.addEventListener("input",apply);apply()})();`;

/** The site's front page: every model × suite version with its features, searchable and filterable. @public */
export function indexPage(
  name: string,
  suites: readonly string[],
  features: readonly string[],
  rows: readonly SiteRow[],
  generated: string,
): string {
  const options = (values: readonly string[], all: string) =>
    `<option value="">${e(all)}</option>${values.map((v) => `<option value="${e(v)}">${e(v)}</option>`).join("")}`;
  const body = `<h1>${e(name)}</h1><p class="muted">${rows.length} results for ${new Set(rows.map((r) => r.entry)).size} models · suites ${e(suites.join(", ") || "none")} · as of ${e(generated)} · <a href="hcl.json">hcl.json</a> (machine-readable feed)</p>
<div class="filters"><label for="search">Search vendor or model<input id="search" type="search" placeholder="ThinkPad T410" autocomplete="off"></label>
<label for="feature-filter">Supports feature<select id="feature-filter">${options(features, "any feature")}</select></label>
<label for="suite-filter">Suite<select id="suite-filter">${options(suites, "every suite")}</select></label>
<label for="status-filter">Status<select id="status-filter">${options(["certified", "certified-with-restrictions", "not-certified", "incomplete"], "any status")}</select></label></div>
<p class="muted"><span id="shown">${rows.length}</span> shown</p>
<div class="scroll"><table id="hcl-table"><thead><tr><th scope="col">Vendor</th><th scope="col">Model</th><th scope="col">Suite</th><th scope="col">Status</th>${features.map((f) => `<th scope="col">${e(f)}</th>`).join("")}<th scope="col">Tested</th></tr></thead><tbody>
${rows
  .map((r) => {
    const supported = Object.entries(r.result.features)
      .filter(([, s]) => s === "supported")
      .map(([f]) => f);
    const search = `${r.vendor} ${r.model} ${r.name ?? ""}`.toLowerCase();
    return `<tr data-search="${e(search)}" data-supported="${e(supported.join(" "))}" data-suite="${e(r.suite)}" data-status="${e(r.result.status)}"><td>${e(r.vendor)}</td><td><a href="${e(modelPage(r.entry))}">${e(r.model)}</a>${r.name === null ? "" : ` <span class="muted">${e(r.name)}</span>`}</td><td>${e(r.suite)}</td><td>${status(r.result.status)}</td>${features.map((f) => `<td>${r.result.features[f] === undefined ? "—" : status(r.result.features[f])}</td>`).join("")}<td>${e(r.result.testedAt.slice(0, 10))}</td></tr>`;
  })
  .join("\n")}
</tbody></table></div>`;
  return page(name, body, FILTER_SCRIPT);
}

/** A model's page: per suite version its status, features, footnotes, what needs attention, waivers and history. @public */
export function entryPage(hclName: string, entry: Entry, depth: number): string {
  const up = "../".repeat(depth);
  const results = Object.entries(entry.results).sort(([a], [b]) => b.localeCompare(a));
  const body = `<p><a href="${up}index.html">← ${e(hclName)}</a></p><h1>${e(entry.vendor)} ${e(entry.model)}${entry.name === null ? "" : ` <span class="muted">${e(entry.name)}</span>`}</h1>
<p class="muted">platform ${e(entry.platform ?? "unknown")} · matched by SMBIOS vendor <code>${e(entry.match.vendor)}</code>, product <code>${e(entry.match.product)}</code></p>
${results
  .map(
    ([
      suite,
      r,
    ]) => `<section class="report" id="${e(suite)}"><h2>${e(suite)}: ${status(r.status)}</h2>
<p class="muted">tested ${e(r.testedAt)} · session <code>${e(r.session)}</code> · bundle <code>${e(r.bundle)}</code> · added ${e(r.addedAt)}</p>
<table class="features"><thead><tr><th scope="col">Feature</th><th scope="col">Status</th></tr></thead><tbody>${Object.entries(
      r.features,
    )
      .map(([f, s]) => `<tr><td>${e(f)}</td><td>${status(s)}</td></tr>`)
      .join("")}</tbody></table>
${r.footnotes.length === 0 ? "" : `<h3>Footnotes</h3><ol class="footnotes">${r.footnotes.map((n) => `<li>${e(n)}</li>`).join("")}</ol>`}
${r.attention.length === 0 ? "" : `<h3>Requirements not met</h3><table><thead><tr><th scope="col">Requirement</th><th scope="col">Verdict</th><th scope="col">Why</th></tr></thead><tbody>${r.attention.map((a) => `<tr><td><code>${e(a.requirement)}</code></td><td>${e(a.verdict)}</td><td>${e(a.reason)}</td></tr>`).join("")}</tbody></table>`}
${r.waivers.length === 0 ? "" : `<p>Waivers applied: ${r.waivers.map((w) => `<code>${e(w)}</code>`).join(", ")}</p>`}
${r.history.length === 0 ? "" : `<h3>History</h3><table><thead><tr><th scope="col">Bundle</th><th scope="col">Status</th><th scope="col">Tested</th><th scope="col">Superseded</th></tr></thead><tbody>${r.history.map((h) => `<tr><td><code>${e(h.bundle)}</code></td><td>${status(h.status)}</td><td>${e(h.testedAt)}</td><td>${e(h.supersededAt)}</td></tr>`).join("")}</tbody></table>`}
</section>`,
  )
  .join("\n")}`;
  return page(`${entry.vendor} ${entry.model} — ${hclName}`, body);
}
