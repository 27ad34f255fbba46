import os from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { LoadedSuite } from "../../core/suite/load-suite.js";
import { testCatalog, type TestInfo } from "../../core/suite/test-catalog.js";
import { baseResult, reevaluateEntry, type Reevaluation } from "./reevaluate.js";
import type { HclStore } from "./store.js";

/** Options of {@link reevaluateAll}. @public */
export interface ReevaluateOptions {
  readonly shard?: { readonly index: number; readonly count: number };
  /** Worker threads; the cores available by default; 0 runs in this thread. */
  readonly workers?: number;
}

/** Below this many entries the work is done in this thread: a worker costs more to start. */
const WORKER_THRESHOLD = 400;

function workerModule(): URL {
  const self = fileURLToPath(import.meta.url);
  return new URL(
    self.endsWith(".ts") ? "./reevaluate-worker.ts" : "./reevaluate-worker.js",
    import.meta.url,
  );
}

/**
 * Re-evaluates every entry of the HCL (or one shard: entries whose position in the index is `i`
 * modulo `n`) against a suite version, in parallel across worker threads. Each entry costs a
 * fact-table read and a plan: no bundle is opened, no evidence parsed.
 *
 * @public
 */
export async function reevaluateAll(
  store: HclStore,
  suite: LoadedSuite,
  tests: readonly TestInfo[],
  options: ReevaluateOptions = {},
): Promise<Reevaluation[]> {
  const all = store.index().rows;
  const rows =
    options.shard === undefined
      ? all
      : all.filter((_, i) => i % (options.shard?.count ?? 1) === options.shard?.index);
  const bases = rows.map((r) => baseResult(r, suite)?.bundle ?? null);
  const cores =
    typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  // By default a worker per core once there is enough work; an explicit count is obeyed.
  const workers =
    options.workers === undefined
      ? Math.min(cores, Math.ceil(rows.length / WORKER_THRESHOLD))
      : Math.min(options.workers, rows.length);
  if (workers <= 1) {
    const catalog = testCatalog(tests);
    return rows.map((row, i) => {
      const bundle = bases[i] ?? null;
      return reevaluateEntry(row, bundle === null ? null : store.facts(bundle), suite, catalog);
    });
  }
  const size = Math.ceil(rows.length / workers);
  const parts = Array.from({ length: workers }, (_, w) => ({
    rows: rows.slice(w * size, (w + 1) * size),
    bases: bases.slice(w * size, (w + 1) * size),
  }));
  const results = await Promise.all(
    parts.map(
      (part) =>
        new Promise<Reevaluation[]>((resolve, reject) => {
          const worker = new Worker(workerModule(), {
            workerData: { dir: store.dir, suite, tests, rows: part.rows, bases: part.bases },
          });
          worker.once("message", (m: Reevaluation[]) => resolve(m));
          worker.once("error", reject);
          worker.once("exit", (code) => {
            if (code !== 0) reject(new Error(`a re-evaluation worker exited with code ${code}`));
          });
        }),
    ),
  );
  return results.flat();
}
