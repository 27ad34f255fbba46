import type { Inventory } from "../../../core/inventory/inventory.js";
import type { SmbiosPortConnector } from "../../../core/inventory/smbios/schema.js";

/**
 * SMBIOS type 8 records copied from Intel's reference BIOS defaults rather than describing the
 * machine: Intel's platform sample code declares `PORT_INFO_ESATA4 { "J7J1", "eSATA Port 4" }`
 * and `PORT_INFO_ESATA3 { "J6J1", "eSATA Port 3" }` (header `_SMBIOS_PLATFORM_INFO_H_` of its
 * PlatSamplePkg), and consumer BIOSes ship them unchanged (linux-hw-facts §1.5).
 */
const REFERENCE_ESATA = [
  { internal: /^J7J1$/i, external: /^eSATA Port 4$/i },
  { internal: /^J6J1$/i, external: /^eSATA Port 3$/i },
];

/** Whether a type 8 record is one of Intel's reference eSATA defaults, copied verbatim. */
export function isReferenceEsata(port: SmbiosPortConnector): boolean {
  return REFERENCE_ESATA.some(
    (r) =>
      r.internal.test(port.internalDesignator ?? "") &&
      r.external.test(port.externalDesignator ?? ""),
  );
}

/** DSP0134 §7.4.1 chassis types of portable machines. */
const PORTABLE =
  /^(Portable|Laptop|Notebook|Hand Held|Sub Notebook|Convertible|Detachable|Tablet)$/i;

/**
 * Connectors no notebook of the vPro era has on its own body: PS/2 keyboard or mouse ports, a
 * floppy or parallel IDE connector (DSP0134 §7.9.2/7.9.3 types; "OnBoard Floppy Type",
 * "OnBoard Primary IDE" in AMI's desktop defaults).
 */
const DESKTOP_ONLY = /floppy|primary ide|secondary ide|keyboard port|mouse port|^ps\/2$/i;

/**
 * The type 8 records of a portable machine that are a desktop board's template (HP Presario CQ57:
 * PS/2 keyboard and mouse, COM 1, floppy, IDE, TV out): then none of them describes the machine.
 * Returns the record that gives it away, or `null`.
 */
export function desktopTemplateMarker(inventory: Inventory): SmbiosPortConnector | null {
  const chassis = inventory.smbios?.identity?.chassis?.type;
  if (chassis === null || chassis === undefined || !PORTABLE.test(chassis)) return null;
  for (const port of inventory.smbios?.portConnectors ?? []) {
    const fields = [
      port.internalDesignator,
      port.externalDesignator,
      port.internalType,
      port.externalType,
      port.portType,
    ];
    if (fields.some((f) => f !== null && DESKTOP_ONLY.test(f))) return port;
  }
  return null;
}

/**
 * Whether an SMBIOS type 22 battery is Intel's reference "virtual battery" (`-Virtual Battery 0-`,
 * `CRB Battery 0`, PORTABLE_BATTERY_INFO_VIRTUAL in Intel's platform sample code) rather than a
 * real one: consumer BIOSes (Acer Aspire 5750, Lenovo G570) carry it unchanged.
 */
export function isVirtualBattery(manufacturer: string | null, name: string | null): boolean {
  return /virtual battery/i.test(manufacturer ?? "") || /^CRB Battery/i.test(name ?? "");
}
