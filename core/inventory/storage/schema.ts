import Type, { type Static } from "typebox";
import { Nullable, SourceRefSchema } from "../common.js";

/**
 * One block device of `/sys/block` (or a `disk` record of the udev database): where it hangs in
 * the device tree and what the kernel says of it. No sysfs attribute says "eSATA": a disk on an
 * AHCI port the firmware marks external (PxCMD.ESP with CAP.SXS, or hot-plug capable on ~6.9+)
 * is reported `removable` (ATA_PFLAG_EXTERNAL → SCSI RMB, drivers/ata/libahci.c, libata-scsi.c).
 *
 * @public
 */
export const BlockDeviceSchema = Type.Object(
  {
    /** `sda`, `mmcblk0`, `loop0`. */
    name: Type.String(),
    /** `removable` (1 for removable media and external ATA ports). */
    removable: Nullable(Type.Boolean()),
    /** The device's path with links resolved, `/sys/devices/pci0000:00/0000:00:1f.2/ata5/host4/…/block/sdb`. */
    devicePath: Nullable(Type.String()),
    /** The libata port in that path (`ata5`), when the disk is on one. */
    ataPort: Nullable(Type.String()),
    /** PCI function of the controller (`0000:00:1f.2`), unless the disk is a USB device. */
    pciAddress: Nullable(Type.String()),
    /** USB device of the disk (`2-1`). */
    usbPath: Nullable(Type.String()),
    /** `device/model`, or udev `ID_MODEL_ENC`/`ID_MODEL`, padding trimmed. */
    model: Nullable(Type.String()),
    /** `device/vendor` (`ATA` for ATA disks behind libata), or udev `ID_VENDOR`. */
    vendor: Nullable(Type.String()),
    /** `queue/rotational`, or from udev `ID_ATA_ROTATION_RATE_RPM` (0 = solid state). */
    rotational: Nullable(Type.Boolean()),
    /** `size`, in 512-byte sectors whatever the device's block size. */
    sizeSectors: Nullable(Type.Integer({ minimum: 0 })),
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type BlockDevice = Static<typeof BlockDeviceSchema>;

/**
 * One libata port of `/sys/class/ata_port` (3.11+): its name (`ata5`, numbered across all
 * controllers) and its number on its controller (`port_no`, the `ata-N` of udev's `ID_PATH`).
 *
 * @public
 */
export const AtaPortSchema = Type.Object(
  {
    name: Type.String(),
    portNo: Nullable(Type.Integer()),
    at: SourceRefSchema,
  },
  { additionalProperties: false },
);
/** @public */
export type AtaPort = Static<typeof AtaPortSchema>;

/**
 * Block devices and ATA ports; each list is `null` when the evidence does not show it.
 *
 * @public
 */
export const StorageSchema = Type.Object(
  {
    blocks: Nullable(Type.Array(BlockDeviceSchema)),
    ataPorts: Nullable(Type.Array(AtaPortSchema)),
  },
  { additionalProperties: false },
);
/** @public */
export type Storage = Static<typeof StorageSchema>;
