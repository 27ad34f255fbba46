import type { MeFunctionTable } from "../_lib/drivers/vpro.js";
import type { ChipsetTable } from "../_lib/read/chipset.js";

/**
 * Montevina's I/O hubs (pci.ids 2023.04.10): the ICH9M-E is the vPro SKU — with GM45/GS45 it
 * carries Intel AMT 4.0 and TXT ("Intel Centrino 2 with vPro technology"; Mobile Intel 4 Series
 * Express Chipset Family datasheet) — and the ICH9M its consumer sibling without either.
 */
export const MONTEVINA_CHIPSETS: ChipsetTable = {
  "8086:2917": {
    name: "ICH9M-E",
    amt: true,
    txt: true,
    source:
      'pci.ids "ICH9M-E LPC Interface Controller"; Centrino 2 with vPro: AMT 4.0 and TXT with GM45/GS45',
  },
  "8086:2919": {
    name: "ICH9M",
    amt: false,
    txt: false,
    source: 'pci.ids "ICH9M LPC Interface Controller"; AMT and TXT need the ICH9M-E',
  },
};

/** The chipset ids the platform matches on: the ICH9M-E's LPC bridge, also named by SMBIOS 131's PCH field. */
export const MONTEVINA_MATCH = { pci: ["8086:2917"], smbiosPch: ["2917"] };

/**
 * The Management Engine's functions on the GM45 GMCH (device 3; pci.ids "Mobile 4 Series
 * Chipset …", "Cantiga …"; drivers/misc/mei/hw-me-regs.h `MEI_DEV_ID_ICH9M_1 0x2A44`). The PT
 * IDER and SOL functions are AMT's; BIOSes that disable AMT hide all of them (HP 6930p, Dell E6400).
 */
export const MONTEVINA_ME_FUNCTIONS: MeFunctionTable = {
  "8086:2a44": { role: "mei", name: "Mobile 4 Series MEI" },
  "8086:2a45": { role: "mei", name: "Mobile 4 Series MEI #2" },
  "8086:2a46": { role: "ide-r", name: "Mobile 4 Series PT IDER" },
  "8086:2a47": { role: "kt-sol", name: "Mobile 4 Series AMT SOL Redirection" },
  "8086:2a50": { role: "mei", name: "Cantiga MEI" },
  "8086:2a51": { role: "mei", name: "Cantiga MEI #2" },
  "8086:2a52": { role: "ide-r", name: "Cantiga PT IDER" },
  "8086:2a53": { role: "kt-sol", name: "Cantiga AMT SOL Redirection" },
};
