import type { EvidenceFs } from "../../evidence/evidence-fs.js";
import type { Diagnostic, Parsed } from "../common.js";
import type { UsbIds } from "../ids/usb-ids.js";
import { bcdFromHex, parseSpeed } from "./bcd.js";
import type { UsbDevice } from "./schema.js";

/** Where the kernel lists USB devices and interfaces (Documentation/ABI/stable/sysfs-bus-usb). */
const DEVICES = "/sys/bus/usb/devices";
/** `usb1` (a root hub) or `1-1.2` (bus 1, port 1, port 2); interfaces add `:1.0`. */
const DEVICE_NAME = /^(?:usb\d{1,3}|\d{1,3}-\d{1,3}(?:\.\d{1,3}){0,6})$/;

/**
 * USB devices from sysfs: for each device under `/sys/bus/usb/devices` (names without `:`),
 * `busnum`, `devnum`, `idVendor`, `idProduct`, `bDeviceClass`, `bcdDevice` (`0513` → `5.13`),
 * `speed`, `manufacturer`, `product`; and from its interfaces (`1-1.2:1.0`; a root hub `usb1` has
 * `1-0:1.0`) `bInterfaceClass` and the `driver` link. Names come from usb.ids first, as lsusb
 * does, then from the device's own strings. `value` is `null` when the folder is absent.
 *
 * @public
 */
export function readSysfsUsb(sys: EvidenceFs, ids?: UsbIds): Parsed<UsbDevice[]> {
  const names = sys.list(DEVICES);
  if (names === null) return { value: null, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const value: UsbDevice[] = [];
  for (const name of names) {
    if (name.includes(":") || !DEVICE_NAME.test(name)) continue;
    const dir = `${DEVICES}/${name}`;
    const vendorId = hex(sys.readText(`${dir}/idVendor`), 4);
    const productId = hex(sys.readText(`${dir}/idProduct`), 4);
    if (vendorId === null || productId === null) {
      diagnostics.push({
        code: "HCL_E_EVIDENCE_MALFORMED",
        file: dir,
        message: `${dir} lacks a readable idVendor or idProduct; skipped`,
        expected: "4 hex digits in idVendor and idProduct",
      });
      continue;
    }
    const isRootHub = name.startsWith("usb");
    const bus = integer(sys.readText(`${dir}/busnum`)) ?? busFromName(name);
    const prefix = isRootHub ? `${bus ?? name.slice(3)}-0:` : `${name}:`;
    const interfaces = readInterfaces(
      sys,
      names.filter((n) => n.startsWith(prefix)),
    );
    const bcd = sys.readText(`${dir}/bcdDevice`);
    const speed = sys.readText(`${dir}/speed`);
    value.push({
      bus,
      deviceNumber: integer(sys.readText(`${dir}/devnum`)),
      portPath: name,
      vendorId,
      productId,
      vendorName: ids?.vendor(vendorId) ?? text(sys.readText(`${dir}/manufacturer`)),
      productName: ids?.device(vendorId, productId) ?? text(sys.readText(`${dir}/product`)),
      deviceClass: hex(sys.readText(`${dir}/bDeviceClass`), 2),
      interfaceClasses: interfaces.classes,
      drivers: interfaces.drivers,
      bcdDevice: bcd === null ? null : bcdFromHex(bcd),
      speed: speed === null ? null : parseSpeed(speed),
      isRootHub,
      at: { file: dir },
    });
  }
  return { value, diagnostics };
}

function readInterfaces(
  sys: EvidenceFs,
  names: readonly string[],
): { classes: string[] | null; drivers: string[] | null } {
  if (names.length === 0) return { classes: null, drivers: null };
  const classes: string[] = [];
  const drivers: string[] = [];
  let driversKnown = true;
  for (const name of names) {
    const dir = `${DEVICES}/${name}`;
    const cls = hex(sys.readText(`${dir}/bInterfaceClass`), 2);
    if (cls !== null && !classes.includes(cls)) classes.push(cls);
    const driver = driverOf(sys, dir);
    if (driver === undefined) driversKnown = false;
    else if (driver !== null && !drivers.includes(driver)) drivers.push(driver);
  }
  return { classes, drivers: driversKnown ? drivers : null };
}

/** The bound driver, `null` when none is bound, `undefined` when the copy cannot tell. */
function driverOf(sys: EvidenceFs, dir: string): string | null | undefined {
  const link = sys.readLink(`${dir}/driver`);
  if (link !== null)
    return (
      link
        .split("/")
        .filter((p) => p !== "")
        .at(-1) ?? null
    );
  const uevent = sys.readText(`${dir}/uevent`);
  if (uevent === null) return undefined;
  const line = uevent.split("\n").find((l) => l.startsWith("DRIVER="));
  const name = line?.slice("DRIVER=".length).trim();
  return name === undefined || name === "" ? null : name;
}

function hex(value: string | null, digits: number): string | null {
  const text = value?.trim().toLowerCase();
  return text !== undefined && text.length === digits && /^[0-9a-f]+$/.test(text) ? text : null;
}

function integer(value: string | null): number | null {
  const text = value?.trim();
  return text !== undefined && /^\d{1,6}$/.test(text) ? Number(text) : null;
}

function text(value: string | null): string | null {
  const t = value?.trim();
  return t === undefined || t === "" ? null : t;
}

function busFromName(name: string): number | null {
  const match = /^(?:usb)?(\d{1,3})/.exec(name);
  return match?.[1] === undefined ? null : Number(match[1]);
}
