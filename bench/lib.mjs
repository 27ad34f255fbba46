// Helpers shared by the benchmarks: option parsing, sample statistics, machine facts.
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * @typedef {object} Stats
 * @property {number} medianMs
 * @property {number} p10Ms
 * @property {number} p90Ms
 * @property {number} minMs
 * @property {number} maxMs
 * @property {number} meanMs
 */

/**
 * Reads a string option (`--name V` or `--name=V`); undefined when absent.
 * @param {string[]} argv
 * @param {string} name
 * @returns {string | undefined}
 */
export function stringOption(argv, name) {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${name}`) return argv[i + 1] ?? "";
    if (argv[i].startsWith(`--${name}=`)) return argv[i].slice(name.length + 3);
  }
  return undefined;
}

/**
 * Reads an integer option ≥ min, or returns the fallback; calls `fail` on a bad value.
 * @param {string[]} argv
 * @param {string} name
 * @param {number} fallback
 * @param {number} min
 * @param {(message: string, code?: number) => never} fail
 * @returns {number}
 */
export function intOption(argv, name, fallback, min, fail) {
  const value = stringOption(argv, name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value === "" || !Number.isInteger(n) || n < min) {
    fail(`--${name} expects an integer ≥ ${min}, got ${value || "nothing"}`, 2);
  }
  return n;
}

/**
 * Percentile by linear interpolation between the closest ranks.
 * @param {number[]} sorted ascending, not empty
 * @param {number} p 0..100
 * @returns {number}
 */
export function percentile(sorted, p) {
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

/**
 * @param {number[]} samples not empty
 * @returns {Stats}
 */
export function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    medianMs: percentile(sorted, 50),
    p10Ms: percentile(sorted, 10),
    p90Ms: percentile(sorted, 90),
    minMs: sorted[0],
    maxMs: sorted[sorted.length - 1],
    meanMs: samples.reduce((a, b) => a + b, 0) / samples.length,
  };
}

/**
 * The facts of the machine a benchmark ran on, so that its figures can be reproduced and compared.
 */
export function machineFacts() {
  const cpus = os.cpus();
  return {
    node: process.version,
    v8: process.versions.v8,
    platform: `${os.platform()} ${os.release()}`,
    arch: os.arch(),
    cpu: cpus.length > 0 ? cpus[0].model.trim() : "unknown",
    cores: cpus.length,
    totalMemMiB: Math.round(os.totalmem() / 2 ** 20),
    loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100),
    nodeOptions: process.env.NODE_OPTIONS ?? null,
  };
}

const DIST = path.resolve(import.meta.dirname, "..", "dist");

/**
 * Imports a module built into dist/; the caller casts it to its source's type.
 * @param {string} file path under dist/
 * @returns {Promise<unknown>}
 */
export function loadDist(file) {
  return import(pathToFileURL(path.join(DIST, file)).href);
}

/**
 * A plugin host built from dist/ as the CLI builds it, its messages dropped (reflect-metadata must
 * be loaded first, by the caller's first import).
 * @param {string} cwd where the configuration is looked for
 */
export async function openHost(cwd) {
  const { bootstrap } = /** @type {typeof import("../core/di/bootstrap.js")} */ (
    await loadDist("core/di/bootstrap.js")
  );
  const { resolve } = /** @type {typeof import("../core/di/token.js")} */ (
    await loadDist("core/di/token.js")
  );
  const { PLUGIN_HOST } = /** @type {typeof import("../core/di/tokens.js")} */ (
    await loadDist("core/di/tokens.js")
  );
  return resolve(
    await bootstrap({ cwd, ci: false, debug: false, messages: { write: () => true } }),
    PLUGIN_HOST,
  );
}
