import type { SataControllerInfo } from "../_lib/drivers/esata.js";
import type { WlanModuleInfo } from "../_lib/drivers/wifi.js";
import { cardReadersById } from "../_lib/ids/card-readers.js";

/** The 6 Series mobile PCH's SATA functions (pci.ids): AHCI keeps the ports' external flags. */
export const HURON_RIVER_SATA: Readonly<Record<string, SataControllerInfo>> = {
  "8086:1c01": { name: "6 Series Mobile SATA (IDE mode, ports 0-3)", mode: "ide", ports: 4 },
  "8086:1c09": { name: "6 Series Mobile SATA (IDE mode, ports 4-5)", mode: "ide", ports: 2 },
  "8086:1c03": { name: "6 Series 6-port Mobile SATA AHCI", mode: "ahci", ports: 6 },
  "8086:1c05": { name: "6 Series Mobile SATA RAID", mode: "raid", ports: 6 },
};

/**
 * The card readers of Huron River business laptops (pci.ids): Ricoh's PCIe R5U822/R5U823, which
 * enumerate as class 0805 on some boards and 0880 prog-if 01 on others (ThinkPad T420), with a
 * Memory Stick function on some; Realtek's RTS5209, one function of class ff00 (rtsx_pci) and one
 * of 0805.
 */
export const HURON_RIVER_CARD_READERS = cardReadersById([
  "1180:e822",
  "1180:e823",
  "1180:e230",
  "10ec:5209",
]);

const centrino =
  "Intel Centrino WLAN option of 2nd gen Core vPro (2011) laptops; pci.ids, iwlwifi/pcie/drv.c";

/** The Intel WLAN modules offered with Huron River laptops (a module not listed still counts). */
export const HURON_RIVER_WLAN: Readonly<Record<string, WlanModuleInfo>> = {
  "8086:0082": { name: "Intel Centrino Advanced-N 6205", source: centrino },
  "8086:0085": { name: "Intel Centrino Advanced-N 6205", source: centrino },
  "8086:0090": { name: "Intel Centrino Advanced-N 6230", source: centrino },
  "8086:0091": { name: "Intel Centrino Advanced-N 6230", source: centrino },
  "8086:422b": { name: "Intel Centrino Ultimate-N 6300", source: centrino },
  "8086:4238": { name: "Intel Centrino Ultimate-N 6300", source: centrino },
  "8086:0087": { name: "Intel Centrino Advanced-N + WiMAX 6250", source: centrino },
  "8086:0089": { name: "Intel Centrino Advanced-N + WiMAX 6250", source: centrino },
  "8086:008a": { name: "Intel Centrino Wireless-N 1030", source: centrino },
  "8086:008b": { name: "Intel Centrino Wireless-N 1030", source: centrino },
};
