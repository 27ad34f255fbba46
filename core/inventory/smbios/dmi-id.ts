import type { EvidenceFs } from "../../evidence/evidence-fs.js";
import { chassisTypeName, OUT_OF_SPEC } from "./dsp0134-names.js";
import type { SystemIdentity } from "./schema.js";

/** The kernel's DMI identity folder (drivers/firmware/dmi-id.c). */
export const DMI_ID = "/sys/class/dmi/id";

/**
 * The world-readable files of {@link DMI_ID}. The kernel creates a file only when the firmware
 * gives its string (`ADD_DMI_ATTR` in dmi-id.c), so an absent file is an absent string. The
 * serial, UUID and asset-tag files are root-only and never read.
 */
const FILES = [
  "sys_vendor",
  "product_name",
  "product_version",
  "product_sku",
  "product_family",
  "bios_vendor",
  "bios_version",
  "bios_date",
  "board_vendor",
  "board_name",
  "board_version",
  "chassis_type",
] as const;

/**
 * The machine's identity from `/sys/class/dmi/id`, readable without root when the SMBIOS table
 * is not; `null` when none of its files can be read. `chassis_type` holds the type code in
 * decimal, lock bit cleared (`dmi_save_type`, drivers/firmware/dmi_scan.c).
 *
 * @public
 */
export function identityFromDmiId(fs: EvidenceFs): SystemIdentity | null {
  const values = new Map<string, string | null>();
  for (const name of FILES) {
    const text = fs.readText(`${DMI_ID}/${name}`);
    values.set(name, text === null ? null : text.trim() === "" ? null : text.trim());
  }
  const get = (name: (typeof FILES)[number]): string | null => values.get(name) ?? null;
  const any = (...names: (typeof FILES)[number][]): boolean => names.some((n) => get(n) !== null);
  if (!any(...FILES)) return null;
  const at = { file: DMI_ID };
  const code = /^\d{1,3}$/.test(get("chassis_type") ?? "") ? Number(get("chassis_type")) : null;
  const name = code === null ? null : chassisTypeName(code);
  return {
    system: any("sys_vendor", "product_name", "product_version", "product_sku", "product_family")
      ? {
          vendor: get("sys_vendor"),
          product: get("product_name"),
          version: get("product_version"),
          sku: get("product_sku"),
          family: get("product_family"),
          at,
        }
      : null,
    bios: any("bios_vendor", "bios_version", "bios_date")
      ? { vendor: get("bios_vendor"), version: get("bios_version"), date: get("bios_date"), at }
      : null,
    baseboard: any("board_vendor", "board_name", "board_version")
      ? {
          vendor: get("board_vendor"),
          product: get("board_name"),
          version: get("board_version"),
          at,
        }
      : null,
    chassis:
      code === null
        ? null
        : { type: name === OUT_OF_SPEC ? null : name, typeCode: code & 0x7f, at },
  };
}
