#!/usr/bin/env node
// Runs every benchmark in bench/, one after the other, each in its own Node process (so one
// benchmark's warm caches or heap do not colour the next). Arguments are passed through to each
// benchmark, e.g. `node bench/run.mjs --runs 80`. `npm run bench` builds first, then runs this.
// Exits non-zero as soon as a benchmark fails.
import { spawnSync } from "node:child_process";
import path from "node:path";

const BENCHMARKS = ["cold-start.mjs", "inventory.mjs", "plan.mjs", "report.mjs", "hcl.mjs"];

for (const name of BENCHMARKS) {
  console.log(`== ${name}`);
  const result = spawnSync(
    process.execPath,
    [path.join(import.meta.dirname, name), ...process.argv.slice(2)],
    {
      stdio: "inherit",
    },
  );
  if (result.error || result.status !== 0) {
    const why = result.error ? result.error.message : `exit status ${String(result.status)}`;
    console.error(`bench: ${name} failed (${why})`);
    process.exit(1);
  }
}
