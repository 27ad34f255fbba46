import type { Report } from "../build-report.js";
import type { JudgedMeasurement, RequirementResult } from "../../../core/run/session-types.js";
import type { Limits } from "../../../core/suite/suite-schema.js";
import { html, type SafeHtml } from "./escape-html.js";
import { formatNumber, verdictBadge } from "./format.js";
import { requirementEvidence } from "./requirement-evidence.js";

/**
 * The id of the chart of a requirement's measurement (positions in the report, not its strings).
 *
 * @public
 */
export const chartId = (requirement: number, measurement: number): string =>
  `chart-${requirement}-${measurement}`;

/** `min 60 · marginal 80 MB/s`, `max 0 sockets`. @public */
export function limitsText(limits: Limits): string {
  const parts = (["min", "marginal", "max"] as const)
    .filter((k) => typeof limits[k] === "number")
    .map((k) => `${k} ${formatNumber(limits[k] as number)}`);
  return `${parts.join(" · ")} ${limits.unit}`.trim();
}

function measurement(m: JudgedMeasurement, id: string): SafeHtml {
  return html`<li>
    <span class="m-name">${m.name}</span>
    <strong class="m-value">${formatNumber(m.value)} ${m.unit}</strong>${
      m.limits !== null && html` <span class="m-limits">(${limitsText(m.limits)})</span>`
    }${m.marginal && html` <span class="tag tag-marginal">marginal</span>`}${
      m.limits !== null && html` <a class="chart-link" href="#${id}">chart</a>`
    }
  </li>`;
}

function waiver(r: RequirementResult): SafeHtml | false {
  if (r.waiver === null)
    return r.raw !== r.verdict && html`<div class="raw">raw ${verdictBadge(r.raw)}</div>`;
  const w = r.waiver;
  return html`<div class="waiver">
    <div class="raw">raw ${verdictBadge(r.raw)}</div>
    <div>waiver <strong>${w.id}</strong>: ${w.reason}</div>
    <div class="waiver-meta">ticket ${w.ticket} · expires ${w.expires} · issued by ${w.issuer}</div>
  </div>`;
}

/** What the filter box searches: id, title, feature, severity, kind, verdicts and reason. */
const searchText = (r: RequirementResult): string =>
  [r.requirement, r.title, r.feature, r.severity, r.kind, r.verdict, r.raw, r.reason, r.waiver?.id]
    .filter((p) => typeof p === "string")
    .join(" ")
    .toLowerCase();

function requirementRows(r: RequirementResult, i: number): SafeHtml {
  return html`<tbody
    class="req req-${r.verdict}"
    id="req-${i}"
    data-verdict="${r.verdict}"
    data-search="${searchText(r)}"
  >
    <tr class="main">
      <td class="num">${i + 1}</td>
      <th scope="row">
        <code class="req-id">${r.requirement}</code
        >${r.title !== null && html`<div class="req-title">${r.title}</div>`}
      </th>
      <td>${r.feature}</td>
      <td class="sev sev-${r.severity}">${r.severity}</td>
      <td>${r.kind}</td>
      <td class="verdict">
        ${verdictBadge(r.verdict)}${r.marginal && html` <span class="tag tag-marginal">marginal</span>`}${waiver(r)}
      </td>
      <td class="reason">
        ${r.reason}${
          r.measurements.length > 0 &&
          html`<ul class="measurements">
            ${r.measurements.map((m, j) => measurement(m, chartId(i, j)))}
          </ul>`
        }
      </td>
    </tr>
    <tr class="evidence-row">
      <td></td>
      <td colspan="6">${requirementEvidence(r)}</td>
    </tr>
  </tbody>`;
}

/**
 * The requirement table: id and title, feature, severity, kind, verdict (the raw verdict and
 * the waiver beside a waived one), reason and measurements with their limits, marginal ones
 * marked; each with its evidence on demand.
 *
 * @public
 */
export function requirementTable(report: Report): SafeHtml {
  return html`<section id="requirements" aria-labelledby="requirements-h">
    <h2 id="requirements-h">Requirements</h2>
    <div class="filter" data-filter hidden></div>
    <div class="table-wrap">
      <table class="requirements">
        <thead>
          <tr>
            <th scope="col" class="num">#</th>
            <th scope="col">Requirement</th>
            <th scope="col">Feature</th>
            <th scope="col">Severity</th>
            <th scope="col">Kind</th>
            <th scope="col">Verdict</th>
            <th scope="col">Reason and measurements</th>
          </tr>
        </thead>
        ${report.requirements.map(requirementRows)}
      </table>
    </div>
  </section>`;
}
