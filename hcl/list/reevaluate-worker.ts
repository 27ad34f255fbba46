// A worker thread of `hcl reevaluate`: re-evaluates the rows it is given and posts the results.
import { parentPort, workerData } from "node:worker_threads";
import type { LoadedSuite } from "../../core/suite/load-suite.js";
import { testCatalog, type TestInfo } from "../../core/suite/test-catalog.js";
import { reevaluateEntry } from "./reevaluate.js";
import { HclStore, type IndexRow } from "./store.js";

interface Job {
  readonly dir: string;
  readonly suite: LoadedSuite;
  readonly tests: readonly TestInfo[];
  readonly rows: readonly IndexRow[];
  readonly bases: readonly (string | null)[];
}

const job = workerData as Job;
const store = new HclStore(job.dir);
const tests = testCatalog(job.tests);
const out = job.rows.map((row, i) => {
  const bundle = job.bases[i] ?? null;
  return reevaluateEntry(row, bundle === null ? null : store.facts(bundle), job.suite, tests);
});
parentPort?.postMessage(out);
