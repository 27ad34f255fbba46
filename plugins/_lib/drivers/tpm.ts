import type { Device, Driver, Evidence, Fact } from "../../../core/plugin/api.js";
import type { Inventory } from "../../../core/inventory/inventory.js";
import type { TpmDevice } from "../../../core/inventory/tpm/schema.js";
import { absent, cite, withNote } from "../facts/evidence.js";
import { otherDevice } from "../facts/device.js";
import { known, unknown, type Facts } from "../facts/fact.js";
import { TPM_ACPI_IDS, TPM_IDS } from "../ids/tpm.js";
import {
  acpiTable,
  devicesWithIds,
  namespaceComplete,
  namespaceEvidence,
  tableEvidence,
  tableListComplete,
  tableListEvidence,
  type AcpiMatch,
} from "../read/acpi.js";

/** Options of {@link tpmDriver}. */
export interface TpmDriverOptions {
  readonly id?: string;
  readonly title?: string;
}

const RUNTIME_ONLY =
  "only the running system tells (/sys/class/tpm/tpm0/{enabled,active,owned}, drivers/char/tpm/tpm-sysfs.c)";

/**
 * The TPM driver: the kernel's TPM devices when the evidence has `/sys/class/tpm`, else what the
 * firmware declares. An ACPI `TCPA` table means a TPM 1.2 and `TPM2` a TPM 2.0 (TCG ACPI
 * specification); a TPM device in the namespace without either table may be disabled or hidden
 * by the BIOS (HP EliteBook 8440p), so its presence is unknown; a whole dump with neither means
 * there is none. The vendor comes from the kernel, a fixed `_HID`, SMBIOS type 43 or Lenovo's
 * type 134 "TPM INFO"; a `_HID` computed at run time names no vendor.
 */
export function tpmDriver(options: TpmDriverOptions = {}): Driver {
  return {
    id: options.id ?? "tpm",
    class: "tpm",
    title: options.title ?? "TPM from sysfs, ACPI and SMBIOS",
    probe: ({ inventory }) => {
      const sysfs = inventory.tpm;
      if (sysfs !== null && sysfs.length > 0) return sysfs.map(kernelTpm);
      return firmwareTpm(inventory);
    },
  };
}

function kernelTpm(t: TpmDevice): Device {
  const maker = t.manufacturer?.vendor ?? t.manufacturer?.id ?? "?";
  const at = cite(
    t.at,
    `${t.name}: version ${t.versionMajor ?? "?"}, TCG ${t.tcgVersion ?? "?"}, manufacturer ${maker}`,
  );
  const version =
    t.versionMajor === 2 ? "2.0" : t.versionMajor === 1 || t.tcgVersion === "1.2" ? "1.2" : null;
  const flag = (value: boolean | null, name: string): Fact =>
    value === null ? unknown(`the kernel does not show ${name}`, at) : known(value, at);
  const facts: Facts = {
    present: known(true, withNote(at, "the kernel has a TPM character device")),
    version:
      version === null
        ? unknown("neither tpm_version_major nor caps says", at)
        : known(version, at),
    vendor: t.manufacturer?.vendor
      ? known(t.manufacturer.vendor, at)
      : unknown("the manufacturer id is not ASCII", at),
    enabled: flag(t.enabled, "enabled"),
    active: flag(t.active, "active"),
    owned: flag(t.owned, "owned"),
  };
  return otherDevice(
    "tpm",
    t.name,
    "tpm",
    version === null ? "TPM" : `TPM ${version}`,
    facts,
    [at],
    t.driver,
  );
}

/** What the firmware says of the TPM: present (with version), none, or cannot tell. */
type Presence = { readonly present: Fact; readonly version: Fact } | "none" | "unknown";

