import type { EvidenceSource } from "../../evidence/evidence-source.js";
import type { Parsed } from "../common.js";
import { parseHwinfo } from "../hwinfo/parse-hwinfo.js";
import { loadPciIds, type PciIds } from "../ids/pci-ids.js";
import { parseLspci } from "./parse-lspci.js";
import { readSysfsPci } from "./read-sysfs-pci.js";
import type { PciFunction } from "./schema.js";

/**
 * The PCI functions of the evidence: sysfs `/sys/bus/pci/devices` in the sysroot (read directly,
 * see {@link readSysfsPci}), else hw-probe's `logs/lspci_all` (`lspci -vvnn`), else the PCI entries
 * of `logs/hwinfo`; `value` is `null` when none of them is there. Names come from `ids` (the
 * system's pci.ids by default) where the evidence has none.
 *
 * @public
 */
export function collectPci(
  source: EvidenceSource,
  ids: PciIds = loadPciIds(),
): Parsed<PciFunction[]> {
  const sys = source.sys === null ? null : readSysfsPci(source.sys, ids);
  if (sys !== null && sys.value !== null) return sys;
  const earlier = sys?.diagnostics ?? [];
  const lspci = source.log("lspci_all");
  if (lspci !== null) {
    const parsed = parseLspci(lspci.text, lspci.name, ids);
    return { value: parsed.value, diagnostics: [...earlier, ...parsed.diagnostics] };
  }
  const hwinfo = source.log("hwinfo");
  if (hwinfo !== null) {
    const parsed = parseHwinfo(hwinfo.text, hwinfo.name, ids);
    return { value: parsed.value?.pci ?? null, diagnostics: [...earlier, ...parsed.diagnostics] };
  }
  return { value: null, diagnostics: earlier };
}
