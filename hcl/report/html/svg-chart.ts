/**
 * Charts of a measurement against its limits, as inline SVG written here rather than drawn by a
 * charting library: the report must be one self-contained file that opens without network
 * access and without JavaScript, prints crisply (vector, labelled, patterned zones that survive
 * greyscale), and stays small; a bullet chart of one value against three zones is a few dozen
 * lines of SVG, while inlining a charting library would add hundreds of kilobytes of script
 * that only draws after it runs.
 */
import type { Limits } from "../../../core/suite/suite-schema.js";
import { html, type SafeHtml } from "./escape-html.js";
import { formatNumber } from "./format.js";
import {
  chartDomain,
  chartZones,
  classify,
  linearScale,
  placeLabels,
  tame,
  zoneWordAt,
  textWidth,
  thresholds,
  type PlacedLabel,
  type ZoneKind,
} from "./chart-geometry.js";

/** What one chart shows. @public */
export interface ChartInput {
  /** Unique in the page: prefixes the ids of the chart's title, description and patterns. */
  readonly id: string;
  /** What is measured, for the title: `memory.capacity: availableForGuestMiB`. */
  readonly title: string;
  readonly value: number;
  readonly unit: string;
  readonly limits: Limits;
}

const WIDTH = 600;
const PAD = 8;
const BAR_TOP = 34;
const BAR_HEIGHT = 26;
const FONT = 13;
const ROW = 17;

const ZONE_WORDS: Readonly<Record<ZoneKind, string>> = {
  fail: "FAIL",
  marginal: "MARGINAL",
  pass: "PASS",
};

/** `min 60 MB/s`, `marginal 80 MB/s`, `min/max 5 units`: one label per distinct limit. */
function limitLabels(limits: Limits): { text: string; value: number }[] {
  const named = (["min", "marginal", "max"] as const).filter(
    (k) => typeof limits[k] === "number" && Number.isFinite(limits[k]),
  );
  return thresholds(limits).map((value) => {
    const names = named.filter((k) => tame(limits[k] as number) === value);
    const shown = names.length === 1 ? (limits[names[0] as "min"] as number) : value;
    return { text: `${names.join("/")} ${formatNumber(shown)} ${limits.unit}`.trim(), value };
  });
}

/** The words of the value: `7936 MiB · pass`, with `off scale` when drawn at an edge. @public */
export function valueText(input: ChartInput, offScale: "below" | "above" | null): string {
  if (!Number.isFinite(input.value)) return "no value";
  const shown = `${formatNumber(input.value)} ${input.unit} · ${classify(input.value, input.limits)}`;
  if (offScale === null) return shown;
  return offScale === "below" ? `◀ ${shown} (off scale)` : `${shown} (off scale) ▶`;
}

/** A sentence for screen readers: the value, the limits, the outcome. @public */
export function describeChart(input: ChartInput): string {
  const limits = limitLabels(input.limits).map((l) => l.text);
  const value = Number.isFinite(input.value)
    ? `${formatNumber(input.value)} ${input.unit}, judged ${classify(input.value, input.limits)}`
    : "no value";
  return `${input.title}: ${value}; limits: ${limits.length > 0 ? limits.join(", ") : "none"}.`;
}

function patterns(id: string): SafeHtml {
  return html`<defs
    ><pattern
      id="${id}-fail"
      width="6"
      height="6"
      patternUnits="userSpaceOnUse"
      patternTransform="rotate(45)"
      ><rect width="6" height="6" fill="#ffd8d3" /><line
        x1="0"
        y1="0"
        x2="0"
        y2="6"
        stroke="#a40e26"
        stroke-width="1.6"
        stroke-opacity="0.45" /></pattern
    ><pattern id="${id}-marginal" width="5" height="5" patternUnits="userSpaceOnUse"
      ><rect width="5" height="5" fill="#fff1c2" /><circle
        cx="2.5"
        cy="2.5"
        r="0.9"
        fill="#7d4e00"
        fill-opacity="0.55" /></pattern
  ></defs>`;
}

const zoneFill = (id: string, kind: ZoneKind): string =>
  kind === "pass" ? "#d2f4d9" : `url(#${id}-${kind})`;

