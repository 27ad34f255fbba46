import type { ChipsetTable } from "../_lib/read/chipset.js";

const NO_VPRO =
  "pci.ids names the SKU; Intel's chipset pages list AMT (vPro) and TXT for Q-series SKUs only";

/** A consumer SKU: neither AMT nor TXT. */
const consumer = (name: string) => ({ name, amt: false, txt: false, source: NO_VPRO });

/**
 * Intel chipset SKUs without AMT or TXT, by LPC bridge id (pci.ids 2023.04.10). The generic
 * plugin knows only these negatives: a machine on another chipset is told AMT and TXT from direct
 * evidence (AMT's PCI functions, SMBIOS 131), or left unknown. ICH9M (2919) is the non-E ICH9M:
 * AMT 4.0 needs the ICH9M-E (Mobile Intel 4 Series Express Chipset Family datasheet).
 */
export const CONSUMER_CHIPSETS: ChipsetTable = {
  "8086:2815": consumer("ICH8M"),
  "8086:2916": consumer("ICH9R"),
  "8086:2918": consumer("ICH9"),
  "8086:2919": consumer("ICH9M"),
  "8086:3a16": consumer("ICH10R"),
  "8086:3a18": consumer("ICH10"),
  "8086:3b02": consumer("P55"),
  "8086:3b03": consumer("PM55"),
  "8086:3b06": consumer("H55"),
  "8086:3b08": consumer("H57"),
  "8086:3b09": consumer("HM55"),
  "8086:3b0b": consumer("HM57"),
  "8086:1c44": consumer("Z68"),
  "8086:1c46": consumer("P67"),
  "8086:1c47": consumer("UM67"),
  "8086:1c49": consumer("HM65"),
  "8086:1c4a": consumer("H67"),
  "8086:1c4b": consumer("HM67"),
  "8086:1c50": consumer("B65"),
  "8086:1c58": consumer("B65 (upgraded)"),
  "8086:1c59": consumer("HM67 (upgraded)"),
  "8086:1c5c": consumer("H61"),
  "8086:1e44": consumer("Z77"),
  "8086:1e46": consumer("Z75"),
  "8086:1e49": consumer("B75"),
  "8086:1e4a": consumer("H77"),
  "8086:1e57": consumer("HM77"),
  "8086:1e58": consumer("UM77"),
  "8086:1e59": consumer("HM76"),
  "8086:1e5b": consumer("UM77"),
  "8086:1e5d": consumer("HM75"),
  "8086:1e5e": consumer("HM70"),
  "8086:1e5f": consumer("NM70"),
};
