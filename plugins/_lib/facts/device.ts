import type { Device, DeviceClass, Evidence } from "../../../core/plugin/api.js";
import type { PciFunction, UsbDevice } from "../../../core/inventory/inventory.js";
import { cite, dedupe } from "./evidence.js";
import type { Facts } from "./fact.js";
import { describePci, describeUsb } from "../read/pci.js";

/**
 * A device that stands for a platform capability rather than one function (`platform-txt`):
 * no bus IDs; its evidence is every fact's evidence.
 */
export function platformDevice(cls: DeviceClass, name: string, facts: Facts): Device {
  return {
    id: `platform-${cls}`,
    class: cls,
    bus: "platform",
    vendorId: null,
    deviceId: null,
    subsystemVendorId: null,
    subsystemDeviceId: null,
    driver: null,
    name,
    facts,
    evidence: dedupe(Object.values(facts).flatMap((f) => f.evidence)),
  };
}

/** A device that is one PCI function, cited by its lspci/sysfs record. */
export function pciDevice(cls: DeviceClass, fn: PciFunction, facts: Facts, note?: string): Device {
  return {
    id: `pci-${fn.address}`,
    class: cls,
    bus: "pci",
    vendorId: fn.vendorId,
    deviceId: fn.deviceId,
    subsystemVendorId: fn.subsystemVendorId,
    subsystemDeviceId: fn.subsystemDeviceId,
    driver: fn.driverKnown ? fn.driver : null,
    name: fn.deviceName,
    facts,
    evidence: [cite(fn.at, describePci(fn), note)],
  };
}

/** A device that is one USB device, cited by its lsusb/hwinfo/sysfs record. */
export function usbDevice(cls: DeviceClass, dev: UsbDevice, facts: Facts, note?: string): Device {
  const where = dev.portPath ?? `${dev.bus ?? "?"}-${dev.deviceNumber ?? "?"}`;
  return {
    id: `usb-${where}-${dev.vendorId}:${dev.productId}`,
    class: cls,
    bus: "usb",
    vendorId: dev.vendorId,
    deviceId: dev.productId,
    subsystemVendorId: null,
    subsystemDeviceId: null,
    driver: dev.drivers?.find((d) => d !== "hub") ?? null,
    name: dev.productName,
    facts,
    evidence: [cite(dev.at, describeUsb(dev), note)],
  };
}

/** A device read from elsewhere (sysfs TPM, a DRM connector…), with the evidence given. */
export function otherDevice(
  cls: DeviceClass,
  id: string,
  bus: string,
  name: string | null,
  facts: Facts,
  evidence: readonly Evidence[],
  driver: string | null = null,
): Device {
  return {
    id,
    class: cls,
    bus,
    vendorId: null,
    deviceId: null,
    subsystemVendorId: null,
    subsystemDeviceId: null,
    driver,
    name,
    facts,
    evidence: [...evidence],
  };
}
