import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { HclError } from "../../core/errors/hcl-error.js";
import type { HclIndex, IndexRow } from "./store.js";

/** Filters of `hcl query`; every one given must match. @public */
export interface QueryFilter {
  /** Substring of the vendor, case-insensitive. */
  readonly vendor?: string;
  /** Substring of the model or its name, case-insensitive. */
  readonly model?: string;
  /** A feature that must be supported. */
  readonly feature?: string;
  /** Suite id (`cvp`) or version (`cvp@1.1.0`, `cvp@1.1`). */
  readonly suite?: string;
  /** Overall status (`certified`, `certified-with-restrictions`, `not-certified`, `incomplete`). */
  readonly status?: string;
}

/** One matching (model, suite version). @public */
export interface QueryRow {
  readonly entry: string;
  readonly vendor: string;
  readonly model: string;
  readonly name: string | null;
  readonly suite: string;
  readonly status: string;
  readonly supported: readonly string[];
  readonly features: Readonly<Record<string, string>>;
  readonly bundle: string;
  readonly testedAt: string;
}

/**
 * Reads only `index.json` (no YAML, no schema compilation): a query over 10,000 entries is one
 * JSON parse and a filter.
 *
 * @throws HclError `HCL_E_HCL_NOT_FOUND`, `HCL_E_HCL_INVALID`.
 * @public
 */
export function readIndex(dir: string): HclIndex {
  if (!existsSync(path.join(dir, "hcl.yaml")))
    throw new HclError("HCL_E_HCL_NOT_FOUND", `${dir} is not an HCL (no hcl.yaml)`, {
      hint: "Create one with `hclkit hcl init DIR`, or give the right folder with --hcl.",
      details: { dir },
    });
  const file = path.join(dir, "index.json");
  try {
    return JSON.parse(readFileSync(file, "utf8")) as HclIndex;
  } catch (error) {
    throw new HclError("HCL_E_HCL_INVALID", `${file} cannot be read: ${(error as Error).message}`, {
      details: { file },
    });
  }
}

function suiteMatches(key: string, wanted: string | undefined): boolean {
  if (wanted === undefined) return true;
  if (!wanted.includes("@")) return key.split("@")[0] === wanted;
  return `${key}.`.startsWith(`${wanted}.`);
}

/** The (model, suite version) pairs of the index that match every filter, sorted. Pure. @public */
export function queryIndex(rows: readonly IndexRow[], filter: QueryFilter): QueryRow[] {
  const lower = (s: string | undefined) => s?.toLowerCase();
  const vendor = lower(filter.vendor);
  const model = lower(filter.model);
  const out: QueryRow[] = [];
  for (const row of rows) {
    if (vendor !== undefined && !row.vendor.toLowerCase().includes(vendor)) continue;
    if (
      model !== undefined &&
      !row.model.toLowerCase().includes(model) &&
      !(row.name ?? "").toLowerCase().includes(model)
    )
      continue;
    for (const [suite, result] of Object.entries(row.results)) {
      if (!suiteMatches(suite, filter.suite)) continue;
      if (filter.status !== undefined && result.status !== filter.status) continue;
      if (filter.feature !== undefined && result.features[filter.feature] !== "supported") continue;
      out.push({
        entry: row.path,
        vendor: row.vendor,
        model: row.model,
        name: row.name,
        suite,
        status: result.status,
        supported: Object.entries(result.features)
          .filter(([, s]) => s === "supported")
          .map(([f]) => f),
        features: result.features,
        bundle: result.bundle,
        testedAt: result.testedAt,
      });
    }
  }
  return out;
}
