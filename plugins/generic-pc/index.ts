import { definePlatformPlugin } from "../../core/plugin/api.js";

/**
 * The generic PC platform: matches every machine with the lowest score, so that any machine
 * gets a platform. Its drivers detect each device class from generic evidence (PCI class codes,
 * kernel drivers, ACPI tables, CPU flags, SMBIOS); they arrive with the drivers work, and until
 * then it declares none rather than pretend.
 */
export default definePlatformPlugin({
  name: "generic-pc",
  version: "0.1.0",
  apiVersion: 1,
  platform: { title: "Generic PC", match: { fallback: true } },
  drivers: [],
});
