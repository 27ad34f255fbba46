import type { DependencyContainer } from "tsyringe";
import type { LoadedPlugin } from "../plugin/load-plugin.js";
import { DriverRunner } from "../plugin/driver-runner.js";
import { resolve } from "./token.js";
import { DRIVER_RUNNER, LOGGER, PLUGIN, PLUGIN_LOGGER } from "./tokens.js";

/**
 * Creates the child container of one plugin: the plugin itself, a logger tagged with its name,
 * and the services that act on its behalf. Root services stay visible through the parent.
 *
 * @public
 */
export function createPluginScope(
  root: DependencyContainer,
  loaded: LoadedPlugin,
): DependencyContainer {
  const scope = root.createChildContainer();
  scope.register(PLUGIN, { useValue: loaded });
  scope.register(PLUGIN_LOGGER, { useValue: resolve(root, LOGGER).child(loaded.plugin.name) });
  scope.register(DRIVER_RUNNER, { useClass: DriverRunner });
  return scope;
}
