import Type, { type Static } from "typebox";
import { Nullable, SourceRefSchema } from "../common.js";

/**
 * One network interface of `/sys/class/net` (or of the udev database's `net` records). Loopback
 * and other interfaces the kernel made up (no `device` link, `/sys/devices/virtual/net/…`) are
 * kept, marked `virtual`.
 *
 * @public
 */
export const NetInterfaceSchema = Type.Object(
  {
    /** `wlan0`, `enp0s25`, `lo`. */
    name: Type.String(),
    /** No device behind it (`lo`, bridges, tunnels); `null` when the sysroot does not show the interface's folder. */
    virtual: Nullable(Type.Boolean()),
    /**
     * True when the interface has `wireless/` (wireless extensions) or `phy80211` (cfg80211), or
     * its uevent says `DEVTYPE=wlan` (net/wireless/core.c); false when it shows none of them.
     */
    wireless: Nullable(Type.Boolean()),
    /** Driver of the interface's device (`iwlwifi`, `e1000e`), from `device/driver` or udev `ID_NET_DRIVER`. */
    driver: Nullable(Type.String()),
    /** PCI function of the interface (`0000:03:00.0`), unless it is a USB device. */
    pciAddress: Nullable(Type.String()),
    /** USB device of the interface (`2-1.4`). */
    usbPath: Nullable(Type.String()),
    /** The wiphy (`phy0`) a wireless interface belongs to. */
    phy: Nullable(Type.String()),
    /** The interface's path in the device tree, `/sys/devices/pci0000:00/0000:00:19.0/net/eth0`. */
    devicePath: Nullable(Type.String()),
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type NetInterface = Static<typeof NetInterfaceSchema>;
