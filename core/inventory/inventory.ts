/**
 * Where a value came from: the evidence file (a hw-probe log name such as `logs/lspci_all`, or a
 * sysfs path such as `/sys/bus/pci/devices/0000:00:1f.0/class`) and the lines read.
 *
 * @public
 */
export interface SourceRef {
  readonly file: string;
  /** First line read, 1-based. */
  readonly line?: number;
  /** Last line read, when more than one. */
  readonly endLine?: number;
}

/** One PCI function, as lspci or sysfs shows it. IDs are lower-case hex without `0x`. @public */
export interface PciFunction {
  /** Domain:bus:device.function, `0000:00:1f.0`. */
  readonly address: string;
  /** Class and subclass, `0c03`. */
  readonly classId: string;
  readonly progIf: string | null;
  readonly vendorId: string;
  readonly deviceId: string;
  readonly subsystemVendorId: string | null;
  readonly subsystemDeviceId: string | null;
  readonly revision: string | null;
  /** Kernel driver bound to the function; `null` when none is bound or the evidence cannot tell. */
  readonly driver: string | null;
  readonly name: string | null;
  readonly at: SourceRef;
}

/**
 * The normalized, typed description of one machine that drivers probe. Built from a live
 * sysroot or recorded evidence; the same machine gives the same inventory either way.
 * A list that the evidence could not read at all is `null` (unknown), never `[]` (none).
 *
 * @public
 */
export interface Inventory {
  readonly pci: readonly PciFunction[] | null;
}

/** The inventory of a machine about which nothing is known. @public */
export function emptyInventory(): Inventory {
  return { pci: null };
}
