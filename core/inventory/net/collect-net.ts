import type { EvidenceSource } from "../../evidence/evidence-source.js";
import type { Diagnostic, Parsed } from "../common.js";
import { splitLines } from "../text.js";
import { isVirtualDevice, locateDevice } from "../sysfs/device-path.js";
import { SysfsReader } from "../sysfs/sysfs-reader.js";
import { udevRecords } from "../udev/udev-records.js";
import { netFromUdev } from "./net-from-udev.js";
import type { NetInterface } from "./schema.js";

/**
 * The network interfaces: `/sys/class/net/*` of the sysroot, else the `net` records of
 * hw-probe's `logs/udev-db`; `null` when the source has neither.
 *
 * @public
 */
export function collectNet(source: EvidenceSource): Parsed<NetInterface[]> {
  const diagnostics: Diagnostic[] = [];
  if (source.sys !== null) {
    const sys = new SysfsReader(source.sys, diagnostics);
    const names = sys.list("/sys/class/net");
    if (names !== null) return { value: names.map((n) => readInterface(sys, n)), diagnostics };
  }
  const udev = udevRecords(source);
  if (udev.value === null) return { value: null, diagnostics };
  return { value: netFromUdev(udev.value), diagnostics: [...diagnostics, ...udev.diagnostics] };
}

function readInterface(sys: SysfsReader, name: string): NetInterface {
  const base = `/sys/class/net/${name}`;
  const entries = sys.list(base);
  const devicePath = sys.realPath(base);
  const devtype = ueventValue(sys, `${base}/uevent`, "DEVTYPE");
  // No `device` link: the kernel made the interface up. Unlistable: only its path can tell.
  let virtual: boolean | null = null;
  if (entries !== null) virtual = !entries.includes("device");
  else if (devicePath?.startsWith("/sys/devices/") === true) virtual = isVirtualDevice(devicePath);
  const has = (entry: string): boolean => entries?.includes(entry) === true;
  let wireless: boolean | null = null;
  if (devtype === "wlan" || has("wireless") || has("phy80211")) wireless = true;
  else if (entries !== null) wireless = false;
  const location = virtual !== false || devicePath === null ? null : locateDevice(devicePath);
  return {
    name,
    virtual,
    wireless,
    driver: virtual === true ? null : sys.linkName(`${base}/device/driver`),
    pciAddress: location?.pciAddress ?? null,
    usbPath: location?.usbPath ?? null,
    phy: has("phy80211") ? sys.linkName(`${base}/phy80211`) : null,
    devicePath,
    at: { file: base },
  };
}

/** One `KEY=value` of a `uevent` attribute. */
function ueventValue(sys: SysfsReader, file: string, key: string): string | null {
  const text = sys.text(file);
  if (text === null) return null;
  for (const line of splitLines(text))
    if (line.startsWith(`${key}=`)) return line.slice(key.length + 1);
  return null;
}
