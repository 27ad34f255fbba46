import type { Inventory } from "./schema.js";

export type { Inventory } from "./schema.js";
export type { SourceRef, Diagnostic } from "./common.js";
export type { PciFunction } from "./pci/schema.js";
export type { UsbDevice } from "./usb/schema.js";

/**
 * The inventory of a machine about which nothing is known: every section `null` (unknown).
 * What `hclkit plugins validate` probes drivers with.
 *
 * @public
 */
export function emptyInventory(location = "(nothing)"): Inventory {
  return {
    schemaVersion: 1,
    source: {
      kind: "file",
      location,
      logs: [],
      sysroot: false,
      capturedAt: null,
      capturedBy: null,
      hostname: null,
    },
    kernel: null,
    smbios: null,
    cpu: null,
    memory: null,
    pci: null,
    usb: null,
    acpi: null,
    power: null,
    tpm: null,
    mei: null,
    net: null,
    storage: null,
    display: null,
    diagnostics: [],
    platform: null,
    capabilities: null,
  };
}
