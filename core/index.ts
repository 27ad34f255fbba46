/**
 * hclkit's public API: what plugin authors and programs that embed hclkit import from
 * `"hclkit"`. Everything else is internal and may change without notice.
 *
 * @packageDocumentation
 */
export {
  PLUGIN_API_VERSION,
  DEVICE_CLASSES,
  definePlatformPlugin,
  type ActiveTest,
  type ActiveTestContext,
  type ActiveTestResult,
  type Device,
  type DeviceClass,
  type Driver,
  type Evidence,
  type Fact,
  type FactObject,
  type FactValue,
  type Measurement,
  type PlatformMatch,
  type PlatformPlugin,
  type ProbeContext,
} from "./plugin/api.js";
export type { Inventory, PciFunction, SourceRef } from "./inventory/inventory.js";
export type { Logger } from "./log/logger.js";
export { HclError, isHclError, type HclErrorOptions } from "./errors/hcl-error.js";
export { ERROR_CODES, EXIT, type ErrorCode, type ExitCode } from "./errors/codes.js";
export { bootstrap, type BootstrapOptions } from "./di/bootstrap.js";
export { resolve, token, type Token } from "./di/token.js";
export { PLUGIN_HOST } from "./di/tokens.js";
export type { PluginHost, PluginSet, ProbeResult } from "./plugin/plugin-host.js";
export type { LoadedPlugin, PluginFailure, PluginPhase } from "./plugin/load-plugin.js";
