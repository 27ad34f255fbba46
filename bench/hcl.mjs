#!/usr/bin/env node
// HCL benchmark (see bench/README.md, "HCL"). On this machine, as processes, as a user runs them:
//   1. Ingest: `hclkit hcl add` of the signed cvp@1.0 bundles of the 12 corpus machines (each
//      verified: digests, signature, passive verdicts re-derived from its evidence).
//   2. A synthetic list of 10,000 entries: the 12 real entries with varied identities (vendors and
//      models), written with the HCL's own store code; each rests on one of the 12 real bundles and
//      their fact tables. Then, at 2,500, 5,000 and 10,000 entries:
//      - query: `hclkit hcl query --vendor … --json`, wall time (target < 100 ms);
//      - re-evaluate: `hclkit hcl reevaluate --suite cvp@1.1`, entries per second (target ≥ 1,000/s);
//      - publish: `hclkit hcl publish`, wall time (target < 10 s at 10,000);
//      each with its peak RSS (target < 500 MB, flat as the list grows), read by GNU time.
//
// Usage: node bench/hcl.mjs [--runs N] [--entries N]
// Results are written to bench/results/hcl.json (git-ignored).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { intOption, loadDist, machineFacts, stats } from "./lib.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
const BIN = path.join(ROOT, "dist", "core", "cli-bundle", "bin.js");
const CORPUS = path.join(ROOT, "test", "fixtures", "linuxhw");
const RESULTS_DIR = path.join(import.meta.dirname, "results");
const TIME = "/usr/bin/time";
const TARGETS = { queryMs: 100, reevaluatePerSecond: 1000, publishMs: 10_000, peakRssMB: 500 };

/** @type {(message: string, code?: number) => never} */
const fail = (message, code = 1) => {
  console.error(`bench/hcl: ${message}`);
  process.exit(code);
};
const argv = process.argv.slice(2);
const runs = intOption(argv, "runs", 5, 1, fail);
const total = intOption(argv, "entries", 10_000, 12, fail);
if (!existsSync(TIME))
  fail(`${TIME} (GNU time) is needed to read peak memory: apt-get install time`);

/**
 * Runs hclkit under GNU time: wall milliseconds and peak RSS in MB.
 * @param {string[]} args
 * @param {string} cwd
 */
function measure(args, cwd) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(TIME, ["-f", "%M", process.execPath, BIN, ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0)
    fail(`hclkit ${args.join(" ")} exited ${String(r.status)}: ${r.stderr.slice(-2000)}`);
  const lines = r.stderr.trim().split("\n");
  return { ms, rssMB: Number(lines[lines.length - 1]) / 1024, stdout: r.stdout };
}

/** @param {string[]} args @param {string} cwd */
function hclkit(args, cwd) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8" });
  // 1 (not certified) and 4 (incomplete) are verdicts of recorded evidence, not failures.
  if (r.status !== 0 && r.status !== 1 && r.status !== 4)
    fail(`hclkit ${args.join(" ")} exited ${String(r.status)}: ${r.stderr}`);
  return r;
}

