import type { Diagnostic, Parsed } from "../common.js";
import type { PciIds } from "../ids/pci-ids.js";
import type { PciFunction } from "../pci/schema.js";
import { field, hwinfoEntries, type HwinfoEntry } from "./hwinfo-entries.js";
import { hwinfoCpu } from "./hwinfo-cpu.js";
import { hwinfoNetwork } from "./hwinfo-network.js";
import { hwinfoPciFunction } from "./hwinfo-pci.js";
import { hwinfoUsbDevices } from "./hwinfo-usb.js";
import type { Hwinfo, HwinfoNetwork } from "./schema.js";

/**
 * Reads a hwinfo dump (hw-probe's `logs/hwinfo`, `hwinfo --all` style): its PCI entries as PCI
 * functions, its USB entries merged into USB devices, its CPU entries as the processor, and its
 * network interfaces. Other entries (disks, input devices, BIOS…) are left alone. A section with
 * no entry at all is `null`; `value` is `null` when the text has no hwinfo entry. Class names of
 * PCI functions come from `ids` when given.
 *
 * @public
 */
export function parseHwinfo(text: string, file: string, ids?: PciIds): Parsed<Hwinfo> {
  const { entries, diagnostics } = hwinfoEntries(text, file);
  if (entries.length === 0) return { value: null, diagnostics };
  const pciEntries = entries.filter((e) => e.bus === "PCI");
  const usbEntries = entries.filter((e) => e.bus === "USB");
  const cpuEntries = entries.filter((e) => field(e, "Hardware Class") === "cpu");
  const netEntries = entries.filter((e) => field(e, "Hardware Class") === "network interface");

  const pci: PciFunction[] = [];
  const seen = new Set<string>();
  for (const entry of pciEntries) {
    const fn = hwinfoPciFunction(entry, ids);
    if (fn === null)
      diagnostics.push(unreadable(entry, "PCI entry without PCI IDs, address or class"));
    else if (seen.has(fn.address))
      diagnostics.push(unreadable(entry, `PCI entry repeats ${fn.address}; kept the first`));
    else {
      seen.add(fn.address);
      pci.push(fn);
    }
  }
  const network: HwinfoNetwork[] = [];
  for (const entry of netEntries) {
    const net = hwinfoNetwork(entry);
    if (net !== null) network.push(net);
  }
  pci.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  return {
    value: {
      pci: pciEntries.length === 0 ? null : pci,
      usb: usbEntries.length === 0 ? null : hwinfoUsbDevices(usbEntries),
      cpu: hwinfoCpu(cpuEntries),
      network: netEntries.length === 0 ? null : network,
    },
    diagnostics,
  };
}

function unreadable(entry: HwinfoEntry, what: string): Diagnostic {
  return {
    code: "HCL_E_EVIDENCE_MALFORMED",
    file: entry.at.file,
    line: entry.at.line,
    message: `${entry.at.file}:${entry.at.line} ${what}; skipped`,
    expected: "Vendor/Device IDs, a SysFS BusID or slot, and a Module Alias or PCI class",
  };
}
