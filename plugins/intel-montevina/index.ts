import { definePlatformPlugin } from "../../core/plugin/api.js";
import { cardReaderDriver } from "../_lib/drivers/card-reader.js";
import { esataDriver } from "../_lib/drivers/esata.js";
import { tpmDriver } from "../_lib/drivers/tpm.js";
import { txtDriver } from "../_lib/drivers/txt.js";
import { vproDriver } from "../_lib/drivers/vpro.js";
import { wifiDriver } from "../_lib/drivers/wifi.js";
import { MONTEVINA_CHIPSETS, MONTEVINA_MATCH, MONTEVINA_ME_FUNCTIONS } from "./chipset.js";
import { MONTEVINA_CARD_READERS, MONTEVINA_SATA, MONTEVINA_WLAN } from "./devices.js";

/**
 * Intel's 2008 vPro laptop platform: GM45/GS45 with the ICH9M-E (Centrino 2 with vPro, AMT 4.0,
 * TXT). Matches on the ICH9M-E's LPC bridge or SMBIOS 131's PCH id; not on the GM45 host bridge
 * (8086:2a40), which consumer GM45 + ICH9M laptops share. Supporting classes come from generic-pc.
 */
export default definePlatformPlugin({
  name: "intel-montevina",
  version: "0.1.0",
  apiVersion: 1,
  platform: { title: "Intel GM45/GS45 + ICH9M-E (Montevina) vPro", match: MONTEVINA_MATCH },
  drivers: [
    tpmDriver({ id: "tpm.tis12", title: "TPM 1.2 on LPC (TCPA, ACPI, SMBIOS)" }),
    txtDriver({
      id: "txt.ich9m-e",
      title: "TXT on GM45/GS45 + ICH9M-E",
      chipsets: MONTEVINA_CHIPSETS,
    }),
    vproDriver({
      id: "amt.ich9m-e",
      title: "AMT 4.0 on the GM45 Management Engine",
      chipsets: MONTEVINA_CHIPSETS,
      meFunctions: MONTEVINA_ME_FUNCTIONS,
    }),
    esataDriver({
      id: "esata.ich9m",
      title: "eSATA on the ICH9M SATA controller",
      sataControllers: MONTEVINA_SATA,
    }),
    cardReaderDriver({
      id: "card-reader.ricoh",
      title: "Ricoh R5C8xx card readers",
      pciReaders: MONTEVINA_CARD_READERS,
    }),
    wifiDriver({ id: "wifi.centrino2", title: "Centrino 2 WLAN modules", modules: MONTEVINA_WLAN }),
  ],
});
