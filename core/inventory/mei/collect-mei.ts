import type { EvidenceSource } from "../../evidence/evidence-source.js";
import type { Diagnostic, Parsed } from "../common.js";
import { locateDevice } from "../sysfs/device-path.js";
import { SysfsReader } from "../sysfs/sysfs-reader.js";
import { parseMeiFwStatus, parseMeiFwVer } from "./parse-mei.js";
import type { MeiDevice } from "./schema.js";

/**
 * The ME interfaces of the sysroot: each entry of `/sys/class/mei`, or the `mei` misc device of
 * kernels 3.5–3.9. `[]` when `/sys/class/mei` exists and is empty (the kernel has MEI support and
 * found no interface — or the firmware hides it, as an AMT-capable laptop with AMT disabled may);
 * `null` when neither shows one or the source has no sysroot.
 *
 * @public
 */
export function collectMei(source: EvidenceSource): Parsed<MeiDevice[]> {
  const diagnostics: Diagnostic[] = [];
  if (source.sys === null) return { value: null, diagnostics };
  const sys = new SysfsReader(source.sys, diagnostics);
  const names = sys.list("/sys/class/mei");
  if (names !== null)
    return { value: names.map((n) => readMei(sys, `/sys/class/mei/${n}`, n)), diagnostics };
  if (sys.list("/sys/class/misc")?.includes("mei") === true)
    return { value: [readMei(sys, "/sys/class/misc/mei", "mei")], diagnostics };
  return { value: null, diagnostics };
}

function readMei(sys: SysfsReader, base: string, name: string): MeiDevice {
  const parse = (file: string, parser: typeof parseMeiFwVer): string[] | null => {
    const path = `${base}/${file}`;
    const text = sys.text(path);
    if (text === null) return null;
    const parsed = parser(text, path);
    sys.diagnostics.push(...parsed.diagnostics);
    return parsed.value;
  };
  // The interface is a child of its PCI function: /sys/devices/pci0000:00/0000:00:16.0/mei/mei0.
  const devicePath = sys.realPath(base);
  return {
    name,
    fwVersions: parse("fw_ver", parseMeiFwVer),
    fwStatus: parse("fw_status", parseMeiFwStatus),
    devState: nonEmpty(sys.value(`${base}/dev_state`)),
    kind: nonEmpty(sys.value(`${base}/kind`)),
    hbmVersion: nonEmpty(sys.value(`${base}/hbm_ver`)),
    pciAddress: devicePath === null ? null : locateDevice(devicePath).pciAddress,
    driver: sys.linkName(`${base}/device/driver`),
    at: { file: base },
  };
}

function nonEmpty(value: string | null): string | null {
  return value === "" ? null : value;
}
