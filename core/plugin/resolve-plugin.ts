import { existsSync, realpathSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { HclError } from "../errors/hcl-error.js";
import type { PluginSpec } from "./plugin-source.js";

/** A plugin located on disk. @public */
export interface ResolvedPlugin {
  /** The package directory, or the module file of a single-file plugin; what the digest covers. */
  readonly root: string;
  /** The module to import. */
  readonly entry: string;
}

/** Conditions of a package's `exports` that hclkit imports through, in order of preference. */
const CONDITIONS = ["import", "node", "default"];
/** Entry files of a folder without package.json (built-ins: `.ts` under the test runner). */
const INDEX_FILES = ["index.js", "index.mjs", "index.cjs", "index.ts"];

/**
 * Locates a plugin: a package name through the `node_modules` folders above the project (as
 * Node resolves it), a path as a file or a package folder.
 *
 * @throws HclError `HCL_E_PLUGIN_NOT_FOUND`, or `HCL_E_PLUGIN_INVALID` for a broken package.json.
 * @public
 */
export async function resolvePlugin(spec: PluginSpec): Promise<ResolvedPlugin> {
  const root = spec.kind === "path" ? spec.specifier : findPackageDir(spec);
  let stats;
  try {
    stats = statSync(root);
  } catch {
    throw new HclError(
      "HCL_E_PLUGIN_NOT_FOUND",
      `plugin ${spec.label}: no file or folder at ${root}`,
      {
        hint:
          spec.origin === "config"
            ? "Fix the path in hclkit.config.yaml (relative paths start at the file's folder)."
            : "Check the path.",
        details: { plugin: spec.label, path: root },
      },
    );
  }
  const real = realpathSync(root);
  if (stats.isFile()) return { root: real, entry: real };
  return { root: real, entry: await packageEntry(real, spec.label) };
}

function findPackageDir(spec: PluginSpec): string {
  const looked: string[] = [];
  let dir = path.resolve(spec.baseDir);
  for (;;) {
    const candidate = path.join(dir, "node_modules", spec.specifier);
    looked.push(path.join(dir, "node_modules"));
    if (existsSync(path.join(candidate, "package.json"))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new HclError(
    "HCL_E_PLUGIN_NOT_FOUND",
    `plugin package ${spec.specifier} is not installed`,
    {
      hint: `Install it in the project (npm install ${spec.specifier}), or remove it from ${spec.origin === "config" ? "hclkit.config.yaml" : "package.json"}.`,
      details: { plugin: spec.label, looked },
    },
  );
}

async function packageEntry(dir: string, label: string): Promise<string> {
  const manifestPath = path.join(dir, "package.json");
  if (!existsSync(manifestPath)) {
    const index = INDEX_FILES.map((f) => path.join(dir, f)).find((f) => existsSync(f));
    if (index !== undefined) return index;
    throw notFound(label, dir, `no package.json and none of ${INDEX_FILES.join(", ")}`);
  }
  let manifest: { exports?: unknown; main?: unknown };
  try {
    manifest = JSON.parse(await readFile(manifestPath, "utf8")) as typeof manifest;
  } catch (error) {
    throw new HclError(
      "HCL_E_PLUGIN_INVALID",
      `plugin ${label}: ${manifestPath} is not valid JSON`,
      {
        hint: "Fix the plugin's package.json.",
        cause: error,
        details: { plugin: label, file: manifestPath },
      },
    );
  }
  const target =
    exportsTarget(manifest.exports) ??
    (typeof manifest.main === "string" ? manifest.main : "index.js");
  const entry = path.resolve(dir, target);
  if (!entry.startsWith(dir + path.sep) || !existsSync(entry)) {
    throw notFound(label, dir, `its entry point ${target} does not exist in the package`);
  }
  return entry;
}

/** The target of the package's "." export for the conditions hclkit imports through. */
function exportsTarget(exports: unknown): string | undefined {
  if (typeof exports === "string") return exports;
  if (Array.isArray(exports)) {
    for (const item of exports) {
      const found = exportsTarget(item);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof exports !== "object" || exports === null) return undefined;
  const map = exports as Record<string, unknown>;
  if (Object.keys(map).some((k) => k.startsWith("."))) return exportsTarget(map["."]);
  for (const condition of CONDITIONS) {
    const found = exportsTarget(map[condition]);
    if (found !== undefined) return found;
  }
  return undefined;
}

function notFound(label: string, dir: string, why: string): HclError {
  return new HclError(
    "HCL_E_PLUGIN_NOT_FOUND",
    `plugin ${label} at ${dir} has no entry point: ${why}`,
    {
      hint: "Give the package a main or an exports field that points at its plugin module.",
      details: { plugin: label, path: dir },
    },
  );
}
