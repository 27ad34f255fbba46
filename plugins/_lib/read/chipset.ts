import type { Evidence } from "../../../core/plugin/api.js";
import type { Inventory } from "../../../core/inventory/inventory.js";
import { cite, withNote } from "../facts/evidence.js";
import { vproRecord } from "./intel-smbios.js";
import { describePci, pciId } from "./pci.js";

/** What a plugin knows of one chipset SKU, by its LPC bridge's PCI id. */
export interface ChipsetInfo {
  /** The SKU (`QM57`, `HM65`). */
  readonly name: string;
  /** The SKU supports Intel AMT (the vPro management engine firmware). */
  readonly amt: boolean;
  /** The SKU supports Intel TXT (measured launch). */
  readonly txt: boolean;
  /** Where this is documented. */
  readonly source: string;
}

/** Chipset SKUs by the `vendor:device` id of their LPC bridge (`8086:3b07`). */
export type ChipsetTable = Readonly<Record<string, ChipsetInfo>>;

/** The chipset the evidence shows, with what the table says of it. */
export interface ChipsetEvidence {
  /** `vendor:device` of the LPC bridge, or `8086:<PCH id>` from SMBIOS 131. */
  readonly id: string;
  /** The table's entry; `null` when the table does not know this chipset. */
  readonly info: ChipsetInfo | null;
  readonly evidence: Evidence;
}

/** PCI class 0601: ISA bridge, which is how the LPC interface of a chipset enumerates. */
const ISA_BRIDGE = "0601";

/**
 * The machine's chipset: its LPC bridge among the PCI functions, else the PCH device id of Intel's
 * SMBIOS 131 vPro record (for dumps without a PCI list). `null` when neither shows one.
 */
export function findChipset(inventory: Inventory, table: ChipsetTable): ChipsetEvidence | null {
  const bridges = (inventory.pci ?? []).filter((fn) => fn.classId === ISA_BRIDGE);
  const listed = bridges.find((fn) => table[pciId(fn)] !== undefined) ?? bridges[0];
  if (listed !== undefined) {
    const info = table[pciId(listed)] ?? null;
    return {
      id: pciId(listed),
      info,
      evidence: cite(listed.at, describePci(listed)),
    };
  }
  const vpro = vproRecord(inventory);
  const pch = vpro?.record.pch?.deviceId;
  if (vpro !== null && pch !== undefined && pch !== "ffff" && pch !== "00ff") {
    const id = `8086:${pch}`;
    const info = table[id] ?? null;
    return {
      id,
      info,
      evidence: withNote(
        vpro.evidence,
        "the PCH named by SMBIOS 131 (no LPC bridge in a PCI list)",
      ),
    };
  }
  return null;
}
