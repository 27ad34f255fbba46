import type { HclConfig, LoadFailurePolicy } from "../config/config-schema.js";
import { DEFAULT_PLUGIN_TIMEOUT_MS } from "./invoke.js";

/** Options of one hclkit run, set by the CLI or by a library caller. @public */
export interface HostOptions {
  /** The working directory: where the configuration and the project's package.json are looked for. */
  readonly cwd: string;
  /** `--ci`: the default load-failure policy becomes `abort`. */
  readonly ci: boolean;
  /** `--debug`: detail and stacks. */
  readonly debug: boolean;
  /** Time bound of one call into plugin code; overrides the configuration. */
  readonly pluginTimeoutMs?: number;
  /** Where built-in plugins are; the shipped `plugins/` folder by default. */
  readonly builtinDir?: string;
}

/** The policy when neither the configuration nor a plugin override says otherwise. @public */
export function defaultPolicy(options: HostOptions): LoadFailurePolicy {
  return options.ci ? "abort" : "continue";
}

/** Time bound of one call into plugin code: the option, else the configuration, else the default. @public */
export function pluginTimeoutMs(options: HostOptions, config: HclConfig): number {
  return options.pluginTimeoutMs ?? config.pluginTimeoutMs ?? DEFAULT_PLUGIN_TIMEOUT_MS;
}
