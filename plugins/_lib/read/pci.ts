import type { PciFunction, UsbDevice } from "../../../core/inventory/inventory.js";

/** `vendor:device` of a PCI function, lower-case hex (`8086:3b07`): the key of every ID table. */
export function pciId(fn: PciFunction): string {
  return `${fn.vendorId}:${fn.deviceId}`;
}

/** `vendor:product` of a USB device (`0bda:0139`). */
export function usbId(dev: UsbDevice): string {
  return `${dev.vendorId}:${dev.productId}`;
}

/** An lspci-like line for a function: `00:1f.0 ISA bridge [0601]: Intel QM57 … [8086:3b07]`. */
export function describePci(fn: PciFunction): string {
  const slot = fn.address.replace(/^0000:/, "");
  const cls = fn.className === null ? `[${fn.classId}]` : `${fn.className} [${fn.classId}]`;
  const name = [fn.vendorName, fn.deviceName].filter((s) => s !== null).join(" ");
  const driver = fn.driverKnown ? ` (driver ${fn.driver ?? "none"})` : "";
  return `${slot} ${cls}: ${name === "" ? "" : `${name} `}[${pciId(fn)}]${driver}`;
}

/** A line for a USB device: `1-1.4 0bda:0139 Realtek USB2.0-CRW (driver rts5139)`. */
export function describeUsb(dev: UsbDevice): string {
  const name = [dev.vendorName, dev.productName].filter((s) => s !== null).join(" ");
  const drivers = dev.drivers === null ? "" : ` (driver ${dev.drivers.join(", ") || "none"})`;
  return `${dev.portPath ?? "?"} ${usbId(dev)}${name === "" ? "" : ` ${name}`}${drivers}`;
}

/** The functions whose `vendor:device` is a key of `table`, with the table's entry. */
export function functionsIn<T>(
  pci: readonly PciFunction[],
  table: Readonly<Record<string, T>>,
): { fn: PciFunction; entry: T }[] {
  const found: { fn: PciFunction; entry: T }[] = [];
  for (const fn of pci) {
    const entry = table[pciId(fn)];
    if (entry !== undefined) found.push({ fn, entry });
  }
  return found;
}
