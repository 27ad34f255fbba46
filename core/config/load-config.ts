import { readFile } from "node:fs/promises";
import path from "node:path";
import { HclError } from "../errors/hcl-error.js";
import { findUp } from "../util/find-up.js";
import type { HclConfig } from "./config-schema.js";

/** The file name hclkit looks for. @public */
export const CONFIG_FILE_NAME = "hclkit.config.yaml";

/** A configuration and where it came from. @public */
export interface LoadedConfig {
  readonly config: HclConfig;
  /** Absolute path of the file read; `null` when none was found (all defaults). */
  readonly file: string | null;
  /** Directory that relative paths in the file are resolved against. */
  readonly dir: string;
}

/**
 * Finds and reads the configuration: the file given explicitly, else the first
 * `hclkit.config.yaml` in `cwd` or one of its parents, else defaults.
 *
 * @throws HclError `HCL_E_CONFIG_READ`, `HCL_E_CONFIG_PARSE` or `HCL_E_CONFIG_INVALID`.
 * @public
 */
export async function loadConfig(cwd: string, explicitFile?: string): Promise<LoadedConfig> {
  const file =
    explicitFile === undefined ? findUp(cwd, CONFIG_FILE_NAME) : path.resolve(cwd, explicitFile);
  if (file === undefined) return { config: {}, file: null, dir: cwd };
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new HclError("HCL_E_CONFIG_READ", `cannot read the configuration file ${file}`, {
      hint: explicitFile === undefined ? undefined : "Check the path given to --config.",
      cause: error,
      details: { file },
    });
  }
  // The YAML parser and the schema validator load only when there is a file to read.
  const { parseConfig } = await import("./parse-config.js");
  return { config: parseConfig(text, file), file, dir: path.dirname(file) };
}
