import { definePlatformPlugin } from "../../core/plugin/api.js";
import { cardReaderDriver } from "../_lib/drivers/card-reader.js";
import { cpuDriver } from "../_lib/drivers/cpu.js";
import { cryptoDriver } from "../_lib/drivers/crypto.js";
import { displayDriver } from "../_lib/drivers/display.js";
import { esataDriver } from "../_lib/drivers/esata.js";
import { memoryDriver } from "../_lib/drivers/memory.js";
import { powerDriver } from "../_lib/drivers/power.js";
import { tpmDriver } from "../_lib/drivers/tpm.js";
import { txtDriver } from "../_lib/drivers/txt.js";
import { usbDriver } from "../_lib/drivers/usb.js";
import { virtualizationDriver } from "../_lib/drivers/virtualization.js";
import { vproDriver } from "../_lib/drivers/vpro.js";
import { wifiDriver } from "../_lib/drivers/wifi.js";
import { CONSUMER_CHIPSETS } from "./chipsets.js";
import { AMT_FUNCTIONS } from "./me-functions.js";

/**
 * The generic PC platform: matches every machine with the lowest score, and detects every device
 * class from generic evidence — PCI class codes and kernel drivers, ACPI tables and ids, CPU flags,
 * SMBIOS (types 4, 8, 17, 22, 43 and Intel's OEM 130/131). It knows the consumer chipsets that have
 * neither AMT nor TXT and AMT's PCI functions of every generation; where only a platform plugin
 * would know more, it answers "unknown" and says why. Platform plugins use its drivers for the
 * classes they do not declare.
 */
export default definePlatformPlugin({
  name: "generic-pc",
  version: "0.1.0",
  apiVersion: 1,
  platform: { title: "Generic PC", match: { fallback: true } },
  drivers: [
    tpmDriver(),
    txtDriver({ chipsets: CONSUMER_CHIPSETS }),
    vproDriver({ chipsets: CONSUMER_CHIPSETS, meFunctions: AMT_FUNCTIONS }),
    esataDriver(),
    cardReaderDriver(),
    wifiDriver(),
    powerDriver(),
    displayDriver(),
    usbDriver(),
    virtualizationDriver(),
    cryptoDriver(),
    memoryDriver(),
    cpuDriver(),
  ],
});