const work = mkdtempSync(path.join(os.tmpdir(), "hclkit-bench-hcl-"));
try {
  hclkit(["keys", "generate", "-o", "keys"], work);
  const machines = readdirSync(CORPUS, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  const bundles = machines.map((m) => {
    hclkit(
      [
        "run",
        "--suite",
        "cvp@1.0",
        "--from",
        path.join(CORPUS, m),
        "--out",
        `s-${m}`,
        "--non-interactive",
      ],
      work,
    );
    hclkit(
      ["bundle", `s-${m}`, "-o", `${m}.hclbundle.tar.gz`, "--key", "keys/hclkit-signing.key"],
      work,
    );
    return `${m}.hclbundle.tar.gz`;
  });
  hclkit(["hcl", "init", "list", "--name", "Benchmark HCL"], work);
  hclkit(
    [
      "hcl",
      "trust",
      "--hcl",
      "list",
      "--key",
      "keys/hclkit-signing.pub",
      "--suite",
      "cvp@1.0",
      "cvp@1.1",
      "--plugins",
    ],
    work,
  );
  const ingest = measure(["hcl", "add", "--hcl", "list", ...bundles], work);

  // The synthetic list, written with the store's own code.
  const load = loadDist;
  const storeModule = /** @type {typeof import("../hcl/list/store.js")} */ (
    await load("hcl/list/store.js")
  );
  const entryModule = /** @type {typeof import("../hcl/list/entry.js")} */ (
    await load("hcl/list/entry.js")
  );
  const { HclStore, indexRow } = storeModule;
  const { entryPath } = entryModule;
  const store = new HclStore(path.join(work, "list"));
  const real = store.index().rows.map((r) => ({ row: r, entry: store.entry(r.path) }));
  const vendors = [
    "LENOVO",
    "Dell Inc.",
    "Hewlett-Packard",
    "FUJITSU",
    "Acer",
    "Panasonic",
    "Toshiba",
    "Getac",
  ];
  /** @type {Record<string, unknown>} */
  const figures = {};
  const steps = [2500, 5000, 10_000].filter((n) => n <= total);
  if (!steps.includes(total)) steps.push(total);
  /** @type {import("../hcl/list/store.js").IndexRow[]} */
  const rows = [];
  let made = 0;
  for (const size of steps) {
    const t0 = process.hrtime.bigint();
    for (; made < size; made++) {
      const base = real[made % real.length];
      if (base === undefined || base.entry === null) fail("the real list is empty");
      const vendor = vendors[made % vendors.length] ?? "Acme";
      const model = `${base.entry.model}-${String(made).padStart(5, "0")}`;
      const rel = entryPath(vendor, model);
      const entry = { ...base.entry, vendor, model, match: { vendor, product: model } };
      store.writeEntry(rel, entry);
      rows.push(indexRow(rel, entry));
    }
    store.writeIndex(rows);
    const generateMs = Number(process.hrtime.bigint() - t0) / 1e6;
    /** @type {number[]} */
    const query = [];
    /** @type {number[]} */
    const queryRss = [];
    for (let i = 0; i < runs + 1; i++) {
      const q = measure(
        ["hcl", "query", "--hcl", "list", "--vendor", "lenovo", "--feature", "usb", "--json"],
        work,
      );
      if (i > 0) {
        query.push(q.ms);
        queryRss.push(q.rssMB);
      }
    }
    const reevaluate = measure(
      ["hcl", "reevaluate", "--hcl", "list", "--suite", "cvp@1.1", "--json"],
      work,
    );
    const parsed = /** @type {unknown} */ (JSON.parse(reevaluate.stdout));
    const reevaluated = /** @type {{ ms: number; changed: number }} */ (parsed);
    const publish = measure(["hcl", "publish", "--hcl", "list", "--out", "site"], work);
    const f = {
      generateMs,
      queryMs: stats(query),
      queryPeakRssMB: Math.max(...queryRss),
      reevaluateMs: reevaluate.ms,
      reevaluateInnerMs: reevaluated.ms,
      reevaluatePerSecond: (size / reevaluate.ms) * 1000,
      reevaluateChanged: reevaluated.changed,
      reevaluatePeakRssMB: reevaluate.rssMB,
      publishMs: publish.ms,
      publishPeakRssMB: publish.rssMB,
    };
    figures[String(size)] = f;
    console.log(
      `${size} entries: query ${f.queryMs.medianMs.toFixed(0)} ms (${f.queryPeakRssMB.toFixed(0)} MB) · re-evaluate ${f.reevaluatePerSecond.toFixed(0)}/s (${reevaluate.ms.toFixed(0)} ms as a process, ${reevaluated.ms} ms inside, ${f.reevaluatePeakRssMB.toFixed(0)} MB) · publish ${(publish.ms / 1000).toFixed(2)} s (${f.publishPeakRssMB.toFixed(0)} MB)`,
    );
  }
  const result = {
    at: new Date().toISOString(),
    machine: machineFacts(),
    ingest: {
      bundles: bundles.length,
      ms: ingest.ms,
      msPerBundle: ingest.ms / bundles.length,
      peakRssMB: ingest.rssMB,
    },
    sizes: figures,
    targets: TARGETS,
  };
  console.log(
    `ingest: ${bundles.length} bundles in ${ingest.ms.toFixed(0)} ms (${(ingest.ms / bundles.length).toFixed(0)} ms per verified bundle, ${ingest.rssMB.toFixed(0)} MB)`,
  );
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(path.join(RESULTS_DIR, "hcl.json"), `${JSON.stringify(result, null, 2)}\n`);
} finally {
  if (process.env.HCLKIT_BENCH_KEEP === undefined) rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}
