import type { SysfsReader } from "../../inventory/sysfs/sysfs-reader.js";
import type { Device, DeviceClass } from "../../plugin/api.js";

/** A PCI function or USB device on the way from the root to a device in /sys/devices. @public */
export interface ChainLink {
  readonly bus: "pci" | "usb";
  /** `0000:0d:00.0`, `2-1.4`. */
  readonly name: string;
  /** Its folder, `/sys/devices/pci0000:00/0000:00:1d.7/usb2/2-1`. */
  readonly path: string;
  /** Lower-case hex, no `0x`: PCI `vendor`/`device`, USB `idVendor`/`idProduct`. */
  readonly vendorId: string | null;
  readonly deviceId: string | null;
}

// The kernel's names (drivers/pci/probe.c `%04x:%02x:%02x.%d`; drivers/usb/core/usb.c).
const PCI = /^[0-9a-f]{4,8}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]$/;
const USB_DEVICE = /^\d+-\d+(?:\.\d+)*$/;

/**
 * The PCI functions and USB devices a device hangs off, nearest last, with their IDs read from
 * sysfs, from its resolved path (`/sys/devices/pci0000:00/0000:00:1d.7/usb2/2-1/2-1:1.0/host6/…`).
 *
 * @public
 */
export function deviceChain(sys: SysfsReader, devicePath: string): ChainLink[] {
  const links: ChainLink[] = [];
  let at = "";
  for (const part of devicePath.split("/").filter((p) => p !== "")) {
    at = `${at}/${part}`;
    if (PCI.test(part))
      links.push({
        bus: "pci",
        name: part,
        path: at,
        vendorId: hexId(sys.value(`${at}/vendor`)),
        deviceId: hexId(sys.value(`${at}/device`)),
      });
    else if (USB_DEVICE.test(part))
      links.push({
        bus: "usb",
        name: part,
        path: at,
        vendorId: hexId(sys.value(`${at}/idVendor`)),
        deviceId: hexId(sys.value(`${at}/idProduct`)),
      });
  }
  return links;
}

function hexId(value: string | null): string | null {
  const match = /^(?:0x)?([0-9a-fA-F]{4})$/.exec(value ?? "");
  return match?.[1]?.toLowerCase() ?? null;
}

/**
 * The device of class `cls` among `devices` that a chain goes through: a PCI device by its id
 * (`pci-0000:0d:00.0`, the form plugin/api.ts documents) or its vendor and device IDs, a USB
 * device by its IDs (a USB device's id does not say where it is plugged). The nearest wins.
 *
 * @public
 */
export function deviceOnChain(
  chain: readonly ChainLink[],
  devices: readonly Device[],
  cls: DeviceClass,
): { readonly device: Device; readonly link: ChainLink } | null {
  for (const link of [...chain].reverse()) {
    const device = devices.find(
      (d) =>
        d.class === cls &&
        d.bus === link.bus &&
        ((link.bus === "pci" && d.id === `pci-${link.name}`) ||
          (link.vendorId !== null && d.vendorId === link.vendorId && d.deviceId === link.deviceId)),
    );
    if (device !== undefined) return { device, link };
  }
  return null;
}
