import path from "node:path";
import { isVirtualDevice, locateDevice } from "../sysfs/device-path.js";
import type { UdevRecord } from "../udev/schema.js";
import { udevDevtype, udevSubsystem } from "../udev/udev-record.js";
import type { NetInterface } from "./schema.js";

/**
 * The network interfaces of a udev database: its `net` records. Wireless when the record's
 * device type is `wlan` (cfg80211 sets it on every interface it registers, net/wireless/core.c);
 * an interface of a driver using only the old wireless extensions would show as not wireless
 * here, where sysfs would show its `wireless/` folder. The driver is udev's `ID_NET_DRIVER`.
 *
 * @public
 */
export function netFromUdev(records: readonly UdevRecord[]): NetInterface[] {
  const interfaces: NetInterface[] = [];
  for (const record of records) {
    if (udevSubsystem(record) !== "net") continue;
    const virtual = isVirtualDevice(record.devpath);
    const location = virtual ? null : locateDevice(record.devpath);
    interfaces.push({
      name: record.properties.INTERFACE ?? record.sysname ?? path.posix.basename(record.devpath),
      virtual,
      wireless: udevDevtype(record) === "wlan",
      driver: record.properties.ID_NET_DRIVER ?? null,
      pciAddress: location?.pciAddress ?? null,
      usbPath: location?.usbPath ?? null,
      phy: null,
      devicePath: `/sys${record.devpath}`,
      at: record.at,
    });
  }
  return interfaces;
}
