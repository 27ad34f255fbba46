import type { Limits } from "../../../core/suite/suite-schema.js";
import { judgeMeasurement } from "../../../core/suite/evaluate.js";

/** What a stretch of the axis means for a value that falls in it. @public */
export type ZoneKind = "fail" | "marginal" | "pass";

/** A stretch of the axis, `from` < `to`, in the measurement's unit. @public */
export interface Zone {
  readonly kind: ZoneKind;
  readonly from: number;
  readonly to: number;
}

/** The part of the number line a chart shows. @public */
export interface Domain {
  readonly lo: number;
  readonly hi: number;
}

/**
 * Numbers beyond this magnitude are drawn at it (their labels keep the real value), so that no
 * span, midpoint or scale can overflow to `Infinity` or turn into `NaN`.
 */
const HUGE = 1e15;

/**
 * How far beyond its limits a value is still drawn to scale: this many times the larger of the
 * limits' span and their magnitude (300 MB/s against a minimum of 60 is on the chart; 10⁹ is not).
 */
const REACH = 10;

/** `n` as drawn: within ±{@link HUGE}. @public */
export const tame = (n: number): number => Math.max(-HUGE, Math.min(HUGE, n));

/** The distinct limits of a measurement (`min`, `marginal`, `max`), ascending. @public */
export function thresholds(limits: Limits): number[] {
  const all = [limits.min, limits.marginal, limits.max].filter(
    (n): n is number => typeof n === "number" && Number.isFinite(n),
  );
  return [...new Set(all.map(tame))].sort((a, b) => a - b);
}

/**
 * How a value is judged against its limits: the same rule as the verdict
 * (`judgeMeasurement`), so that the chart cannot disagree with the report.
 *
 * @public
 */
export function classify(value: number, limits: Limits): ZoneKind {
  const judged = judgeMeasurement(value, limits);
  if (!judged.pass) return "fail";
  return judged.marginal ? "marginal" : "pass";
}

function limitSpan(t: readonly number[]): number {
  const lo = t[0] ?? 0;
  const span = (t[t.length - 1] ?? 0) - lo;
  return span > 0 ? span : Math.max(Math.abs(lo), 1);
}

/**
 * The axis of a chart: the limits with half their span of room either side (from 0 when every
 * limit is positive and the value is not negative, like a bar), widened to hold the value with a
 * little room, but never farther than {@link REACH} times the limits' size: a value farther out
 * is drawn at the edge as off scale. Always finite, with `lo < hi`.
 *
 * @public
 */
export function chartDomain(value: number, limits: Limits): Domain {
  const t = thresholds(limits);
  const v = Number.isFinite(value) ? tame(value) : null;
  if (t.length === 0) {
    const at = v ?? 0;
    const room = Math.max(Math.abs(at), 1);
    return { lo: Math.min(0, at - room / 2), hi: Math.max(0, at + room / 2) };
  }
  const first = t[0] as number;
  const last = t[t.length - 1] as number;
  const span = limitSpan(t);
  let lo = first > 0 && (v === null || v >= 0) ? 0 : first - span / 2;
  let hi = last + span / 2;
  if (v !== null) {
    const reach = REACH * Math.max(span, Math.abs(first), Math.abs(last));
    const room = (Math.max(hi, v) - Math.min(lo, v)) / 12;
    lo = Math.min(lo, Math.max(v - room, first - reach));
    hi = Math.max(hi, Math.min(v + room, last + reach));
  }
  return { lo, hi };
}

/**
 * The zones of the axis, left to right, contiguous, covering the domain: each stretch between
 * two limits judged at its middle, neighbours of one kind merged.
 *
 * @public
 */
export function chartZones(limits: Limits, domain: Domain): Zone[] {
  const cuts = thresholds(limits).filter((n) => n > domain.lo && n < domain.hi);
  const edges = [domain.lo, ...cuts, domain.hi];
  const zones: Zone[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const from = edges[i] as number;
    const to = edges[i + 1] as number;
    const kind = classify(from / 2 + to / 2, limits);
    const last = zones[zones.length - 1];
    if (last !== undefined && last.kind === kind) zones[zones.length - 1] = { ...last, to };
    else zones.push({ kind, from, to });
  }
  return zones;
}

/**
 * A linear scale from the domain onto `[left, right]` pixels; values outside are clamped to the
 * edges. Never `NaN`: a non-finite value is put at the middle.
 *
 * @public
 */
export function linearScale(domain: Domain, left: number, right: number): (n: number) => number {
  const width = domain.hi - domain.lo;
  return (n) => {
    if (!Number.isFinite(n) || !(width > 0)) return (left + right) / 2;
    const x = left + ((tame(n) - domain.lo) / width) * (right - left);
    return Math.max(left, Math.min(right, x));
  };
}

/** A text label on the axis, placed: where it starts, its estimated width, its row. @public */
export interface PlacedLabel {
  readonly text: string;
  /** Where the label points (the value or limit), in pixels. */
  readonly at: number;
  /** Where its text starts, kept inside the chart. */
  readonly x: number;
  readonly width: number;
  readonly row: number;
}

/** Estimated width of a text in pixels: generous, so that labels never touch. @public */
export const textWidth = (text: string, fontSize: number): number =>
  [...text].length * fontSize * 0.62;

/**
 * Places labels centred under their points, kept inside `[left, right]`, each in the first row
 * where it does not overlap the label before it (at most `maxRows` rows; the last row takes the
 * rest).
 *
 * @public
 */
export function placeLabels(
  labels: readonly { readonly text: string; readonly at: number }[],
  options: { left: number; right: number; fontSize: number; maxRows: number },
): PlacedLabel[] {
  const ends: number[] = [];
  return [...labels]
    .sort((a, b) => a.at - b.at)
    .map((label) => {
      const width = textWidth(label.text, options.fontSize);
      const x = Math.max(options.left, Math.min(options.right - width, label.at - width / 2));
      let row = ends.findIndex((end) => end + 6 <= x);
      if (row === -1) row = ends.length < options.maxRows ? ends.length : options.maxRows - 1;
      ends[row] = Math.max(ends[row] ?? -Infinity, x + width);
      return { text: label.text, at: label.at, x, width, row };
    });
}

/**
 * Where the word of a zone spanning `[left, right]` pixels is centred: the zone's middle, or
 * the middle of the larger side of the value marker at `marker` when the marker would cross the
 * word; `null` when the word fits nowhere.
 *
 * @public
 */
export function zoneWordAt(
  left: number,
  right: number,
  width: number,
  marker: number | null,
): number | null {
  const gap = 6;
  const fits = (a: number, b: number) => b - a >= width + 2 * gap;
  const middle = (left + right) / 2;
  if (marker === null || Math.abs(marker - middle) > width / 2 + gap)
    return fits(left, right) ? middle : null;
  const sides: [number, number][] = [
    [left, marker - gap],
    [marker + gap, right],
  ];
  const [a, b] = sides.sort((p, q) => q[1] - q[0] - (p[1] - p[0]))[0] as [number, number];
  return fits(a, b) ? (a + b) / 2 : null;
}
