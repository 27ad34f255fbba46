#!/usr/bin/env node
// Inventory benchmark, three parts (see bench/README.md, "Inventory"):
//   1. Live: wall time of `hclkit inventory --json` as a whole process, against `lshw -json`,
//      `inxi -Fxxxz` and systeminformation's `si.getAllData()` (each in its own process), and
//      against `node -e 0`. Targets: hclkit ≤ 1.0 × lshw and ≤ 0.1 × systeminformation (ratios of
//      medians). Also, for information, readInventory() called in this process after warm-up.
//   2. Recorded: every snapshot of test/fixtures/linuxhw read by readInventory() in this process
//      after warm-up. Target: ≤ 5 ms per machine (median over rounds of round time / machines).
//   3. udev: parseUdevDb() throughput in MB/s on this machine's `udevadm info --export-db`,
//      repeated to about 20 MB. No target.
//
// Usage: node bench/inventory.mjs [--runs N] [--warmup N] [--rounds N] [--udev-runs N]
//                                 [--udev-db FILE] [--check]
//   --runs N       measured runs of each live command (default 20)
//   --warmup N     unrecorded warm-up runs of each live command (default 3)
//   --rounds N     measured rounds over the whole corpus (default 30; 3 warm-up rounds first)
//   --udev-runs N  measured parses of the ~20 MB udev text (default 15; 3 warm-up parses first)
//   --udev-db FILE read the export from FILE instead of running `udevadm info --export-db`
//   --check        exit 1 when a target that was measured is missed
//
// Live runs are interleaved (one of each command per round) and the order alternates from round
// to round, so drift (thermal, background load, page cache) spreads evenly over the commands. A
// peer tool (lshw, inxi, systeminformation) that is not installed, or fails when first run, is
// reported as skipped. Results are written to bench/results/inventory.json (git-ignored).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { intOption as intOptionOf, machineFacts, percentile, stats, stringOption } from "./lib.mjs";

/** @typedef {import("./lib.mjs").Stats} Stats */
import { pathToFileURL } from "node:url";

const TARGETS = { lshwRatio: 1.0, systeminformationRatio: 0.1, recordedMsPerMachine: 5 };
const ROOT = path.resolve(import.meta.dirname, "..");
const BIN = path.join(ROOT, "dist", "core", "cli-bundle", "bin.js");
const READ_INVENTORY = path.join(ROOT, "dist", "core", "inventory", "read-inventory.js");
const PARSE_UDEV_DB = path.join(ROOT, "dist", "core", "inventory", "udev", "parse-udev-db.js");
const CORPUS = path.join(ROOT, "test", "fixtures", "linuxhw");
const RESULTS_DIR = path.join(import.meta.dirname, "results");
const RESULTS_FILE = path.join(RESULTS_DIR, "inventory.json");
const IN_PROCESS_WARMUP = 10;
const IN_PROCESS_CALLS = 100;
const CORPUS_WARMUP = 3;
const UDEV_TARGET_BYTES = 20e6;
const UDEV_WARMUP = 3;
const UDEV_ONE_COPY_PARSES = 200;

/**
 * @typedef {object} Command
 * @property {string} id
 * @property {string} label
 * @property {string} file executable (`process.execPath` for Node)
 * @property {string[]} args
 * @property {"baseline" | "hclkit" | "information" | "peer"} role
 * @property {string} [skipped] why the command is not measured
 */

/**
 * Prints an error and ends the process.
 * @param {string} message
 * @param {number} [code]
 * @returns {never}
 */
function fail(message, code = 1) {
  console.error(`inventory: ${message}`);
  process.exit(code);
}

/** @param {number} x */
const round3 = (x) => Math.round(x * 1000) / 1000;

/**
 * Stats rounded for the results file, with the samples.
 * @param {number[]} samples
 */
function recorded(samples) {
  const st = stats(samples);
  return {
    medianMs: round3(st.medianMs),
    p10Ms: round3(st.p10Ms),
    p90Ms: round3(st.p90Ms),
    minMs: round3(st.minMs),
    maxMs: round3(st.maxMs),
    meanMs: round3(st.meanMs),
    samplesMs: samples.map(round3),
  };
}

