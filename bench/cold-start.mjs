#!/usr/bin/env node
// Cold-start benchmark: wall time of `hclkit --version` (and, for information, of
// `hclkit plugins list --json`) against a bare `node -e 0` on the same machine, as ratios of
// medians. Target: `--version` ≤ 1.5 × `node -e 0`. See bench/README.md.
//
// Usage: node bench/cold-start.mjs [--runs N] [--warmup N] [--check]
//   --runs N    measured runs of each command (default 40)
//   --warmup N  unrecorded warm-up runs of each command (default 5)
//   --check     exit 1 when the --version ratio misses the target
//
// Runs are interleaved (one of each command per round) and the order alternates from round to
// round, so drift (thermal, background load, page cache) spreads evenly over the commands.
// Results are written to bench/results/cold-start.json (git-ignored).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { intOption as intOptionOf, machineFacts, stats } from "./lib.mjs";

/** @typedef {import("./lib.mjs").Stats} Stats */

const TARGET_RATIO = 1.5;
const ROOT = path.resolve(import.meta.dirname, "..");
const BIN = path.join(ROOT, "dist", "core", "cli-bundle", "bin.js");
const RESULTS_DIR = path.join(import.meta.dirname, "results");
const RESULTS_FILE = path.join(RESULTS_DIR, "cold-start.json");

/**
 * @typedef {object} Command
 * @property {string} id
 * @property {string} label
 * @property {string[]} args arguments to `node`
 * @property {number} [target] maximum ratio to `node -e 0`, when there is a target
 */

/**
 * Prints an error and ends the process.
 * @param {string} message
 * @param {number} [code]
 * @returns {never}
 */
function fail(message, code = 1) {
  console.error(`cold-start: ${message}`);
  process.exit(code);
}

/**
 * Spawns one command to completion and returns its wall time in milliseconds.
 * @param {Command} command
 * @returns {number}
 */
function timeOnce(command) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, command.args, {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const end = process.hrtime.bigint();
  if (result.error || result.status !== 0) {
    const why = result.error
      ? result.error.message
      : `exit status ${String(result.status)}, signal ${String(result.signal)}`;
    const stderr = result.stderr ? result.stderr.toString().trim() : "";
    fail(`\`${command.label}\` failed (${why})${stderr ? `\n${stderr}` : ""}`);
  }
  return Number(end - start) / 1e6;
}

/** @param {number} x */
const round3 = (x) => Math.round(x * 1000) / 1000;

const argv = process.argv.slice(2);
const runs = intOptionOf(argv, "runs", 40, 1, fail);
const warmup = intOptionOf(argv, "warmup", 5, 0, fail);
const check = argv.includes("--check");

if (!existsSync(BIN)) {
  fail(
    `${path.relative(ROOT, BIN)} is missing: dist/ is not built. ` +
      "Run `npm run build` first (or `npm run bench`, which builds and then runs the benchmarks).",
  );
}

const binRel = path.relative(ROOT, BIN);
/** @type {Command[]} */
const commands = [
  { id: "node", label: "node -e 0", args: ["-e", "0"] },
  { id: "version", label: "hclkit --version", args: [binRel, "--version"], target: TARGET_RATIO },
  {
    id: "pluginsList",
    label: "hclkit plugins list --json",
    args: [binRel, "plugins", "list", "--json"],
  },
];

const machine = {
  ...machineFacts(),
};

console.log("hclkit cold-start benchmark");
console.log(`  node ${machine.node} (V8 ${machine.v8}), ${machine.platform} ${machine.arch}`);
console.log(`  CPU: ${machine.cpu}, ${machine.cores} cores, ${machine.totalMemMiB} MiB RAM`);
console.log(`  load average at start: ${machine.loadavg.join(" ")}`);
if (machine.nodeOptions) console.log(`  NODE_OPTIONS: ${machine.nodeOptions}`);
console.log(`  ${runs} measured + ${warmup} warm-up runs of each command, interleaved\n`);

/** @type {Map<string, number[]>} */
const samples = new Map(commands.map((c) => [c.id, []]));
for (let round = 0; round < warmup + runs; round++) {
  const order = round % 2 === 0 ? commands : [...commands].reverse();
  for (const command of order) {
    const ms = timeOnce(command);
    if (round >= warmup) samples.get(command.id)?.push(ms);
  }
}

const baselineMedian = stats(samples.get("node") ?? []).medianMs;
const measured = commands.map((command) => {
  const s = samples.get(command.id) ?? [];
  const st = stats(s);
  return { command, samples: s, stats: st, ratio: st.medianMs / baselineMedian };
});

const header = ["command", "median ms", "p10 ms", "p90 ms", "ratio", "target"];
const rows = [
  header,
  ...measured.map(({ command, stats: st, ratio }) => [
    command.label,
    st.medianMs.toFixed(1),
    st.p10Ms.toFixed(1),
    st.p90Ms.toFixed(1),
    `${ratio.toFixed(2)}×`,
    command.target === undefined
      ? ""
      : `≤ ${command.target}× ${ratio <= command.target ? "met" : "MISSED"}`,
  ]),
];
const widths = header.map((_, col) => Math.max(...rows.map((row) => row[col].length)));
/** @param {string[]} row */
const line = (row) =>
  row
    .map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col])))
    .join("  ")
    .trimEnd();
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const row of rows.slice(1)) console.log(line(row));
console.log("\nratio = median / median of `node -e 0`");

const version = measured.find((m) => m.command.id === "version");
const met = version !== undefined && version.ratio <= TARGET_RATIO;
const results = {
  benchmark: "cold-start",
  date: new Date().toISOString(),
  machine,
  runs,
  warmup,
  target: { command: "hclkit --version", maxRatio: TARGET_RATIO, met },
  commands: measured.map(({ command, samples: s, stats: st, ratio }) => ({
    id: command.id,
    label: command.label,
    argv: ["node", ...command.args],
    medianMs: round3(st.medianMs),
    p10Ms: round3(st.p10Ms),
    p90Ms: round3(st.p90Ms),
    minMs: round3(st.minMs),
    maxMs: round3(st.maxMs),
    meanMs: round3(st.meanMs),
    ratio: round3(ratio),
    samplesMs: s.map(round3),
  })),
};
mkdirSync(RESULTS_DIR, { recursive: true });
writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
console.log(`results written to ${path.relative(ROOT, RESULTS_FILE)}`);

if (check && !met) {
  fail(
    `\`hclkit --version\` is ${version ? version.ratio.toFixed(2) : "?"}× \`node -e 0\`, ` +
      `above the target ${TARGET_RATIO}×`,
  );
}
