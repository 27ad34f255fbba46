import Type, { type Static } from "typebox";
import { Nullable, SourceRefSchema } from "../common.js";

/**
 * One device of `udevadm info --export-db` (hw-probe log `udev-db`): the prefixed lines of one
 * blank-line separated record (systemd `udevadm(8)`, "udevadm info output prefixes"). Lines
 * with other prefixes (`R:` device number, `Q:` disk sequence, `G:` tags, `J:`…) are skipped.
 *
 * @public
 */
export const UdevRecordSchema = Type.Object(
  {
    /** `P:` device path under /sys, e.g. `/devices/pci0000:00/0000:00:19.0/net/eth0`. */
    devpath: Type.String(),
    /** `M:` device name (the last component of the path), on udev 247 and newer. */
    sysname: Nullable(Type.String()),
    /** `U:` kernel subsystem (`net`, `block`), on newer udev; else from `E: SUBSYSTEM=`. */
    subsystem: Nullable(Type.String()),
    /** `T:` device type (`disk`, `wlan`); else from `E: DEVTYPE=`. */
    devtype: Nullable(Type.String()),
    /** `D:` device node type and numbers, `b 8:0`. */
    devnum: Nullable(Type.String()),
    /** `I:` network interface index. */
    ifindex: Nullable(Type.Integer()),
    /** `V:` driver bound to the device. */
    driver: Nullable(Type.String()),
    /** `N:` device node under /dev, `sda`. */
    node: Nullable(Type.String()),
    /** `L:` priority of the node's symbolic links. */
    linkPriority: Nullable(Type.Integer()),
    /** `S:` symbolic links to the node under /dev, `disk/by-path/pci-0000:00:1f.2-ata-1.0`. */
    symlinks: Type.Array(Type.String()),
    /** `E:` properties, `ID_PATH` → `pci-0000:00:1f.2-ata-5.0`. */
    properties: Type.Record(Type.String(), Type.String()),
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type UdevRecord = Static<typeof UdevRecordSchema>;
