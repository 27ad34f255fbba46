import type { MeFunctionTable } from "../_lib/drivers/vpro.js";
import type { ChipsetTable } from "../_lib/read/chipset.js";

const VPRO =
  "Intel 6 Series Chipset datasheet / 2nd gen Core vPro (2011): AMT 7.0 and TXT on QM67/QS67";
const CONSUMER = "Intel 6 Series: no AMT, no TXT on this SKU";

/**
 * The 6 Series mobile PCHs (Cougar Point-M, pci.ids 2023.04.10): QM67 and QS67 are Huron River's
 * vPro SKUs; HM65, HM67 and UM67 — sold with the same Sandy Bridge processors and host bridge
 * 8086:0104 — have neither AMT nor TXT.
 */
export const HURON_RIVER_CHIPSETS: ChipsetTable = {
  "8086:1c4f": {
    name: "QM67",
    amt: true,
    txt: true,
    source: `pci.ids "QM67 Express Chipset LPC Controller"; ${VPRO}`,
  },
  "8086:1c4d": {
    name: "QS67",
    amt: true,
    txt: true,
    source: `pci.ids "QS67 Express Chipset LPC Controller"; ${VPRO}`,
  },
  "8086:1c49": {
    name: "HM65",
    amt: false,
    txt: false,
    source: `pci.ids "HM65 Express Chipset LPC Controller"; ${CONSUMER}`,
  },
  "8086:1c4b": {
    name: "HM67",
    amt: false,
    txt: false,
    source: `pci.ids "HM67 Express Chipset LPC Controller"; ${CONSUMER}`,
  },
  "8086:1c47": {
    name: "UM67",
    amt: false,
    txt: false,
    source: `pci.ids "UM67 Express Chipset LPC Controller"; ${CONSUMER}`,
  },
};

/**
 * Matches on the vPro SKUs' LPC bridges or SMBIOS 131's PCH id; not on the Sandy Bridge host
 * bridges (8086:0104 and kin), which HM65 laptops such as the Aspire 5750 and G570 share.
 */
export const HURON_RIVER_MATCH = { pci: ["8086:1c4f", "8086:1c4d"], smbiosPch: ["1c4f", "1c4d"] };

/**
 * The ME's functions at PCI device 22 (pci.ids "6 Series/C200 Series Chipset Family …";
 * hw-me-regs.h `MEI_DEV_ID_CPT_1 0x1C3A`): MEI — present on HM65 too — and AMT's IDE-r and KT.
 */
export const HURON_RIVER_ME_FUNCTIONS: MeFunctionTable = {
  "8086:1c3a": { role: "mei", name: "6 Series MEI #1" },
  "8086:1c3b": { role: "mei", name: "6 Series MEI #2" },
  "8086:1c3c": { role: "ide-r", name: "6 Series IDE-r" },
  "8086:1c3d": { role: "kt-sol", name: "6 Series KT (serial over LAN)" },
};
