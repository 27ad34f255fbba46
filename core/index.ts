/**
 * hclkit's plugin API: what plugin authors import from `"hclkit"`. Light on purpose: it loads
 * no DI container and no schema library. Programs that embed hclkit use `"hclkit/host"`; plugin
 * tests use `"hclkit/testing"`. Everything else is internal and may change without notice.
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
  type ProbeResult,
} from "./plugin/api.js";
export { CLASS_FACTS } from "./capabilities/class-facts.js";
export type {
  Inventory,
  PciFunction,
  UsbDevice,
  SourceRef,
  Diagnostic,
} from "./inventory/inventory.js";
export type { Capabilities } from "./capabilities/schema.js";
export type { Logger } from "./log/logger.js";
export { HclError, isHclError, type HclErrorOptions } from "./errors/hcl-error.js";
export { ERROR_CODES, EXIT, type ErrorCode, type ExitCode } from "./errors/codes.js";