/** @returns {number} milliseconds since an arbitrary origin */
const now = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * Spawns a command to completion, stdin ignored, stdout and stderr piped.
 * @param {string} file
 * @param {string[]} args
 */
function run(file, args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(file, args, {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 256 * 1024 * 1024,
  });
  const end = process.hrtime.bigint();
  return { result, ms: Number(end - start) / 1e6 };
}

/**
 * Why a finished spawn counts as a failure, or null when it succeeded.
 * @param {ReturnType<typeof spawnSync>} result
 * @returns {string | null}
 */
function failure(result) {
  if (result.error) {
    const code = /** @type {NodeJS.ErrnoException} */ (result.error).code;
    return code === "ENOENT" ? "not installed (not found on PATH)" : result.error.message;
  }
  if (result.status === 0) return null;
  const stderr = result.stderr ? result.stderr.toString().trim().split("\n")[0] : "";
  return (
    `exit status ${String(result.status)}, signal ${String(result.signal)}` +
    (stderr ? `: ${stderr}` : "")
  );
}

/**
 * First line of a command's output (stdout, else stderr), or null.
 * @param {string} file
 * @param {string[]} args
 * @returns {string | null}
 */
function firstLine(file, args) {
  const { result } = run(file, args);
  if (result.error || result.status !== 0) return null;
  const text = `${result.stdout?.toString() ?? ""}\n${result.stderr?.toString() ?? ""}`;
  return (
    text
      .split("\n")
      .map((l) => l.trim())
      .find((l) => l !== "") ?? null
  );
}

/**
 * A tool's version: its own answer, else the Debian package's, else null.
 * @param {string} file
 * @param {string[]} args
 * @param {string} debianPackage
 * @returns {string | null}
 */
function toolVersion(file, args, debianPackage) {
  const own = firstLine(file, args);
  if (own !== null) return own;
  const debian = firstLine("dpkg-query", ["-W", "-f=${Version}", debianPackage]);
  return debian === null ? null : `${debian} (Debian package ${debianPackage})`;
}

/**
 * Prints rows as a table: the first column left-aligned, the others right-aligned.
 * @param {string[]} header
 * @param {string[][]} rows
 */
function printTable(header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, col) => Math.max(...all.map((row) => row[col].length)));
  /** @param {string[]} row */
  const line = (row) =>
    row
      .map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col])))
      .join("  ")
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
}

/**
 * @param {number} ratio
 * @param {number} target
 */
const verdict = (ratio, target) => (ratio <= target ? "met" : "MISSED");

/** @param {number} bytes */
const kB = (bytes) => (bytes / 1000).toFixed(1);

const argv = process.argv.slice(2);
const runs = intOptionOf(argv, "runs", 20, 1, fail);
const warmup = intOptionOf(argv, "warmup", 3, 0, fail);
const rounds = intOptionOf(argv, "rounds", 30, 1, fail);
const udevRuns = intOptionOf(argv, "udev-runs", 15, 1, fail);
const udevDbFile = stringOption(argv, "udev-db");
const check = argv.includes("--check");
if (udevDbFile === "") fail("--udev-db expects a file", 2);

