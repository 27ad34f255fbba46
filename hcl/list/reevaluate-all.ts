import type { LoadedSuite } from "../../core/suite/load-suite.js";
import { testCatalog, type TestInfo } from "../../core/suite/test-catalog.js";
import { baseResult, reevaluateEntry, type Reevaluation } from "./reevaluate.js";
import type { HclStore } from "./store.js";
import { inWorkers, slices, workerCount } from "./workers.js";

/** Options of {@link reevaluateAll}. @public */
export interface ReevaluateOptions {
  readonly shard?: { readonly index: number; readonly count: number };
  /** Worker threads; the cores available by default; 0 runs in this thread. */
  readonly workers?: number;
}

/** Below this many entries the work is done in this thread: a worker costs more to start. */
const WORKER_THRESHOLD = 400;

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
  const workers = workerCount(rows.length, WORKER_THRESHOLD, options.workers);
  if (workers <= 1) {
    const catalog = testCatalog(tests);
    return rows.map((row, i) => {
      const bundle = bases[i] ?? null;
      return reevaluateEntry(row, bundle === null ? null : store.facts(bundle), suite, catalog);
    });
  }
  const baseParts = slices(bases, workers);
  const results = await inWorkers<object, Reevaluation[]>(
    import.meta.url,
    "reevaluate-worker",
    slices(rows, workers).map((part, w) => ({
      dir: store.dir,
      suite,
      tests,
      rows: part,
      bases: baseParts[w],
    })),
  );
  return results.flat();
}
