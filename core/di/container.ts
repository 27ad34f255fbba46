import { container, Lifecycle, type DependencyContainer } from "tsyringe";
import type { LoadedConfig } from "../config/load-config.js";
import type { Logger } from "../log/logger.js";
import type { HostOptions } from "../plugin/host-options.js";
import { PluginHost } from "../plugin/plugin-host.js";
import { CONFIG, CONTAINER, HOST_OPTIONS, LOGGER, PLUGIN_HOST } from "./tokens.js";

/** What the composition root is built from. @public */
export interface RootServices {
  readonly options: HostOptions;
  readonly config: LoadedConfig;
  readonly logger: Logger;
}

/**
 * The one composition root: a child of tsyringe's global container (which is never registered
 * on), holding the services of one run. Per-plugin scopes are children of it
 * ({@link createPluginScope}). Classes registered here name every constructor parameter with
 * `@inject(TOKEN)`; no design-time type metadata is read.
 *
 * @public
 */
export function createRootContainer(services: RootServices): DependencyContainer {
  const root = container.createChildContainer();
  root.register(HOST_OPTIONS, { useValue: services.options });
  root.register(CONFIG, { useValue: services.config });
  root.register(LOGGER, { useValue: services.logger });
  root.register(CONTAINER, { useValue: root });
  root.register(PLUGIN_HOST, { useClass: PluginHost }, { lifecycle: Lifecycle.Singleton });
  return root;
}
