import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { LoadedConfig } from "../config/load-config.js";
import { HclError } from "../errors/hcl-error.js";
import { findUp } from "../util/find-up.js";
import type { PluginSpec } from "./plugin-source.js";

/** The built-in plugins' folder: `plugins/` beside `core/`, in the sources and in `dist/`. @public */
export const BUILTIN_PLUGINS_DIR = fileURLToPath(new URL("../../plugins/", import.meta.url));

/** npm names that mark a package as an hclkit plugin: `hclkit-plugin-*`, scoped or not. */
const PLUGIN_PACKAGE = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?hclkit-plugin-[a-z0-9._~-]+$/;

/**
 * Built-in plugins: one folder each under `dir`, in name order. Folders whose name starts with
 * `_` or `.` are not plugins (`_lib` holds code the built-in plugins share).
 *
 * @public
 */
export function discoverBuiltins(dir: string = BUILTIN_PLUGINS_DIR): PluginSpec[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith("_") && !e.name.startsWith("."))
    .map((e) => e.name)
    .sort()
    .map((name) => ({
      origin: "builtin",
      label: name,
      kind: "path",
      specifier: path.join(dir, name),
      baseDir: dir,
    }));
}

/** True when a config entry names a path rather than a package. */
function isPathSpecifier(entry: string): boolean {
  return (
    entry.startsWith(".") ||
    path.isAbsolute(entry) ||
    (entry.includes(path.sep) && !entry.startsWith("@"))
  );
}

/** Plugins listed under `plugins:` in the configuration, in file order. @public */
export function discoverConfigured(loaded: LoadedConfig): PluginSpec[] {
  return (loaded.config.plugins ?? []).map((entry) =>
    isPathSpecifier(entry)
      ? {
          origin: "config",
          label: entry,
          kind: "path",
          specifier: path.resolve(loaded.dir, entry),
          baseDir: loaded.dir,
        }
      : { origin: "config", label: entry, kind: "package", specifier: entry, baseDir: loaded.dir },
  );
}

/**
 * `hclkit-plugin-*` packages among the declared dependencies (dependencies, devDependencies,
 * optionalDependencies) of the project that contains `cwd`: its nearest `package.json`.
 * `node_modules` is never scanned; only declared names are resolved.
 *
 * @throws HclError `HCL_E_PROJECT_MANIFEST` when that package.json is not valid JSON.
 * @public
 */
export async function discoverDependencies(cwd: string): Promise<PluginSpec[]> {
  const manifest = findUp(cwd, "package.json");
  if (manifest === undefined) return [];
  let pkg: Record<string, unknown>;
  try {
    pkg = JSON.parse(await readFile(manifest, "utf8")) as Record<string, unknown>;
  } catch (error) {
    throw new HclError("HCL_E_PROJECT_MANIFEST", `cannot read the project's ${manifest}`, {
      hint: "hclkit reads it to find hclkit-plugin-* dependencies; fix its JSON.",
      cause: error,
      details: { file: manifest },
    });
  }
  const names = new Set<string>();
  for (const field of ["dependencies", "devDependencies", "optionalDependencies"]) {
    const deps = pkg[field];
    if (typeof deps === "object" && deps !== null) {
      for (const name of Object.keys(deps)) if (PLUGIN_PACKAGE.test(name)) names.add(name);
    }
  }
  const baseDir = path.dirname(manifest);
  return [...names].sort().map((name) => ({
    origin: "dependency",
    label: name,
    kind: "package",
    specifier: name,
    baseDir,
  }));
}
