/**
 * `hclkit/host`: for programs that embed hclkit — read evidence, load plugins, identify a
 * machine. Loads the DI container (and the Reflect polyfill it needs, first).
 *
 * @packageDocumentation
 */
// tsyringe needs the Reflect polyfill before it is imported (InversifyJS does the same).
import "reflect-metadata";

export { bootstrap, type BootstrapOptions } from "./di/bootstrap.js";
export { resolve, token, type Token } from "./di/token.js";
export { PLUGIN_HOST } from "./di/tokens.js";
export type {
  PluginHost,
  PluginSet,
  ProbeResult as PluginProbeResult,
} from "./plugin/plugin-host.js";
export type { LoadedPlugin, PluginFailure, PluginPhase } from "./plugin/load-plugin.js";
export { readInventory } from "./inventory/read-inventory.js";
export { captureMachine } from "./inventory/capture-machine.js";
export { inspectMachine, type Inspection } from "./platform/inspect-machine.js";
export {
  identifyMachine,
  type MachineIdentity,
  type ClassCoverage,
} from "./platform/identify-machine.js";
export type { Platform } from "./platform/schema.js";
