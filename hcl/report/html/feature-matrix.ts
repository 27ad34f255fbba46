import type { Report } from "../build-report.js";
import { VERDICTS, type FeatureOutcome, type Verdict } from "../../../core/suite/verdicts.js";
import { html, type SafeHtml } from "./escape-html.js";
import { statusBadge, verdictBadge } from "./format.js";

/** How many of a feature's requirements ended in each verdict. @public */
export function featureCounts(report: Report, feature: string): Readonly<Record<Verdict, number>> {
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const r of report.requirements)
    if (r.feature === feature && r.verdict in counts) counts[r.verdict] += 1;
  return counts;
}

function row(report: Report, f: FeatureOutcome): SafeHtml {
  const counts = featureCounts(report, f.feature);
  return html`<tr class="feature status-row-${f.status}" data-feature="${f.feature}">
    <th scope="row"><span class="feature-title">${f.title}</span> <code>${f.feature}</code></th>
    <td>${f.required ? html`<strong>required</strong>` : "optional"}</td>
    ${VERDICTS.map((v) => html`<td class="num${counts[v] === 0 ? " zero" : ` hit hit-${v}`}">${counts[v]}</td>`)}
    <td class="status">
      ${statusBadge(f.status)}${
        f.reasons.length > 0 &&
        html`<ul class="why">
          ${f.reasons.map((r) => html`<li>${r}</li>`)}
        </ul>`
      }
    </td>
  </tr>`;
}

/**
 * The feature × status matrix: one row per feature (required or optional), its requirements
 * counted by verdict, and the feature's status with the results that decided it.
 *
 * @public
 */
export function featureMatrix(report: Report): SafeHtml {
  return html`<section id="feature-matrix" aria-labelledby="feature-matrix-h">
    <h2 id="feature-matrix-h">Features</h2>
    <p class="lead">
      A required feature that is not supported means not certified; an optional one, restrictions.
    </p>
    <div class="table-wrap">
      <table class="matrix">
        <caption class="visually-hidden">
          Requirements of each feature by verdict, and the feature's status
        </caption>
        <thead>
          <tr>
            <th scope="col">Feature</th>
            <th scope="col">Required</th>
            ${VERDICTS.map((v) => html`<th scope="col" class="num">${verdictBadge(v)}</th>`)}
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          ${report.features.map((f) => row(report, f))}
        </tbody>
      </table>
    </div>
  </section>`;
}
