import type { Evidence } from "../../../core/plugin/api.js";
import type { Inventory } from "../../../core/inventory/inventory.js";
import type { IntelAmt, IntelVpro } from "../../../core/inventory/smbios/oem-schema.js";
import { cite } from "../facts/evidence.js";

const hex = (n: number | null, width = 2) =>
  n === null ? "?" : `0x${n.toString(16).padStart(width, "0")}`;
const bit = (b: boolean | null) => (b === null ? "?" : b ? "1" : "0");

/** Intel's vPro record (SMBIOS OEM type 131 ending in `vPro`) and its citation. */
export interface VproRecord {
  readonly record: IntelVpro;
  readonly evidence: Evidence;
}

/**
 * The first SMBIOS type 131 `vPro` record (Intel reference BIOS `MeSmbios.h`,
 * `MISC_OEM_TYPE_0x83`): CPU_CAP bits and the PCH's device id. `null` when there is none or the
 * SMBIOS table is not in the evidence.
 */
export function vproRecord(inventory: Inventory): VproRecord | null {
  const record = inventory.smbios?.intelVpro?.[0];
  if (record === undefined) return null;
  const pch = record.pch === null ? "?" : record.pch.deviceId;
  const text =
    `SMBIOS 131 vPro: CPU_CAP ${hex(record.cpuCapabilities)} (VMX ${bit(record.vmx)}, SMX ${bit(record.smx)}, ` +
    `TXT capable ${bit(record.txtCapable)}, TXT enabled ${bit(record.txtEnabled)}, ` +
    `VT-x capable ${bit(record.vtxCapable)}, VT-x enabled ${bit(record.vtxEnabled)}), PCH ${pch}`;
  return { record, evidence: cite(record.at, text) };
}

/** Intel's `$AMT` record (SMBIOS OEM type 130) and its citation. */
export interface AmtRecord {
  readonly record: IntelAmt;
  readonly evidence: Evidence;
}

/**
 * The first SMBIOS type 130 `$AMT` record (`MISC_OEM_TYPE_0x82`). Consumer reference BIOSes
 * carry it with every byte set (linux-hw-facts §0.1), so its "yes" answers prove nothing alone.
 */
export function amtRecord(inventory: Inventory): AmtRecord | null {
  const record = inventory.smbios?.intelAmt?.[0];
  if (record === undefined) return null;
  const text =
    `SMBIOS 130 $AMT: supported ${bit(record.supported)}, enabled ${bit(record.enabled)}, ` +
    `IDE-R ${bit(record.ideR)}, SOL ${bit(record.sol)}, network ${bit(record.network)}`;
  return { record, evidence: cite(record.at, text) };
}

/**
 * A firmware version worth reporting: `major.minor.hotfix.build` with a non-zero major. The
 * MEI `fw_ver` of ICH9M/Ibex Peak reads `0:0.0.0.0` (drivers/misc/mei/hw-me.c, no
 * `MEI_CFG_FW_VER_SUPP`), and older BIOSes leave SMBIOS 131's ME_CAP version zero or fill it
 * differently (Latitude E6400).
 */
export function meaningfulVersion(version: string | null | undefined): string | null {
  if (version === null || version === undefined) return null;
  const bare = version.replace(/^\d+:/, "").trim();
  return /^[1-9]\d?\.\d+\.\d+\.\d+$/.test(bare) ? bare : null;
}