for (const file of [BIN, READ_INVENTORY, PARSE_UDEV_DB]) {
  if (!existsSync(file)) {
    fail(
      `${path.relative(ROOT, file)} is missing: dist/ is not built. ` +
        "Run `npm run build` first (or `npm run bench`, which builds and then runs the benchmarks).",
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Machine facts

/**
 * Reads a small file, or returns null when it cannot be read.
 * @param {string} file
 * @returns {string | null}
 */
function readOrNull(file) {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

const cpuFlags = /^flags\s*:(.*)$/m.exec(readOrNull("/proc/cpuinfo") ?? "")?.[1] ?? null;
/** @type {unknown} */
const siManifest = JSON.parse(
  readOrNull(path.join(ROOT, "node_modules", "systeminformation", "package.json")) ?? "null",
);
const systeminformationVersion =
  typeof siManifest === "object" &&
  siManifest !== null &&
  "version" in siManifest &&
  typeof siManifest.version === "string"
    ? siManifest.version
    : null;
const machine = {
  ...machineFacts(),
  uid: process.getuid ? process.getuid() : null,
  hypervisorFlag: cpuFlags === null ? null : cpuFlags.split(/\s+/).includes("hypervisor"),
  detectVirt: firstLine("systemd-detect-virt", []),
  commit: firstLine("git", ["rev-parse", "--short", "HEAD"]),
  workTreeDirty: (() => {
    const { result } = run("git", ["status", "--porcelain"]);
    return result.status === 0 && result.stdout ? result.stdout.length > 0 : null;
  })(),
  tools: {
    lshw: toolVersion("lshw", ["-version"], "lshw"),
    inxi: toolVersion("inxi", ["--version"], "inxi"),
    systeminformation: systeminformationVersion,
    udevadm: toolVersion("udevadm", ["--version"], "udev"),
  },
};

console.log("hclkit inventory benchmark");
console.log(`  node ${machine.node} (V8 ${machine.v8}), ${machine.platform} ${machine.arch}`);
console.log(`  CPU: ${machine.cpu}, ${machine.cores} cores, ${machine.totalMemMiB} MiB RAM`);
console.log(`  load average at start: ${machine.loadavg.join(" ")}`);
if (machine.nodeOptions) console.log(`  NODE_OPTIONS: ${machine.nodeOptions}`);
console.log(
  `  uid ${String(machine.uid)}${machine.uid === 0 ? " (root: the peer tools also read root-only sources)" : ""}` +
    `; virtualisation: ${machine.detectVirt ?? "?"} (systemd-detect-virt), CPU hypervisor flag ` +
    `${machine.hypervisorFlag === null ? "?" : machine.hypervisorFlag ? "set" : "not set"}`,
);
console.log(
  `  hclkit at ${machine.commit ?? "?"}` +
    `${machine.workTreeDirty ? " with uncommitted changes in the work tree" : ""} (dist/ as built)`,
);
console.log(
  `  tools: lshw ${machine.tools.lshw ?? "-"}; ${machine.tools.inxi ?? "inxi -"}; ` +
    `systeminformation ${machine.tools.systeminformation ?? "-"}; udevadm ${machine.tools.udevadm ?? "-"}`,
);

// ---------------------------------------------------------------------------------------------
// 1. Live machine, whole processes

const binRel = path.relative(ROOT, BIN);
const libraryCode =
  `import { readInventory } from ${JSON.stringify(pathToFileURL(READ_INVENTORY).href)};\n` +
  "process.stdout.write(JSON.stringify(await readInventory({ cwd: process.cwd() })));";
const siCode =
  'import si from "systeminformation";\n' +
  "process.stdout.write(JSON.stringify(await si.getAllData()));";
/** @type {Command[]} */
const commands = [
  { id: "node", label: "node -e 0", file: process.execPath, args: ["-e", "0"], role: "baseline" },
  {
    id: "hclkit",
    label: "hclkit inventory --json",
    file: process.execPath,
    args: [binRel, "inventory", "--json"],
    role: "hclkit",
  },
  {
    id: "hclkitRaw",
    label: "hclkit inventory --raw --json",
    file: process.execPath,
    args: [binRel, "inventory", "--raw", "--json"],
    role: "information",
  },
  {
    id: "library",
    label: "node -e readInventory()",
    file: process.execPath,
    args: ["--input-type=module", "-e", libraryCode],
    role: "information",
  },
  { id: "lshw", label: "lshw -json", file: "lshw", args: ["-json"], role: "peer" },
  { id: "inxi", label: "inxi -Fxxxz", file: "inxi", args: ["-Fxxxz"], role: "peer" },
  {
    id: "systeminformation",
    label: "node -e si.getAllData()",
    file: process.execPath,
    args: ["--input-type=module", "-e", siCode],
    role: "peer",
  },
];
if (systeminformationVersion === null) {
  commands[commands.length - 1].skipped =
    "not installed (node_modules/systeminformation missing: run `npm ci` with dev dependencies)";
}

// A first run of each command: it fails the benchmark for hclkit and `node -e 0`, and skips a
// peer (or an informational command) that is missing or fails.
/** @type {Map<string, number>} */
const stdoutBytes = new Map();
for (const command of commands) {
  if (command.skipped) continue;
  const { result } = run(command.file, command.args);
  const why = failure(result);
  if (why !== null) {
    if (command.role === "baseline" || command.role === "hclkit") {
      const stderr = result.stderr ? result.stderr.toString().trim() : "";
      fail(`\`${command.label}\` failed (${why})${stderr ? `\n${stderr}` : ""}`);
    }
    command.skipped = why;
  } else {
    stdoutBytes.set(command.id, result.stdout ? result.stdout.length : 0);
  }
}
const active = commands.filter((c) => !c.skipped);

console.log(
  `\n1. Live machine: wall time of each whole process, ${runs} measured + ${warmup} warm-up runs ` +
    "of each command, interleaved",
);
/** @type {Map<string, number[]>} */
const liveSamples = new Map(active.map((c) => [c.id, []]));
const totalRounds = warmup + runs;
for (let round = 0; round < totalRounds; round++) {
  if (process.stderr.isTTY) process.stderr.write(`  round ${round + 1}/${totalRounds}\r`);
  const order = round % 2 === 0 ? active : [...active].reverse();
  for (const command of order) {
    const { result, ms } = run(command.file, command.args);
    const why = failure(result);
    if (why !== null) {
      const stderr = result.stderr ? result.stderr.toString().trim() : "";
      fail(`\`${command.label}\` failed (${why})${stderr ? `\n${stderr}` : ""}`);
    }
    stdoutBytes.set(command.id, result.stdout ? result.stdout.length : 0);
    if (round >= warmup) liveSamples.get(command.id)?.push(ms);
  }
}
if (process.stderr.isTTY) process.stderr.write(" ".repeat(40) + "\r");

/** @param {string} id */
const liveStats = (id) => {
  const s = liveSamples.get(id);
  return s && s.length > 0 ? stats(s) : null;
};
const nodeMedian = liveStats("node")?.medianMs ?? NaN;
printTable(
  ["command", "median ms", "p10 ms", "p90 ms", "− node ms", "× node", "stdout kB"],
  active.map((command) => {
    const st = /** @type {Stats} */ (liveStats(command.id));
    return [
      command.label,
      st.medianMs.toFixed(1),
      st.p10Ms.toFixed(1),
      st.p90Ms.toFixed(1),
      command.role === "baseline" ? "" : (st.medianMs - nodeMedian).toFixed(1),
      `${(st.medianMs / nodeMedian).toFixed(2)}×`,
      kB(stdoutBytes.get(command.id) ?? 0),
    ];
  }),
);
for (const command of commands.filter((c) => c.skipped)) {
  console.log(`skipped: ${command.label}: ${command.skipped}`);
}

const hclkitMedian = liveStats("hclkit")?.medianMs ?? NaN;
/**
 * hclkit's median over a peer's, or null when the peer was skipped.
 * @param {string} id
 */
const ratioTo = (id) => {
  const st = liveStats(id);
  return st ? hclkitMedian / st.medianMs : null;
};
const liveTargets = [
  { peer: "lshw", label: "lshw -json", target: TARGETS.lshwRatio, ratio: ratioTo("lshw") },
  { peer: "inxi", label: "inxi -Fxxxz", target: null, ratio: ratioTo("inxi") },
  {
    peer: "systeminformation",
    label: "si.getAllData()",
    target: TARGETS.systeminformationRatio,
    ratio: ratioTo("systeminformation"),
  },
];
console.log("\nhclkit inventory --json against the peers (ratio of medians):");
for (const t of liveTargets) {
  const head = `  hclkit / ${t.label}`.padEnd(32);
  if (t.ratio === null) console.log(`${head} skipped`);
  else if (t.target === null) console.log(`${head} ${t.ratio.toFixed(2)}×  (information)`);
  else {
    console.log(
      `${head} ${t.ratio.toFixed(2)}×  target ≤ ${t.target.toFixed(1)}×  ${verdict(t.ratio, t.target)}`,
    );
  }
}

// In this process: readInventory() on the live machine, the work without Node's start-up and
// without module loading.
// (Loaded after the check that dist/ is built; typed from the sources, as dist may be absent.)
/** @type {unknown} */
const readInventoryModule = await import(pathToFileURL(READ_INVENTORY).href);
const { readInventory } = /** @type {typeof import("../core/inventory/read-inventory.js")} */ (
  readInventoryModule
);
let t0 = now();
await readInventory({ cwd: ROOT });
const firstCallMs = now() - t0;
for (let i = 0; i < IN_PROCESS_WARMUP; i++) await readInventory({ cwd: ROOT });
/** @type {number[]} */
const inProcessSamples = [];
for (let i = 0; i < IN_PROCESS_CALLS; i++) {
  t0 = now();
  await readInventory({ cwd: ROOT });
  inProcessSamples.push(now() - t0);
}
const inProcess = stats(inProcessSamples);
console.log(
  `\nIn this process, readInventory({ cwd }) on the live machine: first call ${firstCallMs.toFixed(1)} ms; ` +
    `after ${IN_PROCESS_WARMUP} warm-up calls, ${IN_PROCESS_CALLS} calls: median ` +
    `${inProcess.medianMs.toFixed(2)} ms (p10 ${inProcess.p10Ms.toFixed(2)}, p90 ${inProcess.p90Ms.toFixed(2)})`,
);

// ---------------------------------------------------------------------------------------------
// 2. Recorded corpus

const machines = existsSync(CORPUS)
  ? readdirSync(CORPUS, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(path.join(CORPUS, d.name, "logs")))
      .map((d) => d.name)
      .sort()
  : [];
if (machines.length === 0) fail(`no snapshot found in ${path.relative(ROOT, CORPUS)}`);
/** @param {string} name */
const logBytes = (name) => {
  const logs = path.join(CORPUS, name, "logs");
  return readdirSync(logs).reduce((sum, f) => sum + statSync(path.join(logs, f)).size, 0);
};
const corpusBytes = new Map(machines.map((m) => [m, logBytes(m)]));
/** @type {Map<string, number[]>} */
const perMachine = new Map(machines.map((m) => [m, []]));
/** @type {number[]} */
const perRound = [];
for (let round = 0; round < CORPUS_WARMUP + rounds; round++) {
  const order = round % 2 === 0 ? machines : [...machines].reverse();
  let roundMs = 0;
  for (const name of order) {
    t0 = now();
    await readInventory({ from: path.join(CORPUS, name), cwd: ROOT });
    const ms = now() - t0;
    roundMs += ms;
    if (round >= CORPUS_WARMUP) perMachine.get(name)?.push(ms);
  }
  if (round >= CORPUS_WARMUP) perRound.push(roundMs / machines.length);
}
const corpus = stats(perRound);
const totalCorpusBytes = [...corpusBytes.values()].reduce((a, b) => a + b, 0);
console.log(
  `\n2. Recorded: the ${machines.length} snapshots of ${path.relative(ROOT, CORPUS)} read by ` +
    `readInventory({ from }) in this process, ${rounds} rounds after ${CORPUS_WARMUP} warm-up rounds`,
);
printTable(
  ["machine", "logs kB", "median ms", "p10 ms", "p90 ms", "MB/s"],
  machines.map((name) => {
    const st = stats(perMachine.get(name) ?? []);
    const bytes = corpusBytes.get(name) ?? 0;
    return [
      name,
      kB(bytes),
      st.medianMs.toFixed(2),
      st.p10Ms.toFixed(2),
      st.p90Ms.toFixed(2),
      (bytes / 1e6 / (st.medianMs / 1000)).toFixed(1),
    ];
  }),
);
const corpusMet = corpus.medianMs <= TARGETS.recordedMsPerMachine;
console.log(
  `per machine (each round's time / ${machines.length}): median ${corpus.medianMs.toFixed(2)} ms ` +
    `(p10 ${corpus.p10Ms.toFixed(2)}, p90 ${corpus.p90Ms.toFixed(2)}), ` +
    `${kB(totalCorpusBytes / machines.length)} kB of logs per machine on average; ` +
    `target ≤ ${TARGETS.recordedMsPerMachine} ms  ${corpusMet ? "met" : "MISSED"}`,
);

// ---------------------------------------------------------------------------------------------
// 3. udevadm export-db throughput

/** @type {Record<string, unknown> | null} */
let udevResult = null;
console.log("\n3. udev database: parseUdevDb() throughput");
/** @type {string | null} */
let db = null;
/** @type {string} */
let dbSource;
if (udevDbFile !== undefined) {
  dbSource = udevDbFile;
  try {
    db = readFileSync(path.resolve(udevDbFile), "utf8");
  } catch (e) {
    fail(`cannot read --udev-db ${udevDbFile}: ${e instanceof Error ? e.message : String(e)}`);
  }
} else {
  dbSource = "udevadm info --export-db";
  const { result } = run("udevadm", ["info", "--export-db"]);
  const why = failure(result);
  if (why === null && result.stdout) db = result.stdout.toString("utf8");
  else console.log(`skipped: \`udevadm info --export-db\`: ${why ?? "no output"}`);
}
if (db !== null && db.trim() !== "") {
  /** @type {unknown} */
  const parseUdevDbModule = await import(pathToFileURL(PARSE_UDEV_DB).href);
  const { parseUdevDb } = /** @type {typeof import("../core/inventory/udev/parse-udev-db.js")} */ (
    parseUdevDbModule
  );
  // Each copy ends with a blank line, so that the copies are separate records.
  const copy = db.endsWith("\n\n") ? db : db.endsWith("\n") ? `${db}\n` : `${db}\n\n`;
  const copyBytes = Buffer.byteLength(copy, "utf8");
  const copies = Math.max(1, Math.ceil(UDEV_TARGET_BYTES / copyBytes));
  const text = copy.repeat(copies);
  const bytes = Buffer.byteLength(text, "utf8");
  const one = parseUdevDb(copy, "udev-db");
  const oneRecords = one.value?.length ?? 0;
  if (oneRecords === 0) fail(`parseUdevDb found no record in the output of ${dbSource}`);

  for (let i = 0; i < UDEV_ONE_COPY_PARSES / 10; i++) parseUdevDb(copy, "udev-db");
  /** @type {number[]} */
  const oneSamples = [];
  for (let i = 0; i < UDEV_ONE_COPY_PARSES; i++) {
    t0 = now();
    parseUdevDb(copy, "udev-db");
    oneSamples.push(now() - t0);
  }

  /** @type {number[]} */
  const udevSamples = [];
  let records = 0;
  for (let i = 0; i < UDEV_WARMUP + udevRuns; i++) {
    t0 = now();
    const parsed = parseUdevDb(text, "udev-db");
    const ms = now() - t0;
    records = parsed.value?.length ?? 0;
    if (i >= UDEV_WARMUP) udevSamples.push(ms);
  }
  if (records !== oneRecords * copies) {
    fail(`parseUdevDb found ${records} records in ${copies} copies of ${oneRecords}`);
  }
  const st = stats(udevSamples);
  const mbps = udevSamples.map((ms) => bytes / 1e6 / (ms / 1000)).sort((a, b) => a - b);
  const oneSt = stats(oneSamples);
  console.log(
    `  input: \`${dbSource}\`, ${copyBytes} bytes, ${oneRecords} records, repeated ${copies}× ` +
      `(each copy ending with a blank line) = ${bytes} bytes (${(bytes / 1e6).toFixed(1)} MB), ` +
      `${records} records`,
  );
  console.log(
    `  ${udevRuns} parses after ${UDEV_WARMUP} warm-up: median ${percentile(mbps, 50).toFixed(1)} MB/s ` +
      `(p10 ${percentile(mbps, 10).toFixed(1)}, p90 ${percentile(mbps, 90).toFixed(1)}); ` +
      `median ${st.medianMs.toFixed(1)} ms per parse (MB = 10^6 bytes)`,
  );
  console.log(
    `  one copy (${kB(copyBytes)} kB), ${UDEV_ONE_COPY_PARSES} parses: median ` +
      `${oneSt.medianMs.toFixed(3)} ms (${(copyBytes / 1e6 / (oneSt.medianMs / 1000)).toFixed(1)} MB/s)`,
  );
  udevResult = {
    source: dbSource,
    copyBytes,
    copyRecords: oneRecords,
    copies,
    bytes,
    records,
    runs: udevRuns,
    warmup: UDEV_WARMUP,
    medianMBps: round3(percentile(mbps, 50)),
    p10MBps: round3(percentile(mbps, 10)),
    p90MBps: round3(percentile(mbps, 90)),
    ...recorded(udevSamples),
    oneCopy: { parses: UDEV_ONE_COPY_PARSES, medianMs: round3(oneSt.medianMs) },
  };
} else if (db !== null) {
  console.log(`skipped: ${dbSource} is empty`);
}

// ---------------------------------------------------------------------------------------------
// Results

const lshwTarget = liveTargets[0];
const siTarget = liveTargets[2];
const missed = [
  lshwTarget.ratio !== null && lshwTarget.ratio > TARGETS.lshwRatio ? "hclkit / lshw" : null,
  siTarget.ratio !== null && siTarget.ratio > TARGETS.systeminformationRatio
    ? "hclkit / systeminformation"
    : null,
  corpusMet ? null : "recorded ms per machine",
].filter((x) => x !== null);

const loadavgAtEnd = os.loadavg().map((x) => Math.round(x * 100) / 100);
console.log(`\nload average at end: ${loadavgAtEnd.join(" ")}`);
const results = {
  benchmark: "inventory",
  date: new Date().toISOString(),
  machine: { ...machine, loadavgAtEnd },
  live: {
    runs,
    warmup,
    commands: commands.map((command) => {
      const s = liveSamples.get(command.id);
      return {
        id: command.id,
        label: command.label,
        role: command.role,
        argv: [command.file === process.execPath ? "node" : command.file, ...command.args],
        ...(command.skipped || !s
          ? { skipped: command.skipped ?? "not run" }
          : {
              stdoutBytes: stdoutBytes.get(command.id) ?? null,
              ...recorded(s),
              minusNodeMs: round3(stats(s).medianMs - nodeMedian),
              ratioToNode: round3(stats(s).medianMs / nodeMedian),
            }),
      };
    }),
    targets: liveTargets.map((t) => ({
      ratio: `hclkit / ${t.peer}`,
      value: t.ratio === null ? null : round3(t.ratio),
      max: t.target,
      met: t.ratio === null || t.target === null ? null : t.ratio <= t.target,
    })),
    inProcess: {
      call: "readInventory({ cwd })",
      firstCallMs: round3(firstCallMs),
      warmup: IN_PROCESS_WARMUP,
      calls: IN_PROCESS_CALLS,
      ...recorded(inProcessSamples),
    },
  },
  recorded: {
    corpus: path.relative(ROOT, CORPUS),
    machines: machines.length,
    rounds,
    warmup: CORPUS_WARMUP,
    target: { maxMsPerMachine: TARGETS.recordedMsPerMachine, met: corpusMet },
    perMachineMs: recorded(perRound),
    byMachine: machines.map((name) => ({
      machine: name,
      logBytes: corpusBytes.get(name) ?? 0,
      ...recorded(perMachine.get(name) ?? []),
    })),
  },
  udev: udevResult,
};
mkdirSync(RESULTS_DIR, { recursive: true });
writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nresults written to ${path.relative(ROOT, RESULTS_FILE)}`);

if (check && missed.length > 0) fail(`target missed: ${missed.join(", ")}`);
