import type { MeFunctionTable } from "../_lib/drivers/vpro.js";
import type { ChipsetTable } from "../_lib/read/chipset.js";

const VPRO = "Intel 5 Series Chipset datasheet / Core vPro (2010): AMT 6.0 and TXT on QM57/QS57";
const CONSUMER = "Intel 5 Series: no AMT, no TXT on this SKU";

/**
 * The 5 Series mobile PCHs (Ibex Peak-M, pci.ids 2023.04.10): QM57 and QS57 are Calpella's vPro
 * SKUs; HM55, HM57 and PM55 — sold with the same Arrandale processors and host bridge 8086:0044 —
 * have neither AMT nor TXT.
 */
export const CALPELLA_CHIPSETS: ChipsetTable = {
  "8086:3b07": {
    name: "QM57",
    amt: true,
    txt: true,
    source: `pci.ids "QM57 Chipset LPC Interface Controller"; ${VPRO}`,
  },
  "8086:3b0f": {
    name: "QS57",
    amt: true,
    txt: true,
    source: `pci.ids "QS57 Chipset LPC Interface Controller"; ${VPRO}`,
  },
  "8086:3b03": {
    name: "PM55",
    amt: false,
    txt: false,
    source: `pci.ids "PM55 Chipset LPC Interface Controller"; ${CONSUMER}`,
  },
  "8086:3b09": {
    name: "HM55",
    amt: false,
    txt: false,
    source: `pci.ids "HM55 Chipset LPC Interface Controller"; ${CONSUMER}`,
  },
  "8086:3b0b": {
    name: "HM57",
    amt: false,
    txt: false,
    source: `pci.ids "HM57 Chipset LPC Interface Controller"; ${CONSUMER}`,
  },
};

/**
 * Matches on the vPro SKUs' LPC bridges or SMBIOS 131's PCH id; not on host bridge 8086:0044
 * ("Core Processor DRAM Controller"), which HM55/HM57 laptops share.
 */
export const CALPELLA_MATCH = { pci: ["8086:3b07", "8086:3b0f"], smbiosPch: ["3b07", "3b0f"] };

/**
 * The ME's functions at PCI device 22 (pci.ids "5 Series/3400 Series Chipset …";
 * hw-me-regs.h `MEI_DEV_ID_IBXPK_1 0x3B64`): HECI, and AMT's PT IDER (16.2) and KT (16.3).
 */
export const CALPELLA_ME_FUNCTIONS: MeFunctionTable = {
  "8086:3b64": { role: "mei", name: "5 Series HECI" },
  "8086:3b65": { role: "mei", name: "5 Series HECI #2" },
  "8086:3b66": { role: "ide-r", name: "5 Series PT IDER" },
  "8086:3b67": { role: "kt-sol", name: "5 Series KT (serial over LAN)" },
};
