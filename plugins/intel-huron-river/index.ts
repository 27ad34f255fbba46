import { definePlatformPlugin } from "../../core/plugin/api.js";
import { cardReaderDriver } from "../_lib/drivers/card-reader.js";
import { esataDriver } from "../_lib/drivers/esata.js";
import { tpmDriver } from "../_lib/drivers/tpm.js";
import { txtDriver } from "../_lib/drivers/txt.js";
import { vproDriver } from "../_lib/drivers/vpro.js";
import { wifiDriver } from "../_lib/drivers/wifi.js";
import { HURON_RIVER_CHIPSETS, HURON_RIVER_MATCH, HURON_RIVER_ME_FUNCTIONS } from "./chipset.js";
import { HURON_RIVER_CARD_READERS, HURON_RIVER_SATA, HURON_RIVER_WLAN } from "./devices.js";

/**
 * Intel's 2011 vPro laptop platform: Sandy Bridge Core i5/i7 with the QM67/QS67 PCH (AMT 7.0,
 * TXT). Supporting classes come from generic-pc.
 */
export default definePlatformPlugin({
  name: "intel-huron-river",
  version: "0.1.0",
  apiVersion: 1,
  platform: { title: "Intel QM67/QS67 (Huron River) vPro", match: HURON_RIVER_MATCH },
  drivers: [
    tpmDriver({ id: "tpm.tis12", title: "TPM 1.2 on LPC (TCPA, ACPI, SMBIOS)" }),
    txtDriver({ id: "txt.qm67", title: "TXT on QM67/QS67", chipsets: HURON_RIVER_CHIPSETS }),
    vproDriver({
      id: "amt.cougar-point",
      title: "AMT 7.0 on the Cougar Point Management Engine",
      chipsets: HURON_RIVER_CHIPSETS,
      meFunctions: HURON_RIVER_ME_FUNCTIONS,
    }),
    esataDriver({
      id: "esata.cougar-point",
      title: "eSATA on the 6 Series SATA controller",
      sataControllers: HURON_RIVER_SATA,
    }),
    cardReaderDriver({
      id: "card-reader.ricoh-realtek",
      title: "Ricoh and Realtek card readers",
      pciReaders: HURON_RIVER_CARD_READERS,
    }),
    wifiDriver({ id: "wifi.centrino", title: "Centrino WLAN modules", modules: HURON_RIVER_WLAN }),
  ],
});
