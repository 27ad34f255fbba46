import type { Report } from "../build-report.js";
import type { JudgedMeasurement, RequirementResult } from "../../../core/run/session-types.js";
import type { Limits } from "../../../core/suite/suite-schema.js";
import { html, type SafeHtml } from "./escape-html.js";
import { verdictBadge } from "./format.js";
import { chartId } from "./requirement-table.js";
import { renderChart } from "./svg-chart.js";

/** A measurement that has limits, with the requirement it belongs to and its position. @public */
export interface ChartedMeasurement {
  readonly requirement: RequirementResult;
  readonly measurement: JudgedMeasurement & { readonly limits: Limits };
  readonly id: string;
  readonly anchor: string;
}

/** Every measurement of the report that has limits, in the requirements' order. @public */
export function chartedMeasurements(report: Report): ChartedMeasurement[] {
  return report.requirements.flatMap((requirement, i) =>
    requirement.measurements.flatMap((m, j) =>
      m.limits === null
        ? []
        : [
            {
              requirement,
              measurement: m as ChartedMeasurement["measurement"],
              id: chartId(i, j),
              anchor: `req-${i}`,
            },
          ],
    ),
  );
}

function figure(c: ChartedMeasurement): SafeHtml {
  const m = c.measurement;
  const title = `${c.requirement.requirement}: ${m.name}`;
  return html`<figure class="chart-figure" id="${c.id}">
    <figcaption>
      <a href="#${c.anchor}"><code>${c.requirement.requirement}</code></a>
      <span class="m-name">${m.name}</span>
      ${verdictBadge(c.requirement.verdict)}${m.marginal && html` <span class="tag tag-marginal">marginal</span>`}
    </figcaption>
    ${renderChart({ id: `${c.id}-svg`, title, value: m.value, unit: m.unit, limits: m.limits })}
  </figure>`;
}

const LEGEND = html`<ul class="legend" aria-label="Legend">
  <li>
    <svg class="swatch" width="28" height="14" aria-hidden="true">
      <defs>
        <pattern
          id="legend-fail"
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" fill="#ffd8d3" />
          <line
            x1="0"
            y1="0"
            x2="0"
            y2="6"
            stroke="#a40e26"
            stroke-width="1.6"
            stroke-opacity="0.45"
          />
        </pattern>
        <pattern id="legend-marginal" width="5" height="5" patternUnits="userSpaceOnUse">
          <rect width="5" height="5" fill="#fff1c2" />
          <circle cx="2.5" cy="2.5" r="0.9" fill="#7d4e00" fill-opacity="0.55" />
        </pattern>
      </defs>
      <rect width="28" height="14" fill="url(#legend-fail)" stroke="#57606a" />
    </svg>
    fail: beyond a limit
  </li>
  <li>
    <svg class="swatch" width="28" height="14" aria-hidden="true">
      <rect width="28" height="14" fill="url(#legend-marginal)" stroke="#57606a" />
    </svg>
    marginal: passes, close to the limit
  </li>
  <li>
    <svg class="swatch" width="28" height="14" aria-hidden="true">
      <rect width="28" height="14" fill="#d2f4d9" stroke="#57606a" />
    </svg>
    pass
  </li>
  <li>
    <svg class="swatch" width="14" height="14" aria-hidden="true">
      <path d="M2 1 L12 1 L7 8 Z" fill="#1f2328" />
      <line x1="7" y1="6" x2="7" y2="14" stroke="#1f2328" stroke-width="2.5" />
    </svg>
    measured value
  </li>
</ul>`;

/**
 * The charts: one per measurement that has limits, the value against its fail, marginal and
 * pass zones.
 *
 * @public
 */
export function chartsSection(report: Report): SafeHtml {
  const charted = chartedMeasurements(report);
  return html`<section id="charts" aria-labelledby="charts-h">
    <h2 id="charts-h">Measurements against limits</h2>
    ${
      charted.length === 0
        ? html`<p class="lead">
            No measurement with limits in this
            report${report.session.evidence.kind === "recorded" ? " (tests that need the live machine are blocked on recorded evidence)" : ""}.
          </p>`
        : html`${LEGEND}
            <div class="chart-grid">${charted.map(figure)}</div>`
    }
  </section>`;
}
