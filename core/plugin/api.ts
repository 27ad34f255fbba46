import type { Inventory } from "../inventory/inventory.js";
import type { Logger } from "../log/logger.js";

/**
 * The plugin API version this hclkit speaks. Bumped only on breaking changes of the plugin
 * contract; a plugin declaring another version is refused with `HCL_E_PLUGIN_API_VERSION`.
 *
 * @public
 */
export const PLUGIN_API_VERSION = 1;

/** The device classes a driver can declare. @public */
export const DEVICE_CLASSES = [
  "tpm",
  "txt",
  "vpro",
  "esata",
  "card-reader",
  "wifi",
  "power",
  "display",
  "usb",
  "virtualization",
  "crypto",
  "memory",
  "cpu",
] as const;

/** One of {@link DEVICE_CLASSES}. @public */
export type DeviceClass = (typeof DEVICE_CLASSES)[number];

/** A line or value read from the evidence that supports a fact. @public */
export interface Evidence {
  /** Evidence file: a hw-probe log name (`logs/dmidecode`) or a sysfs path. */
  readonly source: string;
  /** First line read, 1-based, when the source is a text log. */
  readonly line?: number;
  /** Last line read, when more than one. */
  readonly endLine?: number;
  /** The text or value read. */
  readonly text?: string;
  /** Why this evidence means what the fact says (or why it cannot tell). */
  readonly note?: string;
}

/** A fact's value: `null` is *unknown from this evidence*, never *absent*. @public */
export type FactValue = boolean | number | string | null | readonly FactValue[] | FactObject;

/** An object-valued fact. @public */
export interface FactObject {
  readonly [key: string]: FactValue;
}

/** A tri-state fact with the evidence that decided it. @public */
export interface Fact {
  readonly value: FactValue;
  readonly evidence: readonly Evidence[];
}

/**
 * A device found by a driver: `{ id, class, bus, vendorId, deviceId, subsystem ids, driver,
 * name, facts, evidence }` (DESIGN.md). IDs are lower-case hex without `0x`.
 *
 * @public
 */
export interface Device {
  /** Unique within one probe: `pci-0000:00:1f.0`, `tpm0`, `platform-txt`. */
  readonly id: string;
  readonly class: DeviceClass;
  /** `pci`, `usb`, `acpi`, `platform`, `cpu`… */
  readonly bus: string;
  readonly vendorId: string | null;
  readonly deviceId: string | null;
  readonly subsystemVendorId: string | null;
  readonly subsystemDeviceId: string | null;
  /** Bound kernel driver; `null` when none or unknown. */
  readonly driver: string | null;
  readonly name: string | null;
  readonly facts: Readonly<Record<string, Fact>>;
  readonly evidence: readonly Evidence[];
}

/** What a driver's probe receives. @public */
export interface ProbeContext {
  readonly inventory: Inventory;
  /** Aborted when the probe runs out of time; long probes should stop when it fires. */
  readonly signal: AbortSignal;
  /** Messages to the user, tagged with the plugin's name. */
  readonly log: Logger;
}

/** A measured value with its unit. @public */
export interface Measurement {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
}

/**
 * What an active test hands back: measurements and facts it established. A test that finds the
 * product at fault says so in `problems` (the verdict is `fail`); a test that does not apply to
 * this machine says why in `skip`. A test that cannot do its job (the harness is at fault) throws.
 *
 * @public
 */
export interface ActiveTestResult {
  readonly measurements: readonly Measurement[];
  readonly facts?: Readonly<Record<string, Fact>>;
  readonly notes?: readonly string[];
  /** Faults of the product the test found: any makes the verdict `fail`. */
  readonly problems?: readonly string[];
  /** The test does not apply here (no such hardware): the verdict is `skip` with this reason. */
  readonly skip?: string;
}

/** What an active test receives. @public */
export interface ActiveTestContext {
  readonly inventory: Inventory;
  /** The device under test, when the test targets one. */
  readonly device: Device | null;
  readonly params: Readonly<Record<string, unknown>>;
  readonly signal: AbortSignal;
  readonly log: Logger;
}

/** An active qualification step a driver offers to suites. @public */
export interface ActiveTest {
  /** Dotted id suites refer to, `storage.read-throughput`. */
  readonly id: string;
  readonly title: string;
  /** `false` when the inventory alone is enough and the test can run on recorded evidence; default `true`. */
  readonly live?: boolean;
  /** Time bound of one run in seconds; 300 by default. */
  readonly timeoutSec?: number;
  run(context: ActiveTestContext): ActiveTestResult | Promise<ActiveTestResult>;
}

/** What a probe returns: devices, or `null` for "the evidence cannot tell". @public */
export type ProbeResult = readonly Device[] | null;

/**
 * A device driver: turns the inventory into the devices of one class, with tri-state facts
 * and their evidence, and may offer active tests.
 *
 * @public
 */
export interface Driver {
  /** Unique within its plugin: kebab-case or dotted (`amt`, `tpm.tis12`). */
  readonly id: string;
  readonly class: DeviceClass;
  readonly title?: string;
  /**
   * The devices of the driver's class found in the inventory, or `null` when the evidence cannot
   * tell (for instance no PCI list at all): an empty list says "there is none".
   */
  probe(context: ProbeContext): ProbeResult | Promise<ProbeResult>;
  readonly tests?: readonly ActiveTest[];
}

/** How a platform plugin recognises its machines. @public */
export interface PlatformMatch {
  /** PCI `vendor:device` IDs (lower-case hex) that identify the platform's chipset (LPC, host bridge). */
  readonly pci?: readonly string[];
  /**
   * PCH device IDs (4 lower-case hex digits) as Intel's SMBIOS type 131 vPro record reports them
   * (its PchCapabilities field): identifies the chipset when the PCI list is missing.
   */
  readonly smbiosPch?: readonly string[];
  /** Matches every machine with the lowest score; only the generic plugin should say so. */
  readonly fallback?: boolean;
}

/**
 * A platform plugin: plain, versioned data first, validated against the plugin schema before
 * any of its functions is called.
 *
 * @public
 */
export interface PlatformPlugin {
  /** Kebab-case, unique among loaded plugins. */
  readonly name: string;
  /** Semantic version of the plugin. */
  readonly version: string;
  /** The plugin API it was written for; must equal {@link PLUGIN_API_VERSION}. */
  readonly apiVersion: number;
  readonly platform: { readonly title: string; readonly match: PlatformMatch };
  readonly drivers: readonly Driver[];
}

/**
 * Declares a platform plugin. Returns its argument unchanged: the helper exists for type
 * checking and editor completion; a plain object with the same shape is just as valid.
 *
 * @example
 * ```ts
 * export default definePlatformPlugin({
 *   name: "intel-calpella",
 *   version: "1.0.0",
 *   apiVersion: 1,
 *   platform: { title: "Intel QM57 (Calpella) vPro", match: { pci: ["8086:3b07"] } },
 *   drivers: [amt, tpm, txt],
 * });
 * ```
 * @public
 */
export function definePlatformPlugin<const P extends PlatformPlugin>(plugin: P): P {
  return plugin;
}