function zonesSvg(
  input: ChartInput,
  x: (n: number) => number,
  domain: { lo: number; hi: number },
): SafeHtml[] {
  const marker = Number.isFinite(input.value) ? x(input.value) : null;
  return chartZones(input.limits, domain).map((z) => {
    const left = x(z.from);
    const width = Math.max(0, x(z.to) - left);
    const word = ZONE_WORDS[z.kind];
    const at = zoneWordAt(left, left + width, textWidth(word, FONT - 1), marker);
    return html`<rect
        class="zone zone-${z.kind}"
        x="${r(left)}"
        y="${BAR_TOP}"
        width="${r(width)}"
        height="${BAR_HEIGHT}"
        fill="${zoneFill(input.id, z.kind)}"
      />${
        at !== null &&
        html`<text
          class="zone-word"
          x="${r(at)}"
          y="${BAR_TOP + BAR_HEIGHT / 2 + 4}"
          text-anchor="middle"
          font-size="${FONT - 1}"
          >${word}</text
        >`
      }`;
  });
}

function limitTicks(labels: readonly PlacedLabel[]): SafeHtml[] {
  const base = BAR_TOP + BAR_HEIGHT;
  return labels.map((l) => {
    const y = base + 16 + l.row * ROW;
    return html`<line
        class="limit"
        x1="${r(l.at)}"
        y1="${BAR_TOP - 2}"
        x2="${r(l.at)}"
        y2="${y - 10}"
      /><text class="limit-label" x="${r(l.x)}" y="${y}" font-size="${FONT}">${l.text}</text>`;
  });
}

function marker(input: ChartInput, at: number, text: string): SafeHtml {
  if (!Number.isFinite(input.value))
    return html`<text class="value-label" x="${PAD}" y="${BAR_TOP - 10}" font-size="${FONT + 1}"
      >${text}</text
    >`;
  const label = placeLabels([{ text, at }], {
    left: PAD,
    right: WIDTH - PAD,
    fontSize: FONT + 1,
    maxRows: 1,
  })[0] as PlacedLabel;
  const top = BAR_TOP - 7;
  return html`<g class="value value-${classify(input.value, input.limits)}"
    ><line
      x1="${r(at)}"
      y1="${top}"
      x2="${r(at)}"
      y2="${BAR_TOP + BAR_HEIGHT + 3}"
      stroke="#1f2328"
      stroke-width="2.5"
    /><path
      d="M${r(at - 5)} ${top - 5} L${r(at + 5)} ${top - 5} L${r(at)} ${top + 2} Z"
      fill="#1f2328"
    /><text
      class="value-label"
      x="${r(label.x)}"
      y="${BAR_TOP - 17}"
      font-size="${FONT + 1}"
      font-weight="bold"
      >${text}</text
    ></g
  >`;
}

/** Rounds a pixel coordinate for compact output; never `NaN` (inputs are finite). */
const r = (n: number): string => String(Math.round(n * 10) / 10);

/**
 * An SVG bullet chart of one measurement against its limits: the axis split into fail,
 * marginal and pass zones (colour, pattern and word), each limit marked and labelled with its
 * value and unit, and the value as a marker labelled `value unit · outcome` (at the edge and
 * marked off scale when far outside). `<title>` and `<desc>` describe it for screen readers.
 *
 * @public
 */
export function renderChart(input: ChartInput): SafeHtml {
  const domain = chartDomain(input.value, input.limits);
  const x = linearScale(domain, PAD, WIDTH - PAD);
  const offScale = input.value < domain.lo ? "below" : input.value > domain.hi ? "above" : null;
  const labels = placeLabels(
    limitLabels(input.limits).map((l) => ({ text: l.text, at: x(l.value) })),
    { left: PAD, right: WIDTH - PAD, fontSize: FONT, maxRows: 3 },
  );
  const rows = Math.max(1, ...labels.map((l) => l.row + 1));
  const height = BAR_TOP + BAR_HEIGHT + 8 + rows * ROW;
  const id = input.id;
  return html`<svg
    class="chart"
    viewBox="0 0 ${WIDTH} ${height}"
    width="${WIDTH}"
    height="${height}"
    role="img"
    aria-labelledby="${id}-title ${id}-desc"
    font-family="system-ui, 'DejaVu Sans', sans-serif"
  >
    <title id="${id}-title">${input.title}</title>
    <desc id="${id}-desc">${describeChart(input)}</desc>
    ${patterns(id)}${zonesSvg(input, x, domain)}
    <rect
      x="${PAD}"
      y="${BAR_TOP}"
      width="${WIDTH - 2 * PAD}"
      height="${BAR_HEIGHT}"
      fill="none"
      stroke="#57606a"
      stroke-width="1"
    />
    ${limitTicks(labels)}${marker(input, x(input.value), valueText(input, offScale))}
  </svg>`;
}
