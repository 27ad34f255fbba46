import type { IndexRow } from "./store.js";

/** One difference between two states of an HCL. @public */
export interface DiffItem {
  readonly kind: "added" | "removed" | "changed";
  readonly entry: string;
  readonly vendor: string;
  readonly model: string;
  /** Per suite version: status before and after (`null` when absent), features that changed. */
  readonly suites: readonly {
    readonly suite: string;
    readonly before: string | null;
    readonly after: string | null;
    readonly features: readonly {
      readonly feature: string;
      readonly before: string | null;
      readonly after: string | null;
    }[];
    readonly bundle: { readonly before: string | null; readonly after: string | null };
  }[];
}

/**
 * The differences between two HCL indexes: entries added, removed, and changed (a suite version
 * listed or dropped, a status or a feature's status changed, a bundle replaced). Pure.
 *
 * @public
 */
export function diffIndexes(a: readonly IndexRow[], b: readonly IndexRow[]): DiffItem[] {
  const before = new Map(a.map((r) => [r.path, r]));
  const after = new Map(b.map((r) => [r.path, r]));
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  const out: DiffItem[] = [];
  for (const p of paths) {
    const x = before.get(p);
    const y = after.get(p);
    const row = (y ?? x) as IndexRow;
    const suites = [
      ...new Set([...Object.keys(x?.results ?? {}), ...Object.keys(y?.results ?? {})]),
    ]
      .sort()
      .flatMap((suite) => {
        const rx = x?.results[suite];
        const ry = y?.results[suite];
        const features = [
          ...new Set([...Object.keys(rx?.features ?? {}), ...Object.keys(ry?.features ?? {})]),
        ]
          .sort()
          .filter((f) => rx?.features[f] !== ry?.features[f])
          .map((f) => ({
            feature: f,
            before: rx?.features[f] ?? null,
            after: ry?.features[f] ?? null,
          }));
        if (rx?.status === ry?.status && rx?.bundle === ry?.bundle && features.length === 0)
          return [];
        return [
          {
            suite,
            before: rx?.status ?? null,
            after: ry?.status ?? null,
            features,
            bundle: { before: rx?.bundle ?? null, after: ry?.bundle ?? null },
          },
        ];
      });
    if (x === undefined)
      out.push({ kind: "added", entry: p, vendor: row.vendor, model: row.model, suites });
    else if (y === undefined)
      out.push({ kind: "removed", entry: p, vendor: row.vendor, model: row.model, suites });
    else if (suites.length > 0)
      out.push({ kind: "changed", entry: p, vendor: row.vendor, model: row.model, suites });
  }
  return out;
}
