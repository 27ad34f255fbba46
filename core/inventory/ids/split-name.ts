/** A vendor's and a device's name, each `null` when the description does not give it. @public */
export interface VendorAndDevice {
  readonly vendorName: string | null;
  readonly deviceName: string | null;
}

/**
 * Splits a tool's one-line description of a device — lspci's `Intel Corporation QM57 Chipset LPC
 * Interface Controller`, lsusb's `Intel Corp. Integrated Rate Matching Hub` — into the vendor's
 * and the device's names. The tools join the two names with a space and print the placeholder
 * `Device` for a name their database lacks (pciutils lib/names.c, `format_name_pair`: `Device`,
 * `<vendor> Device`), so the split needs the vendor's name as the database spells it: when
 * `knownVendor` does not start the description (the dump's database was older or newer), the
 * vendor stays `null` and the device name is the whole description.
 *
 * @public
 */
export function splitVendorName(description: string, knownVendor: string | null): VendorAndDevice {
  const text = description.trim();
  if (text === "" || text === "Device") return { vendorName: null, deviceName: null };
  if (knownVendor !== null && knownVendor !== "") {
    if (text === knownVendor) return { vendorName: knownVendor, deviceName: null };
    if (text.startsWith(`${knownVendor} `)) {
      const rest = text.slice(knownVendor.length + 1).trim();
      return {
        vendorName: knownVendor,
        deviceName: rest === "Device" || rest === "" ? null : rest,
      };
    }
  }
  if (text.endsWith(" Device"))
    return { vendorName: text.slice(0, -" Device".length).trim() || null, deviceName: null };
  return { vendorName: null, deviceName: text };
}
