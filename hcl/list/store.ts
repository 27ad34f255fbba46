import { tryLock } from "../../core/util/pid-lock.js";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { HclError } from "../../core/errors/hcl-error.js";
import { writeDurable, writeJsonDurable } from "../../core/run/durable.js";
import type { FactTable } from "../../core/suite/facts.js";
import type { Answer } from "../../core/run/answers.js";
import type { JudgedMeasurement } from "../../core/run/session-types.js";
import type { Requirement } from "../../core/suite/suite-schema.js";
import type { Verdict } from "../../core/suite/verdicts.js";
import { entryText, parseEntry, type Entry, type EntryResult } from "./entry.js";
import { hclFileText, readHclFile, type HclFile } from "./hcl-config.js";

/** An index row: what query, re-evaluation and the site's table need of an entry. @public */
export interface IndexRow {
  readonly path: string;
  readonly vendor: string;
  readonly model: string;
  readonly name: string | null;
  readonly platform: string | null;
  readonly results: Readonly<
    Record<string, Pick<EntryResult, "status" | "features" | "bundle" | "testedAt">>
  >;
}

/** `index.json`: every entry's row, sorted by path; derived from the entries, rewritten on each change. @public */
export interface HclIndex {
  readonly format: "hclkit-hcl-index/1";
  readonly rows: readonly IndexRow[];
}

/** What a bundle's active and operator results were, kept to re-judge them under another suite. @public */
export interface CarriedResult {
  readonly requirement: string;
  /** The requirement as the bundle's suite defined it: a new suite's is compared with it. */
  readonly definition: Requirement;
  readonly raw: Verdict;
  readonly reason: string;
  readonly measurements: readonly JudgedMeasurement[];
  readonly answer: Answer | null;
}

/** `facts/<hex>.json`: per bundle, its fact table and its carried results (a cache: derivable from the bundle). @public */
export interface BundleFacts {
  readonly bundle: string;
  readonly table: FactTable;
  readonly carried: readonly CarriedResult[];
}

const LOCK_WAIT_MS = 30_000;

/**
 * An HCL folder (DESIGN.md, "the HCL"): `hcl.yaml`, `entries/<vendor>/<model>.yaml`,
 * `bundles/<sha256>.hclbundle.tar.gz`, and two derived files rebuilt from those — `index.json`
 * and `facts/<sha256>.json` — that let queries and re-evaluation run without parsing every entry
 * or any evidence. Every write is atomic; writers take a lock.
 *
 * @public
 */
export class HclStore {
  constructor(readonly dir: string) {}

  file(rel: string): string {
    return path.join(this.dir, rel);
  }

  /** Creates an empty HCL. @throws HclError `HCL_E_HCL_NOT_FOUND` when the folder is one already. */
  static init(dir: string, name: string): HclStore {
    const store = new HclStore(dir);
    if (existsSync(store.file("hcl.yaml")))
      throw new HclError("HCL_E_HCL_NOT_FOUND", `${dir} is an HCL already (it has hcl.yaml)`, {
        details: { dir },
      });
    for (const sub of ["entries", "bundles", "facts"])
      mkdirSync(store.file(sub), { recursive: true });
    writeDurable(
      store.file("hcl.yaml"),
      hclFileText({ name, suites: [], trust: { keys: [], suites: [], plugins: [] } }),
    );
    writeJsonDurable(store.file("index.json"), {
      format: "hclkit-hcl-index/1",
      rows: [],
    } satisfies HclIndex);
    writeDurable(store.file(".gitattributes"), "bundles/*.tar.gz binary\n");
    writeDurable(
      store.file(".gitignore"),
      "# derived from the bundles; rebuilt when missing\nfacts/\n.lock\n",
    );
    return store;
  }

  /** @throws HclError `HCL_E_HCL_NOT_FOUND`. */
  assertExists(): void {
    if (!existsSync(this.file("hcl.yaml")))
      throw new HclError("HCL_E_HCL_NOT_FOUND", `${this.dir} is not an HCL (no hcl.yaml)`, {
        hint: "Create one with `hclkit hcl init DIR`, or give the right folder with --hcl.",
        details: { dir: this.dir },
      });
  }

