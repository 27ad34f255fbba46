import type { Report } from "../build-report.js";
import { html, type SafeHtml } from "./escape-html.js";
import { UNKNOWN, factValue, scalarValue } from "./format.js";

/** One row of the capability table: its dotted name and its value. @public */
export interface CapabilityRow {
  readonly name: string;
  readonly value: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * The capability summary as rows: every leaf of a group (`tpm.present`), every list whole
 * (`cardReaders`, `display.outputs`), in the summary's order.
 *
 * @public
 */
export function capabilityRows(capabilities: NonNullable<Report["capabilities"]>): CapabilityRow[] {
  return Object.entries(capabilities as Record<string, unknown>).flatMap(([group, value]) =>
    isRecord(value)
      ? Object.entries(value).map(([key, leaf]) => ({ name: `${group}.${key}`, value: leaf }))
      : [{ name: group, value }],
  );
}

/** An item of a capability list: its name (or kind, or id) first, then its ids and fields. */
function listItem(item: unknown): SafeHtml {
  if (!isRecord(item)) return factValue(item);
  const head = ["name", "kind", "id"].find((k) => typeof item[k] === "string");
  const paired = "vendorId" in item && "deviceId" in item;
  const rest = Object.entries(item).filter(
    ([k]) => k !== head && !(paired && (k === "vendorId" || k === "deviceId")),
  );
  const ids =
    paired && html`<code>${scalarText(item["vendorId"])}:${scalarText(item["deviceId"])}</code>`;
  return html`${head === undefined ? UNKNOWN : html`<strong>${item[head] as string}</strong>`}
    <span class="fields"
      >${ids}${rest.map(([k, v]) => html`<span class="field"><span class="key">${k}</span> ${k === "id" ? html`<code>${v as string}</code>` : scalarValue(v)}</span>`)}</span
    >`;
}

const scalarText = (v: unknown): string => (typeof v === "string" ? v : "?");

function valueCell(value: unknown): SafeHtml {
  if (!Array.isArray(value)) return factValue(value);
  if (value.length === 0) return html`<span class="none">none</span>`;
  return html`<ul class="values">
    ${value.map((v) => html`<li>${listItem(v)}</li>`)}
  </ul>`;
}

/**
 * The capability table: every capability with its value; `unknown` (the evidence cannot tell)
 * stands out, and lists are shown as lists.
 *
 * @public
 */
export function capabilityTable(report: Report): SafeHtml {
  const head = html`<h2 id="capabilities-h">Capabilities</h2>`;
  if (report.capabilities === null)
    return html`<section id="capabilities" aria-labelledby="capabilities-h">
      ${head}
      <p>${UNKNOWN}: no capability summary (the platform plugins were not run).</p>
    </section>`;
  const rows = capabilityRows(report.capabilities);
  const unknown = rows.filter((r) => r.value === null).length;
  return html`<section id="capabilities" aria-labelledby="capabilities-h">
    ${head}
    <p class="lead">
      What the evidence shows. <strong>${unknown}</strong> of ${rows.length} are ${UNKNOWN}: the
      evidence cannot tell, which is not the same as absent.
    </p>
    <div class="table-wrap">
      <table class="capabilities">
        <thead>
          <tr>
            <th scope="col">Capability</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map((r) => html`<tr${r.value === null ? html` class="row-unknown"` : ""}><th scope="row"><code>${r.name}</code></th><td>${valueCell(r.value)}</td></tr>`)}
        </tbody>
      </table>
    </div>
  </section>`;
}
