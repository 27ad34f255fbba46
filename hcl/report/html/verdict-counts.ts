import type { Report } from "../build-report.js";
import { VERDICTS } from "../../../core/suite/verdicts.js";
import { html, type SafeHtml } from "./escape-html.js";
import { verdictBadge } from "./format.js";

/**
 * How many requirements ended in each verdict, every verdict listed (zeros too).
 *
 * @public
 */
export function countsSection(report: Report): SafeHtml {
  const total = VERDICTS.reduce((n, v) => n + (report.counts[v] ?? 0), 0);
  return html`<section class="counts" id="counts" aria-labelledby="counts-h">
    <h2 id="counts-h">Results <span class="total">${total} requirements</span></h2>
    <ul class="count-list">
      ${VERDICTS.map((v) => {
        const n = report.counts[v] ?? 0;
        return html`<li class="count count-${v}${n === 0 ? " zero" : ""}">
          <span class="n">${n}</span> ${verdictBadge(v)}
        </li>`;
      })}
    </ul>
  </section>`;
}
