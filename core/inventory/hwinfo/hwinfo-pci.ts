import type { PciIds } from "../ids/pci-ids.js";
import type { PciFunction } from "../pci/schema.js";
import { field, idField, quotedList, type HwinfoEntry } from "./hwinfo-entries.js";

/** `pci:v00008086d00004239sv00008086sd00001311bc02sc80i00` (drivers/pci/pci-driver.c, `pci_uevent`). */
const PCI_ALIAS =
  /^pci:v([0-9a-f]{8})d([0-9a-f]{8})sv([0-9a-f]{8})sd([0-9a-f]{8})bc([0-9a-f]{2})sc([0-9a-f]{2})i([0-9a-f]{2})$/i;
const ADDRESS = /^[0-9a-f]{4,8}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]$/;

/**
 * A PCI function from a hwinfo `PCI` entry. The class comes from the entry's `Module Alias` (the
 * kernel's own), not from the header: hwinfo rewrites the class of wireless cards to its own
 * `0282` (src/hd/int.c, `int_wlan`). The driver is known whenever hwinfo read sysfs (the entry has
 * a `SysFS ID`): hwinfo lists `Driver:` from the bindings under `/sys/bus/<bus>/drivers`
 * (src/hd/hd.c, `hd_sysfs_driver_list`), so a missing line means no driver is bound — the real
 * dumps agree with lspci on every such function. `null` when the entry has no usable IDs.
 *
 * @public
 */
export function hwinfoPciFunction(entry: HwinfoEntry, ids?: PciIds): PciFunction | null {
  const alias = PCI_ALIAS.exec(field(entry, "Module Alias")?.replace(/"/g, "") ?? "");
  const vendor = idField(field(entry, "Vendor"));
  const device = idField(field(entry, "Device"));
  const subVendor = idField(field(entry, "SubVendor"));
  const subDevice = idField(field(entry, "SubDevice"));
  const vendorId = hex4(vendor.id) ?? hex4(alias?.[1]);
  const deviceId = hex4(device.id) ?? hex4(alias?.[2]);
  const address = addressOf(entry);
  const classId = alias ? `${alias[5]}${alias[6]}`.toLowerCase() : headerClass(entry.classCode);
  if (vendorId === null || deviceId === null || address === null || classId === null) return null;
  let svid = hex4(subVendor.id) ?? hex4(alias?.[3]);
  let sdid = hex4(subDevice.id) ?? hex4(alias?.[4]);
  if (svid === "0000" || svid === "ffff" || sdid === null) [svid, sdid] = [null, null];
  const drivers = quotedList(field(entry, "Driver"));
  const modules = quotedList(field(entry, "Driver Modules"));
  const revision = /^0x([0-9a-f]{1,2})$/i.exec(field(entry, "Revision") ?? "")?.[1];
  return {
    address,
    classId,
    progIf: alias?.[7]?.toLowerCase() ?? null,
    className: ids?.className(classId) ?? (entry.classCode === classId ? entry.className : null),
    vendorId,
    deviceId,
    vendorName: vendor.name,
    deviceName: device.name,
    subsystemVendorId: svid,
    subsystemDeviceId: sdid,
    subsystemName: svid === null ? null : subDevice.name,
    // hwinfo prints a revision only when it is not zero (src/hd/hdp.c, `dump_normal`).
    revision: revision === undefined ? "00" : revision.toLowerCase().padStart(2, "0"),
    driver: drivers[0] ?? null,
    driverKnown: drivers.length > 0 || (field(entry, "SysFS ID") !== null && !entry.cut),
    modules: modules.length > 0 ? modules : null,
    iommuGroup: null,
    at: entry.at,
  };
}

/** `SysFS BusID: 0000:03:00.0`, else the header's slot: `300.0` = bus 03, device 00, function 0. */
function addressOf(entry: HwinfoEntry): string | null {
  const busId = field(entry, "SysFS BusID")?.toLowerCase();
  if (busId !== undefined && ADDRESS.test(busId)) return busId;
  const [slot, fn] = entry.slot.split(".");
  if (slot === undefined || fn === undefined || !/^[0-7]$/.test(fn)) return null;
  // hwinfo src/hd/pci.c: slot = device + (bus << 8), bus = (domain << 8) + bus.
  const value = Number.parseInt(slot, 16);
  const device = value & 0xff;
  if (Number.isNaN(value) || device > 0x1f) return null;
  const bus = (value >> 8) & 0xff;
  const domain = value >> 16;
  return `${hex(domain, 4)}:${hex(bus, 2)}:${hex(device, 2)}.${fn}`;
}

/**
 * The header's class when there is no alias: PCI's class, except hwinfo's wireless tag `0282`
 * (no PCI subclass 0x82 exists under 02) whose real class it hides; `null` for non-PCI codes.
 */
function headerClass(code: string): string | null {
  if (!/^[0-9a-f]{4}$/.test(code) || code === "0282") return null;
  return code;
}

function hex4(id: string | null | undefined): string | null {
  if (id === null || id === undefined || !/^[0-9a-f]{1,8}$/i.test(id)) return null;
  const value = Number.parseInt(id, 16);
  return value > 0xffff ? null : hex(value, 4);
}

function hex(value: number, digits: number): string {
  return value.toString(16).padStart(digits, "0");
}
