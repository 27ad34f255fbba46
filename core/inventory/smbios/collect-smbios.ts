import type { EvidenceSource } from "../../evidence/evidence-source.js";
import type { Diagnostic, Parsed } from "../common.js";
import { DMI_ID, identityFromDmiId } from "./dmi-id.js";
import { parseDmidecode } from "./parse-dmidecode.js";
import { parseSmbiosTable } from "./parse-smbios-binary.js";
import type { Smbios } from "./schema.js";

/** The raw structure table the kernel exports (drivers/firmware/dmi-sysfs.c, root-only). */
const DMI_TABLE = "/sys/firmware/dmi/tables/DMI";
/** Its entry point (`_SM_`, `_SM3_` or `_DMI_`). */
const DMI_ENTRY_POINT = "/sys/firmware/dmi/tables/smbios_entry_point";

/**
 * The SMBIOS section of the evidence, from the best source it has: the binary table in the
 * sysroot, else hw-probe's `logs/dmidecode`, else the identity files of `/sys/class/dmi/id`
 * (world-readable, so a live run without root still knows what the machine is; its
 * `structures` and views are then `null`). `null` when the evidence has none of these.
 *
 * @public
 */
export function collectSmbios(source: EvidenceSource): Parsed<Smbios> {
  const diagnostics: Diagnostic[] = [];
  const table = source.sys?.readBytes(DMI_TABLE) ?? null;
  if (table !== null) {
    const entryPoint = source.sys?.readBytes(DMI_ENTRY_POINT) ?? null;
    const parsed = parseSmbiosTable(table, DMI_TABLE, entryPoint);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.value !== null) return { value: parsed.value, diagnostics };
  }
  const log = source.log("dmidecode");
  if (log !== null) {
    const parsed = parseDmidecode(log.text, log.name);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.value !== null) return { value: parsed.value, diagnostics };
  }
  const identity = source.sys === null ? null : identityFromDmiId(source.sys);
  if (identity === null) return { value: null, diagnostics };
  return { value: identityOnly(identity), diagnostics };
}

function identityOnly(identity: NonNullable<Smbios["identity"]>): Smbios {
  return {
    version: null,
    complete: false,
    structures: null,
    identity,
    processors: null,
    memoryDevices: null,
    portConnectors: null,
    batteries: null,
    tpmDevices: null,
    intelAsf: null,
    intelAmt: null,
    intelVpro: null,
    lenovoTpmInfo: null,
    dellStrings: null,
    at: { file: DMI_ID },
  };
}
