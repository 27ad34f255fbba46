import type { DependencyContainer } from "tsyringe";
import type { LoadedConfig } from "../config/load-config.js";
import type { Logger } from "../log/logger.js";
import type { DriverRunner } from "../plugin/driver-runner.js";
import type { HostOptions } from "../plugin/host-options.js";
import type { LoadedPlugin } from "../plugin/load-plugin.js";
import type { PluginHost } from "../plugin/plugin-host.js";
import { token } from "./token.js";

/** Options of this run (working directory, `--ci`, `--debug`, time bounds). Root scope. @public */
export const HOST_OPTIONS = token<HostOptions>("core.hostOptions");
/** The configuration file as read. Root scope. @public */
export const CONFIG = token<LoadedConfig>("core.config");
/** Messages to the user (stderr). Root scope. @public */
export const LOGGER = token<Logger>("core.logger");
/** The container itself, for the services that open per-plugin scopes. Root scope. @public */
export const CONTAINER = token<DependencyContainer>("core.container");
/** Discovers, loads and runs plugins. Root scope. @public */
export const PLUGIN_HOST = token<PluginHost>("plugin.host");

/** The plugin a per-plugin scope belongs to. Plugin scope. @public */
export const PLUGIN = token<LoadedPlugin>("plugin.current");
/** A logger tagged with the plugin's name. Plugin scope. @public */
export const PLUGIN_LOGGER = token<Logger>("plugin.logger");
/** Runs the drivers of the scope's plugin. Plugin scope. @public */
export const DRIVER_RUNNER = token<DriverRunner>("plugin.driverRunner");
