import type { EvidenceSource } from "../../evidence/evidence-source.js";
import type { Parsed } from "../common.js";
import { parseHwinfo } from "../hwinfo/parse-hwinfo.js";
import { loadUsbIds, type UsbIds } from "../ids/usb-ids.js";
import { parseLsusb } from "./parse-lsusb.js";
import { readSysfsUsb } from "./read-sysfs-usb.js";
import type { UsbDevice } from "./schema.js";

/**
 * The USB devices of the evidence: sysfs `/sys/bus/usb/devices` in the sysroot, else hw-probe's
 * `logs/lsusb`, else the USB entries of `logs/hwinfo`; `value` is `null` when none of them is
 * there. Names come from `ids` (the system's usb.ids by default).
 *
 * @public
 */
export function collectUsb(
  source: EvidenceSource,
  ids: UsbIds = loadUsbIds(),
): Parsed<UsbDevice[]> {
  const sys = source.sys === null ? null : readSysfsUsb(source.sys, ids);
  if (sys !== null && sys.value !== null) return sys;
  const earlier = sys?.diagnostics ?? [];
  const lsusb = source.log("lsusb");
  if (lsusb !== null) {
    const parsed = parseLsusb(lsusb.text, lsusb.name, ids);
    return { value: parsed.value, diagnostics: [...earlier, ...parsed.diagnostics] };
  }
  const hwinfo = source.log("hwinfo");
  if (hwinfo !== null) {
    const parsed = parseHwinfo(hwinfo.text, hwinfo.name);
    return { value: parsed.value?.usb ?? null, diagnostics: [...earlier, ...parsed.diagnostics] };
  }
  return { value: null, diagnostics: earlier };
}
