import { bcdFromHex, normalizeBcd, parseSpeed } from "../usb/bcd.js";
import type { UsbDevice } from "../usb/schema.js";
import { field, idField, quotedList, type HwinfoEntry } from "./hwinfo-entries.js";

/**
 * `usb:v05C6p9205d0002dc00dsc00dp00icFFiscFFipFFin03` (drivers/usb/core/driver.c, `usb_uevent` of
 * an interface): vendor, product, bcdDevice, device class/subclass/protocol, interface
 * class/subclass/protocol and number.
 */
const USB_ALIAS =
  /^usb:v([0-9a-f]{4})p([0-9a-f]{4})d([0-9a-f]{4})dc([0-9a-f]{2})dsc[0-9a-f]{2}dp[0-9a-f]{2}ic([0-9a-f]{2})isc[0-9a-f]{2}ip[0-9a-f]{2}(?:in[0-9a-f]{2})?$/i;
/** An interface's sysfs name: `2-1.4:1.3`; a root hub's interface is `1-0:1.0`. */
const INTERFACE = /^(\d{1,3})-([\d.]{1,24}):\d{1,3}\.\d{1,3}$/;

interface Group {
  readonly key: string;
  readonly entries: HwinfoEntry[];
}

/**
 * USB devices from hwinfo's `USB` entries. hwinfo lists interfaces, not devices (`SysFS BusID:
 * 1-1.2:1.1`), so the entries of one device are merged: one device per `bus-port` name, with the
 * class of each interface and the drivers bound to them. A root hub's interface `1-0:1.0` gives
 * the device `usb1`. `Revision` is bcdDevice (`"5.13"`); without it the module alias's `d0513`
 * gives it.
 *
 * @public
 */
export function hwinfoUsbDevices(entries: readonly HwinfoEntry[]): UsbDevice[] {
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  entries.forEach((entry, index) => {
    const key = deviceName(entry) ?? `#${index}`;
    let group = byKey.get(key);
    if (group === undefined) {
      group = { key, entries: [] };
      byKey.set(key, group);
      groups.push(group);
    }
    group.entries.push(entry);
  });
  const devices: UsbDevice[] = [];
  for (const group of groups) {
    const device = toDevice(group);
    if (device !== null) devices.push(device);
  }
  return devices;
}

/** `2-1.4:1.3` → `2-1.4`; `1-0:1.0` → `usb1`; `null` without a sysfs name. */
function deviceName(entry: HwinfoEntry): string | null {
  const busId = field(entry, "SysFS BusID") ?? field(entry, "SysFS ID")?.split("/").at(-1) ?? null;
  const match = busId === null ? null : INTERFACE.exec(busId);
  if (match?.[1] === undefined || match[2] === undefined) return null;
  return match[2] === "0" ? `usb${match[1]}` : `${match[1]}-${match[2]}`;
}

function toDevice(group: Group): UsbDevice | null {
  const first = group.entries[0];
  if (first === undefined) return null;
  const alias = USB_ALIAS.exec(field(first, "Module Alias")?.replace(/"/g, "") ?? "");
  const vendor = idField(field(first, "Vendor"));
  const product = idField(field(first, "Device"));
  const vendorId = hex4(vendor.id) ?? alias?.[1]?.toLowerCase() ?? null;
  const productId = hex4(product.id) ?? alias?.[2]?.toLowerCase() ?? null;
  if (vendorId === null || productId === null) return null;
  const classes: string[] = [];
  const drivers: string[] = [];
  let driversKnown = true;
  for (const entry of group.entries) {
    const ic = USB_ALIAS.exec(field(entry, "Module Alias")?.replace(/"/g, "") ?? "")?.[5];
    if (ic !== undefined && !classes.includes(ic.toLowerCase())) classes.push(ic.toLowerCase());
    const bound = quotedList(field(entry, "Driver"));
    for (const d of bound) if (!drivers.includes(d)) drivers.push(d);
    // As for PCI, hwinfo reads bindings from sysfs; without a sysfs ID it cannot tell.
    if (bound.length === 0 && (field(entry, "SysFS ID") === null || entry.cut))
      driversKnown = false;
  }
  const key = group.key.startsWith("#") ? null : group.key;
  const bus = key === null ? undefined : /^(?:usb)?(\d{1,3})/.exec(key)?.[1];
  const revision = field(first, "Revision")?.replace(/"/g, "") ?? null;
  const speed = field(first, "Speed");
  const bcdDevice =
    (revision === null ? null : normalizeBcd(revision)) ??
    (alias?.[3] === undefined ? null : bcdFromHex(alias[3]));
  return {
    bus: bus === undefined ? null : Number(bus),
    deviceNumber: null,
    portPath: key,
    vendorId,
    productId,
    vendorName: vendor.name,
    productName: product.name,
    deviceClass: alias?.[4]?.toLowerCase() ?? null,
    interfaceClasses: classes.length > 0 ? classes : null,
    drivers: driversKnown ? drivers : null,
    bcdDevice,
    speed: speed === null ? null : parseSpeed(speed),
    isRootHub: key?.startsWith("usb") ?? false,
    at: first.at,
  };
}

function hex4(id: string | null): string | null {
  return id !== null && /^[0-9a-f]{4}$/.test(id) ? id : null;
}
