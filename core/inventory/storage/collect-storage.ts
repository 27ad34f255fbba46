import type { EvidenceSource } from "../../evidence/evidence-source.js";
import type { Diagnostic, Parsed } from "../common.js";
import { locateDevice } from "../sysfs/device-path.js";
import { SysfsReader } from "../sysfs/sysfs-reader.js";
import { udevRecords } from "../udev/udev-records.js";
import type { AtaPort, BlockDevice, Storage } from "./schema.js";
import { storageFromUdev } from "./storage-from-udev.js";

/**
 * Block devices and ATA ports: `/sys/block/*` and `/sys/class/ata_port/*` of the sysroot, else
 * the `block` and `ata_port` records of hw-probe's `logs/udev-db`; `null` when the source has
 * neither.
 *
 * @public
 */
export function collectStorage(source: EvidenceSource): Parsed<Storage> {
  const diagnostics: Diagnostic[] = [];
  if (source.sys !== null) {
    const sys = new SysfsReader(source.sys, diagnostics);
    const blocks = sys.list("/sys/block")?.map((n) => readBlock(sys, n)) ?? null;
    const ataPorts = sys.list("/sys/class/ata_port")?.map((n) => readAtaPort(sys, n)) ?? null;
    if (blocks !== null || ataPorts !== null) return { value: { blocks, ataPorts }, diagnostics };
  }
  const udev = udevRecords(source);
  if (udev.value === null) return { value: null, diagnostics };
  return { value: storageFromUdev(udev.value), diagnostics: [...diagnostics, ...udev.diagnostics] };
}

function readBlock(sys: SysfsReader, name: string): BlockDevice {
  const base = `/sys/block/${name}`;
  // /sys/block/sda is a link into /sys/devices since 2.6.25; before, a folder with a `device` link.
  let devicePath = sys.realPath(base);
  if (devicePath !== null && !devicePath.startsWith("/sys/devices/"))
    devicePath = sys.realPath(`${base}/device`);
  const location = devicePath === null ? null : locateDevice(devicePath);
  return {
    name,
    removable: sys.flag(`${base}/removable`),
    devicePath,
    ataPort: location?.ataPort ?? null,
    pciAddress: location?.pciAddress ?? null,
    usbPath: location?.usbPath ?? null,
    model: nonEmpty(sys.value(`${base}/device/model`)),
    vendor: nonEmpty(sys.value(`${base}/device/vendor`)),
    rotational: sys.flag(`${base}/queue/rotational`),
    sizeSectors: sys.integer(`${base}/size`),
    at: { file: base },
  };
}

function readAtaPort(sys: SysfsReader, name: string): AtaPort {
  const base = `/sys/class/ata_port/${name}`;
  return { name, portNo: sys.integer(`${base}/port_no`), at: { file: base } };
}

function nonEmpty(value: string | null): string | null {
  return value === "" ? null : value;
}
