import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { HclError } from "../errors/hcl-error.js";
import { toHclError } from "../errors/render.js";
import type { PlatformPlugin } from "./api.js";
import { digestPlugin } from "./digest.js";
import { invokePlugin } from "./invoke.js";
import type { PluginOrigin, PluginSpec } from "./plugin-source.js";
import { resolvePlugin } from "./resolve-plugin.js";
import { validatePlugin } from "./validate-plugin.js";

/** The stage at which a plugin failed. @public */
export type PluginPhase = "discover" | "resolve" | "import" | "validate" | "register" | "probe";

/** A plugin that loaded and validated. @public */
export interface LoadedPlugin {
  readonly plugin: PlatformPlugin;
  readonly origin: PluginOrigin;
  /** How it was named (built-in folder, config entry, dependency name, path). */
  readonly label: string;
  /** Package folder or module file. */
  readonly root: string;
  /** The module imported. */
  readonly entry: string;
  /** `sha256:<hex>` over the plugin's files; see {@link digestPlugin}. */
  readonly digest: string;
}

/** A plugin that failed, with the stage and the coded error. @public */
export interface PluginFailure {
  readonly origin: PluginOrigin;
  readonly label: string;
  /** The plugin's own name, once known. */
  readonly plugin: string | null;
  readonly phase: PluginPhase;
  readonly error: HclError;
}

/** Outcome of {@link loadPlugin}. @public */
export type LoadOutcome =
  | { readonly ok: true; readonly loaded: LoadedPlugin }
  | { readonly ok: false; readonly failure: PluginFailure };

/**
 * Resolves, imports (through the choke point, bounded in time), validates and digests one
 * plugin. Never throws: a failure comes back with its phase and coded error.
 *
 * @public
 */
export async function loadPlugin(
  spec: PluginSpec,
  options: { timeoutMs?: number } = {},
): Promise<LoadOutcome> {
  let phase: PluginPhase = "resolve";
  let name: string | null = null;
  let entry: string | undefined;
  try {
    const resolved = await resolvePlugin(spec);
    const root = resolved.root;
    entry = resolved.entry;
    phase = "import";
    const namespace = await invokePlugin<unknown>(
      { plugin: spec.label, hook: "import" },
      () => import(pathToFileURL(resolved.entry).href),
      { ...options, threwCode: "HCL_E_PLUGIN_IMPORT" },
    );
    phase = "validate";
    const exported = defaultExport(namespace);
    if (
      typeof exported === "object" &&
      exported !== null &&
      typeof (exported as { name?: unknown }).name === "string"
    ) {
      name = (exported as { name: string }).name;
    }
    const plugin = validatePlugin(exported, spec.label);
    const digest = await digestPlugin(root);
    return {
      ok: true,
      loaded: {
        plugin,
        origin: spec.origin,
        label: spec.label,
        root,
        entry: resolved.entry,
        digest,
      },
    };
  } catch (error) {
    return {
      ok: false,
      failure: {
        origin: spec.origin,
        label: spec.label,
        plugin: name,
        phase,
        error: withPluginLocation(toHclError(error), entry),
      },
    };
  }
}

/**
 * Adds where in the plugin's own files an import failed (`file:line:col`), so that a user sees
 * the place without --debug: from the top frame of the cause's stack, or for a syntax error
 * (whose stack Node leaves without the file) from `node --check` of the entry module.
 */
function withPluginLocation(error: HclError, entry: string | undefined): HclError {
  if (error.code !== "HCL_E_PLUGIN_IMPORT" || !(error.cause instanceof Error)) return error;
  let at = locationIn(error.cause.stack ?? "");
  if (at === undefined && error.cause instanceof SyntaxError && entry !== undefined) {
    const check = spawnSync(process.execPath, ["--check", entry], {
      encoding: "utf8",
      timeout: 10_000,
    });
    at = locationIn(check.stderr ?? "");
  }
  if (at === undefined) return error;
  return new HclError(error.code, `${error.message} (at ${at})`, {
    hint: error.hint,
    cause: error.cause,
    details: { ...error.details, at },
  });
}

/** The first `/absolute/file:line[:col]` of a stack or of node's error output. */
function locationIn(text: string): string | undefined {
  const match = /(?:file:\/\/|\(|^|\sat\s)(\/[^\s():]+):(\d+)(?::(\d+))?/m.exec(text);
  if (match === null) return undefined;
  return `${match[1]}:${match[2]}${match[3] === undefined ? "" : `:${match[3]}`}`;
}

/** The default export; CommonJS modules transpiled from ESM nest it once more. */
function defaultExport(namespace: unknown): unknown {
  const value = (namespace as { default?: unknown }).default;
  if (typeof value === "object" && value !== null && "default" in value && !("name" in value)) {
    return value.default;
  }
  return value;
}

/** An error for a plugin whose name another loaded plugin already has. @public */
export function duplicateNameError(loaded: LoadedPlugin, first: LoadedPlugin): HclError {
  const name = loaded.plugin.name;
  return new HclError(
    "HCL_E_PLUGIN_DUPLICATE_NAME",
    `plugin name ${name} is taken: ${loaded.label} (${loaded.origin}, ${loaded.root}) has the same name as ${first.label} (${first.origin}, ${first.root})`,
    {
      hint: "Rename one of the plugins, or remove one of them from hclkit.config.yaml or package.json.",
      details: { plugin: name, roots: [first.root, loaded.root] },
    },
  );
}
