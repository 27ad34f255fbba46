import { createHash } from "node:crypto";
import type { Report } from "../build-report.js";
import { capabilityTable } from "./capability-table.js";
import { ENHANCE_SCRIPT } from "./enhance-script.js";
import { SafeHtml, html } from "./escape-html.js";
import { featureMatrix } from "./feature-matrix.js";
import { overallLabel } from "./format.js";
import { chartsSection } from "./measurement-charts.js";
import { requirementTable } from "./requirement-table.js";
import { devicesSection, runContext } from "./run-context.js";
import { STYLES } from "./styles.js";
import { machineName, verdictBanner } from "./verdict-banner.js";
import { countsSection } from "./verdict-counts.js";

const sha256 = (text: string): string =>
  `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/**
 * The page's Content-Security-Policy: nothing may be fetched (`default-src 'none'`), and only
 * this stylesheet and this script, named by hash, apply. The browser itself then guarantees
 * that the file reaches no network, and that markup slipped in through a report string could
 * not run or style anything.
 */
const CSP = [
  "default-src 'none'",
  `style-src ${sha256(STYLES)}`,
  `script-src ${sha256(ENHANCE_SCRIPT)}`,
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/**
 * The stylesheet and script elements, built as plain strings so that their content is exactly
 * the text the policy's hashes name (no formatter may indent it).
 */
const STYLE_ELEMENT = new SafeHtml(`<style>${STYLES}</style>`);
const SCRIPT_ELEMENT = new SafeHtml(`<script>${ENHANCE_SCRIPT}</script>`);

const TOC = html`<nav class="toc" aria-label="Contents">
  <ul>
    <li><a href="#feature-matrix">Features</a></li>
    <li><a href="#charts">Measurements</a></li>
    <li><a href="#requirements">Requirements</a></li>
    <li><a href="#capabilities">Capabilities</a></li>
    <li><a href="#devices">Devices</a></li>
    <li><a href="#run">Run context</a></li>
  </ul>
</nav>`;

/**
 * The HTML rendering of a compatibility report: one self-contained HTML5 document (inline
 * stylesheet and SVG charts, no external resource, a Content-Security-Policy that forbids any
 * fetch) that reads and prints: the verdict up front, counts, the feature × status matrix,
 * charts of measurements against their limits, the requirements with evidence on demand, the
 * capabilities (unknowns marked), devices and the run's context. Every string of the report is
 * escaped. Pure: the same report gives the same bytes.
 *
 * @public
 */
export function renderHtml(report: Report): string {
  const title = `${overallLabel(report.overall).word} — ${machineName(report.system)} — ${report.suite.id}@${report.suite.version}`;
  const page = html`<html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta http-equiv="Content-Security-Policy" content="${CSP}" />
      <meta name="generator" content="hclkit ${report.environment.hclkit}" />
      <title>${title}</title>
      ${STYLE_ELEMENT}
    </head>
    <body>
      <a class="skip-link" href="#requirements">Skip to the requirements</a>
      <main>
        ${verdictBanner(report)} ${TOC} ${countsSection(report)} ${featureMatrix(report)}
        ${chartsSection(report)} ${requirementTable(report)} ${capabilityTable(report)}
        ${devicesSection(report)} ${runContext(report)}
      </main>
      <footer>
        Report <code>${report.format}</code> of session <code>${report.session.id}</code>, run with
        hclkit ${report.environment.hclkit}. The signed bundle, not this page, is the record: check
        it with <code>hclkit verify</code>.
      </footer>
      ${SCRIPT_ELEMENT}
    </body>
  </html> `;
  return `<!DOCTYPE html>\n${page.text}`;
}
