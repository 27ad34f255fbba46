import type { SataControllerInfo } from "../_lib/drivers/esata.js";
import type { WlanModuleInfo } from "../_lib/drivers/wifi.js";
import { cardReadersById } from "../_lib/ids/card-readers.js";

/**
 * The ICH9M/ICH9M-E SATA functions (pci.ids). In IDE mode (`ata_piix`, HP 6930p) there is no
 * AHCI, so a port the firmware marks external is invisible to Linux; RAID mode `282a` is driven by
 * `ahci` (Dell E6400) and keeps AHCI's port flags.
 */
export const MONTEVINA_SATA: Readonly<Record<string, SataControllerInfo>> = {
  "8086:2928": { name: "ICH9M/ICH9M-E SATA (IDE mode, ports 0-1)", mode: "ide", ports: 2 },
  "8086:292d": { name: "ICH9M/ICH9M-E SATA (IDE mode, ports 4-5)", mode: "ide", ports: 2 },
  "8086:2929": { name: "ICH9M/ICH9M-E 4-port SATA AHCI", mode: "ahci", ports: 4 },
  "8086:282a": { name: "82801 Mobile SATA (RAID mode, ahci driver)", mode: "raid", ports: 4 },
  "8086:292c": { name: "ICH9M-E SATA (RAID mode)", mode: "raid", ports: 4 },
};

/**
 * The card readers of Montevina business laptops: Ricoh's R5C8xx multi-function chips behind the
 * PCI bridge — an SD function (R5C822), and on some boards MMC (R5C843), Memory Stick (R5C592)
 * and xD functions (pci.ids; seen on HP EliteBook 6930p, Dell Latitude E6400).
 */
export const MONTEVINA_CARD_READERS = cardReadersById([
  "1180:0822",
  "1180:0843",
  "1180:0592",
  "1180:0852",
]);

const centrino2 = "Intel Centrino 2 (Montevina) WLAN option; pci.ids, iwlwifi/pcie/drv.c";

/** The Intel WLAN modules offered with Centrino 2 with vPro laptops (a module not listed still counts). */
export const MONTEVINA_WLAN: Readonly<Record<string, WlanModuleInfo>> = {
  "8086:4232": { name: "Intel WiFi Link 5100", source: centrino2 },
  "8086:4237": { name: "Intel WiFi Link 5100", source: centrino2 },
  "8086:4235": { name: "Intel Ultimate N WiFi Link 5300", source: centrino2 },
  "8086:4236": { name: "Intel Ultimate N WiFi Link 5300", source: centrino2 },
  "8086:423a": { name: "Intel WiFi Link 5350", source: centrino2 },
  "8086:423b": { name: "Intel WiFi Link 5350", source: centrino2 },
  "8086:423c": { name: "Intel WiMAX/WiFi Link 5150", source: centrino2 },
  "8086:423d": { name: "Intel WiMAX/WiFi Link 5150", source: centrino2 },
};