  async config(): Promise<HclFile> {
    this.assertExists();
    return readHclFile(this.file("hcl.yaml"));
  }

  writeConfig(config: HclFile): void {
    writeDurable(this.file("hcl.yaml"), hclFileText(config));
  }

  index(): HclIndex {
    this.assertExists();
    const file = this.file("index.json");
    if (!existsSync(file)) return { format: "hclkit-hcl-index/1", rows: [] };
    try {
      return JSON.parse(readFileSync(file, "utf8")) as HclIndex;
    } catch (error) {
      throw new HclError(
        "HCL_E_HCL_INVALID",
        `${file} is not valid JSON: ${(error as Error).message}`,
        {
          hint: "index.json is derived from the entries: `hclkit hcl add` rewrites it.",
          details: { file },
        },
      );
    }
  }

  writeIndex(rows: readonly IndexRow[]): void {
    const sorted = [...rows].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    writeDurable(
      this.file("index.json"),
      `${JSON.stringify({ format: "hclkit-hcl-index/1", rows: sorted } satisfies HclIndex)}\n`,
    );
  }

  entry(rel: string): Entry | null {
    const file = this.file(rel);
    if (!existsSync(file)) return null;
    try {
      return parseEntry(readFileSync(file, "utf8"));
    } catch (error) {
      throw new HclError(
        "HCL_E_HCL_INVALID",
        `${file} is not a valid entry: ${(error as Error).message}`,
        { details: { file } },
      );
    }
  }

  writeEntry(rel: string, entry: Entry): void {
    mkdirSync(path.dirname(this.file(rel)), { recursive: true });
    writeDurable(this.file(rel), entryText(entry));
  }

  bundlePath(digest: string): string {
    return this.file(`bundles/${digest.replace(/^sha256:/, "")}.hclbundle.tar.gz`);
  }

  factsPath(digest: string): string {
    return this.file(`facts/${digest.replace(/^sha256:/, "")}.json`);
  }

  facts(digest: string): BundleFacts | null {
    const file = this.factsPath(digest);
    if (!existsSync(file)) return null;
    try {
      return JSON.parse(readFileSync(file, "utf8")) as BundleFacts;
    } catch {
      return null;
    }
  }

  writeFacts(facts: BundleFacts): void {
    mkdirSync(this.file("facts"), { recursive: true });
    writeDurable(this.factsPath(facts.bundle), `${JSON.stringify(facts)}\n`);
  }

  /**
   * Runs `fn` holding the HCL's lock (`.lock`, created exclusively, holding the pid): concurrent
   * writers wait their turn (up to 30 s); a lock whose process is gone is taken over.
   *
   * @throws HclError `HCL_E_HCL_LOCKED`.
   */
  async locked<T>(fn: () => T | Promise<T>): Promise<T> {
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      const attempt = tryLock(this.file(".lock"));
      if (attempt.taken) {
        try {
          return await fn();
        } finally {
          attempt.release();
        }
      }
      const pid = attempt.holder;
      if (Date.now() > deadline)
        throw new HclError(
          "HCL_E_HCL_LOCKED",
          `${this.dir} is locked by process ${pid} for more than ${LOCK_WAIT_MS / 1000} s`,
          {
            hint: `Wait for it to finish, or stop it (kill ${pid}).`,
            details: { dir: this.dir, pid },
          },
        );
      await new Promise((r) => setTimeout(r, 25 + Math.random() * 50));
    }
  }
}

/** The index row of an entry. @public */
export function indexRow(rel: string, entry: Entry): IndexRow {
  return {
    path: rel,
    vendor: entry.vendor,
    model: entry.model,
    name: entry.name,
    platform: entry.platform,
    results: Object.fromEntries(
      Object.entries(entry.results).map(([suite, r]) => [
        suite,
        { status: r.status, features: r.features, bundle: r.bundle, testedAt: r.testedAt },
      ]),
    ),
  };
}
