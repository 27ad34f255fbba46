#!/usr/bin/env node
// Planning benchmark (see bench/README.md, "Plan"): how long hclkit takes to plan a CVP suite on a
// recorded machine.
//   1. In process, after warm-up: planSuite() alone on every corpus machine's facts (the pure
//      step re-evaluation repeats), and inspect + plan (evidence read, drivers, plan).
//   2. As a user runs it: wall time of `hclkit plan --suite cvp --from <machine> --json`, one
//      process per run, against `hclkit inventory --from <machine> --json` (the evidence reading
//      alone) on the same machine, interleaved.
// No target is set by the issue; the figures go in the closing note.
//
// Usage: node bench/plan.mjs [--rounds N] [--runs N]
//   --rounds N  measured rounds of the in-process parts over the whole corpus (default 30)
//   --runs N    measured process runs of each command (default 10)
// Results are written to bench/results/plan.json (git-ignored).
import "reflect-metadata";
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { intOption, loadDist, machineFacts, openHost, stats } from "./lib.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
const DIST = path.join(ROOT, "dist");
const BIN = path.join(DIST, "core", "cli-bundle", "bin.js");
const CORPUS = path.join(ROOT, "test", "fixtures", "linuxhw");
const RESULTS_DIR = path.join(import.meta.dirname, "results");

/** @type {(message: string, code?: number) => never} */
const fail = (message, code = 1) => {
  console.error(`bench/plan: ${message}`);
  process.exit(code);
};
const argv = process.argv.slice(2);
const rounds = intOption(argv, "rounds", 30, 1, fail);
const runs = intOption(argv, "runs", 10, 1, fail);
const load = loadDist;

const { inspectMachine } = /** @type {typeof import("../core/platform/inspect-machine.js")} */ (
  await load("core/platform/inspect-machine.js")
);
const { findSuite } = /** @type {typeof import("../core/suite/load-suite.js")} */ (
  await load("core/suite/load-suite.js")
);
const { planSuite } = /** @type {typeof import("../core/suite/plan.js")} */ (
  await load("core/suite/plan.js")
);
const { loadDefinitionsBase } = /** @type {typeof import("../core/run/catalog.js")} */ (
  await load("core/run/catalog.js")
);
const host = await openHost(ROOT);
const { tests } = await loadDefinitionsBase(host);
const suite = await findSuite("cvp", {
  dirs: [path.join(ROOT, "hcl", "suites")],
  cwd: ROOT,
  tests: tests.catalog,
});
const machines = readdirSync(CORPUS, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => path.join(CORPUS, e.name));
const options = {
  live: false,
  allowDisruptive: false,
  tests: tests.catalog,
  waivers: [],
  today: "2026-11-23",
};

/** @type {import("../core/suite/facts.js").FactSources[]} */
const facts = [];
for (const from of machines) {
  const { inventory, identity } = await inspectMachine(host, { from, cwd: ROOT });
  facts.push({ inventory, devices: identity.devices });
}

/**
 * @param {() => unknown} fn one round over the corpus
 * @param {number} n measured rounds
 */
const timeRounds = async (fn, n) => {
  /** @type {number[]} */
  const samples = [];
  for (let i = 0; i < 3; i++) await fn();
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6 / machines.length);
  }
  return stats(samples);
};

const planOnly = await timeRounds(() => facts.forEach((f) => planSuite(suite, f, options)), rounds);
const inspectAndPlan = await timeRounds(
  async () => {
    for (const from of machines) {
      const { inventory, identity } = await inspectMachine(host, { from, cwd: ROOT });
      planSuite(suite, { inventory, devices: identity.devices }, options);
    }
  },
  Math.max(3, Math.floor(rounds / 3)),
);

const t410 = path.join(CORPUS, "lenovo-thinkpad-t410-2537pw4");
const commands = {
  plan: ["plan", "--suite", "cvp", "--from", t410, "--json"],
  inventory: ["inventory", "--from", t410, "--json"],
};
/** @type {Record<"plan" | "inventory", number[]>} */
const wall = { plan: [], inventory: [] };
for (let i = 0; i < runs + 2; i++) {
  /** @type {("plan" | "inventory")[]} */
  const order = i % 2 === 0 ? ["plan", "inventory"] : ["inventory", "plan"];
  for (const id of order) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [BIN, ...commands[id]], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "pipe"],
    });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0)
      fail(`hclkit ${commands[id].join(" ")} exited ${String(r.status)}: ${r.stderr.toString()}`);
    if (i >= 2) wall[id].push(ms);
  }
}
const planWall = stats(wall.plan);
const inventoryWall = stats(wall.inventory);
const result = {
  at: new Date().toISOString(),
  machine: machineFacts(),
  suite: `${suite.suite.id}@${suite.suite.version}`,
  snapshots: machines.length,
  planOnlyMsPerSnapshot: planOnly,
  inspectAndPlanMsPerSnapshot: inspectAndPlan,
  planProcessMs: planWall,
  inventoryProcessMs: inventoryWall,
  planOverInventoryRatio: planWall.medianMs / inventoryWall.medianMs,
};
mkdirSync(RESULTS_DIR, { recursive: true });
writeFileSync(path.join(RESULTS_DIR, "plan.json"), `${JSON.stringify(result, null, 2)}\n`);
/** @param {number} x */
const f = (x) => x.toFixed(3);
console.log(
  `plan only (pure), per snapshot:    median ${f(planOnly.medianMs)} ms (p90 ${f(planOnly.p90Ms)})`,
);
console.log(
  `inspect + plan, per snapshot:      median ${f(inspectAndPlan.medianMs)} ms (p90 ${f(inspectAndPlan.p90Ms)})`,
);
console.log(`hclkit plan --from T410, process:  median ${planWall.medianMs.toFixed(1)} ms`);
console.log(`hclkit inventory --from T410:      median ${inventoryWall.medianMs.toFixed(1)} ms`);
console.log(`plan / inventory (processes):      ${result.planOverInventoryRatio.toFixed(2)}×`);
