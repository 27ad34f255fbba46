import type { DependencyContainer } from "tsyringe";
import { loadConfig } from "../config/load-config.js";
import { StreamLogger, type TextSink } from "../log/logger.js";
import type { HostOptions } from "../plugin/host-options.js";
import { createRootContainer } from "./container.js";

/** Options of {@link bootstrap}. @public */
export interface BootstrapOptions extends HostOptions {
  /** `--config FILE`; else `hclkit.config.yaml` is looked for from `cwd` upwards. */
  readonly configFile?: string;
  /** Where user messages go (stderr in the CLI). */
  readonly messages: TextSink;
}

/**
 * Reads the configuration and builds the root container of one run: the entry point for the
 * CLI and for programs that use hclkit as a library.
 *
 * @throws HclError for an unreadable or invalid configuration file.
 * @public
 */
export async function bootstrap(options: BootstrapOptions): Promise<DependencyContainer> {
  const config = await loadConfig(options.cwd, options.configFile);
  const logger = new StreamLogger(options.messages, { debug: options.debug });
  return createRootContainer({ options, config, logger });
}
