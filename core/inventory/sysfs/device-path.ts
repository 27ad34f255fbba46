/**
 * Where a device sits, read from its path in the kernel's device tree (`/sys/devices/…`, which
 * is also udev's `DEVPATH`): the PCI function, USB device and ATA port it hangs off. The path is
 * the kernel's own naming (drivers/pci/probe.c `pci_setup_device`: `%04x:%02x:%02x.%d`;
 * drivers/usb/core/usb.c: `<bus>-<port>[.<port>…]`; drivers/ata/libata-transport.c: `ata%d`).
 *
 * @public
 */
export interface DeviceLocation {
  /** The PCI function the device is on (`0000:00:1f.2`), unless a USB device is nearer. */
  readonly pciAddress: string | null;
  /** The USB device the device is on (`2-1.4`), when it is behind a USB port. */
  readonly usbPath: string | null;
  /** The libata port (`ata5`) when the device is behind one. */
  readonly ataPort: string | null;
}

// Each is anchored and made of bounded character classes: no backtracking on long components.
const PCI = /^[0-9a-f]{4,8}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]$/;
const USB_DEVICE = /^\d+-\d+(?:\.\d+)*$/;
const ATA_PORT = /^ata\d+$/;

/**
 * The location of a device from its path (`/sys/devices/pci0000:00/0000:00:1f.2/ata5/host4/…`,
 * with or without `/sys`). The nearest USB device wins over the PCI function of its host
 * controller: a USB network adapter is "on 2-1.4", not on the EHCI controller.
 *
 * @public
 */
export function locateDevice(devicePath: string): DeviceLocation {
  let pciAddress: string | null = null;
  let usbPath: string | null = null;
  let ataPort: string | null = null;
  for (const part of devicePath.split("/")) {
    if (PCI.test(part)) {
      pciAddress = part;
      usbPath = null;
    } else if (USB_DEVICE.test(part)) usbPath = part;
    else if (ATA_PORT.test(part)) ataPort = part;
  }
  return { pciAddress: usbPath === null ? pciAddress : null, usbPath, ataPort };
}

/** True for a device the kernel made up (`/sys/devices/virtual/…`: loopback, bridges, loop). @public */
export function isVirtualDevice(devicePath: string): boolean {
  return /^(?:\/sys)?\/devices\/virtual\//.test(devicePath);
}