function presence(inventory: Inventory, declared: readonly AcpiMatch[]): Presence {
  const tcpa = acpiTable(inventory, "TCPA");
  const tpm2 = acpiTable(inventory, "TPM2");
  if (tcpa !== undefined && tpm2 !== undefined) {
    const tables = [tableEvidence(tcpa), tableEvidence(tpm2)];
    return {
      present: known(true, ...tables),
      version: unknown("the firmware publishes both TCPA (1.2) and TPM2 (2.0) tables", ...tables),
    };
  }
  const table = tcpa ?? tpm2;
  if (table !== undefined) {
    const at = tableEvidence(
      table,
      tpm2 !== undefined
        ? "TPM2 table: a TPM 2.0"
        : "TCPA table: a TPM 1.2 (TCG ACPI specification)",
    );
    return {
      present: known(true, at, ...declared.map((d) => d.evidence)),
      version: known(tpm2 !== undefined ? "2.0" : "1.2", at),
    };
  }
  const smbios = inventory.smbios?.tpmDevices?.[0];
  if (smbios !== undefined) {
    const at = cite(
      smbios.at,
      `SMBIOS 43 TPM device: ${smbios.vendorId ?? "?"}, spec ${smbios.specVersion ?? "?"}`,
    );
    const spec = smbios.specVersion ?? "";
    const version = spec.startsWith("2") ? "2.0" : spec.startsWith("1.2") ? "1.2" : null;
    return {
      present: known(true, at),
      version:
        version === null
          ? unknown("SMBIOS 43 names no known spec version", at)
          : known(version, at),
    };
  }
  const first = declared[0];
  if (first !== undefined) {
    // HP EliteBook 8440p: GTPM is declared (its _STA may hide it) and there is no TCPA table.
    const why =
      "a TPM device is declared in ACPI but the firmware publishes no TCPA/TPM2 table: it may be disabled or hidden in the BIOS";
    return {
      present: unknown(why, ...declared.map((d) => d.evidence), tableListEvidence(inventory)),
      version: unknown("no TCPA/TPM2 table", first.evidence),
    };
  }
  return tableListComplete(inventory) && namespaceComplete(inventory) ? "none" : "unknown";
}

function firmwareTpm(inventory: Inventory): Device[] | null {
  const declared = devicesWithIds(inventory, TPM_IDS);
  const found = presence(inventory, declared);
  if (found === "none") return [];
  if (found === "unknown") {
    if (inventory.acpi === null) return null;
    const why = "no TCPA/TPM2 table and no TPM device found, but the ACPI dump is not complete";
    const present = unknown(why, tableListEvidence(inventory), namespaceEvidence(inventory));
    return [tpmDevice(null, { present, version: unknown(why), vendor: unknown(why) })];
  }
  return [tpmDevice(declared[0] ?? null, { ...found, vendor: vendorOf(inventory, declared) })];
}

function tpmDevice(
  where: AcpiMatch | null,
  facts: { present: Fact; version: Fact; vendor: Fact },
): Device {
  const all: Facts = {
    ...facts,
    enabled: unknown(RUNTIME_ONLY),
    active: unknown(RUNTIME_ONLY),
    owned: unknown(RUNTIME_ONLY),
  };
  const id = where === null ? "platform-tpm" : `acpi-${where.device.path}`;
  return otherDevice(
    "tpm",
    id,
    where === null ? "platform" : "acpi",
    "TPM",
    all,
    facts.present.evidence,
  );
}

function vendorOf(inventory: Inventory, declared: readonly AcpiMatch[]): Fact {
  for (const match of declared) {
    const fixed = match.device.hid;
    const vendor = fixed === null ? null : TPM_ACPI_IDS[fixed];
    if (vendor)
      return known(vendor, withNote(match.evidence, `fixed _HID ${fixed} names ${vendor}`));
  }
  const smbios = inventory.smbios?.tpmDevices?.find((t) => t.vendorId !== null);
  if (smbios?.vendorId)
    return known(smbios.vendorId, cite(smbios.at, `SMBIOS 43 vendor ${smbios.vendorId}`));
  const lenovo = inventory.smbios?.lenovoTpmInfo?.find((t) => t.vendor !== null);
  if (lenovo?.vendor) {
    return known(
      lenovo.vendor,
      cite(
        lenovo.at,
        `SMBIOS 134 TPM INFO vendor "${lenovo.vendor}"`,
        "Lenovo's OEM record naming the TPM's maker",
      ),
    );
  }
  const evidence: Evidence[] = declared.map((d) => d.evidence);
  const runtime = declared.find((d) => d.device.hid === null && d.device.hidCandidates.length > 1);
  if (runtime !== undefined) {
    const ids = runtime.device.hidCandidates.join(", ");
    return unknown(
      `_HID is chosen at run time among ${ids}; no SMBIOS record names the vendor`,
      ...evidence,
    );
  }
  const noRecord = inventory.smbios
    ? cite(inventory.smbios.at, "SMBIOS table", "no type 43 or 134 TPM record")
    : absent("logs/dmidecode", "no SMBIOS table in the evidence");
  return unknown("no fixed vendor _HID and no SMBIOS TPM record", ...evidence, noRecord);
}
