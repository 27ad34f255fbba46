import type { SataControllerInfo } from "../_lib/drivers/esata.js";
import type { WlanModuleInfo } from "../_lib/drivers/wifi.js";
import { cardReadersById } from "../_lib/ids/card-readers.js";

/** The 5 Series PCH's SATA functions (pci.ids): AHCI keeps the ports' external flags. */
export const CALPELLA_SATA: Readonly<Record<string, SataControllerInfo>> = {
  "8086:3b28": { name: "5 Series 4-port SATA IDE", mode: "ide", ports: 4 },
  "8086:3b2d": { name: "5 Series 2-port SATA IDE", mode: "ide", ports: 2 },
  "8086:3b2e": { name: "5 Series 4-port SATA IDE", mode: "ide", ports: 4 },
  "8086:3b29": { name: "5 Series 4-port SATA AHCI", mode: "ahci", ports: 4 },
  "8086:3b2f": { name: "5 Series 6-port SATA AHCI", mode: "ahci", ports: 6 },
  "8086:3b2c": { name: "5 Series SATA RAID", mode: "raid", ports: 6 },
};

/**
 * The card readers of Calpella business laptops (pci.ids): Ricoh's PCI R5C822 (SD) with R5C592
 * (Memory Stick) and xD functions, and the PCIe R5U822 (e822, SD; class 0805) with its
 * R5U230 Memory Stick function (e230, class 0880, no Linux driver).
 */
export const CALPELLA_CARD_READERS = cardReadersById([
  "1180:0822",
  "1180:0592",
  "1180:0852",
  "1180:e822",
  "1180:e230",
]);

const centrino =
  "Intel Centrino WLAN option of Core vPro (2010) laptops; pci.ids, iwlwifi/pcie/drv.c";

/** The Intel WLAN modules offered with Calpella laptops (a module not listed still counts). */
export const CALPELLA_WLAN: Readonly<Record<string, WlanModuleInfo>> = {
  "8086:422c": { name: "Intel Centrino Advanced-N 6200", source: centrino },
  "8086:4239": { name: "Intel Centrino Advanced-N 6200", source: centrino },
  "8086:422b": { name: "Intel Centrino Ultimate-N 6300", source: centrino },
  "8086:4238": { name: "Intel Centrino Ultimate-N 6300", source: centrino },
  "8086:0087": { name: "Intel Centrino Advanced-N + WiMAX 6250", source: centrino },
  "8086:0089": { name: "Intel Centrino Advanced-N + WiMAX 6250", source: centrino },
  "8086:0083": { name: "Intel Centrino Wireless-N 1000", source: centrino },
  "8086:0084": { name: "Intel Centrino Wireless-N 1000", source: centrino },
};
