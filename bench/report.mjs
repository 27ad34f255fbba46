#!/usr/bin/env node
// Report benchmark (see bench/README.md, "Reports"):
//   1. Render: a report of 200 requirements (a real session's report of a corpus machine, its
//      requirements repeated under new ids, measurements included) rendered to every format
//      (JSON, JUnit XML, HTML, Markdown), in process after warm-up. Target: < 200 ms for all.
//   2. Verify: `hclkit verify` of a signed bundle of a corpus machine (ThinkPad T410, cvp@1.0), as
//      a process, and verifyBundle() in process after warm-up. Target: < 300 ms.
//
// Usage: node bench/report.mjs [--runs N]
//   --runs N  measured runs of each part (default 20)
// Results are written to bench/results/report.json (git-ignored).
import "reflect-metadata";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { intOption, loadDist, machineFacts, openHost, stats } from "./lib.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
const DIST = path.join(ROOT, "dist");
const BIN = path.join(DIST, "core", "cli-bundle", "bin.js");
const T410 = path.join(ROOT, "test", "fixtures", "linuxhw", "lenovo-thinkpad-t410-2537pw4");
const SLOW = path.join(ROOT, "test", "fixtures", "suites", "slow.yaml");
const RESULTS_DIR = path.join(import.meta.dirname, "results");
const TARGETS = { renderMs: 200, verifyMs: 300 };

/** @type {(message: string, code?: number) => never} */
const fail = (message, code = 1) => {
  console.error(`bench/report: ${message}`);
  process.exit(code);
};
const runs = intOption(process.argv.slice(2), "runs", 20, 1, fail);
const load = loadDist;

/** @param {string[]} args @param {string} cwd */
const hclkit = (args, cwd) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8" });
  if (r.status !== 0 && r.status !== 1)
    fail(`hclkit ${args.join(" ")} exited ${String(r.status)}: ${r.stderr}`);
  return r;
};

const work = mkdtempSync(path.join(os.tmpdir(), "hclkit-bench-report-"));
try {
  writeFileSync(
    path.join(work, "hclkit.config.yaml"),
    `plugins:\n  - ${path.join(ROOT, "test", "fixtures", "plugins", "slow-tests")}\n`,
  );
  writeFileSync(path.join(work, "answers.yaml"), "ask.display: yes\n");
  hclkit(["run", "--suite", "cvp@1.0", "--from", T410, "--out", "cvp", "--non-interactive"], work);
  hclkit(
    ["run", "--suite", SLOW, "--from", T410, "--out", "slow", "--answers", "answers.yaml"],
    work,
  );
  hclkit(["keys", "generate", "-o", "keys"], work);
  hclkit(
    ["bundle", "cvp", "-o", "t410.hclbundle.tar.gz", "--key", "keys/hclkit-signing.key"],
    work,
  );

  const { reportFromSession } = /** @type {typeof import("../hcl/report/session-report.js")} */ (
    await load("hcl/report/session-report.js")
  );
  const { renderJunit } = /** @type {typeof import("../hcl/report/render-junit.js")} */ (
    await load("hcl/report/render-junit.js")
  );
  const { renderMarkdown } = /** @type {typeof import("../hcl/report/render-markdown.js")} */ (
    await load("hcl/report/render-markdown.js")
  );
  const { renderHtml } = /** @type {typeof import("../hcl/report/html/render-html.js")} */ (
    await load("hcl/report/html/render-html.js")
  );
  const base = reportFromSession(path.join(work, "cvp"));
  const measured = reportFromSession(path.join(work, "slow")).requirements.filter(
    (r) => r.measurements.length > 0,
  );
  const pool = [...base.requirements, ...measured];
  const requirements = Array.from({ length: 200 }, (_, i) => {
    const r = pool[i % pool.length];
    return { ...r, index: i, requirement: `${r.requirement}.${Math.floor(i / pool.length)}` };
  });
  const report = { ...base, requirements };

  const renderAll = () => {
    JSON.stringify(report, null, 2);
    renderJunit(report);
    renderHtml(report);
    renderMarkdown(report);
  };
  /** @param {() => unknown} fn @param {number} n */
  const time = async (fn, n) => {
    for (let i = 0; i < 3; i++) await fn();
    /** @type {number[]} */
    const samples = [];
    for (let i = 0; i < n; i++) {
      const t0 = process.hrtime.bigint();
      await fn();
      samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    return stats(samples);
  };
  const render = await time(renderAll, runs);
  const sizes = {
    jsonBytes: JSON.stringify(report, null, 2).length,
    junitBytes: renderJunit(report).length,
    htmlBytes: renderHtml(report).length,
    markdownBytes: renderMarkdown(report).length,
  };

  const bundle = path.join(work, "t410.hclbundle.tar.gz");
  const verifyProcess = await time(() => {
    const r = spawnSync(
      process.execPath,
      [BIN, "verify", bundle, "--key", "keys/hclkit-signing.pub"],
      { cwd: work },
    );
    if (r.status !== 0) fail(`verify failed: ${r.stderr.toString()}`);
  }, runs);
  const { verifyBundle } = /** @type {typeof import("../hcl/report/verify-bundle.js")} */ (
    await load("hcl/report/verify-bundle.js")
  );
  const host = await openHost(work);
  const verifyInProcess = await time(() => verifyBundle(host, bundle), runs);

  const result = {
    at: new Date().toISOString(),
    machine: machineFacts(),
    requirements: requirements.length,
    renderAllFormatsMs: render,
    sizes,
    verifyProcessMs: verifyProcess,
    verifyInProcessMs: verifyInProcess,
    targets: TARGETS,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(path.join(RESULTS_DIR, "report.json"), `${JSON.stringify(result, null, 2)}\n`);
  const f = (/** @type {number} */ x) => x.toFixed(1);
  console.log(
    `render 200 requirements, all formats: median ${f(render.medianMs)} ms (p90 ${f(render.p90Ms)}), target < ${TARGETS.renderMs} ms`,
  );
  console.log(
    `  sizes: JSON ${sizes.jsonBytes} B, JUnit ${sizes.junitBytes} B, HTML ${sizes.htmlBytes} B, Markdown ${sizes.markdownBytes} B`,
  );
  console.log(
    `hclkit verify (process), T410 bundle: median ${f(verifyProcess.medianMs)} ms (p90 ${f(verifyProcess.p90Ms)}), target < ${TARGETS.verifyMs} ms`,
  );
  console.log(`verifyBundle() in process:            median ${f(verifyInProcess.medianMs)} ms`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
