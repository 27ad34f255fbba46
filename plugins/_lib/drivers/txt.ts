import type { Driver, Fact } from "../../../core/plugin/api.js";
import type { Inventory } from "../../../core/inventory/inventory.js";
import { platformDevice } from "../facts/device.js";
import { withNote } from "../facts/evidence.js";
import { known, unknown } from "../facts/fact.js";
import { findChipset, type ChipsetEvidence, type ChipsetTable } from "../read/chipset.js";
import { cpuFlags, cpuMaker, type CpuFlags } from "../read/cpu.js";
import { vproRecord, type VproRecord } from "../read/intel-smbios.js";

/** Options of {@link txtDriver}: the chipsets the plugin knows, by LPC id. */
export interface TxtDriverOptions {
  readonly id?: string;
  readonly title?: string;
  readonly chipsets: ChipsetTable;
}

/**
 * The Intel TXT driver. TXT needs a TXT-capable chipset and a CPU with SMX (CPUID.1:ECX[6], flag
 * `smx`; Documentation/x86/intel_txt.rst); AMD machines have none. Whether it is enabled is only
 * recorded by Intel's SMBIOS 131 vPro record (CPU_CAP bit 3, `MeSmbios.h`) in a dump; a live
 * system would need the TXT registers (txt-stat), which the inventory does not read.
 */
export function txtDriver(options: TxtDriverOptions): Driver {
  return {
    id: options.id ?? "txt",
    class: "txt",
    title: options.title ?? "Intel TXT from chipset, CPU flags and SMBIOS 131",
    probe: ({ inventory }) => {
      if (inventory.pci === null && inventory.cpu === null && inventory.smbios === null)
        return null;
      const { capable, enabled } = decide(inventory, options.chipsets);
      return [platformDevice("txt", "Intel Trusted Execution Technology", { capable, enabled })];
    },
  };
}

function decide(inventory: Inventory, chipsets: ChipsetTable): { capable: Fact; enabled: Fact } {
  const both = (fact: Fact) => ({ capable: fact, enabled: fact });
  const maker = cpuMaker(inventory);
  if (maker.maker === "amd" && maker.evidence !== null) {
    return both(
      known(false, withNote(maker.evidence, "Intel TXT is Intel-only; AMD machines have none")),
    );
  }
  const chipset = findChipset(inventory, chipsets);
  if (chipset?.info?.txt === false) {
    const note = `${chipset.info.name} is not TXT-capable (${chipset.info.source})`;
    return both(known(false, withNote(chipset.evidence, note)));
  }
  const flags = cpuFlags(inventory);
  if (flags !== null && !flags.has("smx")) {
    const note = "no smx flag: the CPU has no Safer Mode Extensions, so no TXT";
    return both(known(false, withNote(flags.evidence, note)));
  }
  const vpro = vproRecord(inventory);
  if (vpro?.record.txtEnabled === true) {
    // The firmware reporting TXT enabled proves the whole platform capable.
    return both(known(true, withNote(vpro.evidence, "CPU_CAP bit 3: TXT enabled by the firmware")));
  }
  return { capable: capable(chipset, flags, vpro), enabled: enabled(vpro, chipset) };
}

function capable(
  chipset: ChipsetEvidence | null,
  flags: CpuFlags | null,
  vpro: VproRecord | null,
): Fact {
  const seen = [chipset?.evidence, flags?.evidence].filter((e) => e !== undefined);
  if (chipset === null)
    return unknown("the evidence shows no chipset, and TXT needs a TXT-capable one", ...seen);
  if (chipset.info?.txt !== true) {
    return unknown(
      `chipset ${chipset.id} is not in this plugin's tables, and TXT needs a TXT-capable chipset as well as an SMX CPU`,
      ...seen,
    );
  }
  if (flags !== null)
    return known(true, chipset.evidence, withNote(flags.evidence, "smx flag: the CPU has SMX"));
  const bit = vpro?.record.txtCapable ?? null;
  if (vpro !== null && bit !== null) {
    return known(
      bit,
      chipset.evidence,
      withNote(vpro.evidence, `CPU_CAP bit 2 (TXT capable) = ${bit ? 1 : 0}`),
    );
  }
  return unknown(
    "the chipset is TXT-capable, but neither CPU flags nor SMBIOS 131 say whether the CPU has SMX",
    chipset.evidence,
  );
}

function enabled(vpro: VproRecord | null, chipset: ChipsetEvidence | null): Fact {
  if (vpro !== null && vpro.record.txtEnabled === false) {
    return known(false, withNote(vpro.evidence, "CPU_CAP bit 3 (TXT enabled) = 0"));
  }
  const why =
    "no SMBIOS 131 vPro record; only the TXT registers (txt-stat) would tell whether TXT is on";
  return unknown(why, ...(chipset === null ? [] : [chipset.evidence]));
}
