import type { EvidenceFs } from "../../evidence/evidence-fs.js";
import type { Diagnostic, Parsed } from "../common.js";
import type { PciIds } from "../ids/pci-ids.js";
import { SysfsReader } from "../sysfs/sysfs-reader.js";
import type { PciFunction } from "./schema.js";

/** Where the kernel lists PCI functions (Documentation/ABI/testing/sysfs-bus-pci). */
const DEVICES = "/sys/bus/pci/devices";
const NAME = /^[0-9a-f]{4,8}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]$/;

/**
 * PCI functions from sysfs: for each `/sys/bus/pci/devices/<address>/`, the files `class`
 * (`0x0c0330` → class `0c03`, prog-if `30`), `vendor`, `device`, `subsystem_vendor`,
 * `subsystem_device`, `revision`, the link `driver` (its target's last component is the bound
 * driver) and the link `iommu_group`. Whether a driver is bound is known when the `driver` link
 * or the `uevent` file (`DRIVER=` when bound, drivers/base/core.c `dev_uevent`) is there; a sparse
 * copy without either cannot tell. `value` is `null` when the folder is absent, `[]` when it is
 * empty (no PCI bus).
 *
 * @public
 */
export function readSysfsPci(sys: EvidenceFs, ids?: PciIds): Parsed<PciFunction[]> {
  const names = sys.list(DEVICES);
  if (names === null) return { value: null, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const reader = new SysfsReader(sys, diagnostics);
  const value: PciFunction[] = [];
  for (const name of names) {
    const dir = `${DEVICES}/${name}`;
    if (!NAME.test(name)) {
      diagnostics.push(bad(dir, "is not a PCI address", "domain:bus:device.function"));
      continue;
    }
    const cls = hexFile(sys, `${dir}/class`, 6);
    const vendorId = hexFile(sys, `${dir}/vendor`, 4);
    const deviceId = hexFile(sys, `${dir}/device`, 4);
    if (cls === null || vendorId === null || deviceId === null) {
      diagnostics.push(
        bad(dir, "lacks a readable class, vendor or device file", "0x-prefixed hex IDs"),
      );
      continue;
    }
    const classId = cls.slice(0, 4);
    const progIf = cls.slice(4);
    let subsystemVendorId = hexFile(sys, `${dir}/subsystem_vendor`, 4);
    let subsystemDeviceId = hexFile(sys, `${dir}/subsystem_device`, 4);
    // A subsystem vendor of 0000 or ffff means none (lspci.c prints no Subsystem line then).
    if (
      subsystemVendorId === "0000" ||
      subsystemVendorId === "ffff" ||
      subsystemDeviceId === null
    ) {
      subsystemVendorId = null;
      subsystemDeviceId = null;
    }
    const driver = readDriver(sys, dir);
    value.push({
      address: name,
      classId,
      progIf,
      className: ids?.className(classId) ?? null,
      vendorId,
      deviceId,
      vendorName: ids?.vendor(vendorId) ?? null,
      deviceName: ids?.device(vendorId, deviceId) ?? null,
      subsystemVendorId,
      subsystemDeviceId,
      subsystemName:
        subsystemVendorId === null || subsystemDeviceId === null
          ? null
          : (ids?.subsystem(vendorId, deviceId, subsystemVendorId, subsystemDeviceId) ?? null),
      revision: hexFile(sys, `${dir}/revision`, 2),
      driver: driver.name,
      driverKnown: driver.known,
      // Which modules could drive a function is modules.alias's business, not sysfs's.
      modules: null,
      iommuGroup: iommuGroup(reader.linkName(`${dir}/iommu_group`)),
      at: { file: dir },
    });
  }
  return { value, diagnostics };
}

/** `0x8086\n` → `8086`, checked to be `digits` hex digits; `null` when absent or malformed. */
function hexFile(sys: EvidenceFs, file: string, digits: number): string | null {
  const text = sys.readText(file)?.trim().toLowerCase();
  if (text === undefined || !text.startsWith("0x")) return null;
  const hex = text.slice(2);
  return hex.length === digits && /^[0-9a-f]+$/.test(hex) ? hex : null;
}

function readDriver(sys: EvidenceFs, dir: string): { name: string | null; known: boolean } {
  const link = sys.readLink(`${dir}/driver`);
  if (link !== null) return { name: lastComponent(link), known: true };
  const uevent = sys.readText(`${dir}/uevent`);
  if (uevent === null) return { name: null, known: false };
  const line = uevent.split("\n").find((l) => l.startsWith("DRIVER="));
  const name = line?.slice("DRIVER=".length).trim();
  return { name: name === undefined || name === "" ? null : name, known: true };
}

/** The group number of an `iommu_group` link's target name (`…/kernel/iommu_groups/5`). */
function iommuGroup(name: string | null): number | null {
  return name !== null && /^\d{1,9}$/.test(name) ? Number(name) : null;
}

function lastComponent(link: string): string | null {
  const parts = link.split("/").filter((p) => p !== "");
  return parts.at(-1) ?? null;
}

function bad(file: string, what: string, expected: string): Diagnostic {
  return {
    code: "HCL_E_EVIDENCE_MALFORMED",
    file,
    message: `${file} ${what}; skipped`,
    expected,
  };
}
