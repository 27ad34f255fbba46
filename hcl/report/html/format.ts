import type { Evidence } from "../../../core/plugin/api.js";
import type { FeatureStatus, Overall, Verdict } from "../../../core/suite/verdicts.js";
import { html, type SafeHtml } from "./escape-html.js";

/** How a verdict, status or overall outcome is shown: a word and an icon. @public */
export interface Label {
  readonly word: string;
  readonly icon: string;
}

const VERDICT_LABELS: Readonly<Record<Verdict, Label>> = {
  pass: { word: "pass", icon: "✓" },
  fail: { word: "fail", icon: "✗" },
  error: { word: "error", icon: "⚠" },
  blocked: { word: "blocked", icon: "⊘" },
  skip: { word: "skip", icon: "–" },
  pending: { word: "pending", icon: "?" },
  waived: { word: "waived", icon: "✎" },
};

const STATUS_LABELS: Readonly<Record<FeatureStatus, Label>> = {
  supported: { word: "supported", icon: "✓" },
  "not-supported": { word: "not supported", icon: "✗" },
  untested: { word: "untested", icon: "?" },
};

const OVERALL_LABELS: Readonly<Record<Overall, Label>> = {
  certified: { word: "CERTIFIED", icon: "✓" },
  "certified-with-restrictions": { word: "CERTIFIED WITH RESTRICTIONS", icon: "◐" },
  "not-certified": { word: "NOT CERTIFIED", icon: "✗" },
  incomplete: { word: "INCOMPLETE", icon: "…" },
};

const badge = (kind: string, value: string, label: Label | undefined): SafeHtml =>
  html`<span class="badge ${kind}-${value}"
    ><span class="icon" aria-hidden="true">${label?.icon ?? "•"}</span>
    ${label?.word ?? value}</span
  >`;

/**
 * A verdict as a badge: icon and word, coloured by class (colour is never the only signal).
 *
 * @public
 */
export const verdictBadge = (v: Verdict): SafeHtml => badge("verdict", v, VERDICT_LABELS[v]);

/** A feature status as a badge. @public */
export const statusBadge = (s: FeatureStatus): SafeHtml => badge("status", s, STATUS_LABELS[s]);

/** The overall verdict's words (`NOT CERTIFIED`) and icon. @public */
export const overallLabel = (o: Overall): Label =>
  OVERALL_LABELS[o] ?? { word: String(o).toUpperCase(), icon: "•" };

/**
 * A number as people read it: integers whole, others to six significant digits, never `NaN`.
 *
 * @public
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(6)));
}

/** `unknown`, visibly styled: the evidence cannot tell (DESIGN.md, tri-state facts). @public */
export const UNKNOWN = html`<span class="unknown" title="the evidence cannot tell">unknown</span>`;

/** A scalar fact value: `yes`/`no`, a number, text, or {@link UNKNOWN} for `null`. @public */
export function scalarValue(value: unknown): SafeHtml {
  if (value === null || value === undefined) return UNKNOWN;
  if (typeof value === "boolean") return html`<span class="bool">${value ? "yes" : "no"}</span>`;
  if (typeof value === "number") return html`${formatNumber(value)}`;
  if (typeof value === "string") return html`${value}`;
  return html`<code>${JSON.stringify(value)}</code>`;
}

/**
 * Any fact value: lists as lists (an empty one says "none"), objects as `key: value` lists.
 *
 * @public
 */
export function factValue(value: unknown): SafeHtml {
  if (Array.isArray(value))
    return value.length === 0
      ? html`<span class="none">none</span>`
      : html`<ul class="values">
          ${value.map((v) => html`<li>${factValue(v)}</li>`)}
        </ul>`;
  if (value !== null && typeof value === "object")
    return html`<ul class="values">
      ${Object.entries(value).map(([k, v]) => html`<li><span class="key">${k}:</span> ${factValue(v)}</li>`)}
    </ul>`;
  return scalarValue(value);
}

/** Where evidence was read: `logs/dmidecode:639-645`. @public */
export function evidenceLocation(e: Evidence): string {
  if (e.line === undefined) return e.source;
  const end = e.endLine !== undefined && e.endLine !== e.line ? `-${e.endLine}` : "";
  return `${e.source}:${e.line}${end}`;
}

/** A piece of evidence: its location, the text read and why it means what it says. @public */
export function evidenceItem(e: Evidence): SafeHtml {
  return html`<li class="evidence">
    <code class="where">${evidenceLocation(e)}</code>${
      e.text !== undefined && html` <code class="read">${e.text}</code>`
    }${e.note !== undefined && html`<div class="note">${e.note}</div>`}
  </li>`;
}

/** Text or {@link UNKNOWN} when `null` (a report field the evidence could not fill). @public */
export const textOrUnknown = (text: string | null | undefined): SafeHtml =>
  text === null || text === undefined || text.trim() === "" ? UNKNOWN : html`${text}`;
