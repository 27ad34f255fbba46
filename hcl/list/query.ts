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

/**
 * The index of an HCL at a git revision: `DIR@REV` (`list@HEAD~3`, `list@v2026.11`) reads
 * `index.json` as it was committed at REV, through `git show`, so that two states of one list can
 * be compared without a second checkout.
 *
 * @throws HclError `HCL_E_HCL_NOT_FOUND` when DIR is not in a git repository or REV has no index.
 * @public
 */
export async function readIndexAt(dir: string, rev: string): Promise<HclIndex> {
  const { execFile } = await import("node:child_process");
  const run = (args: string[]) =>
    new Promise<string>((resolve, reject) =>
      execFile(
        "git",
        ["-C", dir, ...args],
        { maxBuffer: 512 * 1024 * 1024 },
        (error, stdout, stderr) =>
          error === null ? resolve(stdout) : reject(new Error(stderr.trim() || error.message)),
      ),
    );
  try {
    const prefix = (await run(["rev-parse", "--show-prefix"])).trim();
    return JSON.parse(await run(["show", `${rev}:${prefix}index.json`])) as HclIndex;
  } catch (error) {
    throw new HclError(
      "HCL_E_HCL_NOT_FOUND",
      `cannot read ${dir}'s index.json at revision ${rev}: ${(error as Error).message.split("\n")[0] ?? ""}`,
      {
        hint: "Give DIR@REV for a list kept in git (a commit, tag or branch that has the list), or two folders.",
        details: { dir, rev },
      },
    );
  }
}

/** Reads `DIR` or `DIR@REV` (a git revision of the list). @public */
export async function readIndexOf(spec: string, cwd: string): Promise<HclIndex> {
  const at = /^(.*[^@])@([^@/\s][^@\s]*)$/.exec(spec);
  const { existsSync: exists } = await import("node:fs");
  if (at !== null && !exists(path.resolve(cwd, spec)))
    return readIndexAt(path.resolve(cwd, at[1] as string), at[2] as string);
  return readIndex(path.resolve(cwd, spec));
}
