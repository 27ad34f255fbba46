import path from "node:path";
import { locateDevice } from "../sysfs/device-path.js";
import type { UdevRecord } from "../udev/schema.js";
import { udevDevtype, udevSubsystem } from "../udev/udev-record.js";
import type { AtaPort, BlockDevice, Storage } from "./schema.js";

/** `…-ata-5.0` or the older `…-ata-5` of `ID_PATH`: the port's `port_no` (systemd path_id). */
const ID_PATH_ATA = /-ata-(\d{1,4})(?:\.\d{1,4})*$/;

/**
 * Block devices and ATA ports of a udev database. Disks are the `block` records of type `disk`;
 * model and vendor come from udev's identification (`ID_MODEL_ENC`, whose `\x20` escapes keep
 * the spaces that `ID_MODEL` turns into `_`), solid state from `ID_ATA_ROTATION_RATE_RPM=0`
 * (ata_id). The database has no `removable` or size. ATA ports are the `ata_port` records; each
 * takes its `port_no` from the `ID_PATH` of a disk behind it (the database has no attributes),
 * and the list is `null` when the database has no `ata_port` record (kernels before 3.11).
 *
 * @public
 */
export function storageFromUdev(records: readonly UdevRecord[]): Storage {
  const blocks: BlockDevice[] = [];
  const ports: UdevRecord[] = [];
  const portNumbers = new Map<string, number>();
  for (const record of records) {
    const subsystem = udevSubsystem(record);
    if (subsystem === "ata_port") ports.push(record);
    if (subsystem !== "block" || udevDevtype(record) !== "disk") continue;
    const location = locateDevice(record.devpath);
    const props = record.properties;
    const idPath = props.ID_PATH === undefined ? null : ID_PATH_ATA.exec(props.ID_PATH);
    if (location.ataPort !== null && idPath?.[1] !== undefined)
      portNumbers.set(location.ataPort, Number(idPath[1]));
    const rpm = props.ID_ATA_ROTATION_RATE_RPM;
    blocks.push({
      name: record.sysname ?? path.posix.basename(record.devpath),
      removable: null,
      devicePath: `/sys${record.devpath}`,
      ataPort: location.ataPort,
      pciAddress: location.pciAddress,
      usbPath: location.usbPath,
      model: udevString(props.ID_MODEL_ENC, props.ID_MODEL),
      vendor: udevString(props.ID_VENDOR_ENC, props.ID_VENDOR),
      rotational: rpm === undefined || !/^\d{1,6}$/.test(rpm) ? null : Number(rpm) > 0,
      sizeSectors: null,
      at: record.at,
    });
  }
  const ataPorts: AtaPort[] | null =
    ports.length === 0
      ? null
      : ports.map((record) => {
          const name = record.sysname ?? path.posix.basename(record.devpath);
          return { name, portNo: portNumbers.get(name) ?? null, at: record.at };
        });
  return { blocks, ataPorts };
}

/**
 * A udev identification string: the `_ENC` form with its `\xNN` escapes decoded (udev
 * `encode_devnode_name`), else the plain form; padding trimmed.
 */
function udevString(encoded: string | undefined, plain: string | undefined): string | null {
  const decoded =
    encoded === undefined
      ? plain
      : encoded.replace(/\\x([0-9a-fA-F]{2})/g, (_, hex: string) =>
          String.fromCharCode(Number.parseInt(hex, 16)),
        );
  const trimmed = decoded?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}
