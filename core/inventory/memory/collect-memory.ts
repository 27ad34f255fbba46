import type { EvidenceSource } from "../../evidence/evidence-source.js";
import type { Diagnostic, Parsed } from "../common.js";
import { SysfsReader } from "../sysfs/sysfs-reader.js";
import { parseMeminfo } from "./parse-meminfo.js";
import type { Memory } from "./schema.js";

/**
 * Usable memory from `/proc/meminfo` in the sysroot, else from hw-probe's `logs/meminfo`; `null`
 * when the source has neither.
 *
 * @public
 */
export function collectMemory(source: EvidenceSource): Parsed<Memory> {
  const diagnostics: Diagnostic[] = [];
  if (source.sys !== null) {
    const text = new SysfsReader(source.sys, diagnostics).text("/proc/meminfo");
    if (text !== null) {
      const parsed = parseMeminfo(text, "/proc/meminfo");
      return { value: parsed.value, diagnostics: [...diagnostics, ...parsed.diagnostics] };
    }
  }
  const log = source.log("meminfo");
  if (log === null) return { value: null, diagnostics };
  const parsed = parseMeminfo(log.text, log.name);
  return { value: parsed.value, diagnostics: [...diagnostics, ...parsed.diagnostics] };
}
