import type { DependencyContainer } from "tsyringe";
import { createRootContainer } from "../../core/di/container.js";
import { resolve } from "../../core/di/token.js";
import { PLUGIN_HOST } from "../../core/di/tokens.js";
import type { HclConfig } from "../../core/config/config-schema.js";
import { StreamLogger } from "../../core/log/logger.js";
import type { HostOptions } from "../../core/plugin/host-options.js";
import type { PluginHost } from "../../core/plugin/plugin-host.js";

/** A root container and its plugin host, with messages captured. */
export interface TestHost {
  readonly root: DependencyContainer;
  readonly host: PluginHost;
  /** What the host wrote for the user (warnings). */
  readonly messages: () => string;
}

/** Builds a real root container for a test: options, configuration and a capturing logger. */
export function makeHost(
  options: Partial<HostOptions> & { cwd: string },
  config: HclConfig = {},
  configDir?: string,
): TestHost {
  let text = "";
  const logger = new StreamLogger({ write: (s: string) => (text += s) });
  const root = createRootContainer({
    options: { ci: false, debug: false, ...options },
    config: { config, file: null, dir: configDir ?? options.cwd },
    logger,
  });
  return { root, host: resolve(root, PLUGIN_HOST), messages: () => text };
}
