import type { DeviceClass } from "../plugin/api.js";

/**
 * The facts a driver of each class gives its devices, by the names the capability summary reads.
 * This is the contract between drivers and the summary (DESIGN.md, "Facts and capabilities"):
 * a driver may add facts of its own, but these names mean exactly this.
 *
 * - `tpm` (one device per TPM; none when there is none): `present` (boolean), `version`
 *   ("1.2" | "2.0"), `vendor` (TCG vendor id: "IFX", "STM", "ATML", "BRCM", "NTC"…), `enabled`,
 *   `active`, `owned`.
 * - `txt` (one platform device): `capable`, `enabled`.
 * - `vpro` (one platform device): `amtCapable`, `amtEnabled`, `meFirmware` (version string).
 * - `esata` (one platform device): `ports` (number of external SATA ports).
 * - `card-reader`: one device per memory-card host controller function (PCI function or USB
 *   device), with or without a bound driver.
 * - `wifi`: one device per WiFi adapter.
 * - `virtualization` (one platform device): `vtxCapable`, `vtxEnabled` (usable by the OS), `vtd`.
 * - `crypto` (one platform device): `aesni`.
 * - `power` (one platform device): `lid`, `s3`, `battery`.
 * - `display`: one device per output: `kind` (LVDS, VGA, DP, HDMI…), `connected`.
 * - `usb`: one device per host controller: `kind` ("uhci" | "ohci" | "ehci" | "xhci").
 * - `memory` (one platform device): `totalMiB`.
 * - `cpu` (one platform device): `vendor`, `model`, `cores`, `threads`.
 *
 * @public
 */
export const CLASS_FACTS: Readonly<Record<DeviceClass, readonly string[]>> = {
  tpm: ["present", "version", "vendor", "enabled", "active", "owned"],
  txt: ["capable", "enabled"],
  vpro: ["amtCapable", "amtEnabled", "meFirmware"],
  esata: ["ports"],
  "card-reader": [],
  wifi: [],
  virtualization: ["vtxCapable", "vtxEnabled", "vtd"],
  crypto: ["aesni"],
  power: ["lid", "s3", "battery"],
  display: ["kind", "connected"],
  usb: ["kind"],
  memory: ["totalMiB"],
  cpu: ["vendor", "model", "cores", "threads"],
};
