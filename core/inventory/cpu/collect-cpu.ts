import type { EvidenceSource } from "../../evidence/evidence-source.js";
import type { Diagnostic, Parsed } from "../common.js";
import { SysfsReader } from "../sysfs/sysfs-reader.js";
import { parseCpuinfo } from "./parse-cpuinfo.js";
import type { Cpu } from "./schema.js";

/**
 * The processor from `/proc/cpuinfo` in the sysroot, else from hw-probe's `logs/cpuinfo` (which
 * holds only the first processor: threads and cores are then unknown); `null` when the source
 * has neither. hwinfo's CPU entries are read by the hwinfo parser.
 *
 * @public
 */
export function collectCpu(source: EvidenceSource): Parsed<Cpu> {
  const diagnostics: Diagnostic[] = [];
  if (source.sys !== null) {
    const text = new SysfsReader(source.sys, diagnostics).text("/proc/cpuinfo");
    if (text !== null) {
      const parsed = parseCpuinfo(text, "/proc/cpuinfo");
      return { value: parsed.value, diagnostics: [...diagnostics, ...parsed.diagnostics] };
    }
  }
  const log = source.log("cpuinfo");
  if (log === null) return { value: null, diagnostics };
  const parsed = parseCpuinfo(log.text, log.name);
  return { value: parsed.value, diagnostics: [...diagnostics, ...parsed.diagnostics] };
}
