import { definePlatformPlugin } from "../../core/plugin/api.js";
import { cardReaderDriver } from "../_lib/drivers/card-reader.js";
import { esataDriver } from "../_lib/drivers/esata.js";
import { tpmDriver } from "../_lib/drivers/tpm.js";
import { txtDriver } from "../_lib/drivers/txt.js";
import { vproDriver } from "../_lib/drivers/vpro.js";
import { wifiDriver } from "../_lib/drivers/wifi.js";
import { CALPELLA_CHIPSETS, CALPELLA_MATCH, CALPELLA_ME_FUNCTIONS } from "./chipset.js";
import { CALPELLA_CARD_READERS, CALPELLA_SATA, CALPELLA_WLAN } from "./devices.js";

/**
 * Intel's 2010 vPro laptop platform: Arrandale Core i5/i7 with the QM57/QS57 PCH (AMT 6.0, TXT).
 * Supporting classes come from generic-pc.
 */
export default definePlatformPlugin({
  name: "intel-calpella",
  version: "0.1.0",
  apiVersion: 1,
  platform: { title: "Intel QM57/QS57 (Calpella) vPro", match: CALPELLA_MATCH },
  drivers: [
    tpmDriver({ id: "tpm.tis12", title: "TPM 1.2 on LPC (TCPA, ACPI, SMBIOS)" }),
    txtDriver({ id: "txt.qm57", title: "TXT on QM57/QS57", chipsets: CALPELLA_CHIPSETS }),
    vproDriver({
      id: "amt.ibex-peak",
      title: "AMT 6.0 on the Ibex Peak Management Engine",
      chipsets: CALPELLA_CHIPSETS,
      meFunctions: CALPELLA_ME_FUNCTIONS,
    }),
    esataDriver({
      id: "esata.ibex-peak",
      title: "eSATA on the 5 Series SATA controller",
      sataControllers: CALPELLA_SATA,
    }),
    cardReaderDriver({
      id: "card-reader.ricoh",
      title: "Ricoh card readers",
      pciReaders: CALPELLA_CARD_READERS,
    }),
    wifiDriver({ id: "wifi.centrino", title: "Centrino WLAN modules", modules: CALPELLA_WLAN }),
  ],
});
