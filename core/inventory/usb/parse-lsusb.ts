import type { Diagnostic, Parsed } from "../common.js";
import { splitVendorName } from "../ids/split-name.js";
import type { UsbIds } from "../ids/usb-ids.js";
import { splitLines } from "../text.js";
import { classFromDecimal, normalizeBcd } from "./bcd.js";
import type { UsbDevice } from "./schema.js";

/** `Bus 001 Device 002: ID 8087:0020 Intel Corp. Integrated Rate Matching Hub` (usbutils lsusb.c). */
const DEVICE_LINE = /^Bus (\d{1,3}) Device (\d{1,3}): ID ([0-9a-f]{4}):([0-9a-f]{4})(?:\s(.*))?$/i;
const EXPECTED = "Bus NNN Device NNN: ID vvvv:pppp <vendor> <product>";

interface Record {
  readonly bus: number;
  readonly deviceNumber: number;
  readonly vendorId: string;
  readonly productId: string;
  readonly description: string;
  readonly line: number;
  endLine: number;
  verboseVendor: string | null;
  verboseProduct: string | null;
  deviceClass: string | null;
  bcdDevice: string | null;
  interfaceClasses: string[] | null;
}

/**
 * Reads `lsusb` output (hw-probe's `logs/lsusb`): the one-line form, and the descriptors of
 * `lsusb -v` when present (`bDeviceClass`, `idVendor`/`idProduct` names, `bcdDevice`,
 * `bInterfaceClass` of each interface; decimal class codes become two hex digits). lsusb shows no
 * drivers, speeds or port paths; those stay `null`. The root hub is device 1 of its bus: usbcore
 * gives it that number when it registers the host controller (drivers/usb/core/hcd.c,
 * `register_root_hub`).
 *
 * @public
 */
export function parseLsusb(text: string, file: string, ids?: UsbIds): Parsed<UsbDevice[]> {
  const lines = splitLines(text);
  const diagnostics: Diagnostic[] = [];
  const records: Record[] = [];
  const seen = new Set<string>();
  let current: Record | null = null;
  let stray: number | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.startsWith("Bus ")) {
      flush();
      const match = DEVICE_LINE.exec(line);
      current = null;
      if (match === null) {
        diagnostics.push(malformed(file, i + 1, `is not an lsusb device line: "${clip(line)}"`));
        continue;
      }
      const [, bus, dev, vendorId, productId, rest] = match;
      const key = `${Number(bus)}:${Number(dev)}`;
      if (seen.has(key)) {
        diagnostics.push(
          malformed(file, i + 1, `repeats bus ${bus} device ${dev}; kept the first`),
        );
        continue;
      }
      seen.add(key);
      current = {
        bus: Number(bus),
        deviceNumber: Number(dev),
        vendorId: (vendorId ?? "").toLowerCase(),
        productId: (productId ?? "").toLowerCase(),
        description: (rest ?? "").trim(),
        line: i + 1,
        endLine: i + 1,
        verboseVendor: null,
        verboseProduct: null,
        deviceClass: null,
        bcdDevice: null,
        interfaceClasses: null,
      };
      records.push(current);
      continue;
    }
    if (current === null) {
      if (line.trim() === "") flush();
      else stray ??= i + 1;
      continue;
    }
    if (line.trim() !== "") current.endLine = i + 1;
    readDescriptor(current, line);
  }
  flush();
  if (text !== "" && !text.endsWith("\n") && records.length > 0)
    diagnostics.push({
      code: "HCL_E_EVIDENCE_TRUNCATED",
      file,
      line: lines.length,
      message: `${file} ends without a line break; its last device may be incomplete`,
      expected: "a complete lsusb listing",
    });
  return { value: records.map((r) => toDevice(r, file, ids)), diagnostics };

  function flush(): void {
    if (stray !== null)
      diagnostics.push(malformed(file, stray, "starts lines outside any device; skipped"));
    stray = null;
  }
}

/** One line of `lsusb -v` descriptors: `  bDeviceClass            9 Hub`. */
function readDescriptor(r: Record, line: string): void {
  const trimmed = line.trim();
  const space = trimmed.search(/\s/);
  if (space < 0) {
    if (trimmed === "Configuration Descriptor:") r.interfaceClasses ??= [];
    return;
  }
  const key = trimmed.slice(0, space);
  const value = trimmed.slice(space).trim();
  const first = value.split(/\s/, 1)[0] ?? "";
  const name = value.slice(first.length).trim();
  if (key === "Configuration" && value === "Descriptor:") r.interfaceClasses ??= [];
  else if (key === "bDeviceClass" && r.deviceClass === null)
    r.deviceClass = classFromDecimal(first);
  else if (key === "bcdDevice" && r.bcdDevice === null) r.bcdDevice = normalizeBcd(first);
  else if (key === "idVendor" && r.verboseVendor === null && name !== "") r.verboseVendor = name;
  else if (key === "idProduct" && r.verboseProduct === null && name !== "") r.verboseProduct = name;
  else if (key === "bInterfaceClass") {
    const cls = classFromDecimal(first);
    r.interfaceClasses ??= [];
    if (cls !== null && !r.interfaceClasses.includes(cls)) r.interfaceClasses.push(cls);
  }
}

function toDevice(r: Record, file: string, ids: UsbIds | undefined): UsbDevice {
  const known = ids?.vendor(r.vendorId) ?? null;
  const split =
    r.description === "" ? null : splitVendorName(r.description, r.verboseVendor ?? known);
  return {
    bus: r.bus,
    deviceNumber: r.deviceNumber,
    portPath: null,
    vendorId: r.vendorId,
    productId: r.productId,
    vendorName: r.verboseVendor ?? split?.vendorName ?? known,
    productName:
      r.verboseProduct ?? split?.deviceName ?? ids?.device(r.vendorId, r.productId) ?? null,
    deviceClass: r.deviceClass,
    interfaceClasses: r.interfaceClasses,
    drivers: null,
    bcdDevice: r.bcdDevice,
    speed: null,
    isRootHub: r.deviceNumber === 1,
    at: r.endLine > r.line ? { file, line: r.line, endLine: r.endLine } : { file, line: r.line },
  };
}

function malformed(file: string, line: number, what: string): Diagnostic {
  return {
    code: "HCL_E_EVIDENCE_MALFORMED",
    file,
    line,
    message: `${file}:${line} ${what}`,
    expected: EXPECTED,
  };
}

function clip(text: string): string {
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}
