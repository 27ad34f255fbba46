import { IdsIndex } from "./ids-index.js";
import { readIdsFile } from "./read-ids-file.js";

/**
 * Names of PCI vendors, devices, subsystems and classes from pci.ids. Every lookup answers `null`
 * when the database does not know the ID (or there is no database); IDs are lower-case hex
 * without `0x`, in any case.
 *
 * @public
 */
export interface PciIds {
  /** Whether a database was read; `false` means every name is `null`. */
  readonly available: boolean;
  /** `8086` → `Intel Corporation`. */
  vendor(vendorId: string): string | null;
  /** `8086`, `3b07` → `QM57 Chipset LPC Interface Controller`. */
  device(vendorId: string, deviceId: string): string | null;
  /**
   * The subsystem's name under its device, or — as lspci does (pciutils lib/names.c,
   * `id_lookup_subsys`) — the device's own name when the subsystem IDs equal the device IDs.
   */
  subsystem(
    vendorId: string,
    deviceId: string,
    subsystemVendorId: string,
    subsystemDeviceId: string,
  ): string | null;
  /**
   * The name lspci gives a class: the subclass's (`0805` → `SD Host controller`), else the base
   * class's (`ff00` → `Unassigned class`).
   */
  className(classId: string): string | null;
  /** A programming interface's name: `0c03`, `30` → `XHCI`. */
  progIfName(classId: string, progIf: string): string | null;
}

/** Lookups over the text of a pci.ids file. @public */
export function parsePciIds(text: string): PciIds {
  return pciIds(new IdsIndex(text));
}

/**
 * The system's pci.ids (`/usr/share/misc/pci.ids`, `/usr/share/hwdata/pci.ids`, or `file`),
 * read once per process on first use; lookups answer `null` when there is none.
 *
 * @public
 */
export function loadPciIds(file?: string): PciIds {
  let index: IdsIndex | null | undefined;
  const get = (): IdsIndex | null => (index ??= readIdsFile("pci.ids", file));
  return {
    get available() {
      return get() !== null;
    },
    vendor: (v) => get()?.vendor(v) ?? null,
    device: (v, d) => get()?.device(v, d) ?? null,
    subsystem: (v, d, sv, sd) => subsystemName(get(), v, d, sv, sd),
    className: (c) => classNameOf(get(), c),
    progIfName: (c, p) => progIfOf(get(), c, p),
  };
}

function pciIds(index: IdsIndex): PciIds {
  return {
    available: true,
    vendor: (v) => index.vendor(v),
    device: (v, d) => index.device(v, d),
    subsystem: (v, d, sv, sd) => subsystemName(index, v, d, sv, sd),
    className: (c) => classNameOf(index, c),
    progIfName: (c, p) => progIfOf(index, c, p),
  };
}

function subsystemName(
  index: IdsIndex | null,
  v: string,
  d: string,
  sv: string,
  sd: string,
): string | null {
  if (index === null) return null;
  const own = index.child(v, d, `${sv} ${sd}`);
  if (own !== null) return own;
  return v.toLowerCase() === sv.toLowerCase() && d.toLowerCase() === sd.toLowerCase()
    ? index.device(v, d)
    : null;
}

function classNameOf(index: IdsIndex | null, classId: string): string | null {
  if (index === null || classId.length !== 4) return null;
  const base = classId.slice(0, 2);
  return index.classEntry(`${base} ${classId.slice(2)}`) ?? index.classEntry(base);
}

function progIfOf(index: IdsIndex | null, classId: string, progIf: string): string | null {
  if (index === null || classId.length !== 4) return null;
  return index.classEntry(`${classId.slice(0, 2)} ${classId.slice(2)} ${progIf}`);
}
